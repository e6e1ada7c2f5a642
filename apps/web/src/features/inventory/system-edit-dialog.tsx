import type { System } from '@khien/contracts';
import { Button, Group, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ResponsiveModal } from '../../components/responsive-modal';
import { systemFormErrors, systemFormToInput, systemToForm } from './form-models';
import { inventoryApi, useRefreshInventory } from './inventory-api';
import { InventoryError } from './inventory-error';
import { SystemFields } from './system-form';
import { useFormErrors } from './use-form-errors';

interface Props {
  system: System;
  opened: boolean;
  onClose: () => void;
}

export function SystemEditDialog({ system, opened, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <ResponsiveModal opened={opened} onClose={onClose} title={t('inventory.systemForm.editTitle')} size="xl">
      {/* remounted on each opening, so the form starts from the saved system */}
      {opened && <EditForm system={system} onClose={onClose} />}
    </ResponsiveModal>
  );
}

function EditForm({ system, onClose }: { system: System; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshInventory();
  const [form, setForm] = useState(() => systemToForm(system));
  const [tried, setTried] = useState(false);
  const own = systemFormErrors(form);
  const save = useMutation({
    mutationFn: () => inventoryApi.updateSystem(system.id, { ...systemFormToInput(form), version: system.version }),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  });
  const errors = useFormErrors(own, save.error, tried);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.keys(own).length === 0) save.mutate();
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <SystemFields form={form} onChange={setForm} errors={errors} />
        <InventoryError error={save.error} onReload={() => void refresh().then(onClose)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
