import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, fieldErrorsOf } from '../../components/error-alert';
import { ResponsiveModal } from '../../components/responsive-modal';
import { SecretReveal } from '../../components/secret-reveal';
import { LANGUAGES, type Language } from '../../i18n';
import { OrgPicker, type PickedOrg } from '../orgs';
import { userKeys, usersApi, type UserWithPassword } from './users-api';

function CreateForm({ onCreated, onClose }: { onCreated: (r: UserWithPassword) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [fullName, setFullName] = useState('');
  const [phone, setPhone] = useState('');
  const [homeOrg, setHomeOrg] = useState<PickedOrg | null>(null);
  const [locale, setLocale] = useState<Language>('vi');
  const [touched, setTouched] = useState(false);

  const create = useMutation({
    mutationFn: () =>
      usersApi.create({
        email: email.trim(),
        fullName: fullName.trim(),
        phone: phone.trim() || null,
        homeOrgId: homeOrg?.id ?? '',
        locale,
      }),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      onCreated(result);
    },
  });
  const server = fieldErrorsOf(create.error);
  const emailOk = /^\S+@\S+\.\S+$/.test(email.trim());
  const errors = {
    email: touched && !emailOk ? t('users.fields.emailInvalid') : server.email,
    fullName: touched && !fullName.trim() ? t('common.required') : server.fullName,
    homeOrgId: touched && !homeOrg ? t('common.required') : server.homeOrgId,
    phone: server.phone,
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!emailOk || !fullName.trim() || !homeOrg) return;
    create.mutate();
  };

  return (
    <form onSubmit={submit} noValidate data-testid="user-create-form">
      <Stack>
        <TextInput
          label={t('users.fields.email')}
          type="email"
          inputMode="email"
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={errors.email}
          withAsterisk
          maxLength={254}
          data-autofocus
        />
        <TextInput
          label={t('users.fields.fullName')}
          value={fullName}
          onChange={(e) => setFullName(e.currentTarget.value)}
          error={errors.fullName}
          withAsterisk
          maxLength={255}
        />
        <TextInput
          label={t('users.fields.phone')}
          type="tel"
          inputMode="tel"
          value={phone}
          onChange={(e) => setPhone(e.currentTarget.value)}
          error={errors.phone}
          maxLength={32}
        />
        <OrgPicker label={t('users.fields.homeOrg')} value={homeOrg} onChange={setHomeOrg} error={errors.homeOrgId} required testId="user-home-org" />
        <NativeSelect
          label={t('users.fields.locale')}
          value={locale}
          onChange={(e) => setLocale(e.currentTarget.value as Language)}
          data={LANGUAGES.map((l) => ({ value: l, label: t(`language.names.${l}`) }))}
        />
        <ErrorAlert error={create.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('users.create.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function UserCreateDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<UserWithPassword | null>(null);
  const close = () => {
    // The temporary password is dropped from memory as soon as the dialog closes.
    setCreated(null);
    onClose();
  };
  return (
    <ResponsiveModal opened={opened} onClose={close} title={created ? t('users.create.doneTitle') : t('users.create.title')} closeOnClickOutside={!created}>
      {opened && !created && <CreateForm onCreated={setCreated} onClose={close} />}
      {created && (
        <Stack data-testid="user-created">
          <SecretReveal
            label={t('users.temporaryPassword')}
            value={created.temporaryPassword}
            warning={t('users.temporaryPasswordWarning', { email: created.user.email })}
            testId="temporary-password"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.close')}
            </Button>
            <Button component={Link} to={`/users/${created.user.id}`} onClick={close}>
              {t('users.create.openUser')}
            </Button>
          </Group>
        </Stack>
      )}
    </ResponsiveModal>
  );
}
