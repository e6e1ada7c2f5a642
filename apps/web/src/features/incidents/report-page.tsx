import type { IncidentDetail, IncidentReportDetail } from '@khien/contracts';
import { Alert, Anchor, Button, Group, List, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { useAuth } from '../../lib/auth-context';
import { formatDateTime } from '../../lib/format-date';
import { useNow } from '../../lib/use-now';
import { DueCountdown, ReportStatusBadge } from './incident-badges';
import { useIncidentLabels } from './incident-labels';
import { isApiError } from '../../lib/api-client';
import { incidentKeys, incidentLinks, incidentsApi } from './incidents-api';
import { ReportField } from './report-field';
import { FORM_LISTS } from './report-forms';
import { fieldsForKind, fromFormValues, groupBySection, isDirty, missingFromError, missingLabels, toFormValues, type FormValues } from './report-model';
import { ReportReview } from './report-review';

function ReportForm({ incident, report }: { incident: IncidentDetail; report: IncidentReportDetail }) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  const { can } = useAuth();
  const now = useNow(30_000);
  const queryClient = useQueryClient();
  const fields = fieldsForKind(report.kind, FORM_LISTS);
  const [values, setValues] = useState<FormValues>(() => toFormValues(fields, report.fields));
  const [refused, setRefused] = useState<string[]>([]);
  const [invalid, setInvalid] = useState<string[]>([]);
  const editable =
    (report.status === 'draft' || report.status === 'returned') &&
    (incident.actions.includes('report') || (report.kind === 'closure' && incident.actions.includes('close')));
  const reviewable = report.status === 'submitted' && (report.kind === 'closure' ? incident.actions.includes('review_closure') : can('incident:review'));
  const putReport = (next: IncidentReportDetail) => queryClient.setQueryData(incidentKeys.report(incident.id, report.id), next);
  const putCase = (next: IncidentDetail) => {
    queryClient.setQueryData(incidentKeys.detail(incident.id), next);
    void queryClient.invalidateQueries({ queryKey: incidentKeys.report(incident.id, report.id) });
    void queryClient.invalidateQueries({ queryKey: incidentKeys.lists });
  };
  const body = () => {
    const out = fromFormValues(fields, values);
    setInvalid(out.invalid);
    return out.invalid.length > 0 ? null : out.fields;
  };
  const save = useMutation({
    mutationFn: (f: Record<string, unknown>) => incidentsApi.saveReport(incident.id, report.id, f, report.version),
    onSuccess: putReport,
  });
  const submit = useMutation({
    // unsaved changes are saved first: the server checks what is stored
    mutationFn: async (f: Record<string, unknown>) => {
      const version = isDirty(fields, report.fields, values)
        ? (await incidentsApi.saveReport(incident.id, report.id, f, report.version)).version
        : report.version;
      return incidentsApi.submitReport(incident.id, report.id, version);
    },
    onSuccess: (next) => {
      setRefused([]);
      putCase(next);
    },
    onError: (error) => {
      setRefused(isApiError(error) && error.status === 422 ? missingFromError(error.details, fields) : []);
      void queryClient.invalidateQueries({ queryKey: incidentKeys.report(incident.id, report.id) });
    },
  });
  const missing = [...new Set([...report.missing, ...refused])];
  const missingSet = new Set(missing);
  const run = (m: typeof save | typeof submit) => {
    const f = body();
    if (f) m.mutate(f);
  };
  const shownError = submit.error && refused.length > 0 ? null : (submit.error ?? save.error);
  return (
    <Stack gap="md">
      <Paper withBorder p="sm" radius="md">
        <Group gap="xs" wrap="wrap">
          <ReportStatusBadge status={report.status} size="lg" />
          {report.dueAt && (
            <Text size="sm" c={report.overdue ? 'red.7' : undefined}>
              {t('incidents.deadlines.due', { at: formatDateTime(report.dueAt) })}
            </Text>
          )}
          <DueCountdown dueAt={report.dueAt} done={report.status === 'submitted' || report.status === 'accepted'} overdue={report.overdue} now={now} />
        </Group>
        {report.basis && (
          <Text size="xs" c="dimmed" mt={4}>
            {report.basis[labels.lang]}
          </Text>
        )}
        {report.reviewComment && (
          <Text size="sm" mt={4} c={report.status === 'returned' ? 'orange.8' : undefined} style={{ whiteSpace: 'pre-wrap' }}>
            {t('incidents.deadlines.reviewComment', { comment: report.reviewComment })}
          </Text>
        )}
        <Group gap="xs" mt="xs">
          <Button component="a" href={incidentLinks.reportDocx(incident.id, report.id)} download variant="default" size="xs">
            {t('incidents.report.docx')}
          </Button>
          <Button component="a" href={incidentLinks.reportPdf(incident.id, report.id)} download variant="default" size="xs">
            {t('incidents.report.pdf')}
          </Button>
        </Group>
      </Paper>
      {missing.length > 0 && (
        <Alert color="red" variant="light" title={t('incidents.report.missingTitle', { n: missing.length })} data-testid="report-missing">
          <List size="sm">
            {missingLabels(missing, fields, labels.lang).map((l) => (
              <List.Item key={l}>{l}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {groupBySection(fields, labels.lang).map((section) => (
        <Paper key={section.title} withBorder p="sm" radius="md">
          <Title order={5} mb="xs">
            {section.title}
          </Title>
          <Stack gap="sm">
            {section.fields.map((f) => (
              <ReportField
                key={f.key}
                field={f}
                lang={labels.lang}
                value={values[f.key]}
                onChange={(v) => setValues((old) => ({ ...old, [f.key]: v }))}
                readOnly={!editable}
                error={invalid.includes(f.key) ? t('incidents.report.invalid') : missingSet.has(f.key) ? t('incidents.report.requiredToSubmit') : null}
              />
            ))}
          </Stack>
        </Paper>
      ))}
      <ErrorAlert error={shownError} />
      {editable && (
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => run(save)} loading={save.isPending} data-testid="report-save">
            {t('incidents.report.saveDraft')}
          </Button>
          <Button onClick={() => run(submit)} loading={submit.isPending} data-testid="report-submit">
            {report.kind === 'closure' ? t('incidents.report.submitClosure') : t('incidents.report.submit')}
          </Button>
        </Group>
      )}
      {save.isSuccess && !save.isPending && (
        <Text size="sm" c="teal.7" ta="right" role="status">
          {t('incidents.report.saved')}
        </Text>
      )}
      {reviewable && <ReportReview incident={incident} report={report} onDone={putCase} />}
    </Stack>
  );
}

/** /incidents/:id/reports/:reportId: a statutory report (or the closure report) filled in, saved, sent, reviewed. */
export function ReportPage() {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  const { id = '', reportId = '' } = useParams();
  const incident = useQuery({ queryKey: incidentKeys.detail(id), queryFn: ({ signal }) => incidentsApi.get(id, signal) });
  const report = useQuery({ queryKey: incidentKeys.report(id, reportId), queryFn: ({ signal }) => incidentsApi.report(id, reportId, signal) });
  const back = (
    <Anchor component={Link} to={`/incidents/${id}`} size="sm">
      ‹ {incident.data?.code ?? t('incidents.list.title')}
    </Anchor>
  );
  if (incident.isPending || report.isPending) return <Loader aria-label={t('common.loading')} />;
  if (incident.isError || report.isError) {
    return (
      <Stack>
        <ErrorAlert error={incident.error ?? report.error} />
        {back}
      </Stack>
    );
  }
  return (
    <Stack gap="md" maw={860} data-testid="report-page" data-kind={report.data.kind} data-status={report.data.status} style={{ minWidth: 0 }}>
      {back}
      <PageHeader title={labels.reportKind(report.data.kind)} description={`${incident.data.code} · ${incident.data.title}`} />
      {/* a new status (submitted, returned) starts the form from what is stored */}
      <ReportForm key={report.data.status} incident={incident.data} report={report.data} />
    </Stack>
  );
}
