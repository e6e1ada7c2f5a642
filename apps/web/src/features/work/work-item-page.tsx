import type { WorkItem } from '@khien/contracts';
import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { useMe } from '../../lib/auth-context';
import { formatDate, formatDateTime } from '../../lib/format-date';
import { useNow } from '../../lib/use-now';
import { CheckCard } from './check-card';
import { workApi, workKeys } from './work-api';
import { WorkActions } from './work-actions';
import { DueText, KindBadge, WorkStatusBadge } from './work-badges';
import { WorkError } from './work-error';
import { WorkHistory } from './work-history';
import { groupChecks, isCheckSettled, isClosedStatus, orgLine } from './work-model';

function toggled(set: ReadonlySet<string>, key: string, on: boolean): ReadonlySet<string> {
  if (set.has(key) === on) return set;
  const next = new Set(set);
  if (on) next.add(key);
  else next.delete(key);
  return next;
}

/** "Assign to me" / "unassign": picking another person needs user:read, which unit officers lack. */
function Assignee({ item, onDone, onReload }: { item: WorkItem; onDone: (next: WorkItem) => void; onReload: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const assign = useMutation({ mutationFn: (userId: string | null) => workApi.assign(item.id, userId, item.version), onSuccess: onDone });
  const mine = item.assigneeUserId === me.id;
  const canChange = item.canReport && !isClosedStatus(item.status);
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" data-testid="work-assignee">
          {item.assigneeName ? t('work.item.assignee', { name: item.assigneeName }) : t('work.item.unassigned')}
        </Text>
        {canChange && (
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() => assign.mutate(mine ? null : me.id)}
            loading={assign.isPending}
            data-testid={mine ? 'unassign-me' : 'assign-me'}
          >
            {mine ? t('work.item.unassignMe') : t('work.item.assignMe')}
          </Button>
        )}
      </Group>
      <WorkError error={assign.error} onReload={onReload} />
    </Stack>
  );
}

/** /work/:id: one item owed by an org, on a phone first: its moves, its checks by group, its history. */
export function WorkItemPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const now = useNow();
  const queryClient = useQueryClient();
  const [dirty, setDirty] = useState<ReadonlySet<string>>(new Set());
  const [saved, setSaved] = useState<ReadonlySet<string>>(new Set());
  const detail = useQuery({ queryKey: workKeys.detail(id), queryFn: ({ signal }) => workApi.get(id, signal) });

  const apply = useCallback(
    async (next?: WorkItem) => {
      if (next && Array.isArray(next.checks)) queryClient.setQueryData(workKeys.detail(id), next);
      await queryClient.invalidateQueries({ queryKey: workKeys.all });
    },
    [id, queryClient],
  );
  const reload = useCallback(() => void apply(), [apply]);
  const onDirtyChange = useCallback((key: string, isDirty: boolean) => {
    if (isDirty) setSaved((prev) => toggled(prev, key, false));
    setDirty((prev) => toggled(prev, key, isDirty));
  }, []);

  const back = (
    <Anchor component={Link} to="/work" size="sm">
      ‹ {t('work.todo.title')}
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
  const item = detail.data;
  const groups = groupChecks(item.checks);
  const settled = item.checks.filter((c) => isCheckSettled(c.status)).length;
  const reasonTitle =
    item.status === 'returned'
      ? t('work.item.returnedTitle')
      : item.status === 'not_applicable'
        ? t('work.item.notApplicableTitle')
        : item.status === 'risk_accepted'
          ? t('work.item.riskAcceptedTitle')
          : null;
  const reasonText = item.statusReason ?? item.reviewComment;

  return (
    <Stack gap="md" maw={760} data-testid="work-item-page" data-work-id={item.id} data-kind={item.kind} style={{ minWidth: 0 }}>
      {back}
      <PageHeader title={item.label} description={orgLine(item)} />
      <Paper withBorder p="sm" radius="md">
        <Stack gap={6}>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <KindBadge kind={item.kind} size="md" />
            <WorkStatusBadge status={item.status} size="lg" />
          </Group>
          {item.dueAt && (
            <Group gap={6} wrap="wrap">
              <Text size="sm" fw={500}>
                {t('work.fields.due')}:
              </Text>
              <DueText dueAt={item.dueAt} status={item.status} overdue={item.overdue} now={now} />
            </Group>
          )}
          {item.ackDueAt && item.status === 'pending' && (
            <Text size="sm" c="dimmed">
              {t('work.item.ackDue', { date: formatDate(item.ackDueAt) })}
            </Text>
          )}
          {item.reviewerOrgName && (
            <Text size="sm" c="dimmed">
              {t('work.item.reviewer', { name: item.reviewerOrgName })}
              {item.submittedAt ? ` · ${t('work.item.submittedAt', { at: formatDateTime(item.submittedAt) })}` : ''}
            </Text>
          )}
          <Assignee item={item} onDone={(next) => void apply(next)} onReload={reload} />
          <Anchor component={Link} to={item.link} size="sm" data-testid="open-source">
            {t('work.item.openSource')}
          </Anchor>
        </Stack>
      </Paper>

      {reasonTitle && (
        <Alert color={item.status === 'returned' ? 'red' : 'gray'} variant="light" title={reasonTitle} data-testid="status-reason">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {reasonText || t('work.item.noReason')}
          </Text>
        </Alert>
      )}
      {item.status === 'accepted' && (
        <Alert color="teal" variant="light" title={t('work.item.acceptedTitle')}>
          {item.reviewComment && <Text size="sm">{item.reviewComment}</Text>}
        </Alert>
      )}

      <WorkActions item={item} unsaved={dirty.size} onDone={(next) => void apply(next)} onReload={reload} />
      {!item.canReport && !isClosedStatus(item.status) && item.status !== 'submitted' && (
        <Text size="sm" c="dimmed" data-testid="read-only-note">
          {t('work.item.readOnly')}
        </Text>
      )}

      <Title order={4}>{t('work.item.checksTitle', { done: settled, total: item.checks.length })}</Title>
      {item.checks.length === 0 && <Text c="dimmed">{t('work.item.noChecks')}</Text>}
      {groups.map((g, gi) => (
        <Stack key={`${g.group ?? ''}-${gi}`} gap="sm" data-testid="check-group">
          {(g.group || groups.length > 1) && (
            <Text size="sm" fw={700} c="dimmed" tt="uppercase">
              {g.group ?? t('work.item.otherChecks')}
            </Text>
          )}
          {g.checks.map((c) => (
            <CheckCard
              key={`${c.key}|${c.status}|${c.report}|${c.reason ?? ''}`}
              item={item}
              check={c}
              editable={item.canReport}
              justSaved={saved.has(c.key)}
              onDirtyChange={onDirtyChange}
              onSaved={(next, key) => {
                setSaved((prev) => toggled(prev, key, true));
                void apply(next);
              }}
              onReload={reload}
            />
          ))}
        </Stack>
      ))}

      <Paper withBorder p="sm" radius="md">
        <Title order={5} mb="sm">
          {t('work.history.title')}
        </Title>
        <WorkHistory events={item.history} />
      </Paper>
    </Stack>
  );
}
