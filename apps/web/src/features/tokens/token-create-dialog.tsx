import type { Permission } from '@khien/contracts';
import { Button, Checkbox, Group, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../lib/auth-context';
import { ErrorAlert, fieldErrorsOf } from '../../components/error-alert';
import { useLabels } from '../../components/labels';
import { ResponsiveModal } from '../../components/responsive-modal';
import { PERMISSIONS } from '../../lib/enums';
import { SecretReveal } from '../../components/secret-reveal';
import { OrgPicker, type PickedOrg } from '../orgs';
import { tokenKeys, tokensApi, type CreatedToken } from './tokens-api';

const MAX_DAYS = 730;

function CreateForm({ onCreated, onClose }: { onCreated: (c: CreatedToken) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { me } = useAuth();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [org, setOrg] = useState<PickedOrg | null>(null);
  const [permissions, setPermissions] = useState<Permission[]>([]);
  const [days, setDays] = useState<number | string>(90);
  const [touched, setTouched] = useState(false);
  // A token can carry no more than its creator holds.
  const grantable = PERMISSIONS.filter((p) => me?.permissions.includes(p));

  const create = useMutation({
    mutationFn: () => tokensApi.create({ name: name.trim(), orgId: org?.id ?? '', permissions, expiresInDays: Number(days) }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: tokenKeys.all });
      onCreated(created);
    },
  });
  const server = fieldErrorsOf(create.error);
  const daysOk = Number.isInteger(Number(days)) && Number(days) >= 1 && Number(days) <= MAX_DAYS;
  const errors = {
    name: touched && !name.trim() ? t('common.required') : server.name,
    orgId: touched && !org ? t('common.required') : server.orgId,
    permissions: touched && permissions.length === 0 ? t('tokens.fields.permissionsRequired') : server.permissions,
    expiresInDays: touched && !daysOk ? t('tokens.fields.daysInvalid', { max: MAX_DAYS }) : server.expiresInDays,
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!name.trim() || !org || permissions.length === 0 || !daysOk) return;
    create.mutate();
  };

  return (
    <form onSubmit={submit} noValidate data-testid="token-create-form">
      <Stack>
        <TextInput
          label={t('tokens.fields.name')}
          description={t('tokens.fields.nameHint')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          withAsterisk
          maxLength={100}
          data-autofocus
        />
        <OrgPicker
          label={t('tokens.fields.org')}
          description={t('tokens.fields.orgHint')}
          value={org}
          onChange={setOrg}
          error={errors.orgId}
          required
          testId="token-org"
        />
        <Checkbox.Group
          label={t('tokens.fields.permissions')}
          value={permissions}
          onChange={(v) => setPermissions(v as Permission[])}
          error={errors.permissions}
          withAsterisk
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={6}>
            {grantable.map((p) => (
              <Checkbox key={p} value={p} label={labels.permission(p)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <NumberInput
          label={t('tokens.fields.expiresInDays')}
          min={1}
          max={MAX_DAYS}
          allowDecimal={false}
          allowNegative={false}
          value={days}
          onChange={setDays}
          error={errors.expiresInDays}
          withAsterisk
          w={200}
        />
        <ErrorAlert error={create.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('tokens.create.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function TokenCreateDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <ResponsiveModal opened={opened} onClose={close} title={created ? t('tokens.create.doneTitle') : t('tokens.create.title')} closeOnClickOutside={!created}>
      {opened && !created && <CreateForm onCreated={setCreated} onClose={close} />}
      {created && (
        <Stack data-testid="token-created">
          <SecretReveal label={t('tokens.secret')} value={created.secret} warning={t('tokens.secretWarning')} testId="token-secret" />
          <Group justify="flex-end">
            <Button onClick={close}>{t('tokens.create.savedClose')}</Button>
          </Group>
        </Stack>
      )}
    </ResponsiveModal>
  );
}
