import type { WorkItem } from '@khien/contracts';
import { useTranslation } from 'react-i18next';
import { EventTimeline } from '../../components/event-timeline';
import { useWorkLabels } from './work-labels';

/** What happened to the item, oldest first. */
export function WorkHistory({ events }: { events: WorkItem['history'] }) {
  const { t } = useTranslation();
  const labels = useWorkLabels();
  return <EventTimeline events={events} label={labels.event} empty={t('work.history.empty')} testId="work-history" />;
}
