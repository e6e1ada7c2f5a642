import { Text, Timeline } from '@mantine/core';
import { Empty } from './empty-state';
import { formatDateTime } from '../lib/format-date';

export interface TimelineEvent {
  at: string;
  actor: string;
  kind: string;
  comment: string | null;
}

/** A record's history as people read it, oldest first: what happened (in words), when, by whom, and the comment. */
export function EventTimeline({
  events,
  label,
  empty,
  testId,
}: {
  events: readonly TimelineEvent[];
  label: (kind: string) => string;
  empty: string;
  testId: string;
}) {
  if (events.length === 0) return <Empty title={empty} />;
  const sorted = [...events].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Timeline bulletSize={14} lineWidth={2} active={sorted.length - 1} data-testid={testId}>
      {sorted.map((e, i) => (
        <Timeline.Item key={`${e.at}-${i}`} title={label(e.kind)}>
          <Text size="xs" c="dimmed">
            {formatDateTime(e.at)}
            {e.actor ? ` · ${e.actor}` : ''}
          </Text>
          {e.comment && (
            <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {e.comment}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
