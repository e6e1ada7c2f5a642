import type { WorkCheck, WorkItem } from '@khien/contracts';
import { Badge, Button, Card, FileButton, Group, NativeSelect, Progress, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api-client';
import { formatDate, formatDateTime } from '../../lib/format-date';
import { FileList, formatSize } from '../../components/file-list';
import { workApi } from './work-api';
import { WorkError } from './work-error';
import { CHECK_STATUS_COLORS, useWorkLabels } from './work-labels';
import {
  CHECK_STATUSES,
  MAX_EVIDENCE_BYTES,
  checkBody,
  checkNeedsReason,
  draftOf,
  draftReasonMissing,
  isDraftDirty,
  type CheckDraft,
  type CheckStatus,
} from './work-model';

interface CheckCardProps {
  item: Pick<WorkItem, 'id' | 'kind'>;
  check: WorkCheck;
  editable: boolean;
  justSaved: boolean;
  onDirtyChange: (key: string, dirty: boolean) => void;
  onSaved: (next: WorkItem, key: string) => void;
  onReload: () => void;
}

/** One check: its status in the kind's words, what was done, a reason where one is owed, evidence; saved on its own. */
export function CheckCard({ item, check, editable, justSaved, onDirtyChange, onSaved, onReload }: CheckCardProps) {
  const { t } = useTranslation();
  const labels = useWorkLabels();
  const [draft, setDraft] = useState<CheckDraft>(() => draftOf(check));
  const [touched, setTouched] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [tooLarge, setTooLarge] = useState<File | null>(null);
  // the value is read from the event now: React has let go of currentTarget by the time an updater runs
  const edit = (change: Partial<CheckDraft>) => setDraft((d) => ({ ...d, ...change }));
  const dirty = isDraftDirty(check, draft);
  const reasonMissing = draftReasonMissing(draft);

  useEffect(() => {
    onDirtyChange(check.key, dirty);
  }, [check.key, dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(check.key, false), [check.key, onDirtyChange]);

  const save = useMutation({ mutationFn: () => workApi.saveCheck(item.id, check.key, checkBody(draft)), onSuccess: (next) => onSaved(next, check.key) });
  const upload = useMutation({
    mutationFn: (file: File) => {
      setProgress(0);
      return workApi.addEvidence(item.id, check.key, file, { onProgress: setProgress });
    },
    onSuccess: (next) => onSaved(next, check.key),
    onSettled: () => setProgress(null),
  });
  const pick = (file: File | null) => {
    if (!file) return;
    setTooLarge(file.size > MAX_EVIDENCE_BYTES ? file : null);
    upload.reset();
    if (file.size <= MAX_EVIDENCE_BYTES) upload.mutate(file);
  };
  // the same words as the server's 413, without sending the file first
  const localError = tooLarge
    ? new ApiError({ status: 413, code: 'PAYLOAD_TOO_LARGE', message: t('work.evidence.fileSize', { name: tooLarge.name, size: formatSize(tooLarge.size) }) })
    : null;

  return (
    <Card withBorder padding="sm" radius="md" data-testid={`work-check-${check.key}`} data-status={check.status}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', minWidth: 0 }}>
            {check.code && (
              <Text span fw={700}>
                {check.code}{' '}
              </Text>
            )}
            {check.text}
          </Text>
          <Badge color={CHECK_STATUS_COLORS[check.status]} variant="light" size="sm" style={{ flexShrink: 0 }} data-testid="check-status">
            {labels.checkStatus(item.kind, check.status)}
          </Badge>
        </Group>
        {(check.dueAt || check.updatedAt) && (
          <Text size="xs" c="dimmed">
            {[
              check.dueAt && t('work.check.due', { date: formatDate(check.dueAt) }),
              check.updatedAt && t('work.check.updated', { at: formatDateTime(check.updatedAt), by: check.updatedBy ?? '—' }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        )}
        <NativeSelect
          label={t('work.check.status')}
          data={CHECK_STATUSES.map((s) => ({ value: s, label: labels.checkStatus(item.kind, s) }))}
          value={draft.status}
          onChange={(e) => edit({ status: e.currentTarget.value as CheckStatus })}
          disabled={!editable}
          data-testid="check-status-select"
        />
        {checkNeedsReason(draft.status) && (
          <Textarea
            label={t('work.check.reason')}
            description={t(`work.check.reasonHint.${draft.status}`)}
            autosize
            minRows={2}
            value={draft.reason}
            onChange={(e) => edit({ reason: e.currentTarget.value })}
            readOnly={!editable}
            withAsterisk
            error={touched && reasonMissing ? t('work.check.reasonRequired') : undefined}
            maxLength={2000}
            data-testid="check-reason"
          />
        )}
        <Textarea
          label={t('work.check.report')}
          placeholder={editable ? t('work.check.reportPlaceholder') : undefined}
          autosize
          minRows={2}
          maxRows={12}
          value={draft.report}
          onChange={(e) => edit({ report: e.currentTarget.value })}
          readOnly={!editable}
          maxLength={20000}
          data-testid="check-report"
        />
        <Stack gap={4}>
          <Text size="xs" fw={500}>
            {t('work.evidence.title', { n: check.evidence.length })}
          </Text>
          <FileList testId="evidence-list" files={check.evidence} />
          {progress !== null && <Progress value={Math.round(progress * 100)} size="sm" aria-label={t('work.evidence.uploading')} />}
        </Stack>
        <WorkError error={localError ?? save.error ?? upload.error} onReload={onReload} />
        {editable && (
          <Group justify="space-between" gap="xs">
            <Stack gap={2}>
              <FileButton onChange={pick}>
                {(props) => (
                  <Button variant="default" loading={upload.isPending} {...props} data-testid="add-evidence">
                    {t('work.evidence.add')}
                  </Button>
                )}
              </FileButton>
              <Text size="xs" c="dimmed">
                {t('work.evidence.limit', { mb: MAX_EVIDENCE_BYTES / 1024 / 1024 })}
              </Text>
            </Stack>
            <Group gap="xs">
              {!dirty && justSaved && (
                <Text size="xs" c="teal.7" role="status">
                  {t('work.check.saved')}
                </Text>
              )}
              {dirty && (
                <Text size="xs" c="orange.7">
                  {t('work.check.unsaved')}
                </Text>
              )}
              <Button
                onClick={() => {
                  setTouched(true);
                  if (!reasonMissing) save.mutate();
                }}
                loading={save.isPending}
                disabled={!dirty}
                data-testid="save-check"
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
