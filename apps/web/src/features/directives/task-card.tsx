import type { Assignment, TaskStatus } from '@khien/contracts';
import { Badge, Button, Card, FileButton, Group, Progress, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TASK_STATUSES } from '../../lib/enums';
import { formatDate } from '../../lib/format-date';
import { AttachmentList } from './attachment-list';
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
  /** Saved since the page opened and not edited since: shows "Đã lưu". */
  justSaved: boolean;
  onDirtyChange: (taskId: string, dirty: boolean) => void;
  onSaved: (next: Assignment, taskId: string) => void;
  onReload: () => void;
}

/** One task on the officer's phone: status, what was done, evidence; saved on its own. */
export function TaskCard({ assignmentId, task, position, showSection, editable, justSaved, onDirtyChange, onSaved, onReload }: TaskCardProps) {
  const { t } = useTranslation();
  const labels = useDirectiveLabels();
  const narrow = useMediaQuery('(max-width: 30em)') ?? false;
  const [status, setStatus] = useState<TaskStatus>(task.status);
  const [report, setReport] = useState(task.report);
  const [naReason, setNaReason] = useState(task.naReason ?? '');
  const [touched, setTouched] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const dirty = status !== task.status || report !== task.report || (status === 'not_applicable' && naReason !== (task.naReason ?? ''));
  const reasonMissing = status === 'not_applicable' && !naReason.trim();

  useEffect(() => {
    onDirtyChange(task.id, dirty);
  }, [task.id, dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(task.id, false), [task.id, onDirtyChange]);

  const save = useMutation({
    mutationFn: () =>
      assignmentsApi.updateTask(assignmentId, task.id, { status, report: report.trim(), naReason: status === 'not_applicable' ? naReason.trim() : null }),
    onSuccess: (next) => onSaved(next, task.id),
  });
  const upload = useMutation({
    mutationFn: (file: File) => {
      setProgress(0);
      return assignmentsApi.addEvidence(assignmentId, task.id, file, { onProgress: setProgress });
    },
    onSuccess: (next) => onSaved(next, task.id),
    onSettled: () => setProgress(null),
  });

  return (
    <Card withBorder padding="sm" radius="md" data-testid={`task-card-${position}`} data-task-id={task.id} data-status={task.status}>
      <Stack gap="sm">
        {showSection && task.sectionHeading && (
          <Text size="xs" fw={700} c="dimmed" tt="uppercase">
            {task.sectionHeading}
          </Text>
        )}
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            <Text span fw={700}>
              {position}.{' '}
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
          data={TASK_STATUSES.map((s) => ({ value: s, label: labels.taskStatus(s) }))}
          value={status}
          onChange={(v) => setStatus(v)}
          readOnly={!editable}
          disabled={!editable}
          fullWidth
          orientation={narrow ? 'vertical' : 'horizontal'}
          size="sm"
        />
        {status === 'not_applicable' && (
          <Textarea
            label={t('assignments.task.naReason')}
            autosize
            minRows={2}
            value={naReason}
            onChange={(e) => setNaReason(e.currentTarget.value)}
            readOnly={!editable}
            withAsterisk
            error={touched && reasonMissing ? t('assignments.task.naReasonRequired') : undefined}
            maxLength={2000}
          />
        )}
        <Textarea
          label={t('assignments.task.report')}
          placeholder={editable ? t('assignments.task.reportPlaceholder') : undefined}
          autosize
          minRows={3}
          maxRows={12}
          value={report}
          onChange={(e) => setReport(e.currentTarget.value)}
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
        <MutationError error={save.error ?? upload.error} onReload={onReload} />
        {editable && (
          <Group justify="space-between" gap="xs">
            <FileButton onChange={(file) => file && upload.mutate(file)} accept={EVIDENCE_ACCEPT}>
              {(props) => (
                <Button variant="default" leftSection={<UploadIcon size={14} />} loading={upload.isPending} {...props}>
                  {t('assignments.task.addEvidence')}
                </Button>
              )}
            </FileButton>
            <Group gap="xs">
              {!dirty && justSaved && (
                <Text size="xs" c="teal.7" role="status">
                  {t('assignments.task.saved')}
                </Text>
              )}
              {dirty && (
                <Text size="xs" c="orange.7">
                  {t('assignments.task.unsaved')}
                </Text>
              )}
              <Button
                onClick={() => {
                  setTouched(true);
                  if (!reasonMissing) save.mutate();
                }}
                loading={save.isPending}
              >
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
