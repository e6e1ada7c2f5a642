import { Anchor, Button, Collapse, FileButton, Group, Progress, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChevronIcon } from '../../components/icons';
import { REQUIREMENT_STATUSES, type RequirementStatus } from '../../lib/enums';
import { formatDateTime } from '../../lib/format-date';
import { MarkBadge, RequirementBadge } from './badges';
import { inventoryApi, type ChecklistItem } from './inventory-api';
import { InventoryError } from './inventory-error';
import { useInventoryLabels } from './inventory-labels';

export const EVIDENCE_ACCEPT = 'image/*,application/pdf,.docx,.xlsx,.txt';

interface Props {
  systemId: string;
  item: ChecklistItem;
  canWrite: boolean;
  onSaved: (item: ChecklistItem) => void;
}

/** One requirement: the status saves as soon as it is chosen; the note and evidence sit behind a toggle. */
export function ChecklistRow({ systemId, item, canWrite, onSaved }: Props) {
  const { t } = useTranslation();
  const labels = useInventoryLabels();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState(item.note);
  /** "not applicable" needs a reason: the status waits here until the note is written and saved */
  const [pending, setPending] = useState<RequirementStatus | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const save = useMutation({
    // the note is sent with every status change: the body's default ('') would erase it
    mutationFn: (body: { status: RequirementStatus; note: string }) => inventoryApi.setRequirement(systemId, item.id, body),
    onSuccess: onSaved,
  });
  const upload = useMutation({
    mutationFn: (file: File) => {
      setProgress(0);
      return inventoryApi.addEvidence(systemId, item.id, file, { onProgress: setProgress });
    },
    onSuccess: onSaved,
    onSettled: () => setProgress(null),
  });
  const detailsId = `req-details-${item.id}`;
  return (
    <Stack gap={6} py="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }} data-testid={`req-${item.id}`} data-status={item.status}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Group gap={6} wrap="nowrap" align="flex-start" style={{ flex: '1 1 18rem', minWidth: 0 }}>
          {item.code && (
            <Text size="sm" fw={600} style={{ flexShrink: 0 }}>
              {item.code}
            </Text>
          )}
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {labels.text(item.text)}
          </Text>
          <MarkBadge mark={item.mark} />
        </Group>
        {canWrite ? (
          <Select
            aria-label={t('inventory.checklist.status')}
            data={REQUIREMENT_STATUSES.map((s) => ({ value: s, label: labels.requirement(s) }))}
            value={pending ?? (save.isPending && save.variables ? save.variables.status : item.status)}
            onChange={(v) => {
              const status = v as RequirementStatus | null;
              if (!status || status === item.status) return setPending(null);
              if (status === 'not_applicable' && !note.trim()) {
                setPending(status);
                setOpen(true);
              } else {
                setPending(null);
                save.mutate({ status, note: note.trim() });
              }
            }}
            allowDeselect={false}
            disabled={save.isPending}
            size="xs"
            w={170}
            comboboxProps={{ withinPortal: true }}
            data-testid="req-status"
          />
        ) : (
          <RequirementBadge status={item.status} />
        )}
      </Group>
      <Group gap="xs">
        <Button
          variant="subtle"
          size="compact-xs"
          px={0}
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
          aria-controls={detailsId}
          leftSection={<ChevronIcon open={open} size={12} />}
        >
          {t('inventory.checklist.details', { n: item.evidence.length })}
        </Button>
        {item.note && !open && (
          <Text size="xs" c="dimmed" lineClamp={1} style={{ flex: 1 }}>
            {item.note}
          </Text>
        )}
      </Group>
      <Collapse expanded={open} id={detailsId}>
        <Stack gap="xs" pl="sm">
          <Textarea
            label={t('inventory.checklist.note')}
            autosize
            minRows={2}
            maxRows={10}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            readOnly={!canWrite}
            maxLength={4000}
            withAsterisk={pending === 'not_applicable'}
            description={pending === 'not_applicable' ? t('inventory.checklist.naReason') : undefined}
            error={pending === 'not_applicable' && save.isError && !note.trim() ? t('common.required') : undefined}
          />
          {item.evidence.length > 0 && (
            <Stack gap={2}>
              {item.evidence.map((f) => (
                <Anchor key={f.id} href={inventoryApi.evidenceUrl(f.id)} download={f.filename} size="sm" style={{ wordBreak: 'break-all' }}>
                  {f.filename}
                </Anchor>
              ))}
            </Stack>
          )}
          {progress !== null && <Progress value={Math.round(progress * 100)} size="sm" aria-label={t('inventory.checklist.uploading')} />}
          {item.updatedAt && (
            <Text size="xs" c="dimmed">
              {t('inventory.checklist.updated', { when: formatDateTime(item.updatedAt), who: item.updatedBy ?? '—' })}
            </Text>
          )}
          {canWrite && (
            <Group gap="xs">
              <Button
                size="xs"
                onClick={() => save.mutate({ status: pending ?? item.status, note: note.trim() })}
                loading={save.isPending}
                disabled={note === item.note && pending === null}
              >
                {t('inventory.checklist.saveNote')}
              </Button>
              <FileButton onChange={(file) => file && upload.mutate(file)} accept={EVIDENCE_ACCEPT}>
                {(props) => (
                  <Button size="xs" variant="default" loading={upload.isPending} {...props}>
                    {t('inventory.checklist.addEvidence')}
                  </Button>
                )}
              </FileButton>
            </Group>
          )}
        </Stack>
      </Collapse>
      <InventoryError error={save.error ?? upload.error} />
    </Stack>
  );
}
