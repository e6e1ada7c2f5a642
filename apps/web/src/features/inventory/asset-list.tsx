import type { Asset } from '@khien/contracts';
import { Anchor, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/format-date';
import { CriticalityBadge, HygieneBadges } from './badges';
import { useInventoryLabels } from './inventory-labels';
import { IpList } from '../../components/ip-list';

function AssetCard({ a }: { a: Asset }) {
  const labels = useInventoryLabels();
  return (
    <Card component={Link} to={`/assets/${a.id}`} withBorder padding="sm" radius="md" data-testid={`asset-card-${a.id}`}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {a.name}
          </Text>
          <CriticalityBadge criticality={a.criticality} />
        </Group>
        <Text size="xs" c="dimmed">
          {labels.assetKind(a.kind)} · {a.orgName}
        </Text>
        {a.ipAddresses.length > 0 && <IpList size="xs" ips={a.ipAddresses} />}
        <HygieneBadges a={a} />
      </Stack>
    </Card>
  );
}

/** Assets as a table on wide screens and cards on a phone; used by the registry and the system page. */
export function AssetList({ items, showOrg = true }: { items: Asset[]; showOrg?: boolean }) {
  const { t } = useTranslation();
  const labels = useInventoryLabels();
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  if (!wide) {
    return (
      <Stack gap="sm" data-testid="assets-cards">
        {items.map((a) => (
          <AssetCard key={a.id} a={a} />
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing={6} fz="sm" data-testid="assets-table" aria-label={t('inventory.assets.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('inventory.fields.name')}</Table.Th>
            {showOrg && <Table.Th>{t('inventory.fields.org')}</Table.Th>}
            <Table.Th>{t('inventory.fields.kind')}</Table.Th>
            <Table.Th>{t('inventory.fields.ipAddresses')}</Table.Th>
            <Table.Th>{t('inventory.fields.os')}</Table.Th>
            <Table.Th>{t('inventory.fields.criticality')}</Table.Th>
            <Table.Th>{t('inventory.fields.hygiene')}</Table.Th>
            <Table.Th>{t('inventory.fields.lastSeen')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.id} data-testid={`asset-row-${a.id}`}>
              <Table.Td miw={180}>
                <Anchor component={Link} to={`/assets/${a.id}`} size="sm" fw={500}>
                  {a.name}
                </Anchor>
                {a.hostname && a.hostname !== a.name && (
                  <Text size="xs" c="dimmed">
                    {a.hostname}
                  </Text>
                )}
              </Table.Td>
              {showOrg && <Table.Td>{a.orgName}</Table.Td>}
              <Table.Td>{labels.assetKind(a.kind)}</Table.Td>
              <Table.Td maw={220}>
                <IpList size="xs" ips={a.ipAddresses} />
              </Table.Td>
              <Table.Td>{[a.osName, a.osVersion].filter(Boolean).join(' ') || '—'}</Table.Td>
              <Table.Td>
                <CriticalityBadge criticality={a.criticality} />
              </Table.Td>
              <Table.Td>
                <HygieneBadges a={a} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(a.lastSeenAt) || '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
