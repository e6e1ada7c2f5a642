import type { IpRange } from '@khien/contracts';
import { Button, Group, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../lib/auth-context';
import { DateField } from '../../components/date-field';
import { ResponsiveModal } from '../../components/responsive-modal';
import { OrgPicker } from '../orgs';
import { ipRangeFormErrors, ipRangeFormToInput, type IpRangeForm } from './form-models';
import { inventoryApi, useOrgName, useRefreshInventory } from './inventory-api';
import { InventoryError } from './inventory-error';
import { defaultScopeOrg } from './scope';
import { useFormErrors } from './use-form-errors';

interface Props {
  /** null: a new range */
  range: IpRange | null;
  defaultOrgId?: string;
  opened: boolean;
  onClose: () => void;
}

/** Create or edit a range; the server parses it (CIDR, single address or first-last) and says what is wrong. */
export function IpRangeDialog({ range, defaultOrgId, opened, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <ResponsiveModal opened={opened} onClose={onClose} title={range ? t('inventory.ipSpace.edit') : t('inventory.ipSpace.add')} size="lg">
      {opened &&
        (range ? <RangeForm range={range} initial={fromRange(range)} onClose={onClose} /> : <NewStart defaultOrgId={defaultOrgId} onClose={onClose} />)}
    </ResponsiveModal>
  );
}

function fromRange(r: IpRange): IpRangeForm {
  return { org: { id: r.orgId, name: r.orgName }, range: r.range, isp: r.isp, validFrom: r.validFrom ?? '', validTo: r.validTo ?? '', note: r.note };
}

function NewStart({ defaultOrgId, onClose }: { defaultOrgId?: string; onClose: () => void }) {
  const me = useMe();
  const name = useOrgName(defaultOrgId ?? null);
  if (defaultOrgId && name.isPending) return null;
  const org = defaultOrgId && name.data ? { id: defaultOrgId, name: name.data } : defaultScopeOrg(me);
  return <RangeForm range={null} initial={{ org, range: '', isp: '', validFrom: '', validTo: '', note: '' }} onClose={onClose} />;
}

function RangeForm({ range, initial, onClose }: { range: IpRange | null; initial: IpRangeForm; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshInventory();
  const [form, setForm] = useState(initial);
  const [tried, setTried] = useState(false);
  const set = <K extends keyof IpRangeForm>(key: K, value: IpRangeForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const own = ipRangeFormErrors(form);
  const save = useMutation({
    mutationFn: () =>
      range
        ? inventoryApi.updateIpRange(range.id, { ...ipRangeFormToInput(form), version: range.version })
        : inventoryApi.createIpRange(ipRangeFormToInput(form)),
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
    <form onSubmit={onSubmit} noValidate data-testid="ip-range-form">
      <Stack>
        <OrgPicker label={t('inventory.fields.org')} value={form.org} onChange={(org) => set('org', org)} required clearable={false} error={errors.orgId} />
        <TextInput
          label={t('inventory.ipSpace.range')}
          description={t('inventory.ipSpace.rangeHint')}
          placeholder="203.0.113.0/24"
          value={form.range}
          onChange={(e) => set('range', e.currentTarget.value)}
          withAsterisk
          maxLength={100}
          ff="monospace"
          error={errors.range}
        />
        <TextInput label={t('inventory.ipSpace.isp')} value={form.isp} onChange={(e) => set('isp', e.currentTarget.value)} maxLength={200} />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <DateField label={t('inventory.ipSpace.validFrom')} value={form.validFrom} onChange={(v) => set('validFrom', v)} error={errors.validFrom} />
          <DateField label={t('inventory.ipSpace.validTo')} value={form.validTo} onChange={(v) => set('validTo', v)} error={errors.validTo} />
        </SimpleGrid>
        <Textarea
          label={t('inventory.ipSpace.note')}
          autosize
          minRows={2}
          value={form.note}
          onChange={(e) => set('note', e.currentTarget.value)}
          maxLength={2000}
        />
        <InventoryError error={save.error} onReload={() => void refresh().then(onClose)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="ip-range-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
