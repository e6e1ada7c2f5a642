import type { WorkItem } from '@khien/contracts';
import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Empty } from '../../components/empty-state';
import { formatDateTime } from '../../lib/format-date';
import { useWorkLabels } from './work-labels';

/** What happened to the item, oldest first. */
export function WorkHistory({ events }: { events: WorkItem['history'] }) {
  const { t } = useTranslation();
  const labels = useWorkLabels();
  if (events.length === 0) return <Empty title={t('work.history.empty')} />;
  const sorted = [...events].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Timeline bulletSize={14} lineWidth={2} active={sorted.length - 1} data-testid="work-history">
      {sorted.map((e, i) => (
        <Timeline.Item key={`${e.at}-${i}`} title={labels.event(e.kind)}>
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
