import type { DossierStatus, System, SystemCategory } from '@khien/contracts';
import { Anchor, Button, Card, Group, Loader, Paper, Progress, Select, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../lib/auth-context';
import { Empty } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { DOSSIER_STATUSES, SECURITY_LEVELS, SYSTEM_CATEGORIES } from '../../lib/enums';
import { formatDate } from '../../lib/format-date';
import { DossierBadge, LevelBadge } from './badges';
import { countsPercent } from './checklist-model';
import { SearchField, UnderPicker, useFilterParams } from './filter-controls';
import { useSystems } from './inventory-api';
import { filterKey, readLevel, readSystemFilters, toSearch } from './inventory-filters';
import { useInventoryLabels } from './inventory-labels';

const LIMIT = 50;

function ChecklistCell({ s }: { s: System }) {
  const { t } = useTranslation();
  if (s.level === null || s.checklist.total === 0)
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  const pct = countsPercent(s.checklist);
  return (
    <Stack gap={2} miw={110}>
      <Progress value={pct} size="sm" color={pct === 100 ? 'teal' : 'blue'} aria-label={t('inventory.systems.checklistProgress')} />
      <Text size="xs" c="dimmed">
        {t('inventory.systems.metOf', { met: s.checklist.met, total: s.checklist.total })}
      </Text>
    </Stack>
  );
}

function SystemCard({ s }: { s: System }) {
  const labels = useInventoryLabels();
  return (
    <Card component={Link} to={`/systems/${s.id}`} withBorder padding="sm" radius="md" data-testid={`system-card-${s.id}`}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {s.name}
          </Text>
          <LevelBadge level={s.level} />
        </Group>
        <Text size="xs" c="dimmed">
          {s.orgName} · {labels.category(s.category)}
        </Text>
        <Group justify="space-between" gap="xs">
          <DossierBadge status={s.dossier.status} />
          <ChecklistCell s={s} />
        </Group>
      </Stack>
    </Card>
  );
}

/** /systems: the registry of information systems, a table for the coordinator, cards on a phone. */
export function SystemsPage() {
  const { t } = useTranslation();
  const labels = useInventoryLabels();
  const { can } = useAuth();
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  const [params, setFilters] = useFilterParams();
  const filters = readSystemFilters(params);
  const key = filterKey(filters);
  const [page, setPage] = useState({ key: '', offset: 0 });
  const offset = page.key === key ? page.offset : 0;
  const list = useSystems({ ...filters, limit: LIMIT, offset });
  const filtered = Object.values(filters).some((v) => v !== undefined);

  return (
    <>
      <PageHeader
        title={t('inventory.systems.title')}
        description={t('inventory.systems.description')}
        actions={
          can('inventory:write') && (
            <Button component={Link} to={`/systems/new${toSearch({ orgId: filters.under })}`} data-testid="system-new">
              {t('inventory.systems.register')}
            </Button>
          )
        }
      />
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap">
        <UnderPicker value={filters.under} onChange={(under) => setFilters({ under })} />
        <SearchField
          value={filters.q}
          onChange={(q) => setFilters({ q })}
          label={t('inventory.filters.search')}
          placeholder={t('inventory.systems.searchPlaceholder')}
          testId="system-search"
        />
        <Select
          label={t('inventory.fields.category')}
          placeholder={t('inventory.filters.any')}
          data={SYSTEM_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))}
          value={filters.category ?? null}
          onChange={(v) => setFilters({ category: (v as SystemCategory | null) ?? undefined })}
          clearable
          style={{ flex: '1 1 10rem', maxWidth: '260px' }}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('inventory.fields.level')}
          placeholder={t('inventory.filters.any')}
          data={[...SECURITY_LEVELS.map((l) => ({ value: String(l), label: labels.level(l) })), { value: 'none', label: labels.level(null) }]}
          value={filters.level !== undefined ? String(filters.level) : null}
          onChange={(v) => setFilters({ level: readLevel(v) })}
          clearable
          style={{ flex: '1 1 10rem', maxWidth: '210px' }}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('inventory.fields.dossier')}
          placeholder={t('inventory.filters.any')}
          data={DOSSIER_STATUSES.map((s) => ({ value: s, label: labels.dossier(s) }))}
          value={filters.dossier ?? null}
          onChange={(v) => setFilters({ dossier: (v as DossierStatus | null) ?? undefined })}
          clearable
          style={{ flex: '1 1 10rem', maxWidth: '230px' }}
          comboboxProps={{ withinPortal: true }}
        />
      </Group>
      {list.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Empty title={t('inventory.systems.empty')} description={filtered ? t('inventory.filters.emptyHint') : t('inventory.systems.emptyHint')} />
      ) : (
        <>
          {wide ? (
            <Paper withBorder p="xs">
              <Table.ScrollContainer minWidth={960}>
                <Table striped highlightOnHover verticalSpacing={6} fz="sm" data-testid="systems-table" aria-label={t('inventory.systems.title')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('inventory.fields.name')}</Table.Th>
                      <Table.Th>{t('inventory.fields.org')}</Table.Th>
                      <Table.Th>{t('inventory.fields.level')}</Table.Th>
                      <Table.Th>{t('inventory.fields.dossier')}</Table.Th>
                      <Table.Th>{t('inventory.fields.checklist')}</Table.Th>
                      <Table.Th>{t('inventory.fields.assets')}</Table.Th>
                      <Table.Th>{t('inventory.fields.updatedAt')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.data.items.map((s) => (
                      <Table.Tr key={s.id} data-testid={`system-row-${s.id}`}>
                        <Table.Td miw={220} maw={380}>
                          <Anchor component={Link} to={`/systems/${s.id}`} size="sm" fw={500}>
                            {s.name}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {labels.category(s.category)}
                          </Text>
                        </Table.Td>
                        <Table.Td>{s.orgName}</Table.Td>
                        <Table.Td>
                          <LevelBadge level={s.level} />
                          {s.packId && (
                            <Text size="xs" c="dimmed" lineClamp={2} maw={260} title={labels.pack({ title: s.packTitle }, s.packId)}>
                              {labels.pack({ title: s.packTitle }, s.packId)}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <DossierBadge status={s.dossier.status} />
                        </Table.Td>
                        <Table.Td>
                          <ChecklistCell s={s} />
                        </Table.Td>
                        <Table.Td>{s.assetCount}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(s.updatedAt)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          ) : (
            <Stack gap="sm" data-testid="systems-cards">
              {list.data.items.map((s) => (
                <SystemCard key={s.id} s={s} />
              ))}
            </Stack>
          )}
          <Pager total={list.data.total} limit={LIMIT} offset={offset} onOffsetChange={(o) => setPage({ key, offset: o })} />
        </>
      )}
    </>
  );
}
