import type { Assignment, FromUnitsTask } from '@khien/contracts';
import { Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-client';
import {
  changedTasks,
  draftOf,
  isDirty,
  reasonMissing,
  refusedTaskIds,
  remainingDrafts,
  submitCheck,
  type SubmitCheck,
  type TaskDraft,
} from './assignment-model';
import { assignmentsApi, type AssignmentTask } from './directives-api';
import { fillTasks, hasIssuedRelay } from './from-units-model';
import { MutationError } from './mutation-error';
import { SubmitDialog } from './submit-dialog';
import { TaskCard } from './task-card';
import { UnsavedGuard } from './unsaved-guard';

// only orgs that relayed it open this: kept out of the phone's assignment page for everyone else
const FromUnitsPanel = lazy(() => import('./from-units-panel').then((m) => ({ default: m.FromUnitsPanel })));

interface AssignmentReportProps {
  assignment: Assignment;
  /** the owing side, while the report is still theirs (open statuses, directive not closed) */
  canReport: boolean;
  onApply: (next?: Assignment) => Promise<void>;
  onReload: () => void;
}

/**
 * The tasks of an assignment as the officer reports on them: edit several, save once (one request,
 * all or nothing), then submit — refused with the list while a task is unreported, confirmed with the
 * list when some are reported as not done.
 */
export function AssignmentReport({ assignment: a, canReport, onApply, onReload }: AssignmentReportProps) {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState<Record<string, TaskDraft>>({});
  const [showErrors, setShowErrors] = useState(false);
  const [saved, setSaved] = useState<ReadonlySet<string>>(new Set());
  const [check, setCheck] = useState<SubmitCheck<AssignmentTask> | null>(null);
  const changes = useMemo(() => changedTasks(a.tasks, drafts), [a.tasks, drafts]);
  const missingReasons = a.tasks.filter((task) => drafts[task.id] && isDirty(task, drafts[task.id]) && reasonMissing(drafts[task.id]!)).length;

  const onChange = useCallback((taskId: string, draft: TaskDraft) => {
    setDrafts((prev) => ({ ...prev, [taskId]: draft }));
    setSaved((prev) => (prev.has(taskId) ? new Set([...prev].filter((x) => x !== taskId)) : prev));
  }, []);
  const save = useMutation({
    mutationFn: () => assignmentsApi.updateTasks(a.id, a.version, changes),
    onSuccess: async (next) => {
      setSaved(new Set(changes.map((c) => c.taskId)));
      setDrafts((prev) => remainingDrafts(next.tasks, prev));
      setShowErrors(false);
      await onApply(next);
    },
  });
  const submit = useMutation({
    mutationFn: () => assignmentsApi.submit(a.id, a.version),
    onSuccess: async (next) => {
      setCheck(null);
      await onApply(next);
    },
    onError: (error) => {
      // someone else's report changed meanwhile: the server names the open tasks, the dialog lists them
      if (isApiError(error) && error.reason === 'work_checks_unsettled') {
        const open = new Set(refusedTaskIds(error.details));
        setCheck(submitCheck(a.tasks.map((task) => (open.has(task.id) ? { ...task, status: 'not_started' as const } : task))));
      }
    },
  });
  // filled into the drafts only: the officer reads, edits, and saves with the save bar
  const fill = useCallback(
    (fromUnits: readonly FromUnitsTask[], only?: string) => {
      const result = fillTasks(a.tasks, drafts, fromUnits, only);
      if (result.filled.length > 0) {
        setDrafts(result.drafts);
        setSaved((prev) => new Set([...prev].filter((x) => !result.filled.includes(x))));
      }
      return result.filled.length;
    },
    [a.tasks, drafts],
  );
  const trySave = () => {
    setShowErrors(true);
    if (missingReasons === 0 && changes.length > 0) save.mutate();
  };
  const trySubmit = () => {
    submit.reset();
    const c = submitCheck(a.tasks);
    if (c.unreported.length === 0 && c.notDone.length === 0) submit.mutate();
    else setCheck(c);
  };
  const goTo = (taskId: string) => {
    setCheck(null);
    document.getElementById(`task-${taskId}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };
  const done = a.tasks.filter((x) => x.status === 'done' || x.status === 'not_applicable').length;

  return (
    <Stack gap="md" data-testid="assignment-report">
      {hasIssuedRelay(a.relays) && (
        <Suspense fallback={<Loader size="sm" aria-label={t('common.loading')} />}>
          {/* a new version (saved) starts without the last fill's note */}
          <FromUnitsPanel key={a.version} assignmentId={a.id} tasks={a.tasks} canFill={canReport} onFill={fill} />
        </Suspense>
      )}
      <Title order={4}>{t('assignments.tasksTitle', { done, total: a.tasks.length })}</Title>
      {a.tasks.map((task, i) => (
        <TaskCard
          key={task.id}
          assignmentId={a.id}
          task={task}
          position={i + 1}
          showSection={i === 0 || a.tasks[i - 1]?.sectionHeading !== task.sectionHeading}
          editable={canReport}
          draft={drafts[task.id] ?? draftOf(task)}
          dirty={isDirty(task, drafts[task.id])}
          showErrors={showErrors}
          justSaved={saved.has(task.id)}
          onChange={onChange}
          onEvidence={(next) => void onApply(next)}
          onReload={onReload}
        />
      ))}

      {canReport && changes.length > 0 && (
        <Paper
          withBorder
          shadow="md"
          p="sm"
          radius="md"
          data-testid="save-bar"
          style={{ position: 'sticky', bottom: 8, zIndex: 5, borderColor: 'var(--mantine-color-orange-5)' }}
        >
          <Stack gap={6}>
            <Text size="sm" fw={600} role="status" data-testid="unsaved-count" data-count={changes.length}>
              {t('assignments.save.unsaved', { n: changes.length })}
            </Text>
            {showErrors && missingReasons > 0 && (
              <Text size="xs" c="red.7">
                {t('assignments.save.reasonsMissing', { n: missingReasons })}
              </Text>
            )}
            <MutationError error={save.error} onReload={onReload} />
            <Group gap="xs" grow>
              <Button variant="default" onClick={() => setDrafts({})} disabled={save.isPending}>
                {t('assignments.save.discard')}
              </Button>
              <Button onClick={trySave} loading={save.isPending} data-testid="save-all">
                {t('assignments.save.button', { n: changes.length })}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      {canReport && changes.length === 0 && saved.size > 0 && (
        <Text size="sm" c="teal.7" ta="center" role="status" data-testid="saved-note">
          {t('assignments.save.saved', { n: saved.size })}
        </Text>
      )}

      {canReport && (
        <Stack gap={4}>
          <Button size="xl" fullWidth color="teal" onClick={trySubmit} disabled={changes.length > 0} loading={submit.isPending} data-testid="submit-report">
            {t('assignments.submit.button')}
          </Button>
          {changes.length > 0 && (
            <Text size="sm" c="dimmed" ta="center">
              {t('assignments.submit.unsaved', { n: changes.length })}
            </Text>
          )}
          {!check && <MutationError error={submit.error} onReload={onReload} />}
        </Stack>
      )}
      <SubmitDialog
        check={check}
        loading={submit.isPending}
        error={isApiError(submit.error) && submit.error.reason === 'work_checks_unsettled' ? null : <MutationError error={submit.error} onReload={onReload} />}
        onConfirm={() => submit.mutate()}
        onClose={() => setCheck(null)}
        onGoTo={goTo}
      />
      <UnsavedGuard count={changes.length} />
    </Stack>
  );
}
