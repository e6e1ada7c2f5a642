import type { CoverageGap } from '@khien/contracts';
import { Badge, Card, Group, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChoiceControl } from '../../components/choice-control';
import { ErrorAlert } from '../../components/error-alert';
import { formatDate, formatDateTime } from '../../lib/format-date';
import { dutyApi, dutyKeys } from './duty-api';
import { gapHours, sortGaps, sortReasons, upcomingRange } from './duty-model';

const HORIZONS = [30, 90] as const;

function GapCard({ gap }: { gap: CoverageGap }) {
  const { t } = useTranslation();
  return (
    <Card
      withBorder
      padding="sm"
      radius="md"
      bg={gap.mandatory ? 'red.0' : undefined}
      style={{ borderColor: gap.mandatory ? 'var(--mantine-color-red-5)' : undefined }}
      data-testid="coverage-gap"
      data-mandatory={gap.mandatory}
    >
      <Stack gap={4}>
        <Group gap={6} wrap="wrap" justify="space-between">
          <Text size="sm" fw={600}>
            {formatDateTime(gap.start)} – {formatDateTime(gap.end)}
          </Text>
          {gap.mandatory && (
            <Badge color="red" variant="filled" size="sm">
              {t('duty.coverage.mandatory')}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {t('duty.coverage.hours', { n: gapHours(gap) })}
        </Text>
        <Group gap={4} wrap="wrap">
          {sortReasons(gap.reasons).map((r, i) => (
            <Badge
              key={`${r.code}-${i}`}
              variant="light"
              color={r.code === 'tet' || r.code === 'holiday' ? 'pink' : r.code === 'alert_period' ? 'yellow' : 'gray'}
              tt="none"
              maw="100%"
              data-code={r.code}
            >
              {t(`duty.reasons.${r.code}`)}
              {r.label ? `: ${r.label}` : ''}
            </Badge>
          ))}
        </Group>
      </Stack>
    </Card>
  );
}

/** Is someone on duty every hour of the next 30 or 90 days? The holes, Tết and holidays first. */
export function CoveragePanel({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation();
  const [days, setDays] = useState<(typeof HORIZONS)[number]>(30);
  const [now] = useState(() => Date.now());
  const range = upcomingRange(now, days);
  const coverage = useQuery({ queryKey: dutyKeys.coverage(orgId, days), queryFn: ({ signal }) => dutyApi.coverage(orgId, range.from, range.to, signal) });
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const data = coverage.data;
  const gaps = data ? sortGaps(data.gaps) : [];
  const mandatory = gaps.filter((g) => g.mandatory).length;
  return (
    <Stack gap="sm" data-testid="coverage-panel">
      <ChoiceControl
        value={String(days)}
        onChange={(v) => setDays(Number(v) === 90 ? 90 : 30)}
        data={HORIZONS.map((d) => ({ value: String(d), label: t('duty.coverage.nextDays', { n: d }) }))}
        aria-label={t('duty.coverage.horizon')}
      />
      {coverage.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : !data ? (
        <ErrorAlert error={coverage.error} />
      ) : (
        <>
          <Text size="sm" fw={600} c={mandatory > 0 ? 'red.7' : gaps.length > 0 ? 'orange.8' : 'teal.8'} data-testid="coverage-summary">
            {gaps.length === 0 ? t('duty.coverage.full', { n: days }) : t('duty.coverage.summary', { n: gaps.length, mandatory })}
          </Text>
          {data.holidays.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('duty.coverage.holidays')} {data.holidays.map((h) => `${h.name[lang]} (${formatDate(h.date)})`).join(', ')}
            </Text>
          )}
          {data.alertPeriods.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('duty.coverage.alertPeriods')} {data.alertPeriods.map((p) => `${p.label} (${formatDate(p.start)} – ${formatDate(p.end)})`).join(', ')}
            </Text>
          )}
          <Stack gap="xs">
            {gaps.map((g) => (
              <GapCard key={g.start} gap={g} />
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}
