import type { IncidentDetail } from '@khien/contracts';
import { Alert, Anchor, Badge, Button, Grid, Group, Loader, Paper, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { formatDateTime } from '../../lib/format-date';
import { useNow } from '../../lib/use-now';
import { CaseTimeline } from './case-timeline';
import { DeadlinesPanel } from './deadlines-panel';
import { EvidenceSection } from './evidence-section';
import { IncidentActions } from './incident-actions';
import { FlagBadges, SeverityBadge, StatusBadge } from './incident-badges';
import { useIncidentLabels } from './incident-labels';
import { IndicatorsSection } from './indicators-section';
import { incidentKeys, incidentLinks, incidentsApi } from './incidents-api';
import { RelatedSection } from './related-section';
import { TasksSection } from './tasks-section';
import { TeamSection } from './team-section';
import { useCaseUpdate } from './use-case-update';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2} style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}

function Summary({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  return (
    <Paper withBorder p="sm" radius="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
        <Field label={t('incidents.fields.org')}>
          {incident.orgName}
          {(incident.communeName ?? incident.orgParentName) && (
            <Text size="xs" c="dimmed">
              {incident.communeName ?? incident.orgParentName}
            </Text>
          )}
        </Field>
        <Field label={t('incidents.fields.handler')}>{incident.handlerOrgName}</Field>
        <Field label={t('incidents.fields.category')}>{labels.category(incident.category)}</Field>
        <Field label={t('incidents.fields.detectedAt')}>
          {formatDateTime(incident.detectedAt)}
          <Text size="xs" c="dimmed">
            {t('incidents.detail.reportedAt', { at: formatDateTime(incident.reportedAt) })}
            {incident.occurredAt ? ` · ${t('incidents.detail.occurredAt', { at: formatDateTime(incident.occurredAt) })}` : ''}
          </Text>
        </Field>
      </SimpleGrid>
      <Stack gap={2} mt="sm">
        <Text size="xs" c="dimmed">
          {t('incidents.fields.description')}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} translate="no" data-testid="incident-description">
          {incident.description}
        </Text>
      </Stack>
      {incident.reopenedReason && (
        <Text size="sm" mt="sm" c="orange.8">
          {t('incidents.detail.reopenedReason', { reason: incident.reopenedReason })}
        </Text>
      )}
    </Paper>
  );
}

const TABS = ['timeline', 'indicators', 'evidence', 'tasks', 'team', 'related'] as const;
type Tab = (typeof TABS)[number];

function Sections({ incident, onDone }: { incident: IncidentDetail; onDone: (next: IncidentDetail) => void }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('timeline');
  const counts: Partial<Record<Tab, number>> = {
    indicators: incident.indicatorsTotal,
    evidence: incident.evidence.length,
    tasks: incident.tasks.length,
    team: incident.team.length,
    related: incident.alerts.length + incident.merged.length,
  };
  return (
    <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false}>
      {/* the tabs wrap onto a second row on a phone rather than scroll sideways */}
      <Tabs.List style={{ flexWrap: 'wrap' }}>
        {TABS.map((k) => (
          <Tabs.Tab
            key={k}
            value={k}
            data-testid={`tab-${k}`}
            rightSection={
              counts[k] ? (
                <Badge size="xs" variant="light">
                  {counts[k]}
                </Badge>
              ) : undefined
            }
          >
            {t(`incidents.tabs.${k}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Stack pt="sm">
        {tab === 'timeline' && <CaseTimeline incident={incident} />}
        {tab === 'indicators' && <IndicatorsSection incident={incident} onDone={onDone} />}
        {tab === 'evidence' && <EvidenceSection incident={incident} onDone={onDone} />}
        {tab === 'tasks' && <TasksSection incident={incident} onDone={onDone} />}
        {tab === 'team' && <TeamSection incident={incident} onDone={onDone} />}
        {tab === 'related' && <RelatedSection incident={incident} />}
      </Stack>
    </Tabs>
  );
}

/** /incidents/:id: one case, its deadlines, what was found and done, and the moves left. */
export function IncidentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const now = useNow(30_000);
  const [conflict, setConflict] = useState(false);
  const { apply, reload } = useCaseUpdate(id);
  const detail = useQuery({ queryKey: incidentKeys.detail(id), queryFn: ({ signal }) => incidentsApi.get(id, signal), refetchInterval: 60_000 });
  const onDone = (next: IncidentDetail) => {
    setConflict(false);
    apply(next);
  };
  const onConflict = () => {
    setConflict(true);
    reload();
  };
  const back = (
    <Anchor component={Link} to="/incidents" size="sm">
      ‹ {t('incidents.list.title')}
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
  const incident = detail.data;
  return (
    <Stack gap="md" data-testid="incident-page" data-incident-id={incident.id} data-status={incident.status} style={{ minWidth: 0 }}>
      {back}
      <PageHeader
        title={`${incident.code} · ${incident.title}`}
        asWritten
        actions={
          <Group gap="xs">
            <Button component="a" href={incidentLinks.xlsx(incident.id)} download variant="default" size="xs" data-testid="export-xlsx">
              {t('incidents.detail.exportXlsx')}
            </Button>
            <Button component="a" href={incidentLinks.stix(incident.id)} download variant="default" size="xs" data-testid="export-stix">
              {t('incidents.detail.exportStix')}
            </Button>
          </Group>
        }
      />
      <Group gap="xs" wrap="wrap" mt={-8}>
        <StatusBadge status={incident.status} size="lg" />
        <SeverityBadge severity={incident.severity} size="lg" />
        <FlagBadges breached={incident.breached} serious={incident.serious} personalData={incident.personalData} team={incident.access === 'team'} size="lg" />
        {incident.nationalSecurity && (
          <Badge color="dark" variant="outline" size="lg">
            {t('incidents.badges.nationalSecurity')}
          </Badge>
        )}
      </Group>
      {incident.mergedIntoId && (
        <Alert color="gray" variant="light" data-testid="merged-into">
          <Text size="sm">
            {t('incidents.detail.mergedInto')}{' '}
            <Anchor component={Link} to={`/incidents/${incident.mergedIntoId}`} ff="monospace">
              {incident.mergedIntoCode ?? incident.mergedIntoId}
            </Anchor>
          </Text>
        </Alert>
      )}
      {conflict && (
        <Alert
          color="orange"
          variant="light"
          role="alert"
          title={t('incidents.conflict.title')}
          withCloseButton
          onClose={() => setConflict(false)}
          closeButtonLabel={t('common.close')}
          data-testid="conflict-alert"
        >
          <Text size="sm">{t('incidents.conflict.body')}</Text>
        </Alert>
      )}
      <IncidentActions incident={incident} onDone={onDone} onConflict={onConflict} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Summary incident={incident} />
            <Sections incident={incident} onDone={onDone} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }} order={{ base: -1, md: 0 }}>
          <DeadlinesPanel incident={incident} now={now} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
