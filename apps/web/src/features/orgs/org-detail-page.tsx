import { Anchor, Badge, Breadcrumbs, Button, Group, Loader, Paper, Stack, Tabs, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useAuth } from '../../lib/auth-context';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { formatDateTime } from '../../lib/format-date';
import { ContactsPanel } from './contacts-panel';
import { ExportMenu } from './export-menu';
import { KindBadge } from './kind-badge';
import { OrgChildren } from './org-children';
import { OrgFormDialog } from './org-form-dialog';
import { OrgHistory } from './org-history';
import { OrgMoveDialog } from './org-move-dialog';
import { orgKeys, orgsApi } from './orgs-api';

type Dialog = 'edit' | 'move' | 'delete' | 'child' | null;

export function OrgDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const detail = useQuery({ queryKey: orgKeys.detail(id), queryFn: () => orgsApi.get(id) });

  const remove = useMutation({
    mutationFn: () => orgsApi.remove(id),
    onSuccess: async () => {
      const parent = detail.data?.ancestors[detail.data.ancestors.length - 1];
      setDialog(null);
      queryClient.removeQueries({ queryKey: orgKeys.detail(id) });
      await queryClient.invalidateQueries({ queryKey: orgKeys.all });
      void navigate(parent ? `/orgs/${parent.id}` : '/orgs', { replace: true });
    },
  });

  if (detail.isPending) return <Loader aria-label={t('common.loading')} />;
  if (detail.isError) {
    return (
      <Stack>
        <ErrorAlert error={detail.error} />
        <Anchor component={Link} to="/orgs">
          {t('orgs.backToTree')}
        </Anchor>
      </Stack>
    );
  }
  const org = detail.data;
  const canWrite = can('org:write');

  return (
    <div data-testid="org-detail" data-org-id={org.id}>
      <Breadcrumbs mb="xs" separator="›" style={{ flexWrap: 'wrap' }} aria-label={t('orgs.breadcrumbs')}>
        <Anchor component={Link} to="/orgs" size="sm">
          {t('nav.orgs')}
        </Anchor>
        {org.ancestors.map((a) => (
          <Anchor key={a.id} component={Link} to={`/orgs/${a.id}`} size="sm">
            {a.name}
          </Anchor>
        ))}
      </Breadcrumbs>
      <PageHeader
        title={org.name}
        description={
          <Group gap={6} component="span">
            <KindBadge kind={org.kind} />
            {org.shortName && (
              <Badge variant="outline" size="sm">
                {org.shortName}
              </Badge>
            )}
            {org.adminCode && (
              <Text span size="xs" c="dimmed">
                {t('orgs.fields.adminCodeShort', { code: org.adminCode })}
              </Text>
            )}
            {org.isDemo && (
              <Badge color="yellow" size="sm">
                {t('common.demo')}
              </Badge>
            )}
          </Group>
        }
        actions={
          <>
            {canWrite && (
              <Button size="sm" onClick={() => setDialog('child')} data-testid="org-add-child">
                {t('orgs.actions.addChild')}
              </Button>
            )}
            {canWrite && (
              <Button size="sm" variant="default" onClick={() => setDialog('edit')}>
                {t('common.edit')}
              </Button>
            )}
            {canWrite && (
              <Button size="sm" variant="default" onClick={() => setDialog('move')}>
                {t('orgs.actions.move')}
              </Button>
            )}
            {canWrite && (
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
            )}
            <ExportMenu under={org.id} />
            {can('audit:read') && (
              <Button size="sm" variant="subtle" component={Link} to={`/audit?orgId=${org.id}`}>
                {t('orgs.actions.audit')}
              </Button>
            )}
          </>
        }
      />
      <Paper withBorder p={{ base: 'xs', sm: 'md' }}>
        <Tabs defaultValue="contacts" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="contacts">{t('orgs.tabs.contacts', { n: org.contacts.length })}</Tabs.Tab>
            <Tabs.Tab value="children">{t('orgs.tabs.children', { n: org.childCount })}</Tabs.Tab>
            <Tabs.Tab value="history">{t('orgs.tabs.history')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="contacts" pt="md">
            <ContactsPanel org={org} canWrite={canWrite} />
          </Tabs.Panel>
          <Tabs.Panel value="children" pt="md">
            <OrgChildren orgId={org.id} />
          </Tabs.Panel>
          <Tabs.Panel value="history" pt="md">
            <OrgHistory orgId={org.id} />
          </Tabs.Panel>
        </Tabs>
      </Paper>
      <Text size="xs" c="dimmed" mt="xs">
        {t('orgs.timestamps', { created: formatDateTime(org.createdAt), updated: formatDateTime(org.updatedAt) })}
      </Text>
      <OrgFormDialog mode="edit" org={org} opened={dialog === 'edit'} onClose={() => setDialog(null)} onSaved={() => setDialog(null)} />
      <OrgFormDialog
        mode="create"
        parent={{ id: org.id, name: org.name }}
        opened={dialog === 'child'}
        onClose={() => setDialog(null)}
        onSaved={(created) => {
          setDialog(null);
          void navigate(`/orgs/${created.id}`);
        }}
      />
      <OrgMoveDialog org={org} opened={dialog === 'move'} onClose={() => setDialog(null)} />
      <ConfirmDialog
        opened={dialog === 'delete'}
        title={t('orgs.delete.title')}
        message={t('orgs.delete.confirm', { name: org.name })}
        confirmLabel={t('orgs.delete.submit')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate()}
        onClose={() => setDialog(null)}
      />
    </div>
  );
}
