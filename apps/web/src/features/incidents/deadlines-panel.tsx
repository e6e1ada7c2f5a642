import type { IncidentDetail, IncidentReportSummary } from '@khien/contracts';
import { Anchor, Button, Card, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Empty } from '../../components/empty-state';
import { formatDateTime } from '../../lib/format-date';
import { DueCountdown, ReportStatusBadge } from './incident-badges';
import { useIncidentLabels } from './incident-labels';
import { incidentLinks } from './incidents-api';

function ReportRow({ incidentId, report, now }: { incidentId: string; report: IncidentReportSummary; now: number }) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  const done = report.status === 'submitted' || report.status === 'accepted';
  return (
    <Card
      withBorder
      padding="xs"
      radius="md"
      data-testid={`report-${report.kind}`}
      data-overdue={report.overdue}
      style={report.overdue ? { borderColor: 'var(--mantine-color-red-6)', borderWidth: 2 } : undefined}
    >
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {labels.reportKind(report.kind)}
          </Text>
          <ReportStatusBadge status={report.status} />
        </Group>
        <Group gap="xs" wrap="wrap">
          <Text size="sm" c={report.overdue ? 'red.7' : undefined}>
            {report.dueAt ? t('incidents.deadlines.due', { at: formatDateTime(report.dueAt) }) : t('incidents.deadlines.noClock')}
          </Text>
          <DueCountdown dueAt={report.dueAt} done={done} overdue={report.overdue} now={now} />
        </Group>
        {report.basis && (
          <Text size="xs" c="dimmed">
            {report.basis[labels.lang]}
          </Text>
        )}
        {report.submittedAt && (
          <Text size="xs" c="dimmed">
            {t('incidents.deadlines.submitted', { at: formatDateTime(report.submittedAt), name: report.submittedByName ?? '—' })}
          </Text>
        )}
        {report.reviewComment && (
          <Text size="xs" c={report.status === 'returned' ? 'orange.8' : 'dimmed'} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {t('incidents.deadlines.reviewComment', { comment: report.reviewComment })}
          </Text>
        )}
        <Group gap="xs" wrap="wrap">
          <Button component={Link} to={`/incidents/${incidentId}/reports/${report.id}`} size="compact-sm" data-testid={`open-report-${report.kind}`}>
            {t('incidents.deadlines.open')}
          </Button>
          <Button component="a" href={incidentLinks.reportDocx(incidentId, report.id)} download variant="default" size="compact-sm">
            DOCX
          </Button>
          <Button component="a" href={incidentLinks.reportPdf(incidentId, report.id)} download variant="default" size="compact-sm">
            PDF
          </Button>
          {report.workItemId && (
            <Anchor component={Link} to={`/work/${report.workItemId}`} size="sm">
              {t('incidents.deadlines.workItem')}
            </Anchor>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

/** The reports the case owes, nearest deadline first, each with its countdown; the closure report last. */
export function DeadlinesPanel({ incident, now }: { incident: IncidentDetail; now: number }) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  const reports = [...incident.reports].sort((a, b) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999'));
  return (
    <Paper withBorder p="sm" radius="md" data-testid="deadlines-panel">
      <Stack gap="xs">
        <Title order={4}>{t('incidents.deadlines.title')}</Title>
        <Text size="xs" c="dimmed">
          {t('incidents.deadlines.pack', { pack: incident.packTitle[labels.lang], version: incident.packVersion })}
        </Text>
        {reports.length === 0 ? (
          <Empty title={t('incidents.deadlines.none')} />
        ) : (
          reports.map((r) => <ReportRow key={r.id} incidentId={incident.id} report={r} now={now} />)
        )}
      </Stack>
    </Paper>
  );
}
