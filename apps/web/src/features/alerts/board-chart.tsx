import '@mantine/charts/styles.css';
import type { AlertBoard } from '@khien/contracts';
import { BarChart } from '@mantine/charts';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { boardChartData, shortName } from './board-model';

/**
 * Open, unacknowledged, overdue and critical alerts per commune, one row of bars each (names stay
 * readable however many communes there are). Loaded on demand: recharts is the heaviest thing in
 * the app and only the board draws it among the alert pages.
 */
export default function BoardChart({ rows, noCommune }: { rows: AlertBoard['byCommune']; noCommune: string }) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 36em)', false, { getInitialValueInEffect: false });
  const data = boardChartData(rows, noCommune);
  const series = [
    { name: 'open', label: t('alerts.board.cols.open'), color: 'blue.5' },
    { name: 'unacknowledged', label: t('alerts.board.cols.unacknowledged'), color: 'orange.5' },
    { name: 'overdue', label: t('alerts.board.cols.overdue'), color: 'red.6' },
    { name: 'critical', label: t('alerts.board.cols.critical'), color: 'grape.6' },
  ];
  return (
    <BarChart
      h={Math.max(160, 60 + data.length * 64)}
      data={data}
      dataKey="commune"
      orientation="vertical"
      series={series}
      withLegend
      legendProps={{ verticalAlign: 'bottom' }}
      yAxisProps={{ width: narrow ? 110 : 180, interval: 0, tickFormatter: (v: string) => shortName(v, narrow ? 14 : 26) }}
      xAxisProps={{ allowDecimals: false }}
      tickLine="none"
      gridAxis="x"
      aria-label={t('alerts.board.chart')}
      data-testid="board-chart"
    />
  );
}
