import { Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIncidentLabels } from './incident-labels';
import { CATEGORIES, LIST_STATUSES, SEVERITIES, type ListFilters } from './incident-model';
import { incidentKeys, incidentsApi } from './incidents-api';

/** The list's filters; every change goes back to the first page. */
export function IncidentFilters({ filters, onChange }: { filters: ListFilters; onChange: (f: ListFilters) => void }) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  const [q, setQ] = useState(filters.q);
  const set = (patch: Partial<ListFilters>) => onChange({ ...filters, ...patch, offset: 0 });
  const search = useDebouncedCallback((value: string) => set({ q: value }), 300);
  const communes = useQuery({ queryKey: incidentKeys.communes, queryFn: ({ signal }) => incidentsApi.communes(signal), staleTime: 10 * 60_000 });
  return (
    <Stack gap="xs" mb="md" data-testid="incident-filters">
      {/* two to a row on a phone: the list itself should start on the first screen */}
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs">
        <Select
          label={t('incidents.fields.status')}
          value={filters.status}
          onChange={(v) => v && set({ status: v as ListFilters['status'] })}
          data={LIST_STATUSES.map((s) => ({ value: s, label: labels.listStatus(s) }))}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          data-testid="status-filter"
        />
        <Select
          label={t('incidents.fields.severity')}
          value={filters.severity}
          onChange={(v) => set({ severity: (v as ListFilters['severity']) ?? null })}
          data={SEVERITIES.map((s) => ({ value: s, label: labels.severity(s) }))}
          placeholder={t('incidents.list.any')}
          clearable
          comboboxProps={{ withinPortal: true }}
          data-testid="severity-filter"
        />
        <Select
          label={t('incidents.fields.category')}
          value={filters.category}
          onChange={(v) => set({ category: (v as ListFilters['category']) ?? null })}
          data={CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))}
          placeholder={t('incidents.list.any')}
          clearable
          comboboxProps={{ withinPortal: true }}
          data-testid="category-filter"
        />
        <Select
          label={t('incidents.fields.commune')}
          value={filters.communeId}
          onChange={(v) => set({ communeId: v ?? null })}
          data={(communes.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          placeholder={t('incidents.list.any')}
          searchable
          clearable
          nothingFoundMessage={communes.isFetching ? t('common.loading') : t('incidents.list.noCommuneFound')}
          comboboxProps={{ withinPortal: true }}
          data-testid="commune-filter"
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <TextInput
          label={t('incidents.list.search')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            search(e.currentTarget.value);
          }}
          placeholder={t('incidents.list.searchHint')}
          maxLength={200}
          data-testid="incident-search"
        />
        <Switch
          mt={{ base: 0, sm: 30 }}
          label={t('incidents.list.breachedOnly')}
          checked={filters.breached}
          onChange={(e) => set({ breached: e.currentTarget.checked })}
          data-testid="breached-switch"
        />
        <Switch
          mt={{ base: 0, sm: 30 }}
          label={t('incidents.list.personalDataOnly')}
          checked={filters.personalData}
          onChange={(e) => set({ personalData: e.currentTarget.checked })}
          data-testid="personal-data-switch"
        />
      </SimpleGrid>
    </Stack>
  );
}
