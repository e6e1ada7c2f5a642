import { Anchor, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useAuth } from '../../lib/auth-context';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Empty } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { formatDateTime } from '../../lib/format-date';
import { AssetList } from './asset-list';
import { DossierBadge, LevelBadge } from './badges';
import { ChecklistPanel } from './checklist-panel';
import { ClassifyWizard } from './classify-wizard';
import { ClassificationHistory } from './classification-history';
import { DossierPanel } from './dossier-panel';
import { inventoryApi, useAssets, useRefreshInventory, useSystem } from './inventory-api';
import { useInventoryLabels } from './inventory-labels';
import { SystemDetails } from './system-details';
import { SystemEditDialog } from './system-edit-dialog';

const TABS = ['checklist', 'dossier', 'details', 'assets', 'history'] as const;
type Tab = (typeof TABS)[number];

function LinkedAssets({ systemId }: { systemId: string }) {
  const { t } = useTranslation();
  const assets = useAssets({ systemId, limit: 200 });
  if (assets.isPending) return <Loader aria-label={t('common.loading')} />;
  if (assets.isError) return <ErrorAlert error={assets.error} />;
  if (assets.data.items.length === 0) return <Empty title={t('inventory.systemPage.noAssets')} description={t('inventory.systemPage.noAssetsHint')} />;
  return <AssetList items={assets.data.items} />;
}

/** /systems/:id: the system, its level (and the pack that set it), dossier, checklist and assets. */
export function SystemPage() {
  const { t } = useTranslation();
  const labels = useInventoryLabels();
  const { id = '' } = useParams();
  const { can } = useAuth();
  const navigate = useNavigate();
  const refresh = useRefreshInventory();
  const [params, setParams] = useSearchParams();
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null);
  const system = useSystem(id);
  const remove = useMutation({
    mutationFn: (version: number) => inventoryApi.removeSystem(id, version),
    onSuccess: async () => {
      await refresh();
      void navigate('/systems', { replace: true });
    },
  });

  const canWrite = can('inventory:write');
  const wizardOpen = params.get('classify') === '1' && canWrite;
  const tabParam = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(tabParam ?? '') ? (tabParam as Tab) : 'checklist';
  const setParam = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === null) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );

  const back = (
    <Anchor component={Link} to="/systems" size="sm">
      ‹ {t('inventory.nav.systems')}
    </Anchor>
  );
  if (system.isPending) return <Loader aria-label={t('common.loading')} />;
  if (system.isError) {
    return (
      <Stack>
        <ErrorAlert error={system.error} />
        {back}
      </Stack>
    );
  }
  const s = system.data;
  return (
    <Stack gap="md" data-testid="system-page" data-system-id={s.id}>
      {back}
      <PageHeader
        title={s.name}
        description={`${s.orgName} · ${labels.category(s.category)}`}
        actions={
          canWrite && (
            <>
              <Button size="sm" variant="default" onClick={() => setDialog('edit')}>
                {t('common.edit')}
              </Button>
              <Button
                size="sm"
                variant="light"
                color="red"
                onClick={() => {
                  remove.reset();
                  setDialog('delete');
                }}
              >
                {t('common.delete')}
              </Button>
            </>
          )
        }
      />
      <Paper withBorder p="sm" radius="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Stack gap={4}>
            <Text size="xs" c="dimmed">
              {t('inventory.fields.level')}
            </Text>
            <Group gap="xs" data-testid="system-level" data-level={s.level ?? ''}>
              <LevelBadge level={s.level} size="lg" />
              {s.level !== null && s.proposedLevel !== null && s.level > s.proposedLevel && (
                <Text size="xs" c="dimmed">
                  {t('inventory.systemPage.raisedFrom', { n: s.proposedLevel })}
                </Text>
              )}
            </Group>
            {s.packId ? (
              <Text size="xs" c="dimmed" data-testid="system-pack">
                {t('inventory.systemPage.classifiedWith', {
                  pack: labels.pack({ title: s.packTitle, version: s.packVersion }, s.packId),
                  when: formatDateTime(s.classifiedAt),
                })}
              </Text>
            ) : (
              <Text size="xs" c="dimmed">
                {t('inventory.systemPage.notClassified')}
              </Text>
            )}
          </Stack>
          <Stack gap={4}>
            <Text size="xs" c="dimmed">
              {t('inventory.fields.dossier')}
            </Text>
            <DossierBadge status={s.dossier.status} size="lg" />
          </Stack>
          <Stack gap={4} align="flex-start">
            {canWrite && (
              <Button onClick={() => setParam('classify', '1')} data-testid="classify-open">
                {s.level === null ? t('inventory.wizard.open') : t('inventory.wizard.reopen')}
              </Button>
            )}
            <Badge variant="outline" color="gray">
              {t('inventory.systemPage.assetCount', { n: s.assetCount })}
            </Badge>
          </Stack>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p={{ base: 'xs', sm: 'md' }}>
        <Tabs value={tab} onChange={(v) => setParam('tab', v)} keepMounted={false}>
          <Tabs.List style={{ flexWrap: 'wrap' }}>
            <Tabs.Tab value="checklist">{t('inventory.systemPage.tabs.checklist', { met: s.checklist.met, total: s.checklist.total })}</Tabs.Tab>
            <Tabs.Tab value="dossier">{t('inventory.systemPage.tabs.dossier')}</Tabs.Tab>
            <Tabs.Tab value="details">{t('inventory.systemPage.tabs.details')}</Tabs.Tab>
            <Tabs.Tab value="assets">{t('inventory.systemPage.tabs.assets', { n: s.assetCount })}</Tabs.Tab>
            <Tabs.Tab value="history">{t('inventory.systemPage.tabs.history')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="checklist" pt="md">
            <ChecklistPanel
              systemId={s.id}
              hasLevel={s.level !== null}
              canWrite={canWrite}
              frozen={s.dossier.status === 'submitted' || s.dossier.status === 'appraised' || s.dossier.status === 'approved'}
            />
          </Tabs.Panel>
          <Tabs.Panel value="dossier" pt="md">
            <DossierPanel system={s} canWrite={canWrite} />
          </Tabs.Panel>
          <Tabs.Panel value="details" pt="md">
            <SystemDetails system={s} />
          </Tabs.Panel>
          <Tabs.Panel value="assets" pt="md">
            <LinkedAssets systemId={s.id} />
          </Tabs.Panel>
          <Tabs.Panel value="history" pt="md">
            <ClassificationHistory systemId={s.id} />
          </Tabs.Panel>
        </Tabs>
      </Paper>
      <Text size="xs" c="dimmed">
        {t('inventory.timestamps', { created: formatDateTime(s.createdAt), updated: formatDateTime(s.updatedAt) })}
      </Text>
      <ClassifyWizard
        system={s}
        opened={wizardOpen}
        onClose={() => setParam('classify', null)}
        onSaved={() =>
          setParams(
            (prev) => {
              const next = new URLSearchParams(prev);
              next.delete('classify');
              next.set('tab', 'checklist');
              return next;
            },
            { replace: true },
          )
        }
      />
      <SystemEditDialog system={s} opened={dialog === 'edit'} onClose={() => setDialog(null)} />
      <ConfirmDialog
        opened={dialog === 'delete'}
        title={t('inventory.systemPage.deleteTitle')}
        message={t('inventory.systemPage.deleteConfirm', { name: s.name })}
        confirmLabel={t('common.delete')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate(s.version)}
        onClose={() => setDialog(null)}
      />
    </Stack>
  );
}
