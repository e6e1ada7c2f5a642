import type { System } from '@khien/contracts';
import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useInventoryLabels } from './inventory-labels';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}

const fmt = (n: number | null) => (n === null ? '—' : n.toLocaleString('vi-VN'));

export function SystemDetails({ system: s }: { system: System }) {
  const { t } = useTranslation();
  const labels = useInventoryLabels();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" data-testid="system-details">
      <Field label={t('inventory.fields.ownerOrg')}>{s.orgName}</Field>
      <Field label={t('inventory.fields.operatorOrg')}>{s.operatorOrgName ?? '—'}</Field>
      <Field label={t('inventory.fields.category')}>{labels.category(s.category)}</Field>
      <Field label={t('inventory.fields.hosting')}>
        {labels.hosting(s.hosting)}
        {s.hostingProvider ? ` · ${s.hostingProvider}` : ''}
      </Field>
      <Field label={t('inventory.fields.userCount')}>{fmt(s.userCount)}</Field>
      <Field label={t('inventory.fields.userKinds')}>{s.userKinds.map(labels.userKind).join(', ') || '—'}</Field>
      <Field label={t('inventory.fields.dataKinds')}>{s.dataKinds.map(labels.dataKind).join(', ') || '—'}</Field>
      <Field label={t('inventory.fields.personalDataSubjects')}>{fmt(s.personalDataSubjects)}</Field>
      <Field label={t('inventory.fields.internetFacing')}>{s.internetFacing ? t('common.yes') : t('common.no')}</Field>
      <Field label={t('inventory.fields.purpose')}>{s.purpose || '—'}</Field>
      <Field label={t('inventory.fields.notes')}>{s.notes || '—'}</Field>
    </SimpleGrid>
  );
}
