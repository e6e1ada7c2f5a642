import { Anchor, Button, Group, Paper, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../lib/auth-context';
import { PageHeader } from '../../components/page-header';
import { emptySystemForm, systemFormErrors, systemFormToInput, type SystemForm } from './form-models';
import { inventoryApi, useOrgName, useRefreshInventory } from './inventory-api';
import { InventoryError } from './inventory-error';
import { defaultScopeOrg } from './scope';
import { SystemFields } from './system-form';
import { useFormErrors } from './use-form-errors';

/** /systems/new: register a system, then go straight to its level wizard. */
export function SystemNewPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params] = useSearchParams();
  const orgId = params.get('orgId');
  const orgName = useOrgName(orgId);
  if (orgId && orgName.isPending) return null;
  const start = orgId && orgName.data ? { id: orgId, name: orgName.data } : defaultScopeOrg(me);
  return (
    <>
      <PageHeader title={t('inventory.systemForm.newTitle')} description={t('inventory.systemForm.newDescription')} />
      <NewSystemForm initial={emptySystemForm(start)} />
    </>
  );
}

function NewSystemForm({ initial }: { initial: SystemForm }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const refresh = useRefreshInventory();
  const [form, setForm] = useState(initial);
  const [tried, setTried] = useState(false);
  const own = systemFormErrors(form);
  const create = useMutation({
    mutationFn: () => inventoryApi.createSystem(systemFormToInput(form)),
    onSuccess: async (system) => {
      await refresh();
      void navigate(`/systems/${system.id}?classify=1`);
    },
  });
  const errors = useFormErrors(own, create.error, tried);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.keys(own).length === 0) create.mutate();
  };
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} maw={860} component="form" onSubmit={onSubmit} noValidate data-testid="system-form">
      <Stack>
        <SystemFields form={form} onChange={setForm} errors={errors} />
        <InventoryError error={create.error} />
        <Group justify="flex-end">
          <Anchor component={Link} to="/systems" size="sm">
            {t('common.cancel')}
          </Anchor>
          <Button type="submit" loading={create.isPending} data-testid="system-create">
            {t('inventory.systemForm.create')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
