import type { IpRange } from '@khien/contracts';
import { ActionIcon, Anchor, Badge, Button, Card, Checkbox, Group, Loader, Paper, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../lib/auth-context';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Empty } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { formatDate } from '../../lib/format-date';
import { SearchField, UnderPicker, useFilterParams } from './filter-controls';
import { inventoryApi, useIpRanges, useRefreshInventory } from './inventory-api';
import { filterKey, readIpRangeFilters } from './inventory-filters';
import { IpRangeDialog } from './ip-range-dialog';
import { IpList } from '../../components/ip-list';

const LIMIT = 50;
const OVERLAP_BG = 'var(--mantine-color-red-0)';

function Overlaps({ r }: { r: IpRange }) {
  const { t } = useTranslation();
  if (r.overlaps.length === 0)
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  return (
    <Stack gap={2} data-testid="overlaps">
      <Badge color="red" variant="filled" size="sm">
        {t('inventory.ipSpace.overlapCount', { n: r.overlaps.length })}
      </Badge>
      {r.overlaps.slice(0, 3).map((o) => (
        <Text key={o.id} size="xs" c="red.8">
          {o.range} · {o.orgName}
        </Text>
      ))}
      {r.overlaps.length > 3 && (
        <Text size="xs" c="red.8">
          {t('inventory.ipSpace.moreOverlaps', { n: r.overlaps.length - 3 })}
        </Text>
      )}
    </Stack>
  );
}

const validity = (r: IpRange) => (r.validFrom || r.validTo ? `${formatDate(r.validFrom) || '…'} – ${formatDate(r.validTo) || '…'}` : '—');

/** /ip-space: the address ranges each org owns; ranges that overlap another org's are shown in red. */
export function IpSpacePage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const refresh = useRefreshInventory();
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  const [params, setFilters] = useFilterParams();
  const filters = readIpRangeFilters(params);
  const key = filterKey(filters);
  const [page, setPage] = useState({ key: '', offset: 0 });
  const [ip, setIp] = useState(filters.ip ?? '');
  const [editing, setEditing] = useState<IpRange | 'new' | null>(null);
  const [deleting, setDeleting] = useState<IpRange | null>(null);
  const offset = page.key === key ? page.offset : 0;
  const list = useIpRanges({ ...filters, limit: LIMIT, offset });
  const canWrite = can('inventory:write');
  const remove = useMutation({
    mutationFn: (r: IpRange) => inventoryApi.removeIpRange(r.id, r.version),
    onSuccess: async () => {
      setDeleting(null);
      await refresh();
    },
  });

  const actions = (r: IpRange) =>
    canWrite && (
      <Group gap={4} wrap="nowrap">
        <Button size="compact-xs" variant="default" onClick={() => setEditing(r)}>
          {t('common.edit')}
        </Button>
        <Tooltip label={t('common.delete')}>
          <ActionIcon
            size="sm"
            variant="light"
            color="red"
            aria-label={t('inventory.ipSpace.deleteRange', { range: r.range })}
            onClick={() => {
              remove.reset();
              setDeleting(r);
            }}
          >
            ×
          </ActionIcon>
        </Tooltip>
      </Group>
    );

  return (
    <>
      <PageHeader
        title={t('inventory.ipSpace.title')}
        description={t('inventory.ipSpace.description')}
        actions={
          canWrite && (
            <>
              <Button onClick={() => setEditing('new')} data-testid="ip-range-new">
                {t('inventory.ipSpace.add')}
              </Button>
              <Button component={Link} to="/inventory/import?kind=ipspace" variant="light">
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
          placeholder={t('inventory.ipSpace.searchPlaceholder')}
        />
        <TextInput
          label={t('inventory.ipSpace.containsIp')}
          placeholder="203.0.113.7"
          value={ip}
          onChange={(e) => setIp(e.currentTarget.value)}
          onBlur={() => setFilters({ ip: ip.trim() || undefined })}
          onKeyDown={(e) => e.key === 'Enter' && setFilters({ ip: ip.trim() || undefined })}
          style={{ flex: '1 1 10rem', maxWidth: '230px' }}
        />
        <Checkbox
          label={t('inventory.ipSpace.onlyOverlapping')}
          checked={filters.overlapping === 'true'}
          onChange={(e) => setFilters({ overlapping: e.currentTarget.checked ? 'true' : undefined })}
          mb={8}
        />
      </Group>
      <Paper withBorder p="xs">
        {list.isPending ? (
          <Loader aria-label={t('common.loading')} />
        ) : list.isError ? (
          <ErrorAlert error={list.error} />
        ) : list.data.items.length === 0 ? (
          <Empty title={t('inventory.ipSpace.empty')} description={t('inventory.ipSpace.emptyHint')} />
        ) : (
          <>
            {wide ? (
              <Table.ScrollContainer minWidth={900}>
                <Table highlightOnHover verticalSpacing={6} fz="sm" data-testid="ip-ranges-table" aria-label={t('inventory.ipSpace.title')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('inventory.ipSpace.range')}</Table.Th>
                      <Table.Th>{t('inventory.fields.org')}</Table.Th>
                      <Table.Th>{t('inventory.ipSpace.size')}</Table.Th>
                      <Table.Th>{t('inventory.ipSpace.isp')}</Table.Th>
                      <Table.Th>{t('inventory.ipSpace.validity')}</Table.Th>
                      <Table.Th>{t('inventory.ipSpace.overlaps')}</Table.Th>
                      {canWrite && <Table.Th>{t('common.actions')}</Table.Th>}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.data.items.map((r) => (
                      <Table.Tr
                        key={r.id}
                        style={{ background: r.overlaps.length ? OVERLAP_BG : undefined }}
                        data-testid={`ip-range-${r.id}`}
                        data-overlaps={r.overlaps.length}
                      >
                        <Table.Td>
                          <IpList size="sm" fw={600} ips={[r.range]} />
                          {r.range !== `${r.firstIp}-${r.lastIp}` && (
                            <Text ff="monospace" size="xs" c="dimmed">
                              {r.firstIp} – {r.lastIp}
                            </Text>
                          )}
                          {r.note && (
                            <Text size="xs" c="dimmed" lineClamp={1}>
                              {r.note}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>{r.orgName}</Table.Td>
                        <Table.Td ff="monospace" fz="xs">
                          IPv{r.family} · {r.size}
                        </Table.Td>
                        <Table.Td>{r.isp || '—'}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{validity(r)}</Table.Td>
                        <Table.Td>
                          <Overlaps r={r} />
                        </Table.Td>
                        {canWrite && <Table.Td>{actions(r)}</Table.Td>}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ) : (
              <Stack gap="sm" data-testid="ip-ranges-cards">
                {list.data.items.map((r) => (
                  <Card
                    key={r.id}
                    withBorder
                    padding="sm"
                    radius="md"
                    style={{
                      background: r.overlaps.length ? OVERLAP_BG : undefined,
                      borderColor: r.overlaps.length ? 'var(--mantine-color-red-4)' : undefined,
                    }}
                    data-testid={`ip-range-${r.id}`}
                    data-overlaps={r.overlaps.length}
                  >
                    <Stack gap={4}>
                      <Group justify="space-between" wrap="nowrap">
                        <IpList fw={600} size="sm" ips={[r.range]} />
                        {actions(r)}
                      </Group>
                      <Text size="xs" c="dimmed">
                        {r.orgName} · {r.isp || '—'} · {validity(r)}
                      </Text>
                      <Overlaps r={r} />
                    </Stack>
                  </Card>
                ))}
              </Stack>
            )}
            <Pager total={list.data.total} limit={LIMIT} offset={offset} onOffsetChange={(o) => setPage({ key, offset: o })} />
          </>
        )}
      </Paper>
      <Text size="xs" c="dimmed" mt="xs">
        {t('inventory.ipSpace.footnote')}{' '}
        <Anchor component={Link} to="/assets" size="xs">
          {t('inventory.nav.assets')}
        </Anchor>
      </Text>
      <IpRangeDialog range={editing === 'new' ? null : editing} defaultOrgId={filters.under} opened={editing !== null} onClose={() => setEditing(null)} />
      <ConfirmDialog
        opened={deleting !== null}
        title={t('inventory.ipSpace.deleteTitle')}
        message={t('inventory.ipSpace.deleteConfirm', { range: deleting?.range ?? '' })}
        confirmLabel={t('common.delete')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}
