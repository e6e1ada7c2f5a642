import type { AssetKind } from '@khien/contracts';
import { Button, Group, Loader, Paper, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../lib/auth-context';
import { Empty } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { ASSET_KINDS, CRITICALITIES, HYGIENE_FILTERS, type Criticality, type HygieneFilter } from '../../lib/enums';
import { AssetFormDialog } from './asset-form-dialog';
import { AssetList } from './asset-list';
import { SearchField, UnderPicker, useFilterParams } from './filter-controls';
import { useAssets } from './inventory-api';
import { filterKey, readAssetFilters } from './inventory-filters';
import { useInventoryLabels } from './inventory-labels';

const LIMIT = 50;

/** /assets: hosts and devices with kind, criticality, hygiene and address filters. */
export function AssetsPage() {
  const { t } = useTranslation();
  const labels = useInventoryLabels();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params, setFilters] = useFilterParams();
  const filters = readAssetFilters(params);
  const key = filterKey(filters);
  const [page, setPage] = useState({ key: '', offset: 0 });
  const [creating, setCreating] = useState(false);
  const [ip, setIp] = useState(filters.ip ?? '');
  const offset = page.key === key ? page.offset : 0;
  const list = useAssets({ ...filters, limit: LIMIT, offset });
  const filtered = Object.values(filters).some((v) => v !== undefined);

  return (
    <>
      <PageHeader
        title={t('inventory.assets.title')}
        description={t('inventory.assets.description')}
        actions={
          can('inventory:write') && (
            <>
              <Button onClick={() => setCreating(true)} data-testid="asset-new">
                {t('inventory.assets.add')}
              </Button>
              <Button component={Link} to="/inventory/import?kind=assets" variant="light">
                {t('inventory.import.title')}
              </Button>
            </>
          )
        }
      />
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <UnderPicker value={filters.under} onChange={(under) => setFilters({ under })} />
        <SearchField
          value={filters.q}
          onChange={(q) => setFilters({ q })}
          label={t('inventory.filters.search')}
          placeholder={t('inventory.assets.searchPlaceholder')}
          testId="asset-search"
        />
        <TextInput
          label={t('inventory.filters.ip')}
          placeholder="10.0.0.5"
          value={ip}
          onChange={(e) => setIp(e.currentTarget.value)}
          onBlur={() => setFilters({ ip: ip.trim() || undefined })}
          onKeyDown={(e) => e.key === 'Enter' && setFilters({ ip: ip.trim() || undefined })}
          style={{ flex: '1 1 10rem', maxWidth: '210px' }}
        />
        <Select
          label={t('inventory.fields.kind')}
          placeholder={t('inventory.filters.any')}
          data={ASSET_KINDS.map((k) => ({ value: k, label: labels.assetKind(k) }))}
          value={filters.kind ?? null}
          onChange={(v) => setFilters({ kind: (v as AssetKind | null) ?? undefined })}
          clearable
          style={{ flex: '1 1 10rem', maxWidth: '220px' }}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('inventory.fields.criticality')}
          placeholder={t('inventory.filters.any')}
          data={CRITICALITIES.map((c) => ({ value: c, label: labels.criticality(c) }))}
          value={filters.criticality ?? null}
          onChange={(v) => setFilters({ criticality: (v as Criticality | null) ?? undefined })}
          clearable
          style={{ flex: '1 1 10rem', maxWidth: '200px' }}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('inventory.fields.hygiene')}
          placeholder={t('inventory.filters.any')}
          data={HYGIENE_FILTERS.map((h) => ({ value: h, label: labels.hygiene(h) }))}
          value={filters.hygiene ?? null}
          onChange={(v) => setFilters({ hygiene: (v as HygieneFilter | null) ?? undefined })}
          clearable
          style={{ flex: '1 1 10rem', maxWidth: '260px' }}
          comboboxProps={{ withinPortal: true }}
          data-testid="filter-hygiene"
        />
      </Group>
      <Paper withBorder p="xs">
        {list.isPending ? (
          <Loader aria-label={t('common.loading')} />
        ) : list.isError ? (
          <ErrorAlert error={list.error} />
        ) : list.data.items.length === 0 ? (
          <Empty title={t('inventory.assets.empty')} description={filtered ? t('inventory.filters.emptyHint') : t('inventory.assets.emptyHint')} />
        ) : (
          <>
            <AssetList items={list.data.items} />
            <Pager total={list.data.total} limit={LIMIT} offset={offset} onOffsetChange={(o) => setPage({ key, offset: o })} />
          </>
        )}
      </Paper>
      <AssetFormDialog
        mode="create"
        defaultOrgId={filters.under}
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={(a) => {
          setCreating(false);
          void navigate(`/assets/${a.id}`);
        }}
      />
    </>
  );
}
