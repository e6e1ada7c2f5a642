import { Loader, Text, Timeline } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Empty } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { formatDateTime } from '../../lib/format-date';
import { orgKeys, orgsApi, type OrgHistoryEntry } from './orgs-api';

function useDescribe() {
  const { t } = useTranslation();
  return (e: OrgHistoryEntry): string => {
    switch (e.change) {
      case 'created':
        return t('orgs.history.created', { name: e.newName ?? '' });
      case 'renamed':
        return t('orgs.history.renamed', { from: e.oldName ?? '', to: e.newName ?? '' });
      case 'moved':
        return t('orgs.history.moved', {
          from: e.oldParentName ?? t('orgs.history.noParent'),
          to: e.newParentName ?? t('orgs.history.noParent'),
        });
      default:
        return t('orgs.history.updated');
    }
  };
}

export function OrgHistory({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const describe = useDescribe();
  const history = useQuery({ queryKey: orgKeys.history(orgId), queryFn: () => orgsApi.history(orgId) });
  if (history.isPending) return <Loader aria-label={t('common.loading')} />;
  if (history.isError) return <ErrorAlert error={history.error} />;
  if (history.data.items.length === 0) return <Empty title={t('orgs.history.empty')} />;
  return (
    <Timeline bulletSize={14} lineWidth={2} data-testid="org-history">
      {history.data.items.map((e) => (
        <Timeline.Item key={e.id} title={describe(e)}>
          <Text size="xs" c="dimmed">
            {formatDateTime(e.at)}
            {e.actor ? ` · ${e.actor}` : ''}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
