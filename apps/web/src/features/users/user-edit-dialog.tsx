import type { User } from '@khien/contracts';
import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, fieldErrorsOf } from '../../components/error-alert';
import { ResponsiveModal } from '../../components/responsive-modal';
import { LANGUAGES, type Language } from '../../i18n';
import { userKeys, usersApi } from './users-api';

function EditForm({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [fullName, setFullName] = useState(user.fullName);
  const [phone, setPhone] = useState(user.phone ?? '');
  const [locale, setLocale] = useState<Language | ''>('');
  const save = useMutation({
    mutationFn: () =>
      usersApi.update(user.id, {
        fullName: fullName.trim(),
        phone: phone.trim() || null,
        ...(locale ? { locale } : {}),
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(userKeys.detail(user.id), updated);
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      onClose();
    },
  });
  const server = fieldErrorsOf(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!fullName.trim()) return;
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={t('users.fields.fullName')}
          value={fullName}
          onChange={(e) => setFullName(e.currentTarget.value)}
          error={!fullName.trim() ? t('common.required') : server.fullName}
          withAsterisk
          maxLength={255}
          data-autofocus
        />
        <TextInput
          label={t('users.fields.phone')}
          type="tel"
          value={phone}
          onChange={(e) => setPhone(e.currentTarget.value)}
          error={server.phone}
          maxLength={32}
        />
        <NativeSelect
          label={t('users.fields.locale')}
          description={t('users.fields.localeKeep')}
          value={locale}
          onChange={(e) => setLocale(e.currentTarget.value as Language | '')}
          data={[{ value: '', label: t('users.fields.localeUnchanged') }, ...LANGUAGES.map((l) => ({ value: l, label: t(`language.names.${l}`) }))]}
        />
        <ErrorAlert error={save.error} />
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

export function UserEditDialog({ user, opened, onClose }: { user: User; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ResponsiveModal opened={opened} onClose={onClose} title={t('users.edit.title')}>
      {opened && <EditForm user={user} onClose={onClose} />}
    </ResponsiveModal>
  );
}
