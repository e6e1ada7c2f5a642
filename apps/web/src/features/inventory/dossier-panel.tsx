import type { DossierStatus, System } from '@khien/contracts';
import { Alert, Button, Checkbox, Group, Select, Stack, Text, TextInput, Textarea, Timeline } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/date-field';
import { ResponsiveModal } from '../../components/responsive-modal';
import { formatDate, todayVn } from '../../lib/format-date';
import { DossierBadge } from './badges';
import { dossierTimeline, stepNeeds, stepsForOthers, submissionToConfirm } from './dossier-model';
import { inventoryApi, useRefreshInventory } from './inventory-api';
import { InventoryError } from './inventory-error';
import { useInventoryLabels } from './inventory-labels';

const STEP_COLORS = { done: 'teal', current: 'blue', waiting: 'gray', returned: 'red' } as const;

/** The level dossier: where it stands, when each step happened and what is due next. */
export function DossierPanel({ system, canWrite }: { system: System; canWrite: boolean }) {
  const { t } = useTranslation();
  const labels = useInventoryLabels();
  const [open, setOpen] = useState(false);
  const d = system.dossier;
  // what this caller may record now, from the server: the appraisal and approval are never the submitting unit's
  const mine = canWrite ? (system.dossierSteps ?? []) : [];
  const others = canWrite && system.level !== null ? stepsForOthers(d.status, mine) : [];
  const steps = dossierTimeline(d, todayVn());
  const active = steps.reduce((acc, s, i) => (s.state === 'done' || s.state === 'current' || s.state === 'returned' ? i : acc), 0);
  return (
    <Stack data-testid="dossier-panel">
      <Group justify="space-between">
        <Group gap="xs">
          <Text size="sm" fw={500}>
            {t('inventory.dossier.status')}
          </Text>
          <DossierBadge status={d.status} size="md" />
        </Group>
        {mine.length > 0 && (
          <Button size="sm" onClick={() => setOpen(true)} disabled={system.level === null} data-testid="dossier-step">
            {t('inventory.dossier.record')}
          </Button>
        )}
      </Group>
      {others.length > 0 && (
        <Text size="sm" c="dimmed" data-testid="dossier-review-elsewhere">
          {t('inventory.dossier.reviewElsewhere', { steps: others.map((x) => labels.dossier(x)).join(', ') })}
        </Text>
      )}
      {system.level === null && (
        <Text size="sm" c="dimmed">
          {t('inventory.dossier.needsLevel')}
        </Text>
      )}
      <Timeline active={active} bulletSize={18} lineWidth={2}>
        {steps.map((s) => (
          <Timeline.Item
            key={s.step}
            color={STEP_COLORS[s.state]}
            title={t(`inventory.dossier.steps.${s.step}`)}
            data-testid={`dossier-${s.step}`}
            data-state={s.state}
          >
            {s.state === 'returned' && (
              <Text size="sm" c="red.7">
                {t('inventory.dossier.returned')}
              </Text>
            )}
            {s.on && (
              <Text size="sm" c="dimmed">
                {t('inventory.dossier.on', { date: formatDate(s.on) })}
              </Text>
            )}
            {s.step === 'approved' && d.decisionNumber && <Text size="sm">{t('inventory.dossier.decision', { number: d.decisionNumber })}</Text>}
            {s.due && (
              <Text size="sm" c={s.overdue ? 'red.7' : 'orange.8'} fw={s.overdue ? 700 : 500} data-overdue={s.overdue}>
                {t('inventory.dossier.due', { date: formatDate(s.due) })}
                {s.overdue ? ` · ${t('inventory.dossier.overdue')}` : ''}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
      {system.reassessDue && (
        <Text size="sm" c={system.reassessDue < todayVn() ? 'red.7' : 'dimmed'}>
          {t('inventory.dossier.reassessDue', { date: formatDate(system.reassessDue) })}
        </Text>
      )}
      <ResponsiveModal opened={open} onClose={() => setOpen(false)} title={t('inventory.dossier.record')} size="md">
        {open && <StepForm system={system} options={mine} onClose={() => setOpen(false)} />}
      </ResponsiveModal>
    </Stack>
  );
}

function StepForm({ system, options, onClose }: { system: System; options: readonly DossierStatus[]; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useInventoryLabels();
  const refresh = useRefreshInventory();
  const [status, setStatus] = useState<DossierStatus>(options[0] ?? 'submitted');
  const [confirmed, setConfirmed] = useState(false);
  // a dossier may go with requirements not met (the appraiser judges them), but only knowingly
  const unmet = submissionToConfirm(status, system.checklist);
  const [on, setOn] = useState(todayVn());
  const [decision, setDecision] = useState('');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const needs = stepNeeds(status);
  const missing = { on: !on, decision: needs.decisionNumber && !decision.trim(), note: needs.noteRequired && !note.trim(), confirm: unmet > 0 && !confirmed };
  const save = useMutation({
    mutationFn: () =>
      inventoryApi.dossier(system.id, {
        status,
        on,
        decisionNumber: needs.decisionNumber ? decision.trim() : null,
        note: note.trim(),
        version: system.version,
      }),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  });
  return (
    <Stack>
      <Select
        label={t('inventory.dossier.nextStatus')}
        data={options.map((s) => ({ value: s, label: labels.dossier(s) }))}
        value={status}
        onChange={(v) => v && setStatus(v as DossierStatus)}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
      />
      <DateField label={t('inventory.dossier.date')} value={on} onChange={setOn} error={tried && missing.on ? t('common.required') : undefined} />
      {needs.decisionNumber && (
        <TextInput
          label={t('inventory.dossier.decisionNumber')}
          placeholder={t('inventory.dossier.decisionPlaceholder')}
          value={decision}
          onChange={(e) => setDecision(e.currentTarget.value)}
          withAsterisk
          maxLength={100}
          error={tried && missing.decision ? t('common.required') : undefined}
        />
      )}
      <Textarea
        label={needs.noteRequired ? t('inventory.dossier.returnReason') : t('inventory.dossier.note')}
        autosize
        minRows={2}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        withAsterisk={needs.noteRequired}
        maxLength={2000}
        error={tried && missing.note ? t('common.required') : undefined}
      />
      {unmet > 0 && (
        <Alert color="orange" variant="light" data-testid="dossier-unmet" data-count={unmet}>
          <Stack gap="xs">
            <Text size="sm">{t('inventory.dossier.unmet', { n: unmet, total: system.checklist.total })}</Text>
            <Checkbox
              label={t('inventory.dossier.unmetConfirm', { n: unmet })}
              checked={confirmed}
              onChange={(e) => setConfirmed(e.currentTarget.checked)}
              error={tried && missing.confirm ? t('inventory.dossier.unmetConfirmRequired') : undefined}
              data-testid="dossier-unmet-confirm"
            />
          </Stack>
        </Alert>
      )}
      <InventoryError error={save.error} onReload={() => void refresh().then(onClose)} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          loading={save.isPending}
          onClick={() => {
            setTried(true);
            if (!missing.on && !missing.decision && !missing.note && !missing.confirm) save.mutate();
          }}
          data-testid="dossier-save"
        >
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
