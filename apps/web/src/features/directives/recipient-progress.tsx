import type { DirectiveSummary } from '@khien/contracts';
import { Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ASSIGNMENT_STATUS_COLORS } from './directive-labels';

/**
 * Recipients' progress as one stacked bar: accepted, then submitted, then acknowledged only.
 * The counts are read as cumulative (every accepted one was submitted, every submitted one acknowledged).
 */
export function RecipientProgress({ counts }: { counts: DirectiveSummary['counts'] }) {
  const { t } = useTranslation();
  const n = counts.recipients;
  if (n === 0) {
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  }
  const pct = (x: number) => (Math.min(Math.max(x, 0), n) / n) * 100;
  const accepted = pct(counts.accepted);
  const submitted = Math.max(0, pct(counts.submitted) - accepted);
  const acknowledged = Math.max(0, pct(counts.acknowledged) - pct(counts.submitted));
  const summary = t('directives.progress.full', { ack: counts.acknowledged, sub: counts.submitted, acc: counts.accepted, n });
  return (
    <Tooltip label={summary} withArrow>
      <Stack gap={2} miw={120} data-testid="recipient-progress">
        <Progress.Root size="md" aria-label={summary}>
          <Progress.Section value={accepted} color={ASSIGNMENT_STATUS_COLORS.accepted} />
          <Progress.Section value={submitted} color={ASSIGNMENT_STATUS_COLORS.submitted} />
          <Progress.Section value={acknowledged} color={ASSIGNMENT_STATUS_COLORS.acknowledged} />
        </Progress.Root>
        <Group gap={6} wrap="nowrap">
          <Text size="xs" c="dimmed">
            {t('directives.progress.short', { ack: counts.acknowledged, sub: counts.submitted, acc: counts.accepted, n })}
          </Text>
        </Group>
      </Stack>
    </Tooltip>
  );
}

/** What the three colours of the progress line mean, shown once above the lines it explains. */
export function ProgressLegend() {
  const { t } = useTranslation();
  const parts = [
    ['accepted', t('directives.progress.legend.accepted')],
    ['submitted', t('directives.progress.legend.submitted')],
    ['acknowledged', t('directives.progress.legend.acknowledged')],
  ] as const;
  return (
    <Group gap="sm" data-testid="progress-legend" aria-label={t('directives.progress.legend.label')}>
      {parts.map(([status, label]) => (
        <Group key={status} gap={4} wrap="nowrap">
          <span aria-hidden style={{ width: 10, height: 10, borderRadius: 2, background: `var(--mantine-color-${ASSIGNMENT_STATUS_COLORS[status]}-filled)` }} />
          <Text size="xs">{label}</Text>
        </Group>
      ))}
    </Group>
  );
}
