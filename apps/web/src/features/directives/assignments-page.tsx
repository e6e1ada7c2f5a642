import type { AssignmentStatus } from '@khien/contracts';
import { Anchor, Badge, Card, Group, Loader, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Empty } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { ASSIGNMENT_STATUSES } from '../../lib/enums';
import { formatDate } from '../../lib/format-date';
import { useDirectiveLabels } from './directive-labels';
import { assignmentKeys, assignmentsApi, directiveKeys, directivesApi, type AssignmentSummary } from './directives-api';
import { AssignmentStatusBadge } from './status-badges';
import { ClampedText } from '../../components/clamped-text';

const LIMIT = 30;

/**
 * The directive's subject for an inbox row. AssignmentSummary carries only `directiveId`, so each distinct
 * directive on the page is read once (and cached for the assignment page).
 */
function DirectiveSubject({ directiveId }: { directiveId: string }) {
  const { t } = useTranslation();
  const d = useQuery({ queryKey: directiveKeys.detail(directiveId), queryFn: () => directivesApi.get(directiveId), staleTime: 5 * 60_000 });
  if (!d.data) return <Text size="sm">{d.isError ? t('assignments.directiveUnavailable') : t('common.loading')}</Text>;
  return (
    <Stack gap={0}>
      <ClampedText size="sm" fw={600} text={d.data.subject} />
      <Text size="xs" c="dimmed">
        {[d.data.number, d.data.issuerOrgName].filter(Boolean).join(' · ')}
      </Text>
    </Stack>
  );
}

function Due({ a }: { a: AssignmentSummary }) {
  const { t } = useTranslation();
  if (!a.dueAt) return <Text size="sm">—</Text>;
  return (
    <Text size="sm" c={a.overdue ? 'red.7' : undefined} fw={a.overdue ? 700 : undefined} data-overdue={a.overdue}>
      {t('assignments.due', { date: formatDate(a.dueAt) })}
      {a.overdue ? ` · ${t('assignments.overdue')}` : ''}
    </Text>
  );
}

function InboxCard({ a }: { a: AssignmentSummary }) {
  const { t } = useTranslation();
  return (
    <Card
      component={Link}
      to={`/assignments/${a.id}`}
      withBorder
      padding="sm"
      radius="md"
      data-testid={`inbox-card-${a.id}`}
      style={{ borderColor: a.overdue ? 'var(--mantine-color-red-5)' : undefined }}
    >
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <DirectiveSubject directiveId={a.directiveId} />
          <AssignmentStatusBadge status={a.status} />
        </Group>
        <Text size="xs" c="dimmed">
          {a.orgName}
          {a.assigneeName ? ` · ${a.assigneeName}` : ''}
        </Text>
        <Group justify="space-between">
          <Due a={a} />
          <Badge variant="outline" color="gray" size="sm">
            {t('assignments.tasksDone', { done: a.doneTasks, total: a.totalTasks })}
          </Badge>
        </Group>
      </Stack>
    </Card>
  );
}

/** /assignments: what my orgs were asked to do, newest first; cards on phones, a table on wide screens. */
export function AssignmentsPage() {
  const { t } = useTranslation();
  const labels = useDirectiveLabels();
  const wide = useMediaQuery('(min-width: 62em)') ?? false;
  const [status, setStatus] = useState<AssignmentStatus | null>(null);
  const [page, setPage] = useState({ key: '', offset: 0 });
  const key = status ?? '';
  const offset = page.key === key ? page.offset : 0;
  const query = { status: status ?? undefined, limit: LIMIT, offset };
  const list = useQuery({
    queryKey: assignmentKeys.inbox(query),
    queryFn: ({ signal }) => assignmentsApi.inbox(query, signal),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader title={t('assignments.title')} description={t('assignments.description')} />
      <Select
        label={t('assignments.filterStatus')}
        placeholder={t('directives.search.anyStatus')}
        data={ASSIGNMENT_STATUSES.map((s) => ({ value: s, label: labels.assignmentStatus(s) }))}
        value={status}
        onChange={(v) => setStatus((v as AssignmentStatus | null) ?? null)}
        clearable
        maw={260}
        mb="md"
        comboboxProps={{ withinPortal: true }}
      />
      {list.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Empty title={t('assignments.inboxEmpty')} description={status ? t('assignments.inboxEmptyHint') : undefined} />
      ) : (
        <>
          {wide ? (
            <Paper withBorder p="xs">
              <Table striped highlightOnHover verticalSpacing={6} fz="sm" data-testid="inbox-table" aria-label={t('assignments.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('assignments.fields.directive')}</Table.Th>
                    <Table.Th>{t('assignments.fields.org')}</Table.Th>
                    <Table.Th>{t('assignments.fields.status')}</Table.Th>
                    <Table.Th>{t('assignments.fields.tasks')}</Table.Th>
                    <Table.Th>{t('directives.fields.dueDate')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((a) => (
                    <Table.Tr key={a.id} data-testid={`inbox-row-${a.id}`}>
                      <Table.Td maw={480}>
                        <Anchor component={Link} to={`/assignments/${a.id}`} underline="never" c="inherit">
                          <DirectiveSubject directiveId={a.directiveId} />
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        {a.orgName}
                        {a.assigneeName && (
                          <Text size="xs" c="dimmed">
                            {a.assigneeName}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <AssignmentStatusBadge status={a.status} />
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{t('assignments.tasksDone', { done: a.doneTasks, total: a.totalTasks })}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Due a={a} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          ) : (
            <Stack gap="sm" data-testid="inbox-cards">
              {list.data.items.map((a) => (
                <InboxCard key={a.id} a={a} />
              ))}
            </Stack>
          )}
          <Pager total={list.data.total} limit={LIMIT} offset={offset} onOffsetChange={(o) => setPage({ key, offset: o })} />
        </>
      )}
    </>
  );
}
