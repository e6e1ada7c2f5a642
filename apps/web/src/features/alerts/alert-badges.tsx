import type { AlertSeverityValue, AlertStatus } from '@khien/contracts';
import { Badge, Text, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAlertLabels } from './alert-labels';
import { SEVERITY_COLORS, STATUS_COLORS, agoWords, countdownWords } from './alert-model';

type Size = BadgeProps['size'];
const BADGE_STYLE = { flexShrink: 0, width: 'max-content', maxWidth: 'none' } as const;

/** Colour and word together: a colour alone says nothing to a colour-blind officer or a screen reader. */
export function SeverityBadge({ severity, size = 'sm' }: { severity: AlertSeverityValue; size?: Size }) {
  const labels = useAlertLabels();
  return (
    <Badge color={SEVERITY_COLORS[severity]} variant="filled" size={size} data-testid="alert-severity" data-severity={severity} style={BADGE_STYLE}>
      {labels.severity(severity)}
    </Badge>
  );
}

export function AlertStatusBadge({ status, size = 'sm' }: { status: AlertStatus; size?: Size }) {
  const labels = useAlertLabels();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" size={size} data-testid="alert-status" data-status={status} style={BADGE_STYLE}>
      {labels.status(status)}
    </Badge>
  );
}

/** "×12": the sender sent it this many times (one dedup key). */
export function RepeatBadge({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count <= 1) return null;
  return (
    <Badge color="dark" variant="outline" size="sm" title={t('alerts.repeats', { n: count })} data-testid="alert-repeats" style={BADGE_STYLE}>
      ×{count}
    </Badge>
  );
}

export function AgoText({ at, now, size = 'xs' }: { at: string; now: number; size?: string }) {
  const labels = useAlertLabels();
  return (
    <Text span size={size} c="dimmed" data-testid="alert-ago">
      {labels.say(agoWords(at, now))}
    </Text>
  );
}

/** Time left to acknowledge, red once past; nothing once acknowledged or without a deadline. */
export function AckCountdown({
  dueAt,
  acknowledged,
  overdue,
  now,
  size = 'sm',
}: {
  dueAt: string | null;
  acknowledged: boolean;
  overdue: boolean;
  now: number;
  size?: string;
}) {
  const labels = useAlertLabels();
  if (acknowledged) return null;
  const words = countdownWords(dueAt, now);
  if (!words) return null;
  const late = overdue || words.overdue;
  return (
    <Text span size={size} c={late ? 'red.7' : 'orange.8'} fw={700} data-testid="alert-countdown" data-overdue={late}>
      {labels.say(words)}
    </Text>
  );
}
