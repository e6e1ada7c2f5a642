import type { IncidentStats } from '@khien/contracts';
import { Loader, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { incidentKeys, incidentsApi } from './incidents-api';
import { COMMUNE_COLUMNS, communeTotals, sortCommunes } from './stats-model';

const StatsChart = lazy(() => import('./stats-chart'));
const RANGES = ['3', '6', '12', '24', '36'];

function Totals({ stats }: { stats: IncidentStats }) {
  const { t } = useTranslation();
  const totals = communeTotals(stats.byCommune);
  return (
    <SimpleGrid cols={3} spacing="xs" data-testid="stats-totals">
      {COMMUNE_COLUMNS.map((k) => (
        <Paper key={k} withBorder p="xs" radius="md" ta="center">
          <Text size="xl" fw={700} c={k === 'breached' && totals[k] > 0 ? 'red.7' : undefined}>
            {totals[k]}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`incidents.stats.cols.${k}`)}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function CommuneTable({ stats }: { stats: IncidentStats }) {
  const { t } = useTranslation();
  const noCommune = t('incidents.stats.noCommune');
  return (
    // three number columns beside a name fit 375 px; a long name wraps
    <Paper withBorder p="xs">
      <Table verticalSpacing={4} fz="sm" data-testid="stats-table" aria-label={t('incidents.stats.byCommune')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('incidents.stats.commune')}</Table.Th>
            {COMMUNE_COLUMNS.map((k) => (
              <Table.Th key={k} ta="right">
                {t(`incidents.stats.cols.${k}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sortCommunes(stats.byCommune, noCommune).map((r) => (
            <Table.Tr key={r.communeId ?? 'none'} bg={r.breached > 0 ? 'red.0' : undefined}>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{r.communeName ?? noCommune}</Table.Td>
              <Table.Td ta="right">{r.total}</Table.Td>
              <Table.Td ta="right">{r.open}</Table.Td>
              <Table.Td ta="right" c={r.breached > 0 ? 'red.7' : undefined} fw={r.breached > 0 ? 700 : undefined}>
                {r.breached}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** /incidents/stats: the province's picture, cases by month and category, and by commune. */
export function StatsPage() {
  const { t } = useTranslation();
  const [months, setMonths] = useState(12);
  const stats = useQuery({
    queryKey: incidentKeys.stats(months),
    queryFn: ({ signal }) => incidentsApi.stats(months, signal),
    placeholderData: keepPreviousData,
  });
  const data = stats.data;
  const any = data ? data.byCategory.some((c) => c.counts.some((n) => n > 0)) : false;
  return (
    <Stack gap="md" data-testid="incident-stats-page" style={{ minWidth: 0 }}>
      <PageHeader title={t('incidents.stats.title')} description={t('incidents.stats.description')} />
      <Select
        label={t('incidents.stats.range')}
        data={RANGES.map((m) => ({ value: m, label: t('incidents.stats.months', { n: Number(m) }) }))}
        value={String(months)}
        onChange={(v) => v && setMonths(Number(v))}
        allowDeselect={false}
        maw={220}
        comboboxProps={{ withinPortal: true }}
        data-testid="stats-range"
      />
      {stats.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : !data ? (
        <ErrorAlert error={stats.error} />
      ) : (
        <>
          <Totals stats={data} />
          <Paper withBorder p="sm" radius="md">
            <Title order={5} mb="xs">
              {t('incidents.stats.chart')}
            </Title>
            {any ? (
              <Suspense fallback={<Loader size="sm" aria-label={t('common.loading')} />}>
                <StatsChart stats={data} />
              </Suspense>
            ) : (
              <Empty title={t('incidents.stats.noCases')} />
            )}
          </Paper>
          <Title order={4}>{t('incidents.stats.byCommune')}</Title>
          {data.byCommune.length > 0 ? <CommuneTable stats={data} /> : <Empty title={t('incidents.stats.noCases')} />}
          {stats.isError && <ErrorAlert error={stats.error} />}
        </>
      )}
    </Stack>
  );
}
