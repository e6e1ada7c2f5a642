import type { DutyPerson, Rotation } from '@khien/contracts';
import { ActionIcon, Button, Chip, Group, NumberInput, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChoiceControl } from '../../components/choice-control';
import { DateField } from '../../components/date-field';
import { ErrorAlert } from '../../components/error-alert';
import { ResponsiveModal } from '../../components/responsive-modal';
import { dutyApi } from './duty-api';
import {
  LENGTH_KINDS,
  WEEKDAYS,
  emptyRotationForm,
  moveItem,
  parseTime,
  rotationBody,
  rotationErrors,
  rotationFormOf,
  rotationPatch,
  type LengthKind,
  type RotationForm,
} from './duty-forms';
import { vnDay } from './duty-model';

/** HH:mm in 24 hours whatever the browser's language; normalised when the field is left ("8h" → "08:00"). */
export function TimeField({ label, value, onChange, error }: { label: string; value: string; onChange: (v: string) => void; error?: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [bad, setBad] = useState(false);
  return (
    <TextInput
      label={label}
      value={text}
      inputMode="numeric"
      placeholder="08:00"
      maxLength={5}
      onChange={(e) => {
        setText(e.currentTarget.value);
        const parsed = parseTime(e.currentTarget.value);
        if (parsed) onChange(parsed);
      }}
      onBlur={() => {
        const parsed = parseTime(text);
        setBad(parsed === null);
        if (parsed) setText(parsed);
      }}
      error={bad ? t('duty.rotation.timeInvalid') : error}
      maw={160}
    />
  );
}

function PeopleOrder({ people, ids, onChange, error }: { people: DutyPerson[]; ids: string[]; onChange: (ids: string[]) => void; error?: string }) {
  const { t } = useTranslation();
  const byId = new Map(people.map((p) => [p.userId, p]));
  const left = people.filter((p) => !ids.includes(p.userId));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t('duty.rotation.people')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('duty.rotation.peopleHint')}
      </Text>
      {ids.map((id, i) => (
        <Group key={id} gap="xs" wrap="nowrap" justify="space-between" data-testid="rotation-person">
          <Text size="sm" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
            {i + 1}. {byId.get(id)?.name ?? '—'}
          </Text>
          <Group gap={2} wrap="nowrap" style={{ flexShrink: 0 }}>
            <ActionIcon
              variant="default"
              disabled={i === 0}
              onClick={() => onChange(moveItem(ids, i, -1))}
              aria-label={t('duty.rotation.up', { name: byId.get(id)?.name ?? '' })}
            >
              ↑
            </ActionIcon>
            <ActionIcon
              variant="default"
              disabled={i === ids.length - 1}
              onClick={() => onChange(moveItem(ids, i, 1))}
              aria-label={t('duty.rotation.down', { name: byId.get(id)?.name ?? '' })}
            >
              ↓
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              onClick={() => onChange(ids.filter((x) => x !== id))}
              aria-label={t('duty.rotation.remove', { name: byId.get(id)?.name ?? '' })}
            >
              ×
            </ActionIcon>
          </Group>
        </Group>
      ))}
      <Select
        placeholder={t('duty.rotation.addPerson')}
        aria-label={t('duty.rotation.addPerson')}
        data={left.map((p) => ({ value: p.userId, label: p.name }))}
        value={null}
        onChange={(v) => v && onChange([...ids, v])}
        searchable
        nothingFoundMessage={t('duty.rotation.noMorePeople')}
        error={error}
        data-testid="rotation-add-person"
      />
    </Stack>
  );
}

/** Create or change a rotation: who takes turns, in which order, from when, for how long. */
export function RotationDialog({
  orgId,
  rotation,
  people,
  onClose,
  onSaved,
}: {
  orgId: string;
  rotation: Rotation | null;
  people: DutyPerson[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<RotationForm>(() => (rotation ? rotationFormOf(rotation) : emptyRotationForm(vnDay(Date.now()))));
  const [tried, setTried] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      rotation ? dutyApi.updateRotation(rotation.id, rotationPatch(form, rotation.version)) : dutyApi.createRotation(rotationBody(form, orgId)),
    onSuccess: onSaved,
  });
  const errors = rotationErrors(form);
  const shown = (k: keyof typeof errors) => (tried && errors[k] ? t(errors[k]) : undefined);
  const set = (patch: Partial<RotationForm>) => setForm((f) => ({ ...f, ...patch }));
  return (
    <ResponsiveModal opened onClose={onClose} title={rotation ? t('duty.rotation.edit') : t('duty.rotation.add')}>
      <Stack>
        <TextInput
          label={t('duty.rotation.name')}
          value={form.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
          maxLength={200}
          withAsterisk
          error={shown('name')}
          data-testid="rotation-name"
        />
        <Group gap="xs" align="flex-start" wrap="wrap">
          <DateField label={t('duty.rotation.handoverDate')} value={form.handoverDate} onChange={(v) => set({ handoverDate: v })} error={shown('handover')} />
          <TimeField label={t('duty.rotation.handoverTime')} value={form.handoverTime} onChange={(v) => set({ handoverTime: v })} />
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('duty.rotation.length')}
          </Text>
          <ChoiceControl
            value={form.lengthKind}
            onChange={(v) => set({ lengthKind: v as LengthKind })}
            data={LENGTH_KINDS.map((k) => ({ value: k, label: t(`duty.rotation.lengths.${k}`) }))}
            aria-label={t('duty.rotation.length')}
          />
          {form.lengthKind === 'custom' && (
            <NumberInput
              label={t('duty.rotation.hours')}
              value={form.customHours}
              onChange={(v) => set({ customHours: typeof v === 'number' ? v : 0 })}
              min={1}
              max={744}
              allowDecimal={false}
              error={shown('customHours')}
              maw={200}
            />
          )}
        </Stack>
        <PeopleOrder people={people} ids={form.participantIds} onChange={(participantIds) => set({ participantIds })} error={shown('participantIds')} />
        <Switch
          label={t('duty.rotation.window')}
          description={t('duty.rotation.windowHint')}
          checked={form.windowOn}
          onChange={(e) => set({ windowOn: e.currentTarget.checked })}
        />
        {form.windowOn && (
          <Stack gap="xs">
            <Group gap="xs" wrap="wrap">
              <TimeField label={t('duty.rotation.windowFrom')} value={form.windowFrom} onChange={(v) => set({ windowFrom: v })} error={shown('window')} />
              <TimeField label={t('duty.rotation.windowTo')} value={form.windowTo} onChange={(v) => set({ windowTo: v })} />
            </Group>
            <Chip.Group multiple value={form.windowWeekdays.map(String)} onChange={(v) => set({ windowWeekdays: v.map(Number) })}>
              <Group gap={4} role="group" aria-label={t('duty.rotation.weekdays')}>
                {WEEKDAYS.map((d) => (
                  <Chip key={d} value={String(d)} size="xs">
                    {t(`duty.weekdays.${d}`)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
            <Text size="xs" c="dimmed">
              {t('duty.rotation.weekdaysHint')}
            </Text>
          </Stack>
        )}
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
            data-testid="rotation-save"
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </ResponsiveModal>
  );
}
