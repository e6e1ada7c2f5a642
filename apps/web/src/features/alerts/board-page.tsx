import type { AlertBoard } from '@khien/contracts';
import { Anchor, Badge, Card, Grid, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Empty } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { useMe } from '../../lib/auth-context';
import { formatDateTime } from '../../lib/format-date';
import { useNow } from '../../lib/use-now';
import { OrgPicker, type PickedOrg } from '../orgs';
import { AckCountdown, SeverityBadge } from './alert-badges';
import { canSeeBoard, clockVn } from './alert-model';
import { pollWhenDown, useAlertStream } from './alert-stream';
import { alertKeys, alertsApi } from './alerts-api';
import { BOARD_COLUMNS, boardTotals, sortCommunes } from './board-model';

const BoardChart = lazy(() => import('./board-chart'));

function Totals({ board }: { board: AlertBoard }) {
  const { t } = useTranslation();
  const totals = boardTotals(board.byCommune);
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" data-testid="board-totals">
      {BOARD_COLUMNS.map((k) => (
        <Paper key={k} withBorder p="xs" radius="md" ta="center">
          <Text size="xl" fw={700} c={(k === 'overdue' || k === 'critical') && totals[k] > 0 ? 'red.7' : undefined}>
            {totals[k]}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`alerts.board.cols.${k}`)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function CommuneTable({ board }: { board: AlertBoard }) {
  const { t } = useTranslation();
  const noCommune = t('alerts.board.noCommune');
  return (
    <Paper withBorder p="xs" style={{ overflowX: 'auto' }}>
      <Table verticalSpacing={4} fz="sm" data-testid="board-table" aria-label={t('alerts.board.byCommune')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('alerts.board.commune')}</Table.Th>
            {BOARD_COLUMNS.map((k) => (
              <Table.Th key={k} ta="right">
                {t(`alerts.board.cols.${k}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sortCommunes(board.byCommune, noCommune).map((r) => (
            <Table.Tr key={r.communeId ?? 'none'} bg={r.overdue > 0 ? 'red.0' : undefined}>
              <Table.Td>{r.communeName ?? noCommune}</Table.Td>
              {BOARD_COLUMNS.map((k) => (
                <Table.Td
                  key={k}
                  ta="right"
                  c={(k === 'overdue' || k === 'critical') && r[k] > 0 ? 'red.7' : undefined}
                  fw={k === 'overdue' && r[k] > 0 ? 700 : undefined}
                >
                  {r[k]}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function Breaches({ board, now }: { board: AlertBoard; now: number }) {
  const { t } = useTranslation();
  if (board.breaches.length === 0) return <Empty title={t('alerts.board.noBreaches')} />;
  return (
    <Stack gap="xs" data-testid="board-breaches">
      {board.breaches.map((a) => (
        <Card key={a.id} withBorder padding="xs" radius="md" style={{ borderColor: 'var(--mantine-color-red-5)' }}>
          <Group gap={6} justify="space-between">
            <SeverityBadge severity={a.severity} size="xs" />
            <AckCountdown dueAt={a.ackDueAt} acknowledged={a.status !== 'new'} overdue={a.overdue} now={now} size="xs" />
          </Group>
          <Anchor component={Link} to={`/alerts/${a.id}`} size="sm" style={{ overflowWrap: 'anywhere' }} translate="no">
            {a.title}
          </Anchor>
          <Text size="xs" c="dimmed">
            {[a.orgName ?? t('alerts.noOrg'), a.communeName].filter(Boolean).join(' · ')}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}

function NotAcknowledged({ board }: { board: AlertBoard }) {
  const { t } = useTranslation();
  if (board.notAcknowledgedBy.length === 0) return <Empty title={t('alerts.board.allAcknowledged')} />;
  return (
    <Stack gap={6} data-testid="board-not-acknowledged">
      {board.notAcknowledgedBy.map((o) => (
        <Group key={o.orgId} justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
              {o.orgName}
            </Text>
            <Text size="xs" c="dimmed">
              {[o.orgParentName, o.oldestDueAt && t('alerts.board.oldestDue', { at: formatDateTime(o.oldestDueAt) })].filter(Boolean).join(' · ')}
            </Text>
          </Stack>
          <Badge color="red" variant="light" style={{ flexShrink: 0 }}>
            {o.count}
          </Badge>
        </Group>
      ))}
    </Stack>
  );
}

/** /alerts/board: the province's (or commune's) live picture, for the coordinators. */
export function BoardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const now = useNow(15_000);
  const live = useAlertStream();
  const [org, setOrg] = useState<PickedOrg | null>(null);
  const allowed = canSeeBoard(me);
  const board = useQuery({
    queryKey: alertKeys.board(org?.id ?? null),
    queryFn: ({ signal }) => alertsApi.board(org?.id ?? null, signal),
    placeholderData: keepPreviousData,
    refetchInterval: pollWhenDown(live),
    enabled: allowed,
  });
  if (!allowed) return <Empty title={t('errors.noAccessTitle')} description={t('errors.noAccess')} />;
  const data = board.data;
  return (
    <Stack gap="md" data-testid="board-page" data-live={live}>
      <PageHeader
        title={t('alerts.board.title')}
        description={data ? t('alerts.board.updatedAt', { time: clockVn(data.at) }) : live ? t('alerts.live.on') : t('alerts.live.off')}
      />
      <div style={{ maxWidth: 420 }}>
        <OrgPicker label={t('alerts.board.scope')} value={org} onChange={setOrg} placeholder={t('alerts.board.scopeHint')} testId="board-org" />
      </div>
      {board.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : !data ? (
        <ErrorAlert error={board.error} />
      ) : (
        <>
          <Totals board={data} />
          {data.byCommune.length > 0 && (
            <Paper withBorder p="sm" radius="md">
              <Title order={5} mb="xs">
                {t('alerts.board.chart')}
              </Title>
              <Suspense fallback={<Loader size="sm" aria-label={t('common.loading')} />}>
                <BoardChart rows={data.byCommune} noCommune={t('alerts.board.noCommune')} />
              </Suspense>
            </Paper>
          )}
          {data.byCommune.length > 0 ? <CommuneTable board={data} /> : <Empty title={t('alerts.board.nothingOpen')} />}
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Title order={4} mb="xs">
                {t('alerts.board.breaches')}
              </Title>
              <Breaches board={data} now={now} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 6 }}>
              <Title order={4} mb="xs">
                {t('alerts.board.notAcknowledged')}
              </Title>
              <NotAcknowledged board={data} />
            </Grid.Col>
          </Grid>
          {board.isError && <ErrorAlert error={board.error} />}
        </>
      )}
    </Stack>
  );
}
