import type { Org } from '@khien/contracts';
import { Group, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../components/labels';
import { orgKeys, orgsApi } from './orgs-api';

export interface PickedOrg {
  id: string;
  name: string;
}

interface OrgPickerProps {
  label: string;
  value: PickedOrg | null;
  onChange: (org: PickedOrg | null) => void;
  /** Orgs that may not be chosen (e.g. the org being moved). */
  excludeIds?: string[];
  description?: string;
  placeholder?: string;
  error?: string | null;
  required?: boolean;
  clearable?: boolean;
  testId?: string;
}

/**
 * Chooses an org by name, searched on the server (which ignores diacritics: "ha noi" finds "Hà Nội"),
 * so the client must not filter the options again.
 */
export function OrgPicker(props: OrgPickerProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [search, setSearch] = useState(props.value?.name ?? '');
  const [debounced] = useDebouncedValue(search, 250);
  // Searching for the selected org's own name would hide every other org; show all then.
  const q = props.value && debounced === props.value.name ? '' : debounced.trim();
  const query = { q: q || undefined, limit: 20 };
  const results = useQuery({
    queryKey: orgKeys.list(query),
    queryFn: ({ signal }) => orgsApi.list(query, signal),
    placeholderData: keepPreviousData,
  });

  const byId = useMemo(() => {
    const map = new Map<string, Org>();
    for (const org of results.data?.items ?? []) map.set(org.id, org);
    return map;
  }, [results.data]);

  const data = useMemo(() => {
    const excluded = new Set(props.excludeIds ?? []);
    const options = (results.data?.items ?? []).filter((o) => !excluded.has(o.id)).map((o) => ({ value: o.id, label: o.label ?? o.name }));
    if (props.value && !options.some((o) => o.value === props.value?.id)) {
      options.unshift({ value: props.value.id, label: props.value.name });
    }
    return options;
  }, [results.data, props.value, props.excludeIds]);

  return (
    <Select
      label={props.label}
      description={props.description}
      placeholder={props.placeholder ?? t('orgs.picker.placeholder')}
      searchable
      clearable={props.clearable ?? true}
      // choosing the org already chosen keeps it (Mantine's default would clear it); the clear button clears
      allowDeselect={false}
      withAsterisk={props.required}
      error={props.error}
      data={data}
      value={props.value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id, option) => props.onChange(id && option ? { id, name: option.label } : null)}
      filter={({ options }) => options}
      nothingFoundMessage={results.isFetching ? t('common.loading') : t('orgs.picker.nothingFound')}
      renderOption={({ option }) => {
        const org = byId.get(option.value);
        return (
          <Group gap={6} wrap="nowrap" justify="space-between" w="100%">
            <Text size="sm">{option.label}</Text>
            {org && (
              <Text size="xs" c="dimmed">
                {labels.kind(org.kind)}
                {org.adminCode ? ` · ${org.adminCode}` : ''}
              </Text>
            )}
          </Group>
        );
      }}
      comboboxProps={{ withinPortal: true }}
      data-testid={props.testId}
    />
  );
}
