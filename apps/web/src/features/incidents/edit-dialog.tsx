import type { IncidentCategory, IncidentDetail, IncidentSeverity } from '@khien/contracts';
import { Button, Group, Select, SimpleGrid, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, fieldErrorsOf } from '../../components/error-alert';
import { ResponsiveModal } from '../../components/responsive-modal';
import { useIncidentLabels } from './incident-labels';
import { CATEGORIES, SEVERITIES, isConflict } from './incident-model';
import { incidentsApi } from './incidents-api';

/** The case's own words and flags; the flags change the reports it owes (the server recomputes them). */
export function EditDialog({
  incident,
  onClose,
  onDone,
  onConflict,
}: {
  incident: IncidentDetail;
  onClose: () => void;
  onDone: (next: IncidentDetail) => void;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  const [form, setForm] = useState({
    title: incident.title,
    description: incident.description,
    severity: incident.severity,
    category: incident.category,
    serious: incident.serious,
    personalData: incident.personalData,
    nationalSecurity: incident.nationalSecurity,
  });
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const save = useMutation({
    mutationFn: () => incidentsApi.patch(incident.id, { version: incident.version, ...form, title: form.title.trim(), description: form.description.trim() }),
    onSuccess: (next) => {
      onClose();
      onDone(next);
    },
    onError: (error) => {
      if (!isConflict(error)) return;
      onClose();
      onConflict();
    },
  });
  const errors = fieldErrorsOf(save.error);
  return (
    <ResponsiveModal opened onClose={onClose} title={t('incidents.actions.edit')}>
      <Stack>
        <TextInput
          label={t('incidents.fields.title')}
          value={form.title}
          onChange={(e) => set({ title: e.currentTarget.value })}
          maxLength={300}
          withAsterisk
          error={errors.title}
        />
        <Textarea
          label={t('incidents.fields.description')}
          value={form.description}
          onChange={(e) => set({ description: e.currentTarget.value })}
          autosize
          minRows={3}
          maxLength={10_000}
          withAsterisk
          error={errors.description}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select
            label={t('incidents.fields.severity')}
            data={SEVERITIES.map((s) => ({ value: s, label: labels.severity(s) }))}
            value={form.severity}
            onChange={(v) => v && set({ severity: v as IncidentSeverity })}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('incidents.fields.category')}
            data={CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))}
            value={form.category}
            onChange={(v) => v && set({ category: v as IncidentCategory })}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        <Switch
          label={t('incidents.flags.serious')}
          description={t('incidents.flags.seriousHint')}
          checked={form.serious}
          onChange={(e) => set({ serious: e.currentTarget.checked })}
        />
        <Switch
          label={t('incidents.flags.personalData')}
          description={t('incidents.flags.personalDataHint')}
          checked={form.personalData}
          onChange={(e) => set({ personalData: e.currentTarget.checked })}
        />
        <Switch
          label={t('incidents.flags.nationalSecurity')}
          description={t('incidents.flags.nationalSecurityHint')}
          checked={form.nationalSecurity}
          onChange={(e) => set({ nationalSecurity: e.currentTarget.checked })}
        />
        <ErrorAlert error={save.error && !isConflict(save.error) ? save.error : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!form.title.trim() || !form.description.trim()} data-testid="edit-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </ResponsiveModal>
  );
}
