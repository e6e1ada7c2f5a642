import type { Asset, AssetKind } from '@khien/contracts';
import { Button, Group, MultiSelect, SegmentedControl, Select, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../lib/auth-context';
import { DateField } from '../../components/date-field';
import { ResponsiveModal } from '../../components/responsive-modal';
import { ASSET_KINDS, CRITICALITIES, type Criticality } from '../../lib/enums';
import { OrgPicker } from '../orgs';
import { assetFormErrors, assetFormToInput, assetToForm, emptyAssetForm, type AssetForm, type TriState } from './form-models';
import { inventoryApi, useOrgName, useRefreshInventory, useSystems } from './inventory-api';
import { InventoryError } from './inventory-error';
import { useInventoryLabels } from './inventory-labels';
import { defaultScopeOrg } from './scope';
import { useFormErrors } from './use-form-errors';

type Props = { opened: boolean; onClose: () => void; onSaved: (asset: Asset) => void } & (
  { mode: 'create'; defaultOrgId?: string } | { mode: 'edit'; asset: Asset }
);

export function AssetFormDialog(props: Props) {
  const { t } = useTranslation();
  return (
    <ResponsiveModal
      opened={props.opened}
      onClose={props.onClose}
      title={props.mode === 'create' ? t('inventory.assets.add') : t('inventory.assets.edit')}
      size="xl"
    >
      {props.opened && (props.mode === 'edit' ? <AssetFormBody {...props} initial={assetToForm(props.asset)} /> : <CreateStart {...props} />)}
    </ResponsiveModal>
  );
}

function CreateStart(props: Extract<Props, { mode: 'create' }>) {
  const me = useMe();
  const name = useOrgName(props.defaultOrgId ?? null);
  if (props.defaultOrgId && name.isPending) return null;
  const org = props.defaultOrgId && name.data ? { id: props.defaultOrgId, name: name.data } : defaultScopeOrg(me);
  return <AssetFormBody {...props} initial={emptyAssetForm(org)} />;
}

function TriField({ label, value, onChange }: { label: string; value: TriState; onChange: (v: TriState) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <SegmentedControl
        aria-label={label}
        size="xs"
        value={value}
        onChange={(v) => onChange(v as TriState)}
        data={[
          { value: 'yes', label: t('common.yes') },
          { value: 'no', label: t('common.no') },
          { value: 'unknown', label: t('inventory.hygiene.unknown') },
        ]}
      />
    </Stack>
  );
}

function AssetFormBody(props: Props & { initial: AssetForm }) {
  const { t } = useTranslation();
  const labels = useInventoryLabels();
  const refresh = useRefreshInventory();
  const [form, setForm] = useState(props.initial);
  const [tried, setTried] = useState(false);
  const set = <K extends keyof AssetForm>(key: K, value: AssetForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const systems = useSystems({ under: form.org?.id, limit: 200, sort: 'name' });
  const own = assetFormErrors(form);
  const save = useMutation({
    mutationFn: () =>
      props.mode === 'edit'
        ? inventoryApi.updateAsset(props.asset.id, { ...assetFormToInput(form), version: props.asset.version })
        : inventoryApi.createAsset(assetFormToInput(form)),
    onSuccess: async (asset) => {
      await refresh();
      props.onSaved(asset);
    },
  });
  const errors = useFormErrors(own, save.error, tried);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.keys(own).length === 0) save.mutate();
  };
  const systemOptions = (systems.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }));
  for (const id of form.systemIds) if (!systemOptions.some((o) => o.value === id)) systemOptions.push({ value: id, label: id });

  return (
    <form onSubmit={onSubmit} noValidate data-testid="asset-form">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <OrgPicker label={t('inventory.fields.org')} value={form.org} onChange={(org) => set('org', org)} required clearable={false} error={errors.orgId} />
          <Select
            label={t('inventory.fields.kind')}
            data={ASSET_KINDS.map((k) => ({ value: k, label: labels.assetKind(k) }))}
            value={form.kind}
            onChange={(v) => v && set('kind', v as AssetKind)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={t('inventory.fields.name')}
            value={form.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            withAsterisk
            maxLength={300}
            error={errors.name}
          />
          <TextInput
            label={t('inventory.fields.hostname')}
            value={form.hostname}
            onChange={(e) => set('hostname', e.currentTarget.value)}
            maxLength={255}
            error={errors.hostname}
          />
        </SimpleGrid>
        <TextInput label={t('inventory.fields.location')} value={form.location} onChange={(e) => set('location', e.currentTarget.value)} maxLength={500} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TagsInput
            label={t('inventory.fields.ipAddresses')}
            description={t('inventory.assets.tagsHint')}
            value={form.ipAddresses}
            onChange={(v) => set('ipAddresses', v)}
            maxTags={64}
            splitChars={[',', ' ', ';']}
            error={errors.ipAddresses ?? Object.entries(errors).find(([k]) => k.startsWith('ipAddresses.'))?.[1]}
          />
          <TagsInput
            label={t('inventory.fields.macAddresses')}
            description={t('inventory.assets.tagsHint')}
            value={form.macAddresses}
            onChange={(v) => set('macAddresses', v)}
            maxTags={64}
            splitChars={[',', ' ', ';']}
            error={errors.macAddresses ?? Object.entries(errors).find(([k]) => k.startsWith('macAddresses.'))?.[1]}
          />
          <TextInput label={t('inventory.fields.osName')} value={form.osName} onChange={(e) => set('osName', e.currentTarget.value)} maxLength={200} />
          <TextInput label={t('inventory.fields.osVersion')} value={form.osVersion} onChange={(e) => set('osVersion', e.currentTarget.value)} maxLength={200} />
          <Select
            label={t('inventory.fields.criticality')}
            data={CRITICALITIES.map((c) => ({ value: c, label: labels.criticality(c) }))}
            value={form.criticality}
            onChange={(v) => v && set('criticality', v as Criticality)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput label={t('inventory.fields.avProduct')} value={form.avProduct} onChange={(e) => set('avProduct', e.currentTarget.value)} maxLength={200} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TriField label={t('inventory.fields.avLicensed')} value={form.avLicensed} onChange={(v) => set('avLicensed', v)} />
          <TriField label={t('inventory.fields.avManaged')} value={form.avManaged} onChange={(v) => set('avManaged', v)} />
          <TriField label={t('inventory.fields.firewallOn')} value={form.firewallOn} onChange={(v) => set('firewallOn', v)} />
        </SimpleGrid>
        <DateField label={t('inventory.fields.lastPatchOn')} value={form.lastPatchOn} onChange={(v) => set('lastPatchOn', v)} error={errors.lastPatchOn} />
        <MultiSelect
          label={t('inventory.fields.systems')}
          description={t('inventory.assets.systemsHint')}
          data={systemOptions}
          value={form.systemIds}
          onChange={(v) => set('systemIds', v)}
          searchable
          clearable
          comboboxProps={{ withinPortal: true }}
          nothingFoundMessage={t('inventory.assets.noSystems')}
        />
        <InventoryError error={save.error} onReload={() => void refresh().then(props.onClose)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="asset-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
