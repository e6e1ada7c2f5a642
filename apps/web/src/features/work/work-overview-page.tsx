import type { WorkOverview } from '@khien/contracts';
import { Anchor, Card, Chip, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Empty } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { workApi, workKeys } from './work-api';
import { useWorkLabels } from './work-labels';
import {
  drillTarget,
  kindChips,
  overviewFromParams,
  kindCount,
  overdueTone,
  overviewTotals,
  sortOverviewRows,
  splitByCommune,
  type OverdueTone,
  type OverviewRow,
} from './work-model';

const ROW_BG: Record<OverdueTone, string | undefined> = { none: undefined, some: 'red.0', most: 'red.1' };

function Overdue({ n, size = 'sm' }: { n: number; size?: string }) {
  return (
    <Text span size={size} c={n > 0 ? 'red.7' : 'dimmed'} fw={n > 0 ? 700 : undefined} data-testid="overdue-count">
      {n}
    </Text>
  );
}

function RowCard({ row, kinds, to }: { row: OverviewRow; kinds: string[]; to: string }) {
  const { t } = useTranslation();
  const labels = useWorkLabels();
  const tone = overdueTone(row);
  return (
    <Card
      component={Link}
      to={to}
      withBorder
      padding="sm"
      radius="md"
      bg={ROW_BG[tone]}
      style={{ borderColor: tone !== 'none' ? 'var(--mantine-color-red-5)' : undefined }}
      data-testid={`overview-card-${row.orgId}`}
      data-tone={tone}
    >
      <Stack gap={6}>
        <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {row.orgName}
        </Text>
        <SimpleGrid cols={4} spacing={4}>
          {(['open', 'overdue', 'submitted', 'closed'] as const).map((k) => (
            <Stack key={k} gap={0} align="center">
              {k === 'overdue' ? <Overdue n={row.overdue} size="lg" /> : <Text size="lg">{row[k]}</Text>}
              <Text size="xs" c="dimmed" ta="center">
                {t(`work.overview.cols.${k}`)}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
        {kinds.length > 1 && (
          <Text size="xs" c="dimmed">
            {kinds
              .map((k) => {
                const c = kindCount(row, k);
                return t('work.overview.kindLine', { kind: labels.kind(k), open: c.open, overdue: c.overdue });
              })
              .join(' · ')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function OverviewTable({ data, rows, kinds, target }: { data: WorkOverview; rows: OverviewRow[]; kinds: string[]; target: (r: OverviewRow) => string }) {
  const { t } = useTranslation();
  const labels = useWorkLabels();
  const navigate = useNavigate();
  const totals = overviewTotals(rows);
  return (
    <Paper withBorder p="xs" style={{ overflowX: 'auto' }}>
      <Table highlightOnHover verticalSpacing={6} fz="sm" data-testid="overview-table" aria-label={t('work.overview.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t(`work.overview.by.${data.by}`)}</Table.Th>
            <Table.Th ta="right">{t('work.overview.cols.open')}</Table.Th>
            <Table.Th ta="right">{t('work.overview.cols.overdue')}</Table.Th>
            <Table.Th ta="right">{t('work.overview.cols.submitted')}</Table.Th>
            <Table.Th ta="right">{t('work.overview.cols.closed')}</Table.Th>
            {kinds.map((k) => (
              <Table.Th key={k} ta="right" title={t('work.overview.kindHeadHint')}>
                {labels.kind(k)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => {
            const tone = overdueTone(r);
            return (
              <Table.Tr
                key={r.orgId}
                bg={ROW_BG[tone]}
                style={{ cursor: 'pointer' }}
                onClick={() => void navigate(target(r))}
                data-testid={`overview-row-${r.orgId}`}
                data-tone={tone}
              >
                <Table.Td>
                  <Anchor component={Link} to={target(r)} c="inherit" onClick={(e) => e.stopPropagation()}>
                    {r.orgName}
                  </Anchor>
                </Table.Td>
                <Table.Td ta="right">{r.open}</Table.Td>
                <Table.Td ta="right">
                  <Overdue n={r.overdue} />
                </Table.Td>
                <Table.Td ta="right">{r.submitted}</Table.Td>
                <Table.Td ta="right">{r.closed}</Table.Td>
                {kinds.map((k) => {
                  const c = kindCount(r, k);
                  return (
                    <Table.Td key={k} ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {c.open}
                      {c.overdue > 0 && (
                        <Text span size="xs" c="red.7" fw={700}>
                          {' '}
                          ({c.overdue})
                        </Text>
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700}>
            <Table.Td>{t('work.overview.total')}</Table.Td>
            <Table.Td ta="right">{totals.open}</Table.Td>
            <Table.Td ta="right">
              <Overdue n={totals.overdue} />
            </Table.Td>
            <Table.Td ta="right">{totals.submitted}</Table.Td>
            <Table.Td ta="right">{totals.closed}</Table.Td>
            {kinds.map((k) => (
              <Table.Td key={k} />
            ))}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Paper>
  );
}

/** /work/overview: what each commune (or, at a commune, each unit) owes, most overdue first; a row drills down. */
export function WorkOverviewPage() {
  const { t } = useTranslation();
  const labels = useWorkLabels();
  const wide = useMediaQuery('(min-width: 48em)') ?? false;
  const [params, setParams] = useSearchParams();
  const query = overviewFromParams(params);
  const { orgId, kind } = query;
  const overview = useQuery({
    queryKey: workKeys.overview(query),
    queryFn: ({ signal }) => workApi.overview(query, signal),
    placeholderData: keepPreviousData,
  });
  const data = overview.data;
  const rows = data ? sortOverviewRows(data.rows) : [];
  // the columns: one kind when filtered, else every kind the server reports
  const kinds = kind
    ? [kind]
    : kindChips(
        (data?.kinds ?? []).map((k) => ({ kind: k, open: 0, overdue: 0 })),
        null,
      ).map((k) => k.kind);
  // a unit under no commune has no units to drill into: its own list
  const target = (r: OverviewRow) => drillTarget(r.inCommune ? (data?.by ?? 'commune') : 'org', r, kind ?? null);
  const setKind = (k: string | null) => {
    const next = new URLSearchParams(params);
    if (k) next.set('kind', k);
    else next.delete('kind');
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('work.overview.title')}
        description={data ? (data.orgName ? t(`work.overview.under.${data.by}`, { name: data.orgName }) : t(`work.overview.all.${data.by}`)) : undefined}
      />
      <Stack gap="xs" mb="md">
        {orgId && (
          <Anchor component={Link} to="/work/overview" size="sm" data-testid="overview-up">
            ‹ {t('work.overview.up')}
          </Anchor>
        )}
        {(data?.kinds.length ?? 0) > 1 || kind ? (
          <Chip.Group multiple={false} value={kind ?? ''} onChange={(v) => setKind(v === '' ? null : (v as string))}>
            <Group gap={6} role="group" aria-label={t('work.todo.kindFilter')}>
              <Chip value="" size="sm" variant="outline">
                {t('work.todo.allKinds')}
              </Chip>
              {kindChips(
                (data?.kinds ?? []).map((k) => ({ kind: k, open: 0, overdue: 0 })),
                kind ?? null,
              ).map((k) => (
                <Chip key={k.kind} value={k.kind} size="sm" variant="outline">
                  {labels.kind(k.kind)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        ) : null}
      </Stack>
      {overview.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : overview.isError ? (
        <ErrorAlert error={overview.error} />
      ) : rows.length === 0 || !data ? (
        <Empty title={t('work.overview.empty')} />
      ) : (
        splitByCommune(rows).map((group) => (
          <Stack key={group.inCommune ? 'communes' : 'provincial'} gap="xs" mb="lg" data-testid={group.inCommune ? 'overview-communes' : 'overview-provincial'}>
            {!group.inCommune && (
              <Title order={4} size="h5">
                {t('work.overview.provincial')}
              </Title>
            )}
            {wide ? (
              <OverviewTable data={data} rows={group.rows} kinds={kinds} target={target} />
            ) : (
              <Stack gap="sm" data-testid="overview-cards">
                {group.rows.map((r) => (
                  <RowCard key={r.orgId} row={r} kinds={kinds} to={target(r)} />
                ))}
              </Stack>
            )}
          </Stack>
        ))
      )}
    </>
  );
}
