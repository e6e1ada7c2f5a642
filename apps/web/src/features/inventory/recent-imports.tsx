import { Anchor, Loader, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { formatDateTime } from '../../lib/format-date';
import { ImportStatusBadge } from './badges';
import { useImports } from './inventory-api';
import { useInventoryLabels } from './inventory-labels';

/** The org's latest imports; opening one shows its progress or result above. */
export function RecentImports({ orgId, currentId, onOpen }: { orgId: string | null; currentId: string | null; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const labels = useInventoryLabels();
  const list = useImports(orgId);
  if (!orgId) return null;
  return (
    <Paper withBorder p="md">
      <Title order={5} mb="sm">
        {t('inventory.import.recent')}
      </Title>
      {list.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('inventory.import.noRecent')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={680}>
          <Table striped highlightOnHover fz="sm" data-testid="recent-imports" aria-label={t('inventory.import.recent')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('inventory.import.when')}</Table.Th>
                <Table.Th>{t('inventory.import.file')}</Table.Th>
                <Table.Th>{t('inventory.import.kind')}</Table.Th>
                <Table.Th>{t('inventory.import.statusCol')}</Table.Th>
                <Table.Th>{t('inventory.import.rowsCol')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((imp) => (
                <Table.Tr key={imp.id} bg={imp.id === currentId ? 'var(--mantine-color-blue-0)' : undefined}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(imp.createdAt)}</Table.Td>
                  <Table.Td maw={280}>
                    <Anchor component="button" type="button" size="sm" onClick={() => onOpen(imp.id)} style={{ wordBreak: 'break-all', textAlign: 'left' }}>
                      {imp.filename}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {imp.orgName}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {labels.importKind(imp.kind)} · {labels.importFormat(imp.format)}
                  </Table.Td>
                  <Table.Td>
                    <ImportStatusBadge status={imp.status} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{t('inventory.import.rowsSummary', { read: imp.rowsRead, failed: imp.rowsFailed })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
