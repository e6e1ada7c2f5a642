import type { WorkStatusValue } from '@khien/contracts';
import { Badge, Text, type BadgeProps } from '@mantine/core';
import { formatDate } from '../../lib/format-date';
import { useWorkLabels, KIND_COLORS, WORK_STATUS_COLORS } from './work-labels';
import { dueWords, isDueWordsLate } from './work-model';

type Size = BadgeProps['size'];
const BADGE_STYLE = { flexShrink: 0, width: 'max-content', maxWidth: 'none' } as const;

export function WorkStatusBadge({ status, size = 'sm' }: { status: WorkStatusValue; size?: Size }) {
  const labels = useWorkLabels();
  return (
    <Badge color={WORK_STATUS_COLORS[status]} variant="light" size={size} data-testid="work-status" data-status={status} style={BADGE_STYLE}>
      {labels.status(status)}
    </Badge>
  );
}

export function KindBadge({ kind, size = 'sm' }: { kind: string; size?: Size }) {
  const labels = useWorkLabels();
  return (
    <Badge color={KIND_COLORS[kind] ?? 'gray'} variant="outline" size={size} data-testid="work-kind" data-kind={kind} style={BADGE_STYLE}>
      {labels.kind(kind)}
    </Badge>
  );
}

/** "25/12/2026 · quá hạn 3 ngày": the date, and how far it is while the owing org still has to act. */
export function DueText({
  dueAt,
  status,
  overdue,
  now,
  size = 'sm',
}: {
  dueAt: string | null;
  status: WorkStatusValue;
  overdue: boolean;
  now: number;
  size?: string;
}) {
  const labels = useWorkLabels();
  if (!dueAt) return null;
  const words = dueWords(dueAt, status, new Date(now));
  const late = overdue || isDueWordsLate(words);
  return (
    <Text size={size} c={late ? 'red.7' : undefined} fw={late ? 700 : undefined} data-testid="work-due" data-overdue={late}>
      {formatDate(dueAt)}
      {words ? ` · ${labels.due(words)}` : ''}
    </Text>
  );
}
