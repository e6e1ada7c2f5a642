import type { AlertSummary } from '@khien/contracts';
import { Anchor, Button, Card, Code, Group, Loader, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ChoiceControl } from '../../components/choice-control';
import { ClampedText } from '../../components/clamped-text';
import { Empty } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { useAuth, useMe } from '../../lib/auth-context';
import { useNow } from '../../lib/use-now';
import { AckButton } from './ack-button';
import { AckCountdown, AgoText, AlertStatusBadge, RepeatBadge, SeverityBadge } from './alert-badges';
import { useAlertLabels } from './alert-labels';
import { ALERT_SEVERITIES, LIST_STATUSES, SEVERITY_COLORS, defaultMine, listQuery, paramsFromQueue, queueFromParams, type QueueFilters } from './alert-model';
import { pollWhenDown, useAlertStream } from './alert-stream';
import { alertKeys, alertsApi } from './alerts-api';

const LIMIT = 30;

/** A page fetched after new alerts arrived repeats the last ones of the page before: each is shown once. */
function uniqueById(items: AlertSummary[]): AlertSummary[] {
  const seen = new Set<string>();
  return items.filter((a) => !seen.has(a.id) && Boolean(seen.add(a.id)));
}

function AlertCard({ alert, now, canAct }: { alert: AlertSummary; now: number; canAct: boolean }) {
  const { t } = useTranslation();
  const org = [alert.orgName ?? t('alerts.noOrg'), alert.orgParentName].filter(Boolean).join(' · ');
  return (
    <Card
      withBorder
      padding="sm"
      radius="md"
      data-testid={`alert-card-${alert.id}`}
      data-severity={alert.severity}
      data-overdue={alert.overdue}
      // the severity's colour down the left edge: the queue reads at a glance
      style={{ borderLeft: `6px solid var(--mantine-color-${SEVERITY_COLORS[alert.severity]}-6)`, minWidth: 0 }}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Group gap={6}>
            <SeverityBadge severity={alert.severity} />
            <RepeatBadge count={alert.count} />
          </Group>
          <AlertStatusBadge status={alert.status} />
        </Group>
        <Anchor component={Link} to={`/alerts/${alert.id}`} c="inherit" underline="hover" translate="no" id={`alert-title-${alert.id}`}>
          <ClampedText size="sm" fw={600} text={alert.title} focusable={false} />
        </Anchor>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {org}
          {alert.host && (
            <>
              {' · '}
              <Code fz="xs">{alert.host}</Code>
            </>
          )}
        </Text>
        <Group justify="space-between" align="center" wrap="wrap" gap="xs">
          <Stack gap={0}>
            <AgoText at={alert.receivedAt} now={now} />
            <AckCountdown dueAt={alert.ackDueAt} acknowledged={alert.status !== 'new'} overdue={alert.overdue} now={now} />
          </Stack>
          {canAct && alert.status === 'new' && <AckButton alert={alert} />}
        </Group>
      </Stack>
    </Card>
  );
}

function Filters({ filters, onChange }: { filters: QueueFilters; onChange: (f: QueueFilters) => void }) {
  const { t } = useTranslation();
  const labels = useAlertLabels();
  const [q, setQ] = useState(filters.q);
  const search = useDebouncedCallback((value: string) => onChange({ ...filters, q: value }), 300);
  return (
    <Stack gap="xs" mb="md" data-testid="alert-filters">
      <ChoiceControl
        value={filters.mine ? 'mine' : 'all'}
        onChange={(v) => onChange({ ...filters, mine: v === 'mine' })}
        data={[
          { value: 'mine', label: t('alerts.queue.mine') },
          { value: 'all', label: t('alerts.queue.all') },
        ]}
        aria-label={t('alerts.queue.scope')}
        data-testid="scope-control"
      />
      {/* two to a row on a phone: the queue itself should start on the first screen */}
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs">
        <Select
          label={t('alerts.fields.status')}
          value={filters.status}
          onChange={(v) => v && onChange({ ...filters, status: v as QueueFilters['status'] })}
          data={LIST_STATUSES.map((s) => ({ value: s, label: labels.listStatus(s) }))}
          allowDeselect={false}
          data-testid="status-filter"
        />
        <Select
          label={t('alerts.fields.severity')}
          value={filters.severity}
          onChange={(v) => onChange({ ...filters, severity: (v as QueueFilters['severity']) ?? null })}
          data={ALERT_SEVERITIES.map((s) => ({ value: s, label: labels.severity(s) }))}
          placeholder={t('alerts.queue.anySeverity')}
          clearable
          data-testid="severity-filter"
        />
        <TextInput
          label={t('alerts.queue.search')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            search(e.currentTarget.value);
          }}
          placeholder={t('alerts.queue.searchHint')}
          data-testid="alert-search"
        />
        <Switch
          mt={30}
          label={t('alerts.queue.overdueOnly')}
          checked={filters.overdue}
          onChange={(e) => onChange({ ...filters, overdue: e.currentTarget.checked })}
          data-testid="overdue-switch"
        />
      </SimpleGrid>
    </Stack>
  );
}

/** /alerts: the duty officer's queue, newest first, live; one tap acknowledges. */
export function AlertsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { can } = useAuth();
  // seconds matter near a 15-minute deadline; a minute's tick would show "còn 1 phút" for a whole minute past it
  const now = useNow(15_000);
  const live = useAlertStream();
  const mineByDefault = defaultMine(me);
  const [params, setParams] = useSearchParams();
  const filters = queueFromParams(params, mineByDefault);
  const list = useInfiniteQuery({
    queryKey: alertKeys.list(filters),
    queryFn: ({ pageParam, signal }) => alertsApi.list(listQuery(filters, LIMIT, pageParam), signal),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.items.length, 0);
      return last.items.length > 0 && loaded < last.total ? loaded : undefined;
    },
    placeholderData: keepPreviousData,
    refetchInterval: pollWhenDown(live),
  });
  const unique = uniqueById(list.data?.pages.flatMap((p) => p.items) ?? []);
  const total = list.data?.pages.at(-1)?.total ?? 0;
  const canAct = can('alert:act');

  return (
    <Stack gap={0} data-testid="alerts-page" data-live={live}>
      <PageHeader
        title={t('alerts.queue.title')}
        description={live ? t('alerts.live.on') : t('alerts.live.off')}
        actions={
          can('alert:configure') ? (
            <Button component={Link} to="/alerts/settings" variant="default" size="sm">
              {t('alerts.nav.settings')}
            </Button>
          ) : undefined
        }
      />
      <Filters filters={filters} onChange={(f) => setParams(paramsFromQueue(f, mineByDefault), { replace: true })} />
      {list.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : !list.data ? (
        <ErrorAlert error={list.error} />
      ) : unique.length === 0 ? (
        <Empty title={t('alerts.queue.empty')} description={filters.mine ? t('alerts.queue.emptyMine') : undefined} />
      ) : (
        <Stack gap="sm" aria-busy={list.isFetching}>
          <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="sm" data-testid="alert-cards">
            {unique.map((a) => (
              <AlertCard key={a.id} alert={a} now={now} canAct={canAct} />
            ))}
          </SimpleGrid>
          <Group justify="space-between" gap="xs">
            <Text size="sm" c="dimmed">
              {t('alerts.queue.shown', { shown: unique.length, total })}
            </Text>
            {list.hasNextPage && (
              <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="load-more">
                {t('alerts.queue.loadMore')}
              </Button>
            )}
          </Group>
          {list.isError && <ErrorAlert error={list.error} />}
        </Stack>
      )}
    </Stack>
  );
}
