import { useTranslation } from 'react-i18next';
import { EventTimeline } from '../../components/event-timeline';
import { useDirectiveLabels } from './directive-labels';
import type { AssignmentEvent } from './directives-api';

/** Acknowledged, assigned, reports, submitted, returned, accepted, reminders: oldest first. */
export function AssignmentHistory({ events }: { events: AssignmentEvent[] }) {
  const { t } = useTranslation();
  const labels = useDirectiveLabels();
  return <EventTimeline events={events} label={labels.event} empty={t('assignments.history.empty')} testId="assignment-history" />;
}
