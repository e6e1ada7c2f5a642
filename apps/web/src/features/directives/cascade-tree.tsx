import type { CascadeNode, Relay } from '@khien/contracts';
import { Anchor, Badge, Box, Button, Group, Loader, Stack, Text, UnstyledButton } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Empty } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { ChevronIcon } from '../../components/icons';
import { formatDate } from '../../lib/format-date';
import { cascadeSummary, mergePages, nextOffset, relayFigures, relayState, type RelayState } from './cascade-model';
import { directiveKeys, directivesApi } from './directives-api';
import { AssignmentStatusBadge } from './status-badges';

/**
 * The cascade as a tree: a directive's recipients, each with the relays it issued; a relay opened
 * fetches its own cascade (one request a level), so the tree goes as deep as the chain does.
 */

const STATE_COLOR: Record<Exclude<RelayState, 'none'>, string> = { relayed: 'teal', overdue: 'red', owed: 'orange', notRelayed: 'gray' };
/** A phone is 375 px: past a few levels the rows stop moving right. */
const MAX_INDENT = 3;

const LIMIT = 50;

function useCascade(directiveId: string, notRelayed: boolean) {
  return useInfiniteQuery({
    queryKey: directiveKeys.cascade(directiveId, notRelayed),
    queryFn: ({ pageParam, signal }) => directivesApi.cascade(directiveId, { limit: LIMIT, offset: pageParam, notRelayed }, signal),
    initialPageParam: 0,
    getNextPageParam: (_last, pages) => nextOffset(pages),
  });
}

interface CascadeListProps {
  directiveId: string;
  /** 0: the directive's own recipients; each relay opened adds one */
  depth: number;
  notRelayed?: boolean;
  /** the summary line over every level (the top of the tree only) */
  withSummary?: boolean;
}

/** One level of the chain: a directive's recipients, 50 at a time, each with what it relayed. */
export function CascadeList({ directiveId, depth, notRelayed = false, withSummary = false }: CascadeListProps) {
  const { t } = useTranslation();
  const cascade = useCascade(directiveId, notRelayed);
  if (cascade.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (cascade.isError) return <ErrorAlert error={cascade.error} />;
  const first = cascade.data.pages[0]!;
  const items = mergePages(cascade.data.pages);
  const left = first.total - items.length;
  return (
    <Stack gap="xs" data-testid={`cascade-level-${depth}`}>
      {withSummary && (
        <Stack gap={2}>
          <Text fw={600} data-testid="cascade-summary">
            {cascadeSummary(first.summary)
              .map((p) => t(p.key, p.values))
              .join(' · ')}
          </Text>
          {first.relayWithinDays !== null && (
            <Text size="sm" c="dimmed">
              {t('directives.cascade.withinDays', { n: first.relayWithinDays })}
            </Text>
          )}
        </Stack>
      )}
      {items.length === 0 ? (
        <Empty title={notRelayed ? t('directives.cascade.emptyNotRelayed') : t('directives.cascade.empty')} />
      ) : (
        items.map((node) => <CascadeNodeRow key={node.assignmentId} node={node} depth={depth} />)
      )}
      {cascade.hasNextPage && (
        <Button
          variant="default"
          size="xs"
          onClick={() => void cascade.fetchNextPage()}
          loading={cascade.isFetchingNextPage}
          data-testid="cascade-more"
          style={{ alignSelf: 'flex-start' }}
        >
          {t('directives.cascade.more', { n: left })}
        </Button>
      )}
    </Stack>
  );
}

/** A relay of a recipient; opened, it fetches its own cascade: the next level of the tree. */
function RelayRow({ relay, orgName, depth }: { relay: Relay; orgName: string; depth: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const name = relay.number ? t('directives.doc.number', { number: relay.number }) : t('directives.cascade.relay.unnumbered');
  return (
    <Box data-testid="cascade-relay" data-directive-id={relay.directiveId}>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <UnstyledButton
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
          aria-label={open ? t('directives.cascade.relay.hide', { name: orgName }) : t('directives.cascade.relay.show', { name: orgName })}
          data-testid="cascade-relay-toggle"
          style={{ display: 'inline-flex', paddingTop: 2, flexShrink: 0 }}
        >
          <ChevronIcon open={open} size={16} />
        </UnstyledButton>
        <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
          <Group gap={6} wrap="wrap">
            <Anchor component={Link} to={`/directives/${relay.directiveId}`} size="sm" fw={600}>
              {name}
            </Anchor>
            {relay.issuedAt && (
              <Text span size="xs" c="dimmed">
                {t('directives.relay.issuedAt', { date: formatDate(relay.issuedAt) })}
              </Text>
            )}
          </Group>
          <Text size="xs" data-testid="cascade-relay-figures">
            {relayFigures(relay.counts, relay.deep)
              .map((p) => t(p.key, p.values))
              .join(' · ')}
          </Text>
        </Stack>
      </Group>
      {open && (
        <Box mt={6} pl={depth < MAX_INDENT ? 'sm' : 0} style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }}>
          <Box pl={6}>
            <CascadeList directiveId={relay.directiveId} depth={depth + 1} />
          </Box>
        </Box>
      )}
    </Box>
  );
}

/** One recipient in the tree: its status and progress, whether it relayed, and its relays. */
function CascadeNodeRow({ node, depth }: { node: CascadeNode; depth: number }) {
  const { t } = useTranslation();
  const state = relayState(node);
  return (
    <Box
      p="xs"
      style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6 }}
      data-testid="cascade-node"
      data-org-id={node.orgId}
      data-relay-state={state}
    >
      <Stack gap={4}>
        <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
          <Anchor component={Link} to={`/assignments/${node.assignmentId}`} size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
            {node.orgName}
          </Anchor>
          <AssignmentStatusBadge status={node.status} />
        </Group>
        <Group gap={6} wrap="wrap">
          {state !== 'none' && (
            <Badge color={STATE_COLOR[state]} variant={state === 'overdue' ? 'filled' : 'light'} size="sm" data-testid="cascade-relay-state">
              {state === 'owed' ? t('directives.cascade.state.owed', { date: formatDate(node.relayDueAt) }) : t(`directives.cascade.state.${state}`)}
            </Badge>
          )}
          <Text span size="xs" c="dimmed">
            {t('directives.rollup.tasksDoneOf', { done: node.tasksDone, total: node.tasksTotal })}
          </Text>
          {node.dueAt && (
            <Text span size="xs" c={node.overdue ? 'red.7' : 'dimmed'} fw={node.overdue ? 600 : undefined}>
              {t('assignments.due', { date: formatDate(node.dueAt) })}
              {node.overdue ? ` · ${t('assignments.overdue')}` : ''}
            </Text>
          )}
        </Group>
        {node.relays.map((r) => (
          <RelayRow key={r.directiveId} relay={r} orgName={node.orgName} depth={depth} />
        ))}
      </Stack>
    </Box>
  );
}
