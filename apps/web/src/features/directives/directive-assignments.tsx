import type { AssignmentStatus } from '@khien/contracts';
import { Anchor, Loader, Select, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Empty } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { Pager } from '../../components/pager';
import { ASSIGNMENT_STATUSES } from '../../lib/enums';
import { formatDate, formatDateTime } from '../../lib/format-date';
import { KindBadge } from '../orgs';
import { useDirectiveLabels } from './directive-labels';
import { directiveKeys, directivesApi } from './directives-api';
import { AssignmentStatusBadge } from './status-badges';

const LIMIT = 50;

/** "Đơn vị nhận": one row per recipient org, filtered by status; a row opens the assignment. */
export function DirectiveAssignments({ directiveId }: { directiveId: string }) {
  const { t } = useTranslation();
  const labels = useDirectiveLabels();
  const navigate = useNavigate();
  const [status, setStatus] = useState<AssignmentStatus | null>(null);
  const [page, setPage] = useState({ key: '', offset: 0 });
  const key = status ?? '';
  const offset = page.key === key ? page.offset : 0;
  const query = { status: status ?? undefined, limit: LIMIT, offset };
  const list = useQuery({
    queryKey: directiveKeys.assignments(directiveId, query),
    queryFn: ({ signal }) => directivesApi.assignments(directiveId, query, signal),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack gap="sm">
      <Select
        label={t('assignments.filterStatus')}
        placeholder={t('directives.search.anyStatus')}
        data={ASSIGNMENT_STATUSES.map((s) => ({ value: s, label: labels.assignmentStatus(s) }))}
        value={status}
        onChange={(v) => setStatus((v as AssignmentStatus | null) ?? null)}
        clearable
        w={220}
        comboboxProps={{ withinPortal: true }}
      />
      {list.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Empty title={t('assignments.empty')} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={900}>
            <Table striped highlightOnHover verticalSpacing={4} fz="sm" data-testid="directive-assignments" aria-label={t('directives.tabs.assignments')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('assignments.fields.org')}</Table.Th>
                  <Table.Th>{t('assignments.fields.status')}</Table.Th>
                  <Table.Th>{t('assignments.fields.assignee')}</Table.Th>
                  <Table.Th>{t('assignments.fields.tasks')}</Table.Th>
                  <Table.Th>{t('assignments.fields.acknowledgedAt')}</Table.Th>
                  <Table.Th>{t('assignments.fields.submittedAt')}</Table.Th>
                  <Table.Th>{t('directives.fields.dueDate')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((a) => (
                  <Table.Tr
                    key={a.id}
                    onClick={() => void navigate(`/assignments/${a.id}`)}
                    style={{ cursor: 'pointer' }}
                    data-testid={`assignment-row-${a.id}`}
                  >
                    <Table.Td>
                      <Stack gap={2}>
                        <Anchor component={Link} to={`/assignments/${a.id}`} size="sm" onClick={(e) => e.stopPropagation()}>
                          {a.orgName}
                        </Anchor>
                        <KindBadge kind={a.orgKind} />
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <AssignmentStatusBadge status={a.status} />
                    </Table.Td>
                    <Table.Td>{a.assigneeName ?? '—'}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{t('assignments.tasksDone', { done: a.doneTasks, total: a.totalTasks })}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(a.acknowledgedAt) || '—'}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(a.submittedAt) || '—'}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" c={a.overdue ? 'red.7' : undefined} fw={a.overdue ? 600 : undefined}>
                        {formatDate(a.dueAt) || '—'}
                        {a.overdue ? ` · ${t('assignments.overdue')}` : ''}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager total={list.data.total} limit={LIMIT} offset={offset} onOffsetChange={(o) => setPage({ key, offset: o })} />
        </>
      )}
    </Stack>
  );
}
