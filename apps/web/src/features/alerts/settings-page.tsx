import { Stack, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { useMe } from '../../lib/auth-context';
import { OrgPicker, type PickedOrg } from '../orgs';
import { alertsApi } from './alerts-api';
import { ChannelsPanel } from './channels-panel';
import { PolicyPanel } from './policy-panel';
import { RulesPanel } from './rules-panel';

const TABS = ['rules', 'policy', 'channels'] as const;
type Tab = (typeof TABS)[number];

/**
 * /alerts/settings: the routing rules, escalation policy and outbound channels of one org — the
 * province's by default (its coordinator's home org); a commune may keep its own rules and chain.
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'rules';
  const home = useQuery({
    // the org page's own key: one request and one cache entry for the same org
    queryKey: ['orgs', 'detail', me.homeOrgId],
    queryFn: ({ signal }) => alertsApi.orgName(me.homeOrgId!, signal),
    enabled: me.homeOrgId !== null,
    staleTime: 300_000,
  });
  const [picked, setPicked] = useState<PickedOrg | null>(null);
  const homeOrg: PickedOrg | null = home.data ? { id: home.data.id, name: home.data.name } : null;
  const org = picked ?? homeOrg;
  return (
    <Stack gap={0} data-testid="alert-settings-page">
      <PageHeader title={t('alerts.settings.title')} description={t('alerts.settings.description')} />
      <div style={{ maxWidth: 420, marginBottom: 'var(--mantine-spacing-md)' }}>
        <OrgPicker label={t('alerts.settings.org')} value={org} onChange={setPicked} clearable={false} testId="settings-org" />
      </div>
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'rules' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map((x) => (
            <Tabs.Tab key={x} value={x} data-testid={`settings-tab-${x}`}>
              {t(`alerts.settings.tabs.${x}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {!org ? (
          <Text size="sm" c="dimmed">
            {t('alerts.settings.pickOrg')}
          </Text>
        ) : (
          <>
            <Tabs.Panel value="rules">
              <RulesPanel key={org.id} orgId={org.id} />
            </Tabs.Panel>
            <Tabs.Panel value="policy">
              <PolicyPanel orgId={org.id} />
            </Tabs.Panel>
            <Tabs.Panel value="channels">
              <ChannelsPanel homeOrg={org} />
            </Tabs.Panel>
          </>
        )}
      </Tabs>
    </Stack>
  );
}
