import type { AlertDetail } from '@khien/contracts';
import { Alert, Anchor, Button, Code, Collapse, Group, List, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { EventTimeline } from '../../components/event-timeline';
import { IpList } from '../../components/ip-list';
import { PageHeader } from '../../components/page-header';
import { formatDateTime } from '../../lib/format-date';
import { useNow } from '../../lib/use-now';
import { promoteAlert } from '../incidents';
import { AlertActions, ConflictNotice } from './alert-actions';
import { AckCountdown, AlertStatusBadge, RepeatBadge, SeverityBadge } from './alert-badges';
import { useAlertLabels } from './alert-labels';
import { prettyRaw } from './alert-model';
import { pollWhenDown, useAlertStream } from './alert-stream';
import { alertKeys, alertsApi } from './alerts-api';

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2} style={{ minWidth: 0 }} data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}

function Coded({ label, value }: { label: string; value: string }) {
  return (
    <Text span size="xs" c="dimmed">
      {label} <Code style={{ overflowWrap: 'anywhere' }}>{value}</Code>
    </Text>
  );
}

function Why({ alert }: { alert: AlertDetail }) {
  const { t } = useTranslation();
  const labels = useAlertLabels();
  if (alert.route.length === 0) return <>{alert.routedBy ? labels.routedBy(alert.routedBy) : t('alerts.detail.noRoute')}</>;
  return (
    <List size="sm" spacing={2} data-testid="alert-route">
      {alert.route.map((r, i) => (
        <List.Item key={`${r.code}-${i}`} data-code={r.code}>
          {labels.route(r)}
        </List.Item>
      ))}
    </List>
  );
}

function Times({ alert }: { alert: AlertDetail }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm">{t('alerts.detail.occurred', { at: alert.occurredAt ? formatDateTime(alert.occurredAt) : '—' })}</Text>
      <Text size="sm">{t('alerts.detail.received', { at: formatDateTime(alert.receivedAt) })}</Text>
      {alert.count > 1 && <Text size="sm">{t('alerts.detail.lastSeen', { at: formatDateTime(alert.lastSeenAt), n: alert.count })}</Text>}
      {alert.clockSkew && (
        <Alert color="yellow" variant="light" p="xs" data-testid="clock-skew">
          <Text size="xs">{t(`alerts.detail.skew.${alert.clockSkew}`)}</Text>
        </Alert>
      )}
    </Stack>
  );
}

function Raw({ raw }: { raw: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Stack gap="xs">
      <Button
        variant="subtle"
        size="compact-sm"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        style={{ alignSelf: 'flex-start' }}
        data-testid="raw-toggle"
      >
        {open ? t('alerts.detail.hideRaw') : t('alerts.detail.showRaw')}
      </Button>
      <Collapse expanded={open}>
        {/* the sender's own text: it scrolls inside its box, the page does not */}
        <Code block style={{ maxHeight: 420, overflow: 'auto', whiteSpace: 'pre' }} data-testid="alert-raw">
          {prettyRaw(raw)}
        </Code>
      </Collapse>
    </Stack>
  );
}

