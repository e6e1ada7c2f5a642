import { Anchor, Group, Loader, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Empty } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { Pager } from '../../components/pager';
import { KindBadge } from './kind-badge';
import { orgKeys, orgsApi } from './orgs-api';

const LIMIT = 50;

export function OrgChildren({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const query = { parentId: orgId, limit: LIMIT, offset };
  const children = useQuery({
    queryKey: orgKeys.list(query),
    queryFn: ({ signal }) => orgsApi.list(query, signal),
    placeholderData: keepPreviousData,
  });
  if (children.isPending) return <Loader aria-label={t('common.loading')} />;
  if (children.isError) return <ErrorAlert error={children.error} />;
  if (children.data.items.length === 0) return <Empty title={t('orgs.children.empty')} />;
  return (
    <Stack gap={0} data-testid="org-children">
      {children.data.items.map((org) => (
        <Group key={org.id} gap={6} py={6} wrap="wrap" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }} data-testid={`org-child-${org.id}`}>
          <Anchor component={Link} to={`/orgs/${org.id}`} size="sm">
            {org.name}
          </Anchor>
          <KindBadge kind={org.kind} />
          {org.childCount > 0 && (
            <Text size="xs" c="dimmed">
              {t('orgs.tree.childCount', { n: org.childCount })}
            </Text>
          )}
        </Group>
      ))}
      <Pager total={children.data.total} limit={LIMIT} offset={offset} onOffsetChange={setOffset} />
    </Stack>
  );
}
