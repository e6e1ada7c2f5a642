import { Anchor, Button, Loader, Menu, Stack, Tabs } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { useAuth } from '../../lib/auth-context';
import { CoveragePanel } from './coverage-panel';
import { DutyCalendar } from './duty-calendar';
import { dutyApi, dutyKeys } from './duty-api';
import { upcomingRange } from './duty-model';
import { ImportDialog } from './import-dialog';
import { OverridesPanel } from './overrides-panel';
import { RotationsPanel } from './rotations-panel';

const TABS = ['calendar', 'rotations', 'overrides', 'coverage'] as const;
type Tab = (typeof TABS)[number];
/** The calendar query's cap is 62 days: the upcoming overrides and the export take the next 60. */
const AHEAD_DAYS = 60;

/** /duty/:id: one org's roster: the week's calendar, its rotations and stand-ins, the coverage check. */
export function DutyOrgPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useAuth();
  const canWrite = can('duty:write');
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'calendar';
  const [importing, setImporting] = useState(false);
  const [range] = useState(() => upcomingRange(Date.now(), AHEAD_DAYS));
  const org = useQuery({ queryKey: dutyKeys.org(id), queryFn: ({ signal }) => dutyApi.org(id, signal) });
  const upcoming = useQuery({
    queryKey: dutyKeys.calendar(id, range.from, range.to),
    queryFn: ({ signal }) => dutyApi.calendar(id, range.from, range.to, signal),
    enabled: org.isSuccess,
  });
  const people = useQuery({ queryKey: dutyKeys.people(id), queryFn: ({ signal }) => dutyApi.people(id, signal), enabled: org.isSuccess && canWrite });
  const changed = () => void queryClient.invalidateQueries({ queryKey: dutyKeys.all });

  const back = (
    <Anchor component={Link} to="/duty" size="sm">
      ‹ {t('duty.now.title')}
    </Anchor>
  );
  if (org.isPending) return <Loader aria-label={t('common.loading')} />;
  if (org.isError) {
    return (
      <Stack>
        <ErrorAlert error={org.error} />
        {back}
      </Stack>
    );
  }
  const parent = org.data.ancestors.at(-1)?.name;
  const actions = (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" size="sm" data-testid="duty-export">
            {t('duty.export.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item component="a" href={dutyApi.exportUrl('xlsx', id, range.from, range.to)} download>
            {t('duty.export.xlsx')}
          </Menu.Item>
          <Menu.Item component="a" href={dutyApi.exportUrl('ics', id, range.from, range.to)} download>
            {t('duty.export.ics')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {canWrite && (
        <Button variant="default" size="sm" onClick={() => setImporting(true)} data-testid="duty-import">
          {t('duty.import.button')}
        </Button>
      )}
    </>
  );
  const rotations = upcoming.data?.rotations ?? [];
  return (
    <Stack gap="md" data-testid="duty-org-page" style={{ minWidth: 0 }}>
      {back}
      <PageHeader title={t('duty.org.title', { name: org.data.name })} description={parent} actions={actions} />
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'calendar' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map((x) => (
            <Tabs.Tab key={x} value={x} data-testid={`duty-tab-${x}`}>
              {t(`duty.org.tabs.${x}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="calendar">
          <DutyCalendar orgId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="rotations">
          {upcoming.isPending ? (
            <Loader aria-label={t('common.loading')} />
          ) : upcoming.isError ? (
            <ErrorAlert error={upcoming.error} />
          ) : (
            <RotationsPanel orgId={id} rotations={rotations} people={people.data?.items ?? []} canWrite={canWrite} onChanged={changed} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="overrides">
          {upcoming.isPending ? (
            <Loader aria-label={t('common.loading')} />
          ) : upcoming.isError ? (
            <ErrorAlert error={upcoming.error} />
          ) : (
            <OverridesPanel
              orgId={id}
              overrides={upcoming.data.overrides}
              people={people.data?.items ?? []}
              rotations={rotations}
              canWrite={canWrite}
              onChanged={changed}
            />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="coverage">
          <CoveragePanel orgId={id} />
        </Tabs.Panel>
      </Tabs>
      {importing && <ImportDialog orgId={id} onClose={() => setImporting(false)} onImported={changed} />}
    </Stack>
  );
}
