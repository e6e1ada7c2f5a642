import type { InventoryOverview } from '@khien/contracts';
import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DOSSIER_STATUSES } from '../../lib/enums';
import { toSearch } from './inventory-filters';
import { useInventoryLabels } from './inventory-labels';
import { LEVEL_KEYS } from './overview-model';

function Count({ n, to }: { n: number; to: string }) {
  if (n === 0)
    return (
      <Text size="sm" c="dimmed" span>
        0
      </Text>
    );
  return (
    <Anchor component={Link} to={to} size="sm" fw={600}>
      {n}
    </Anchor>
  );
}

/** One row per child org (the communes of a province), every count a link to the filtered registry. */
export function OverviewTable({ overview }: { overview: InventoryOverview }) {
  const { t } = useTranslation();
  const labels = useInventoryLabels();
  const totals = overview.totals;
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped highlightOnHover fz="sm" verticalSpacing={4} data-testid="overview-table" aria-label={t('inventory.overview.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('inventory.fields.org')}</Table.Th>
            <Table.Th ta="right">{t('inventory.overview.systems')}</Table.Th>
            {LEVEL_KEYS.map((k) => (
              <Table.Th key={k} ta="right">
                {k === 'none' ? t('inventory.overview.noLevelShort') : t('inventory.overview.levelShort', { n: k })}
              </Table.Th>
            ))}
            {DOSSIER_STATUSES.map((d) => (
              <Table.Th key={d} ta="right">
                {labels.dossier(d)}
              </Table.Th>
            ))}
            <Table.Th ta="right">{t('inventory.overview.assets')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {overview.rows.map((r) => (
            <Table.Tr key={r.orgId} data-testid={`overview-row-${r.orgId}`}>
              <Table.Td>
                <Anchor component={Link} to={`/inventory${toSearch({ orgId: r.orgId })}`} size="sm">
                  {r.orgName}
                </Anchor>
              </Table.Td>
              <Table.Td ta="right">
                <Count n={r.systems} to={`/systems${toSearch({ under: r.orgId })}`} />
              </Table.Td>
              {LEVEL_KEYS.map((k) => (
                <Table.Td key={k} ta="right">
                  <Count n={r.byLevel[k]} to={`/systems${toSearch({ under: r.orgId, level: k })}`} />
                </Table.Td>
              ))}
              {DOSSIER_STATUSES.map((d) => (
                <Table.Td key={d} ta="right">
                  <Count n={r.byDossier[d] ?? 0} to={`/systems${toSearch({ under: r.orgId, dossier: d })}`} />
                </Table.Td>
              ))}
              <Table.Td ta="right">
                <Count n={r.assets} to={`/assets${toSearch({ under: r.orgId })}`} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700} data-testid="overview-totals">
            <Table.Td>{t('inventory.overview.total')}</Table.Td>
            <Table.Td ta="right">{totals.systems}</Table.Td>
            {LEVEL_KEYS.map((k) => (
              <Table.Td key={k} ta="right">
                {totals.byLevel[k]}
              </Table.Td>
            ))}
            {DOSSIER_STATUSES.map((d) => (
              <Table.Td key={d} ta="right">
                {totals.byDossier[d] ?? 0}
              </Table.Td>
            ))}
            <Table.Td ta="right">{totals.assets}</Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
