import type { OrgDetail, OrgKind } from '@khien/contracts';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, fieldErrorsOf } from '../../components/error-alert';
import { ResponsiveModal } from '../../components/responsive-modal';
import { KindSelect } from './kind-select';
import { OrgPicker, type PickedOrg } from './org-picker';
import { orgKeys, orgsApi } from './orgs-api';

type OrgFormDialogProps = {
  opened: boolean;
  onClose: () => void;
  onSaved: (org: OrgDetail) => void;
} & ({ mode: 'create'; parent?: PickedOrg | null } | { mode: 'edit'; org: OrgDetail });

const ADMIN_CODE = /^[0-9A-Za-z._-]{1,32}$/;

interface FormState {
  parent: PickedOrg | null;
  name: string;
  shortName: string;
  kind: OrgKind | null;
  adminCode: string;
}

function initialState(props: OrgFormDialogProps): FormState {
  if (props.mode === 'edit') {
    const { org } = props;
    return { parent: null, name: org.name, shortName: org.shortName, kind: org.kind, adminCode: org.adminCode ?? '' };
  }
  return { parent: props.parent ?? null, name: '', shortName: '', kind: null, adminCode: '' };
}

function OrgForm(props: OrgFormDialogProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<FormState>(() => initialState(props));
  const [touched, setTouched] = useState(false);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));

  const save = useMutation({
    mutationFn: () => {
      const common = {
        name: form.name.trim(),
        shortName: form.shortName.trim(),
        kind: form.kind as OrgKind,
        adminCode: form.adminCode.trim() || null,
      };
      return props.mode === 'create'
        ? orgsApi.create({ ...common, parentId: form.parent?.id ?? null, contacts: [] })
        : orgsApi.update(props.org.id, { ...common, version: props.org.version });
    },
    onSuccess: async (org) => {
      await queryClient.invalidateQueries({ queryKey: orgKeys.all });
      props.onSaved(org);
    },
  });

  const server = fieldErrorsOf(save.error);
  const errors = {
    name: touched && !form.name.trim() ? t('common.required') : server.name,
    kind: touched && !form.kind ? t('common.required') : server.kind,
    adminCode: touched && form.adminCode.trim() && !ADMIN_CODE.test(form.adminCode.trim()) ? t('orgs.fields.adminCodeInvalid') : server.adminCode,
    shortName: server.shortName,
    parentId: server.parentId,
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!form.name.trim() || !form.kind) return;
    if (form.adminCode.trim() && !ADMIN_CODE.test(form.adminCode.trim())) return;
    save.mutate();
  };

  return (
    <form onSubmit={submit} noValidate data-testid="org-form">
      <Stack>
        {props.mode === 'create' && (
          <OrgPicker
            label={t('orgs.fields.parent')}
            description={t('orgs.fields.parentHint')}
            value={form.parent}
            onChange={(p) => set('parent', p)}
            error={errors.parentId}
            testId="org-form-parent"
          />
        )}
        <TextInput
          label={t('orgs.fields.name')}
          value={form.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={errors.name}
          withAsterisk
          maxLength={255}
          data-autofocus
        />
        <TextInput
          label={t('orgs.fields.shortName')}
          value={form.shortName}
          onChange={(e) => set('shortName', e.currentTarget.value)}
          error={errors.shortName}
          maxLength={64}
        />
        <KindSelect
          label={t('orgs.fields.kind')}
          placeholder={t('orgs.fields.kindPlaceholder')}
          value={form.kind}
          onChange={(k) => set('kind', k)}
          error={errors.kind}
          withAsterisk
        />
        <TextInput
          label={t('orgs.fields.adminCode')}
          description={t('orgs.fields.adminCodeHint')}
          value={form.adminCode}
          onChange={(e) => set('adminCode', e.currentTarget.value)}
          error={errors.adminCode}
          maxLength={32}
        />
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {props.mode === 'create' ? t('orgs.actions.createSubmit') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function OrgFormDialog(props: OrgFormDialogProps) {
  const { t } = useTranslation();
  return (
    <ResponsiveModal
      opened={props.opened}
      onClose={props.onClose}
      title={props.mode === 'create' ? t('orgs.actions.createTitle') : t('orgs.actions.editTitle')}
    >
      {/* Mounted only while open, so each opening starts from fresh values. */}
      {props.opened && <OrgForm {...props} />}
    </ResponsiveModal>
  );
}
