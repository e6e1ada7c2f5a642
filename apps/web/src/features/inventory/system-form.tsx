import type { SystemCategory } from '@khien/contracts';
import { Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DATA_KINDS, HOSTING_KINDS, SYSTEM_CATEGORIES, USER_KINDS, type DataKind, type HostingKind, type UserKind } from '../../lib/enums';
import { OrgPicker } from '../orgs';
import type { SystemForm } from './form-models';
import { useInventoryLabels } from './inventory-labels';

interface SystemFieldsProps {
  form: SystemForm;
  onChange: (next: SystemForm) => void;
  /** field → message: the form's own "required" checks merged with the server's */
  errors: Record<string, string | undefined>;
}

/** The fields of a system, shared by the registration page and the edit dialog. */
export function SystemFields({ form, onChange, errors }: SystemFieldsProps) {
  const { t } = useTranslation();
  const labels = useInventoryLabels();
  const set = <K extends keyof SystemForm>(key: K, value: SystemForm[K]) => onChange({ ...form, [key]: value });
  const personal = form.dataKinds.some((d) => d.startsWith('personal_'));
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <OrgPicker
          label={t('inventory.fields.ownerOrg')}
          description={t('inventory.systemForm.ownerHint')}
          value={form.org}
          onChange={(org) => set('org', org)}
          required
          clearable={false}
          error={errors.orgId}
          testId="system-org"
        />
        <OrgPicker
          label={t('inventory.fields.operatorOrg')}
          description={t('inventory.systemForm.operatorHint')}
          value={form.operatorOrg}
          onChange={(org) => set('operatorOrg', org)}
          error={errors.operatorOrgId}
        />
      </SimpleGrid>
      <TextInput
        label={t('inventory.fields.name')}
        value={form.name}
        onChange={(e) => set('name', e.currentTarget.value)}
        withAsterisk
        maxLength={300}
        error={errors.name}
      />
      <Select
        label={t('inventory.fields.category')}
        data={SYSTEM_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))}
        value={form.category}
        onChange={(v) => set('category', (v as SystemCategory | null) ?? null)}
        withAsterisk
        allowDeselect={false}
        error={errors.category}
        comboboxProps={{ withinPortal: true }}
      />
      <Textarea
        label={t('inventory.fields.purpose')}
        autosize
        minRows={2}
        maxRows={8}
        value={form.purpose}
        onChange={(e) => set('purpose', e.currentTarget.value)}
        maxLength={4000}
        error={errors.purpose}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput
          label={t('inventory.fields.userCount')}
          value={form.userCount}
          onChange={(v) => set('userCount', v)}
          min={0}
          max={1_000_000_000}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator="."
          decimalSeparator=","
          error={errors.userCount}
        />
        <Select
          label={t('inventory.fields.hosting')}
          data={HOSTING_KINDS.map((h) => ({ value: h, label: labels.hosting(h) }))}
          value={form.hosting}
          onChange={(v) => set('hosting', (v as HostingKind | null) ?? 'on_premise')}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          error={errors.hosting}
        />
      </SimpleGrid>
      {form.hosting !== 'on_premise' && (
        <TextInput
          label={t('inventory.fields.hostingProvider')}
          value={form.hostingProvider}
          onChange={(e) => set('hostingProvider', e.currentTarget.value)}
          maxLength={300}
          error={errors.hostingProvider}
        />
      )}
      <Checkbox.Group
        label={t('inventory.fields.userKinds')}
        value={form.userKinds}
        onChange={(v) => set('userKinds', v as UserKind[])}
        error={errors.userKinds}
      >
        <Group gap="md" mt={6}>
          {USER_KINDS.map((k) => (
            <Checkbox key={k} value={k} label={labels.userKind(k)} />
          ))}
        </Group>
      </Checkbox.Group>
      <Checkbox.Group
        label={t('inventory.fields.dataKinds')}
        value={form.dataKinds}
        onChange={(v) => set('dataKinds', v as DataKind[])}
        error={errors.dataKinds}
      >
        <Group gap="md" mt={6}>
          {DATA_KINDS.map((k) => (
            <Checkbox key={k} value={k} label={labels.dataKind(k)} />
          ))}
        </Group>
      </Checkbox.Group>
      {personal && (
        <NumberInput
          label={t('inventory.fields.personalDataSubjects')}
          description={t('inventory.systemForm.subjectsHint')}
          value={form.personalDataSubjects}
          onChange={(v) => set('personalDataSubjects', v)}
          min={0}
          max={1_000_000_000}
          allowDecimal={false}
          allowNegative={false}
          thousandSeparator="."
          decimalSeparator=","
          error={errors.personalDataSubjects}
        />
      )}
      <Switch
        label={t('inventory.fields.internetFacing')}
        description={t('inventory.systemForm.internetHint')}
        checked={form.internetFacing}
        onChange={(e) => set('internetFacing', e.currentTarget.checked)}
      />
      <Textarea
        label={t('inventory.fields.notes')}
        autosize
        minRows={2}
        maxRows={8}
        value={form.notes}
        onChange={(e) => set('notes', e.currentTarget.value)}
        maxLength={4000}
        error={errors.notes}
      />
    </Stack>
  );
}
