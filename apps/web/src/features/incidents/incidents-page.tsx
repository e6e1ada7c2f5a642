import { Button, Group, Loader, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Empty } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { useAuth } from '../../lib/auth-context';
import { useNow } from '../../lib/use-now';
import { IncidentFilters } from './incident-filters';
import { filtersFromParams, listQuery, paramsFromFilters } from './incident-model';
import { IncidentCards, IncidentTable } from './incident-rows';
import { incidentKeys, incidentsApi } from './incidents-api';

const LIMIT = 30;

/** /incidents: the cases in the caller's reach, deadline breaches first, then the nearest deadline. */
export function IncidentsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const now = useNow(30_000);
  const wide = useMediaQuery('(min-width: 48em)') ?? false;
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const query = listQuery(filters, LIMIT);
  const list = useQuery({
    queryKey: incidentKeys.list(query),
    queryFn: ({ signal }) => incidentsApi.list(query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  const setFilters = (f: typeof filters) => setParams(paramsFromFilters(f), { replace: true });
  return (
    <Stack gap={0} data-testid="incidents-page">
      <PageHeader
        title={t('incidents.list.title')}
        description={t('incidents.list.description')}
        actions={
          <Group gap="xs">
            <Button component={Link} to="/incidents/stats" variant="default" size="sm">
              {t('incidents.nav.stats')}
            </Button>
            {can('incident:report') && (
              <Button component={Link} to="/incidents/new" size="sm" color="red" data-testid="report-incident">
                {t('incidents.list.report')}
              </Button>
            )}
          </Group>
        }
      />
      <IncidentFilters filters={filters} onChange={setFilters} />
      {list.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : !list.data ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Empty title={t('incidents.list.empty')} description={filters.status === 'active' ? t('incidents.list.emptyActive') : undefined} />
      ) : (
        <Stack gap="sm" aria-busy={list.isFetching}>
          {wide ? <IncidentTable items={list.data.items} now={now} /> : <IncidentCards items={list.data.items} now={now} />}
          <Pager total={list.data.total} limit={LIMIT} offset={filters.offset} onOffsetChange={(offset) => setFilters({ ...filters, offset })} />
          {list.isError && <ErrorAlert error={list.error} />}
        </Stack>
      )}
    </Stack>
  );
}
