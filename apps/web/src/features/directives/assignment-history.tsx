import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Empty } from '../../components/empty-state';
import { formatDateTime } from '../../lib/format-date';
import { useDirectiveLabels } from './directive-labels';
import type { AssignmentEvent } from './directives-api';

/** Acknowledged, assigned, reports, submitted, returned, accepted, reminders: oldest first. */
export function AssignmentHistory({ events }: { events: AssignmentEvent[] }) {
  const { t } = useTranslation();
  const labels = useDirectiveLabels();
  if (events.length === 0) return <Empty title={t('assignments.history.empty')} />;
  const sorted = [...events].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Timeline bulletSize={14} lineWidth={2} active={sorted.length - 1} data-testid="assignment-history">
      {sorted.map((e, i) => (
        <Timeline.Item key={`${e.at}-${i}`} title={labels.event(e.kind)}>
          <Text size="xs" c="dimmed">
            {formatDateTime(e.at)}
            {e.actor ? ` · ${e.actor}` : ''}
          </Text>
          {e.comment && (
            <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap' }}>
              {e.comment}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
