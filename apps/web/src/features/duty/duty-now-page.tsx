import type { OnDutyRow } from '@khien/contracts';
import { Anchor, Badge, Card, Group, Loader, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback, useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ChoiceControl } from '../../components/choice-control';
import { Empty } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { formatDateTime } from '../../lib/format-date';
import { NOW_LIMIT, dutyApi, dutyKeys } from './duty-api';
import { STAFFED, nowFromParams, paramsFromNow, telHref, type NowFilters, type Staffed } from './duty-model';

type Person = OnDutyRow['people'][number];

function Phone({ phone }: { phone: string | null }) {
  if (!phone) return null;
  return (
    <Anchor href={telHref(phone)} size="sm" fw={600} style={{ whiteSpace: 'nowrap' }} data-testid="duty-phone">
      {phone}
    </Anchor>
  );
}

function PersonLine({ person }: { person: Person }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0} data-testid="duty-person">
      <Group gap={6} wrap="wrap">
        <Text size="sm" fw={600}>
          {person.name}
        </Text>
        <Phone phone={person.phone} />
        {person.overridden && (
          <Badge color="orange" variant="light" size="xs" data-testid="duty-override-badge">
            {t('duty.now.overridden')}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {[person.rotationName, person.until ? t('duty.now.until', { at: formatDateTime(person.until) }) : null].filter(Boolean).join(' · ')}
      </Text>
    </Stack>
  );
}

function People({ row }: { row: OnDutyRow }) {
  const { t } = useTranslation();
  if (row.source === 'none' || row.people.length === 0) {
    return (
      <Text size="sm" c="red.7" fw={700} data-testid="duty-nobody">
        {t('duty.now.nobody')}
      </Text>
    );
  }
  return (
    <Stack gap={6}>
      {row.people.map((p) => (
        <PersonLine key={p.userId} person={p} />
      ))}
      {row.source === 'role' && (
        <Text size="xs" c="dimmed">
          {t('duty.now.byRole')}
        </Text>
      )}
    </Stack>
  );
}

function Hotline({ row }: { row: OnDutyRow }) {
  const { t } = useTranslation();
  if (!row.hotline) return null;
  return (
    <Text size="xs">
      {t('duty.now.hotline')} <Phone phone={row.hotline} />
    </Text>
  );
}

function RowCard({ row }: { row: OnDutyRow }) {
  const nobody = row.source === 'none' || row.people.length === 0;
  return (
    <Card
      withBorder
      padding="sm"
      radius="md"
      bg={nobody ? 'red.0' : undefined}
      style={{ borderColor: nobody ? 'var(--mantine-color-red-5)' : undefined, minWidth: 0 }}
      data-testid={`duty-card-${row.orgId}`}
      data-source={row.source}
    >
      <Stack gap={6}>
        <Stack gap={0}>
          <Anchor component={Link} to={`/duty/${row.orgId}`} fw={600} size="sm" c="inherit" style={{ overflowWrap: 'anywhere' }}>
            {row.orgName}
          </Anchor>
          {row.orgParentName && (
            <Text size="xs" c="dimmed">
              {row.orgParentName}
            </Text>
          )}
        </Stack>
        <People row={row} />
        <Hotline row={row} />
      </Stack>
    </Card>
  );
}

function NowTable({ rows }: { rows: OnDutyRow[] }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xs" style={{ overflowX: 'auto' }}>
      <Table verticalSpacing={6} fz="sm" highlightOnHover data-testid="duty-table" aria-label={t('duty.now.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('duty.now.org')}</Table.Th>
            <Table.Th>{t('duty.now.onDuty')}</Table.Th>
            <Table.Th>{t('duty.now.hotline')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const nobody = row.source === 'none' || row.people.length === 0;
            return (
              <Table.Tr key={row.orgId} bg={nobody ? 'red.0' : undefined} data-testid={`duty-row-${row.orgId}`} data-source={row.source}>
                <Table.Td maw={360}>
                  <Anchor component={Link} to={`/duty/${row.orgId}`} c="inherit" fw={600}>
                    {row.orgName}
                  </Anchor>
                  {row.orgParentName && (
                    <Text size="xs" c="dimmed">
                      {row.orgParentName}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <People row={row} />
                </Table.Td>
                <Table.Td>{row.hotline ? <Phone phone={row.hotline} /> : '—'}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function Filters({ filters, onChange }: { filters: NowFilters; onChange: (f: NowFilters) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filters.q);
  const search = useDebouncedCallback((value: string) => onChange({ ...filters, q: value, offset: 0 }), 300);
  return (
    <Stack gap="xs" mb="md">
      <TextInput
        label={t('duty.now.search')}
        placeholder={t('duty.now.searchHint')}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          search(e.currentTarget.value);
        }}
        maw={420}
        data-testid="duty-search"
      />
      <ChoiceControl
        value={filters.staffed}
        onChange={(v) => onChange({ ...filters, staffed: v as Staffed, offset: 0 })}
        data={STAFFED.map((s) => ({ value: s, label: t(`duty.now.staffed.${s}`) }))}
        aria-label={t('duty.now.staffedFilter')}
        data-testid="staffed-control"
      />
    </Stack>
  );
}

/** /duty: who answers for each org of my subtree right now; cards on a phone, a table on a desk. */
export function DutyNowPage() {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 80em)') ?? false;
  const [params, setParams] = useSearchParams();
  const filters = nowFromParams(params);
  const list = useQuery({
    queryKey: dutyKeys.now(filters),
    queryFn: ({ signal }) => dutyApi.now(filters, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  const setFilters = (f: NowFilters) => setParams(paramsFromNow(f), { replace: true });
  const rows = list.data?.items ?? [];
  return (
    <Stack gap={0} data-testid="duty-now-page">
      <PageHeader title={t('duty.now.title')} description={t('duty.now.description')} />
      <Filters filters={filters} onChange={setFilters} />
      {list.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : !list.data ? (
        <ErrorAlert error={list.error} />
      ) : rows.length === 0 ? (
        <Empty title={t('duty.now.empty')} />
      ) : (
        <Stack gap="sm" aria-busy={list.isFetching}>
          {wide ? (
            <NowTable rows={rows} />
          ) : (
            <Stack gap="sm" data-testid="duty-cards">
              {rows.map((r) => (
                <RowCard key={r.orgId} row={r} />
              ))}
            </Stack>
          )}
          <Pager total={list.data.total} limit={NOW_LIMIT} offset={filters.offset} onOffsetChange={(offset) => setFilters({ ...filters, offset })} />
          {list.isError && <ErrorAlert error={list.error} />}
        </Stack>
      )}
    </Stack>
  );
}
