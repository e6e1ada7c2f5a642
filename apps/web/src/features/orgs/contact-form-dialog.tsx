import type { Contact, ContactInput } from '@khien/contracts';
import { Button, Checkbox, Group, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, fieldErrorsOf } from '../../components/error-alert';
import { ResponsiveModal } from '../../components/responsive-modal';
import { orgKeys, orgsApi } from './orgs-api';

const PHONE = /^\+?[0-9 .()-]{3,32}$/;
const EMAIL = /^\S+@\S+\.\S+$/;

interface ContactFormDialogProps {
  orgId: string;
  /** Null to add a new contact. */
  contact: Contact | null;
  opened: boolean;
  onClose: () => void;
}

function ContactForm({ orgId, contact, onClose }: Omit<ContactFormDialogProps, 'opened'>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    name: contact?.name ?? '',
    role: contact?.role ?? '',
    phone: contact?.phone ?? '',
    email: contact?.email ?? '',
    hotline247: contact?.hotline247 ?? false,
  });
  const [touched, setTouched] = useState(false);

  const body = (): ContactInput => ({
    name: form.name.trim(),
    role: form.role.trim(),
    phone: form.phone.trim() || null,
    email: form.email.trim() || null,
    hotline247: form.hotline247,
  });
  const save = useMutation({
    mutationFn: () => (contact ? orgsApi.updateContact(orgId, contact.id, body()) : orgsApi.addContact(orgId, body())),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: orgKeys.detail(orgId) });
      onClose();
    },
  });
  const server = fieldErrorsOf(save.error);
  const local = {
    name: !form.name.trim() ? t('common.required') : undefined,
    phone: form.phone.trim() && !PHONE.test(form.phone.trim()) ? t('orgs.contacts.phoneInvalid') : undefined,
    email: form.email.trim() && !EMAIL.test(form.email.trim()) ? t('orgs.contacts.emailInvalid') : undefined,
  };
  const error = (field: 'name' | 'phone' | 'email') => (touched ? local[field] : undefined) ?? server[field];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (local.name || local.phone || local.email) return;
    save.mutate();
  };

  return (
    <form onSubmit={submit} noValidate data-testid="contact-form">
      <Stack>
        <TextInput
          label={t('orgs.contacts.name')}
          value={form.name}
          onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
          error={error('name')}
          withAsterisk
          maxLength={255}
          data-autofocus
        />
        <TextInput
          label={t('orgs.contacts.role')}
          value={form.role}
          onChange={(e) => setForm({ ...form, role: e.currentTarget.value })}
          error={server.role}
          maxLength={255}
        />
        <TextInput
          label={t('orgs.contacts.phone')}
          type="tel"
          inputMode="tel"
          value={form.phone}
          onChange={(e) => setForm({ ...form, phone: e.currentTarget.value })}
          error={error('phone')}
          maxLength={32}
        />
        <TextInput
          label={t('orgs.contacts.email')}
          type="email"
          inputMode="email"
          value={form.email}
          onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
          error={error('email')}
          maxLength={254}
        />
        <Checkbox label={t('orgs.contacts.hotline247')} checked={form.hotline247} onChange={(e) => setForm({ ...form, hotline247: e.currentTarget.checked })} />
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

export function ContactFormDialog(props: ContactFormDialogProps) {
  const { t } = useTranslation();
  return (
    <ResponsiveModal opened={props.opened} onClose={props.onClose} title={props.contact ? t('orgs.contacts.editTitle') : t('orgs.contacts.addTitle')}>
      {props.opened && <ContactForm orgId={props.orgId} contact={props.contact} onClose={props.onClose} />}
    </ResponsiveModal>
  );
}
