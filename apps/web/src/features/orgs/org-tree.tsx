import type { Org } from '@khien/contracts';
import { ActionIcon, Anchor, Box, Button, Group, Loader, Text } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Empty } from '../../components/empty-state';
import { ChevronIcon } from '../../components/icons';
import { ErrorAlert } from '../../components/error-alert';
import { KindBadge } from './kind-badge';
import { orgKeys, orgsApi } from './orgs-api';

const CHILD_PAGE = 100;

// Which nodes are open survives leaving the page and coming back (memory only, per tab).
const openNodes = new Set<string>();

function useOpen(id: string, initiallyOpen: boolean): [boolean, () => void] {
  const [open, setOpen] = useState(() => openNodes.has(id) || initiallyOpen);
  const toggle = () =>
    setOpen((was) => {
      if (was) openNodes.delete(id);
      else openNodes.add(id);
      return !was;
    });
  return [open, toggle];
}

function Children({ parent, level }: { parent: Org; level: number }) {
  const { t } = useTranslation();
  const children = useInfiniteQuery({
    queryKey: orgKeys.children(parent.id),
    queryFn: ({ pageParam, signal }) => orgsApi.list({ parentId: parent.id, limit: CHILD_PAGE, offset: pageParam }, signal),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.items.length, 0);
      return loaded < last.total && last.items.length > 0 ? loaded : undefined;
    },
  });

  if (children.isPending) {
    return (
      <Box pl={level * 20} py={4}>
        <Loader size="xs" aria-label={t('orgs.tree.loadingChildren', { name: parent.name })} />
      </Box>
    );
  }
  if (children.isError) {
    return (
      <Box pl={level * 20} py={4}>
        <ErrorAlert error={children.error} />
      </Box>
    );
  }
  const items = children.data.pages.flatMap((p) => p.items);
  const total = children.data.pages[0]?.total ?? items.length;
  return (
    <ul role="group" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((child) => (
        <OrgTreeNode key={child.id} org={child} level={level + 1} />
      ))}
      {children.hasNextPage && (
        <li style={{ paddingInlineStart: (level + 1) * 20 }}>
          <Button variant="subtle" size="compact-xs" loading={children.isFetchingNextPage} onClick={() => void children.fetchNextPage()}>
            {t('orgs.tree.loadMore', { shown: items.length, total })}
          </Button>
        </li>
      )}
    </ul>
  );
}

function OrgTreeNode({ org, level, initiallyOpen = false }: { org: Org; level: number; initiallyOpen?: boolean }) {
  const { t } = useTranslation();
  const [open, toggle] = useOpen(org.id, initiallyOpen);
  const hasChildren = org.childCount > 0;
  return (
    <li data-testid={`org-row-${org.id}`} data-org-name={org.name}>
      <Group gap={6} wrap="nowrap" py={4} pl={(level - 1) * 20} pr="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-1)', minHeight: 36 }}>
        {hasChildren ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            onClick={toggle}
            aria-expanded={open}
            aria-label={open ? t('orgs.tree.collapse', { name: org.name }) : t('orgs.tree.expand', { name: org.name })}
            data-testid={`org-toggle-${org.id}`}
          >
            <ChevronIcon open={open} />
          </ActionIcon>
        ) : (
          <Box w={22} style={{ flexShrink: 0 }} aria-hidden />
        )}
        <Anchor component={Link} to={`/orgs/${org.id}`} size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
          {org.name}
        </Anchor>
        <KindBadge kind={org.kind} />
        {hasChildren && (
          <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
            {t('orgs.tree.childCount', { n: org.childCount })}
          </Text>
        )}
      </Group>
      {open && hasChildren && <Children parent={org} level={level} />}
    </li>
  );
}

/** The org tree from the caller's top-most visible orgs down, each level loaded when opened. */
export function OrgTree() {
  const { t } = useTranslation();
  const roots = useQuery({ queryKey: orgKeys.roots(), queryFn: orgsApi.roots });

  if (roots.isPending) return <Loader aria-label={t('common.loading')} />;
  if (roots.isError) return <ErrorAlert error={roots.error} />;
  if (roots.data.items.length === 0) {
    return <Empty title={t('orgs.tree.empty')} description={t('orgs.tree.emptyHint')} />;
  }
  const single = roots.data.items.length === 1;
  return (
    <ul aria-label={t('orgs.tree.label')} data-testid="org-tree" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {roots.data.items.map((org) => (
        <OrgTreeNode key={org.id} org={org} level={1} initiallyOpen={single} />
      ))}
    </ul>
  );
}
