import '@mantine/charts/styles.css';
import type { IncidentStats } from '@khien/contracts';
import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import { useIncidentLabels } from './incident-labels';
import { CATEGORY_COLORS, chartOf } from './stats-model';

/**
 * Cases per month, stacked by category. Loaded on demand: recharts is the heaviest thing in the app
 * and only this page draws it among the incident pages. Twelve bars fit a phone's width.
 */
export default function StatsChart({ stats }: { stats: Pick<IncidentStats, 'months' | 'byCategory'> }) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  const { series, rows } = chartOf(stats);
  return (
    <BarChart
      h={320}
      data={rows}
      dataKey="month"
      type="stacked"
      series={series.map((s) => ({ name: s.category, label: labels.category(s.category), color: CATEGORY_COLORS[s.category] }))}
      withLegend
      legendProps={{ verticalAlign: 'bottom', wrapperStyle: { paddingTop: 8 } }}
      xAxisProps={{ interval: 'preserveStartEnd', tickFormatter: (v: string) => v.replace(/^(\d{2})\/\d{2}(\d{2})$/, '$1/$2') }}
      yAxisProps={{ allowDecimals: false, width: 32 }}
      tickLine="none"
      gridAxis="y"
      aria-label={t('incidents.stats.chart')}
      data-testid="stats-chart"
    />
  );
}
