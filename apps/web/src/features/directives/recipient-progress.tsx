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
