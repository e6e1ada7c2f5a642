import type { Assignment, TaskStatus } from '@khien/contracts';
import { Badge, Button, Card, FileButton, Group, Progress, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format-date';
import { AttachmentList } from './attachment-list';
import { needsReason, ownerStatusChoices, reasonMissing, type TaskDraft } from './assignment-model';
import { UploadIcon } from './directive-icons';
import { TASK_STATUS_BADGE, useDirectiveLabels } from './directive-labels';
import { assignmentsApi, type AssignmentTask } from './directives-api';
import { MutationError } from './mutation-error';

export const EVIDENCE_ACCEPT = 'image/*,application/pdf';

interface TaskCardProps {
  assignmentId: string;
  task: AssignmentTask;
  /** 1-based order on the page: the card's test id is task-card-<position>. */
  position: number;
  /** Section heading shown above the first task of each section. */
  showSection: boolean;
  editable: boolean;
  /** What the officer is editing; the page holds every card's draft and saves them together. */
  draft: TaskDraft;
  dirty: boolean;
  /** A save was tried: missing reasons say so. */
  showErrors: boolean;
  /** Saved since the page opened and not edited since: shows "Đã lưu". */
  justSaved: boolean;
  onChange: (taskId: string, draft: TaskDraft) => void;
  /** Evidence is stored at once (a file is not a draft): the page takes the assignment it returns. */
  onEvidence: (next: Assignment) => void;
  onReload: () => void;
}

/** One task on the officer's phone: status, what was done, its reason, evidence. Saved with the others. */
export function TaskCard(p: TaskCardProps) {
  const { task, draft, editable } = p;
  const { t } = useTranslation();
  const labels = useDirectiveLabels();
  const narrow = useMediaQuery('(max-width: 30em)') ?? false;
  const [progress, setProgress] = useState<number | null>(null);
  const set = (patch: Partial<TaskDraft>) => p.onChange(task.id, { ...draft, ...patch });
  const upload = useMutation({
    mutationFn: (file: File) => {
      setProgress(0);
      return assignmentsApi.addEvidence(p.assignmentId, task.id, file, { onProgress: setProgress });
    },
    onSuccess: p.onEvidence,
    onSettled: () => setProgress(null),
  });
  const reasonLabel = draft.status === 'not_done' ? t('assignments.task.notDoneReason') : t('assignments.task.naReason');

  return (
    <Card
      withBorder
      padding="sm"
      radius="md"
      data-testid={`task-card-${p.position}`}
      data-task-id={task.id}
      data-status={task.status}
      data-dirty={p.dirty}
      id={`task-${task.id}`}
      style={p.dirty ? { borderColor: 'var(--mantine-color-orange-5)', borderWidth: 2 } : undefined}
    >
      <Stack gap="sm">
        {p.showSection && task.sectionHeading && (
          <Text size="xs" fw={700} c="dimmed" tt="uppercase">
            {task.sectionHeading}
          </Text>
        )}
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            <Text span fw={700}>
              {p.position}.{' '}
            </Text>
            {task.text}
          </Text>
          <Badge color={TASK_STATUS_BADGE[task.status]} variant="light" size="sm" style={{ flexShrink: 0 }}>
            {labels.taskStatus(task.status)}
          </Badge>
        </Group>
        {task.dueAt && (
          <Text size="xs" c="dimmed">
            {t('assignments.task.due', { date: formatDate(task.dueAt) })}
          </Text>
        )}
        <SegmentedControl
          aria-label={t('assignments.task.status')}
          data={ownerStatusChoices(task.status).map((s) => ({ value: s, label: labels.taskStatus(s), disabled: s === 'risk_accepted' }))}
          value={draft.status}
          onChange={(v) => set({ status: v as TaskStatus })}
          readOnly={!editable}
          disabled={!editable}
          fullWidth
          orientation={narrow ? 'vertical' : 'horizontal'}
          size="sm"
        />
        {needsReason(draft.status) && (
          <Textarea
            label={reasonLabel}
            autosize
            minRows={2}
            value={draft.reason}
            onChange={(e) => set({ reason: e.currentTarget.value })}
            readOnly={!editable}
            withAsterisk
            error={p.showErrors && reasonMissing(draft) ? t('assignments.task.reasonRequired') : undefined}
            maxLength={2000}
          />
        )}
        <Textarea
          label={t('assignments.task.report')}
          placeholder={editable ? t('assignments.task.reportPlaceholder') : undefined}
          autosize
          minRows={3}
          maxRows={12}
          value={draft.report}
          onChange={(e) => set({ report: e.currentTarget.value })}
          readOnly={!editable}
          maxLength={20000}
        />
        <Stack gap={4}>
          <Text size="xs" fw={500}>
            {t('assignments.task.evidence', { n: task.evidence.length })}
          </Text>
          <AttachmentList files={task.evidence} />
          {progress !== null && <Progress value={Math.round(progress * 100)} size="sm" aria-label={t('assignments.task.uploading')} />}
        </Stack>
        <MutationError error={upload.error} onReload={p.onReload} />
        {editable && (
          <Group justify="space-between" gap="xs">
            <FileButton onChange={(file) => file && upload.mutate(file)} accept={EVIDENCE_ACCEPT}>
              {(props) => (
                <Button variant="default" leftSection={<UploadIcon size={14} />} loading={upload.isPending} {...props}>
                  {t('assignments.task.addEvidence')}
                </Button>
              )}
            </FileButton>
            {p.dirty ? (
              <Badge color="orange" variant="light" data-testid="task-unsaved">
                {t('assignments.task.unsaved')}
              </Badge>
            ) : (
              p.justSaved && (
                <Text size="xs" c="teal.7" role="status">
                  {t('assignments.task.saved')}
                </Text>
              )
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
