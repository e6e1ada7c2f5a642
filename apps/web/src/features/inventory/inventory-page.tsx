import { Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth, useMe } from '../../lib/auth-context';
import { Empty } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { UnderPicker, useFilterParams } from './filter-controls';
import { useOverview, useSummary } from './inventory-api';
import { OverviewTable } from './overview-table';
import { PackChoiceCard } from './pack-choice-card';
import { defaultScopeOrg } from './scope';
import { SummaryCards } from './summary-cards';

const OverviewCharts = lazy(() => import('./overview-charts'));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** /inventory: an org's summary and, for an org with children (a province, a commune), the overview by child. */
export function InventoryPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { can } = useAuth();
  const [params, setFilters] = useFilterParams();
  const fromUrl = params.get('orgId');
  const orgId = fromUrl && UUID.test(fromUrl) ? fromUrl : (defaultScopeOrg(me)?.id ?? null);
  const summary = useSummary(orgId);
  const overview = useOverview(orgId);

  return (
    <>
      <PageHeader
        title={t('inventory.overview.title')}
        description={summary.data ? summary.data.orgName : t('inventory.overview.description')}
        actions={
          <>
            <Button component={Link} to="/systems" variant="default" size="sm">
              {t('inventory.nav.systems')}
            </Button>
            {can('inventory:write') && (
              <Button component={Link} to="/inventory/import" variant="light" size="sm">
                {t('inventory.import.title')}
              </Button>
            )}
          </>
        }
      />
      <Stack>
        <Group align="flex-end" gap="sm">
          <UnderPicker value={orgId ?? undefined} onChange={(id) => setFilters({ orgId: id })} label={t('inventory.overview.org')} testId="inventory-org" />
        </Group>
        {!orgId ? (
          <Empty title={t('inventory.overview.pickOrg')} />
        ) : (
          <>
            <PackChoiceCard orgId={orgId} />
            {summary.isPending ? (
              <Loader aria-label={t('common.loading')} />
            ) : summary.isError ? (
              <ErrorAlert error={summary.error} />
            ) : (
              <SummaryCards summary={summary.data} />
            )}
            {overview.isError && <ErrorAlert error={overview.error} />}
            {overview.data && overview.data.rows.length > 0 && (
              <>
                <Title order={4} mt="sm">
                  {t('inventory.overview.byChild', { org: overview.data.orgName })}
                </Title>
                <Suspense fallback={<Loader aria-label={t('common.loading')} />}>
                  <OverviewCharts overview={overview.data} />
                </Suspense>
                <Paper withBorder p="xs">
                  <OverviewTable overview={overview.data} />
                </Paper>
                <Text size="xs" c="dimmed">
                  {t('inventory.overview.linksHint')}
                </Text>
              </>
            )}
          </>
        )}
      </Stack>
    </>
  );
}
