import { Loader, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { Pager } from '../../components/pager';
import { SearchField } from './filter-controls';
import { useSoftware } from './inventory-api';

const LIMIT = 50;

/** Installed software of one asset, searchable (vendor, product, version) and paged. */
export function SoftwareTable({ assetId }: { assetId: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState<string | undefined>(undefined);
  const [page, setPage] = useState({ key: '', offset: 0 });
  const key = q ?? '';
  const offset = page.key === key ? page.offset : 0;
  const list = useSoftware(assetId, { q, limit: LIMIT, offset });
  return (
    <>
      <SearchField
        value={q}
        onChange={setQ}
        label={t('inventory.software.search')}
        placeholder={t('inventory.software.searchPlaceholder')}
        testId="software-search"
      />
      {list.isPending ? (
        <Loader aria-label={t('common.loading')} mt="sm" />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Empty title={t('inventory.software.empty')} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={640} mt="sm">
            <Table striped verticalSpacing={4} fz="sm" data-testid="software-table" aria-label={t('inventory.software.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('inventory.software.product')}</Table.Th>
                  <Table.Th>{t('inventory.software.vendor')}</Table.Th>
                  <Table.Th>{t('inventory.software.version')}</Table.Th>
                  <Table.Th>{t('inventory.software.arch')}</Table.Th>
                  <Table.Th>{t('inventory.software.source')}</Table.Th>
                  <Table.Th>CPE</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((s, i) => (
                  // software rows have no id of their own; the position keeps two identical rows apart
                  <Table.Tr key={`${s.source}|${s.product}|${s.version ?? ''}|${s.arch ?? ''}|${i}`}>
                    <Table.Td fw={500}>{s.product}</Table.Td>
                    <Table.Td>{s.vendor ?? '—'}</Table.Td>
                    <Table.Td ff="monospace" fz="xs">
                      {s.version ?? '—'}
                    </Table.Td>
                    <Table.Td>{s.arch ?? '—'}</Table.Td>
                    <Table.Td>{s.source}</Table.Td>
                    <Table.Td maw={260}>
                      <Text size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                        {s.cpe ?? s.purl ?? '—'}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager total={list.data.total} limit={LIMIT} offset={offset} onOffsetChange={(o) => setPage({ key, offset: o })} />
        </>
      )}
    </>
  );
}
