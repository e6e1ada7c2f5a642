import type { Asset } from '@khien/contracts';
import { Anchor, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueries } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useAuth } from '../../lib/auth-context';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { formatDate, formatDateTime } from '../../lib/format-date';
import { AssetFormDialog } from './asset-form-dialog';
import { CriticalityBadge, HygieneBadges, LevelBadge } from './badges';
import { inventoryApi, inventoryKeys, useAsset, useRefreshInventory } from './inventory-api';
import { useInventoryLabels } from './inventory-labels';
import { SoftwareTable } from './software-table';
import { IpList } from '../../components/ip-list';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}

function LinkedSystems({ ids }: { ids: string[] }) {
  const { t } = useTranslation();
  const systems = useQueries({ queries: ids.map((id) => ({ queryKey: inventoryKeys.system(id), queryFn: () => inventoryApi.system(id) })) });
  if (ids.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('inventory.assetPage.noSystems')}
      </Text>
    );
  return (
    <Stack gap={6} data-testid="asset-systems">
      {systems.map((q, i) =>
        q.data ? (
          <Group key={q.data.id} gap="xs" wrap="nowrap">
            <LevelBadge level={q.data.level} />
            <Anchor component={Link} to={`/systems/${q.data.id}`} size="sm">
              {q.data.name}
            </Anchor>
          </Group>
        ) : (
          <Text key={ids[i]} size="sm" c="dimmed">
            {q.isError ? t('inventory.assetPage.systemUnavailable') : t('common.loading')}
          </Text>
        ),
      )}
    </Stack>
  );
}

function AssetDetails({ a }: { a: Asset }) {
  const { t } = useTranslation();
  const labels = useInventoryLabels();
  const tri = (v: boolean | null) => (v === null ? t('inventory.hygiene.unknown') : v ? t('common.yes') : t('common.no'));
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" data-testid="asset-details">
      <Field label={t('inventory.fields.org')}>{a.orgName}</Field>
      <Field label={t('inventory.fields.kind')}>{labels.assetKind(a.kind)}</Field>
      <Field label={t('inventory.fields.criticality')}>
        <CriticalityBadge criticality={a.criticality} />
      </Field>
      <Field label={t('inventory.fields.hostname')}>{a.hostname ?? '—'}</Field>
      <Field label={t('inventory.fields.location')}>{a.location || '—'}</Field>
      <Field label={t('inventory.fields.os')}>{[a.osName, a.osVersion].filter(Boolean).join(' ') || '—'}</Field>
      <Field label={t('inventory.fields.ipAddresses')}>
        <IpList size="sm" ips={a.ipAddresses} />
      </Field>
      <Field label={t('inventory.fields.macAddresses')}>
        <Text ff="monospace" size="sm">
          {a.macAddresses.join(', ') || '—'}
        </Text>
      </Field>
      <Field label={t('inventory.fields.hygiene')}>
        <HygieneBadges a={a} />
      </Field>
      <Field label={t('inventory.fields.avProduct')}>
        {a.avProduct ?? '—'} · {t('inventory.fields.avLicensed')}: {tri(a.avLicensed)} · {t('inventory.fields.avManaged')}: {tri(a.avManaged)}
      </Field>
      <Field label={t('inventory.fields.firewallOn')}>{tri(a.firewallOn)}</Field>
      <Field label={t('inventory.fields.lastPatchOn')}>{formatDate(a.lastPatchOn) || '—'}</Field>
      <Field label={t('inventory.fields.lastSeen')}>{formatDateTime(a.lastSeenAt) || '—'}</Field>
      <Field label={t('inventory.fields.source')}>{labels.assetSource(a.source)}</Field>
    </SimpleGrid>
  );
}

/** /assets/:id: one host or device, the systems it serves and the software installed on it. */
export function AssetPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useAuth();
  const navigate = useNavigate();
  const refresh = useRefreshInventory();
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null);
  const asset = useAsset(id);
  const remove = useMutation({
    mutationFn: (version: number) => inventoryApi.removeAsset(id, version),
    onSuccess: async () => {
      await refresh();
      void navigate('/assets', { replace: true });
    },
  });
  const back = (
    <Anchor component={Link} to="/assets" size="sm">
      ‹ {t('inventory.nav.assets')}
    </Anchor>
  );
  if (asset.isPending) return <Loader aria-label={t('common.loading')} />;
  if (asset.isError) {
    return (
      <Stack>
        <ErrorAlert error={asset.error} />
        {back}
      </Stack>
    );
  }
  const a = asset.data;
  const canWrite = can('inventory:write');
  return (
    <Stack gap="md" data-testid="asset-page" data-asset-id={a.id}>
      {back}
      <PageHeader
        title={a.name}
        description={a.orgName}
        actions={
          canWrite && (
            <>
              <Button size="sm" variant="default" onClick={() => setDialog('edit')}>
                {t('common.edit')}
              </Button>
              <Button
                size="sm"
                variant="light"
                color="red"
                onClick={() => {
                  remove.reset();
                  setDialog('delete');
                }}
              >
                {t('common.delete')}
              </Button>
            </>
          )
        }
      />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <AssetDetails a={a} />
      </Paper>
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <Title order={5} mb="sm">
          {t('inventory.assetPage.systems', { n: a.systemIds.length })}
        </Title>
        <LinkedSystems ids={a.systemIds} />
      </Paper>
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <Title order={5} mb="sm">
          {t('inventory.assetPage.software', { n: a.softwareCount })}
        </Title>
        <SoftwareTable assetId={a.id} />
      </Paper>
      <Text size="xs" c="dimmed">
        {t('inventory.timestamps', { created: formatDateTime(a.createdAt), updated: formatDateTime(a.updatedAt) })}
      </Text>
      <AssetFormDialog mode="edit" asset={a} opened={dialog === 'edit'} onClose={() => setDialog(null)} onSaved={() => setDialog(null)} />
      <ConfirmDialog
        opened={dialog === 'delete'}
        title={t('inventory.assetPage.deleteTitle')}
        message={t('inventory.assetPage.deleteConfirm', { name: a.name })}
        confirmLabel={t('common.delete')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate(a.version)}
        onClose={() => setDialog(null)}
      />
    </Stack>
  );
}
