import type { IncidentDetail } from '@khien/contracts';
import { Button, Group, MultiSelect, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { ResponsiveModal } from '../../components/responsive-modal';
import { incidentKeys, incidentsApi } from './incidents-api';

/** Other cases folded into this one: found by code or title (the list's search), chosen one by one. */
export function MergeDialog({ incident, onClose, onDone }: { incident: IncidentDetail; onClose: () => void; onDone: (next: IncidentDetail) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [picked, setPicked] = useState<{ id: string; label: string }[]>([]);
  const [comment, setComment] = useState('');
  const found = useQuery({
    queryKey: incidentKeys.list({ merge: debounced }),
    queryFn: ({ signal }) => incidentsApi.search(debounced, signal),
    placeholderData: keepPreviousData,
  });
  const options = (found.data?.items ?? [])
    .filter((c) => c.id !== incident.id && c.status !== 'merged')
    .map((c) => ({ value: c.id, label: `${c.code} · ${c.title}` }));
  for (const p of picked) if (!options.some((o) => o.value === p.id)) options.push({ value: p.id, label: p.label });
  const merge = useMutation({
    mutationFn: () => incidentsApi.merge(incident.id, { sourceIds: picked.map((p) => p.id), ...(comment.trim() ? { comment: comment.trim() } : {}) }),
    onSuccess: (next) => {
      onClose();
      onDone(next);
    },
  });
  return (
    <ResponsiveModal opened onClose={onClose} title={t('incidents.merge.title', { code: incident.code })}>
      <Stack>
        <Text size="sm">{t('incidents.merge.explain')}</Text>
        <MultiSelect
          label={t('incidents.merge.cases')}
          placeholder={t('incidents.merge.searchHint')}
          data={options}
          value={picked.map((p) => p.id)}
          onChange={(ids) => setPicked(ids.map((id) => ({ id, label: options.find((o) => o.value === id)?.label ?? id })))}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: o }) => o}
          maxValues={50}
          nothingFoundMessage={found.isFetching ? t('common.loading') : t('incidents.merge.nothingFound')}
          comboboxProps={{ withinPortal: true }}
          data-testid="merge-cases"
        />
        <Textarea
          label={t('incidents.ask.commentLabel')}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
        />
        <ErrorAlert error={merge.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => merge.mutate()} loading={merge.isPending} disabled={picked.length === 0} data-testid="merge-confirm">
            {t('incidents.merge.confirm', { n: picked.length })}
          </Button>
        </Group>
      </Stack>
    </ResponsiveModal>
  );
}
