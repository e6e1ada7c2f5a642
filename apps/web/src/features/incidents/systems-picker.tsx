import { MultiSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { incidentKeys, incidentsApi } from './incidents-api';

/** The affected systems, chosen among the reporting org's registered ones (inventory). */
export function SystemsPicker({ orgId, value, onChange }: { orgId: string | null; value: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const systems = useQuery({
    queryKey: incidentKeys.systems(orgId ?? ''),
    queryFn: ({ signal }) => incidentsApi.systems(orgId ?? '', signal),
    enabled: Boolean(orgId),
  });
  const data = (systems.data?.items ?? []).map((s) => ({
    value: s.id,
    label: s.level ? t('incidents.form.systemWithLevel', { name: s.name, level: s.level }) : s.name,
  }));
  return (
    <MultiSelect
      label={t('incidents.fields.systems')}
      description={orgId ? t('incidents.form.systemsHint') : t('incidents.form.systemsNeedOrg')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      disabled={!orgId}
      maxValues={50}
      nothingFoundMessage={systems.isFetching ? t('common.loading') : t('incidents.form.noSystems')}
      comboboxProps={{ withinPortal: true }}
      data-testid="systems-picker"
    />
  );
}
