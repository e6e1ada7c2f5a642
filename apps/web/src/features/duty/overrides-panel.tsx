import type { DutyOverride, DutyPerson, Rotation } from '@khien/contracts';
import { Button, Card, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DateField } from '../../components/date-field';
import { Empty } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { ResponsiveModal } from '../../components/responsive-modal';
import { formatDateTime } from '../../lib/format-date';
import { dutyApi } from './duty-api';
import { emptyOverrideForm, overrideBody, overrideErrors, type OverrideForm } from './duty-forms';
import { vnDay } from './duty-model';
import { TimeField } from './rotation-dialog';

function OverrideDialog({
  orgId,
  people,
  rotations,
  onClose,
  onSaved,
}: {
  orgId: string;
  people: DutyPerson[];
  rotations: Rotation[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<OverrideForm>(() => emptyOverrideForm(vnDay(Date.now())));
  const [tried, setTried] = useState(false);
  const save = useMutation({ mutationFn: () => dutyApi.createOverride(overrideBody(form, orgId)), onSuccess: onSaved });
  const errors = overrideErrors(form);
  const shown = (k: keyof typeof errors) => (tried && errors[k] ? t(errors[k]) : undefined);
  const set = (patch: Partial<OverrideForm>) => setForm((f) => ({ ...f, ...patch }));
  const personData = people.map((p) => ({ value: p.userId, label: p.name }));
  return (
    <ResponsiveModal opened onClose={onClose} title={t('duty.override.add')}>
      <Stack>
        <Select
          label={t('duty.override.person')}
          data={personData}
          value={form.userId}
          onChange={(v) => set({ userId: v })}
          searchable
          withAsterisk
          error={shown('userId')}
          data-testid="override-person"
        />
        <Select
          label={t('duty.override.replaces')}
          placeholder={t('duty.override.replacesNobody')}
          data={personData}
          value={form.replacesUserId}
          onChange={(v) => set({ replacesUserId: v })}
          searchable
          clearable
          error={shown('replacesUserId')}
        />
        {rotations.length > 0 && (
          <Select
            label={t('duty.override.rotation')}
            placeholder={t('duty.override.anyRotation')}
            data={rotations.map((r) => ({ value: r.id, label: r.name }))}
            value={form.rotationId}
            onChange={(v) => set({ rotationId: v })}
            clearable
          />
        )}
        <Group gap="xs" align="flex-start" wrap="wrap">
          <DateField label={t('duty.override.fromDate')} value={form.fromDate} onChange={(v) => set({ fromDate: v })} error={shown('range')} />
          <TimeField label={t('duty.override.fromTime')} value={form.fromTime} onChange={(v) => set({ fromTime: v })} />
        </Group>
        <Group gap="xs" align="flex-start" wrap="wrap">
          <DateField label={t('duty.override.toDate')} value={form.toDate} onChange={(v) => set({ toDate: v })} />
          <TimeField label={t('duty.override.toTime')} value={form.toTime} onChange={(v) => set({ toTime: v })} />
        </Group>
        <TextInput
          label={t('duty.override.reason')}
          value={form.reason}
          onChange={(e) => set({ reason: e.currentTarget.value })}
          maxLength={500}
          placeholder={t('duty.override.reasonHint')}
        />
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={save.isPending}
            onClick={() => {
              setTried(true);
              if (Object.keys(errors).length === 0) save.mutate();
            }}
            data-testid="override-save"
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </ResponsiveModal>
  );
}

/** Stand-ins (thay ca) over the coming weeks: who, instead of whom, when, why. */
export function OverridesPanel({
  orgId,
  overrides,
  people,
  rotations,
  canWrite,
  onChanged,
}: {
  orgId: string;
  overrides: DutyOverride[];
  people: DutyPerson[];
  rotations: Rotation[];
  canWrite: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<DutyOverride | null>(null);
  const remove = useMutation({
    mutationFn: (o: DutyOverride) => dutyApi.deleteOverride(o.id),
    onSuccess: () => {
      setDeleting(null);
      onChanged();
    },
  });
  const sorted = [...overrides].sort((a, b) => a.start.localeCompare(b.start));
  return (
    <Stack gap="sm" data-testid="overrides-panel">
      {canWrite && (
        <Button onClick={() => setAdding(true)} style={{ alignSelf: 'flex-start' }} data-testid="override-add">
          {t('duty.override.add')}
        </Button>
      )}
      {sorted.length === 0 ? (
        <Empty title={t('duty.override.empty')} />
      ) : (
        sorted.map((o) => (
          <Card key={o.id} withBorder padding="sm" radius="md" data-testid={`override-${o.id}`}>
            <Stack gap={2}>
              <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                {o.replacesUserName ? t('duty.override.instead', { name: o.userName, other: o.replacesUserName }) : o.userName}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(o.start)} – {formatDateTime(o.end)}
              </Text>
              {o.reason && (
                <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                  {o.reason}
                </Text>
              )}
              {canWrite && (
                <Button size="compact-sm" variant="subtle" color="red" onClick={() => setDeleting(o)} style={{ alignSelf: 'flex-start' }}>
                  {t('common.delete')}
                </Button>
              )}
            </Stack>
          </Card>
        ))
      )}
      {adding && (
        <OverrideDialog
          orgId={orgId}
          people={people}
          rotations={rotations}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            onChanged();
          }}
        />
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title={t('duty.override.deleteTitle')}
        message={deleting ? t('duty.override.deleteBody', { name: deleting.userName, from: formatDateTime(deleting.start) }) : ''}
        confirmLabel={t('common.delete')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
