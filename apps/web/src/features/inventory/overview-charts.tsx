import '@mantine/charts/styles.css';
import type { InventoryOverview } from '@khien/contracts';
import { BarChart, DonutChart } from '@mantine/charts';
import { Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useInventoryLabels } from './inventory-labels';
import { chartHeight, dossierCells, levelChartData, levelSeries, shortLabel } from './overview-model';

/**
 * The province picture: systems by level per child org (stacked bars) and dossier statuses (donut).
 * Loaded on demand: recharts is the heaviest thing in the app and a commune officer's phone rarely needs it.
 */
export default function OverviewCharts({ overview }: { overview: InventoryOverview }) {
  const { t } = useTranslation();
  const labels = useInventoryLabels();
  const data = levelChartData(overview.rows);
  const series = levelSeries((k) => labels.level(k === 'none' ? null : Number(k))).map((s) => ({ name: s.name, label: s.label, color: s.color }));
  const cells = dossierCells(overview.totals.byDossier, labels.dossier);
  const narrow = useMediaQuery('(max-width: 36em)', false, { getInitialValueInEffect: false });
  // on a phone, org names never stand side by side under the bars: one row each, cut with "…"
  const many = overview.rows.length > 8 || narrow;
  return (
    <Grid gap="sm">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <Paper withBorder p="sm" radius="md" h="100%" data-testid="overview-level-chart">
          <Title order={5} mb="xs">
            {t('inventory.overview.levelChart')}
          </Title>
          <BarChart
            h={many ? chartHeight(overview.rows.length) : 280}
            data={data}
            dataKey="org"
            type="stacked"
            orientation={many ? 'vertical' : 'horizontal'}
            series={series}
            withLegend
            legendProps={{ verticalAlign: 'bottom' }}
            // counts of systems: whole numbers only on the value axis
            yAxisProps={
              many ? { width: narrow ? 120 : 170, interval: 0, tickFormatter: (v: string) => shortLabel(v, narrow ? 16 : 26) } : { allowDecimals: false }
            }
            xAxisProps={
              many
                ? { allowDecimals: false }
                : { interval: 0, angle: overview.rows.length > 4 ? -25 : 0, textAnchor: overview.rows.length > 4 ? 'end' : 'middle', height: 60 }
            }
            tickLine="none"
            gridAxis={many ? 'x' : 'y'}
            aria-label={t('inventory.overview.levelChart')}
          />
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Paper withBorder p="sm" radius="md" h="100%" data-testid="overview-dossier-chart">
          <Title order={5} mb="xs">
            {t('inventory.overview.dossierChart')}
          </Title>
          {cells.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('inventory.overview.noSystems')}
            </Text>
          ) : (
            <Stack align="center" gap="xs">
              <DonutChart
                data={cells}
                withTooltip
                chartLabel={overview.totals.systems}
                size={180}
                thickness={26}
                aria-label={t('inventory.overview.dossierChart')}
              />
              <Stack gap={2}>
                {cells.map((c) => (
                  <Group key={c.name} gap={6} wrap="nowrap">
                    <span aria-hidden style={{ width: 10, height: 10, borderRadius: 2, background: `var(--mantine-color-${c.color.replace('.', '-')})` }} />
                    <Text size="xs">
                      {c.name}: {c.value}
                    </Text>
                  </Group>
                ))}
              </Stack>
            </Stack>
          )}
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