/** "Chuyển thành sự cố": opens an incident case from this alert (one alert at a time) and goes to it. */
function PromoteButton({ alert }: { alert: AlertDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const promote = useMutation({
    mutationFn: () => promoteAlert(alert.id),
    onSuccess: (incident) => {
      void queryClient.invalidateQueries({ queryKey: alertKeys.all });
      void navigate(`/incidents/${incident.id}`);
    },
  });
  if (!alert.actions.includes('promote')) return null;
  return (
    <Stack gap="xs">
      <Button color="grape" onClick={() => promote.mutate()} loading={promote.isPending} style={{ alignSelf: 'flex-start' }} data-testid="action-promote">
        {t('incidents.promote.button')}
      </Button>
      <ErrorAlert error={promote.error} />
    </Stack>
  );
}

function Details({ alert, now }: { alert: AlertDetail; now: number }) {
  const { t } = useTranslation();
  const labelEntries = Object.entries(alert.labels);
  return (
    <Paper withBorder p="sm" radius="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
        <Field label={t('alerts.fields.org')} testId="alert-org">
          {alert.orgName ?? t('alerts.noOrg')}
          {alert.orgParentName && (
            <Text size="xs" c="dimmed">
              {alert.orgParentName}
            </Text>
          )}
        </Field>
        <Field label={t('alerts.detail.why')}>
          <Why alert={alert} />
        </Field>
        <Field label={t('alerts.fields.host')}>
          {alert.host ? <Code style={{ overflowWrap: 'anywhere' }}>{alert.host}</Code> : '—'}
          {alert.agentId && (
            <div>
              <Coded label={t('alerts.detail.agent')} value={alert.agentId} />
            </div>
          )}
        </Field>
        <Field label={t('alerts.fields.asset')}>
          {alert.assetId ? (
            <Anchor component={Link} to={`/assets/${alert.assetId}`} size="sm" data-testid="alert-asset">
              {alert.assetName ?? t('alerts.detail.openAsset')}
            </Anchor>
          ) : (
            t('alerts.detail.noAsset')
          )}
        </Field>
        <Field label={t('alerts.fields.ips')}>
          <IpList ips={alert.ips} size="sm" />
        </Field>
        <Field label={t('alerts.fields.time')}>
          <Times alert={alert} />
        </Field>
        <Field label={t('alerts.fields.ackDue')}>
          {alert.ackDueAt ? formatDateTime(alert.ackDueAt) : t('alerts.detail.noDeadline')}{' '}
          <AckCountdown dueAt={alert.ackDueAt} acknowledged={alert.status !== 'new'} overdue={alert.overdue} now={now} />
          {alert.acknowledgedAt && (
            <Text size="xs" c="dimmed">
              {t('alerts.detail.acknowledgedBy', { at: formatDateTime(alert.acknowledgedAt), name: alert.acknowledgedByName ?? '—' })}
            </Text>
          )}
        </Field>
        <Field label={t('alerts.fields.sender')}>
          {alert.senderName}
          <Group gap={6} mt={2}>
            {/* the sender's own codes, read as codes: its severity scale, rule number, category */}
            {alert.sourceSeverity && <Coded label={t('alerts.detail.sourceSeverity')} value={alert.sourceSeverity} />}
            {alert.ruleId && <Coded label={t('alerts.detail.ruleId')} value={alert.ruleId} />}
            {alert.category && <Coded label={t('alerts.detail.category')} value={alert.category} />}
          </Group>
        </Field>
      </SimpleGrid>
      {alert.description && (
        <Stack gap={2} mt="sm">
          <Text size="xs" c="dimmed">
            {t('alerts.fields.description')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="alert-description" translate="no">
            {alert.description}
          </Text>
        </Stack>
      )}
      {labelEntries.length > 0 && (
        <Stack gap={4} mt="sm">
          <Text size="xs" c="dimmed">
            {t('alerts.fields.labels')}
          </Text>
          <Group gap={4} data-testid="alert-labels">
            {labelEntries.map(([k, v]) => (
              <Code key={k} style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>
                {k}={v}
              </Code>
            ))}
          </Group>
        </Stack>
      )}
    </Paper>
  );
}

/** /alerts/:id: one alert, what it says, why it came here, what was done, and the moves left. */
export function AlertPage() {
  const { t } = useTranslation();
  const labels = useAlertLabels();
  const { id = '' } = useParams();
  const now = useNow(15_000);
  const live = useAlertStream();
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState(false);
  const detail = useQuery({ queryKey: alertKeys.detail(id), queryFn: ({ signal }) => alertsApi.get(id, signal), refetchInterval: pollWhenDown(live) });
  const apply = useCallback(
    (next: AlertDetail) => {
      setConflict(false);
      queryClient.setQueryData(alertKeys.detail(id), next);
      void queryClient.invalidateQueries({ queryKey: alertKeys.lists });
      void queryClient.invalidateQueries({ queryKey: alertKeys.boards });
    },
    [id, queryClient],
  );
  const onConflict = useCallback(() => {
    setConflict(true);
    void queryClient.invalidateQueries({ queryKey: alertKeys.detail(id) });
    void queryClient.invalidateQueries({ queryKey: alertKeys.lists });
  }, [id, queryClient]);

  const back = (
    <Anchor component={Link} to="/alerts" size="sm">
      ‹ {t('alerts.queue.title')}
    </Anchor>
  );
  if (detail.isPending) return <Loader aria-label={t('common.loading')} />;
  if (detail.isError) {
    return (
      <Stack>
        <ErrorAlert error={detail.error} />
        {back}
      </Stack>
    );
  }
  const alert = detail.data;
  // the timeline component names an event by its kind: the sentence with its params is made here
  const events = alert.timeline.map((e) => ({ at: e.at, actor: e.actor, comment: e.comment, kind: labels.event(e) }));
  return (
    <Stack gap="md" maw={900} data-testid="alert-page" data-alert-id={alert.id} data-status={alert.status} style={{ minWidth: 0 }}>
      {back}
      <PageHeader title={alert.title} asWritten />
      <Group gap="xs" wrap="wrap" mt={-8}>
        <SeverityBadge severity={alert.severity} size="lg" />
        <AlertStatusBadge status={alert.status} size="lg" />
        <RepeatBadge count={alert.count} />
      </Group>
      {conflict && <ConflictNotice onClose={() => setConflict(false)} />}
      {/* the alert's own moves go to /alerts/:id/actions; promotion goes to the incidents module */}
      <AlertActions alert={{ ...alert, actions: alert.actions.filter((a) => a !== 'promote') }} onDone={apply} onConflict={onConflict} />
      <PromoteButton alert={alert} />
      <Details alert={alert} now={now} />
      <Raw raw={alert.raw} />
      <Stack gap="xs">
        <Title order={4}>{t('alerts.detail.timeline')}</Title>
        <EventTimeline events={events} label={(text) => text} empty={t('alerts.detail.noEvents')} testId="alert-timeline" />
      </Stack>
    </Stack>
  );
}
