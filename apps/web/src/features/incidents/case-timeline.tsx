import type { IncidentDetail, IncidentEvent } from '@khien/contracts';
import { Button, Stack } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { EventTimeline } from '../../components/event-timeline';
import { useIncidentLabels } from './incident-labels';
import { incidentKeys, incidentsApi } from './incidents-api';

const PAGE = 200;

/** The case's history: the newest 200 come with the case, "xem thêm" fetches the older ones. */
export function CaseTimeline({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  const loaded = incident.timeline.length;
  const older = useInfiniteQuery({
    queryKey: incidentKeys.timeline(incident.id),
    queryFn: ({ pageParam, signal }) => incidentsApi.timeline(incident.id, pageParam, PAGE, signal),
    initialPageParam: loaded,
    getNextPageParam: (last, pages) => {
      const next = loaded + pages.reduce((n, p) => n + p.items.length, 0);
      return last.items.length > 0 && next < last.total ? next : undefined;
    },
    enabled: false,
  });
  const extra: IncidentEvent[] = older.data?.pages.flatMap((p) => p.items) ?? [];
  const seen = new Set(incident.timeline.map((e) => e.id));
  const all = [...incident.timeline, ...extra.filter((e) => !seen.has(e.id))];
  const more = older.data ? older.hasNextPage : loaded < incident.timelineTotal;
  // the timeline component names an event by its kind: the sentence with its params is made here
  const events = all.map((e) => ({ at: e.at, actor: e.actor, comment: e.comment, kind: labels.event(e) }));
  return (
    <Stack gap="xs">
      {more && (
        <Button
          variant="subtle"
          size="compact-sm"
          style={{ alignSelf: 'flex-start' }}
          loading={older.isFetching}
          onClick={() => void (older.data ? older.fetchNextPage() : older.refetch())}
          data-testid="timeline-more"
        >
          {t('incidents.timeline.more', { shown: all.length, total: incident.timelineTotal })}
        </Button>
      )}
      <ErrorAlert error={older.error} />
      <EventTimeline events={events} label={(text) => text} empty={t('incidents.timeline.empty')} testId="incident-timeline" />
    </Stack>
  );
}
