import type { Assignment } from '@khien/contracts';
import { Alert, Anchor, Button, Collapse, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../lib/auth-context';
import { ErrorAlert } from '../../components/error-alert';
import { ChevronIcon } from '../../components/icons';
import { PageHeader } from '../../components/page-header';
import { formatDate } from '../../lib/format-date';
import { AssigneeControl } from './assignee-control';
import { AssignmentHistory } from './assignment-history';
import { AssignmentReport } from './assignment-report';
import { AttachmentList } from './attachment-list';
import { DirectiveDocument } from './directive-document';
import { assignmentKeys, assignmentsApi, directiveKeys, directivesApi } from './directives-api';
import { MutationError } from './mutation-error';
import { ReviewPanel } from './review-panel';
import { AssignmentStatusBadge } from './status-badges';

// only an org with units of its own relays: kept out of the unit officer's phone page
const RelaySection = lazy(() => import('./relay-section').then((m) => ({ default: m.RelaySection })));

/** /assignments/:id: the commune officer's phone view of one directive assigned to their org. */
export function AssignmentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const [fullText, setFullText] = useState(false);
  const detail = useQuery({ queryKey: assignmentKeys.detail(id), queryFn: () => assignmentsApi.get(id) });
  const directiveId = detail.data?.directiveId ?? '';
  const directive = useQuery({ queryKey: directiveKeys.detail(directiveId), queryFn: () => directivesApi.get(directiveId), enabled: directiveId !== '' });

  const apply = useCallback(
    async (next?: Assignment) => {
      if (next && Array.isArray(next.tasks)) queryClient.setQueryData(assignmentKeys.detail(id), next);
      await Promise.all([queryClient.invalidateQueries({ queryKey: assignmentKeys.all }), queryClient.invalidateQueries({ queryKey: directiveKeys.all })]);
    },
    [id, queryClient],
  );
  const reload = useCallback(() => void apply(), [apply]);
  const acknowledge = useMutation({ mutationFn: (version: number) => assignmentsApi.acknowledge(id, version), onSuccess: apply });

  const back = (
    <Anchor component={Link} to="/assignments" size="sm">
      ‹ {t('nav.assignments')}
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
  const a = detail.data;
  const d = directive.data;
  const reporter = can('directive:report');
  // Picking an officer lists GET /users?orgId=…, which needs user:read (coordinators, not unit officers).
  // Reporting on a task while pending acknowledges it too (server side); a closed directive takes no more reports.
  // the owing side's statuses (work's state machine): once submitted or closed, the report is the reviewer's
  const canReport = reporter && ['pending', 'acknowledged', 'in_progress', 'returned'].includes(a.status) && d?.status !== 'closed';

  return (
    <Stack gap="md" maw={760} data-testid="assignment-page" data-assignment-id={a.id}>
      {back}
      <PageHeader title={d ? d.subject : t('assignments.title')} description={d ? [d.number, d.issuerOrgName].filter(Boolean).join(' · ') : undefined} />
      <Paper withBorder p="sm" radius="md">
        <Stack gap={6}>
          <Group justify="space-between" wrap="nowrap">
            <Text fw={600}>{a.orgName}</Text>
            <AssignmentStatusBadge status={a.status} size="lg" />
          </Group>
          {a.dueAt && (
            <Text size="sm" c={a.overdue ? 'red.7' : undefined} fw={a.overdue ? 700 : 500} data-testid="assignment-due">
              {t('assignments.due', { date: formatDate(a.dueAt) })}
              {a.overdue ? ` · ${t('assignments.overdue')}` : ''}
            </Text>
          )}
          <AssigneeControl
            assignment={a}
            canAssign={reporter && can('user:read') && a.status !== 'accepted'}
            onDone={(next) => void apply(next)}
            onReload={reload}
          />
          {d && (
            <>
              <Group gap="xs">
                <Button
                  variant="subtle"
                  size="compact-sm"
                  px={0}
                  onClick={() => setFullText((o) => !o)}
                  aria-expanded={fullText}
                  leftSection={<ChevronIcon open={fullText} />}
                >
                  {fullText ? t('assignments.hideFullText') : t('assignments.showFullText')}
                </Button>
                <Anchor component={Link} to={`/directives/${d.id}`} size="sm">
                  {t('assignments.openDirective')}
                </Anchor>
              </Group>
              <Collapse expanded={fullText}>
                <Paper withBorder p="sm" bg="gray.0">
                  <DirectiveDocument directive={d} />
                  <AttachmentList files={d.attachments} />
                </Paper>
              </Collapse>
            </>
          )}
          {directive.isError && <ErrorAlert error={directive.error} />}
        </Stack>
      </Paper>

      {a.status === 'returned' && (
        <Alert color="red" variant="light" title={t('assignments.returnedTitle')} data-testid="returned-alert">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {a.reviewComment || t('assignments.returnedNoComment')}
          </Text>
        </Alert>
      )}
      {a.status === 'accepted' && (
        <Alert color="teal" variant="light" title={t('assignments.acceptedTitle')}>
          {a.reviewComment && <Text size="sm">{a.reviewComment}</Text>}
        </Alert>
      )}

      {reporter && a.status === 'pending' && (
        <Stack gap={4}>
          <Button size="xl" fullWidth onClick={() => acknowledge.mutate(a.version)} loading={acknowledge.isPending} data-testid="acknowledge">
            {t('assignments.acknowledge')}
          </Button>
          <Text size="xs" c="dimmed" ta="center">
            {t('assignments.acknowledgeHint')}
          </Text>
          <MutationError error={acknowledge.error} onReload={reload} />
        </Stack>
      )}

      {(a.canRelay || a.relays.length > 0) && (
        <Suspense fallback={null}>
          <RelaySection assignment={a} onReload={reload} />
        </Suspense>
      )}

      <AssignmentReport key={a.id} assignment={a} canReport={canReport} onApply={apply} onReload={reload} />

      <Anchor href={assignmentsApi.reportUrl(a.id)} download size="sm" ta="center" data-testid="assignment-report-docx">
        {t('assignments.reportDocx')}
      </Anchor>

      {d?.canEdit && a.status === 'submitted' && <ReviewPanel assignment={a} onDone={(next) => void apply(next)} onReload={reload} />}

      <Paper withBorder p="sm" radius="md">
        <Title order={5} mb="sm">
          {t('assignments.history.title')}
        </Title>
        <AssignmentHistory events={a.history} />
      </Paper>
    </Stack>
  );
}
