import type { TodoPage as TodoPageData, WorkSummary } from '@khien/contracts';
import { Anchor, Badge, Button, Card, Chip, CloseButton, Group, Loader, Paper, Progress, Stack, Switch, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Empty } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { useNow } from '../../lib/use-now';
import { DueText, KindBadge, WorkStatusBadge } from './work-badges';
import { todoQuery, workApi, workKeys } from './work-api';
import { useWorkLabels } from './work-labels';
import { TODO_STATES, filtersFromParams, joinPages, kindChips, orgLine, paramsFromFilters, type TodoFilters, type TodoState } from './work-model';
import { ClampedText } from '../../components/clamped-text';

const LIMIT = 30;

function Checks({ item }: { item: WorkSummary }) {
  const { t } = useTranslation();
  if (item.checksTotal === 0) return null;
  return (
    <Stack gap={2} miw={90} style={{ flexShrink: 0 }}>
      <Text size="xs" c="dimmed" ta="right" data-testid="work-progress">
        {t('work.todo.checksDone', { done: item.checksDone, total: item.checksTotal })}
      </Text>
      <Progress value={(100 * item.checksDone) / item.checksTotal} size="sm" color={item.checksDone === item.checksTotal ? 'teal' : 'blue'} aria-hidden />
    </Stack>
  );
}

function Label({ item }: { item: WorkSummary }) {
  // two lines on a phone; the whole label on hover or tap, and on the item's page
  return <ClampedText size="sm" fw={600} text={item.label} focusable={false} />;
}

function TodoCard({ item, now }: { item: WorkSummary; now: number }) {
  const { t } = useTranslation();
  return (
    <Card
      component={Link}
      to={`/work/${item.id}`}
      withBorder
      padding="sm"
      radius="md"
      data-testid={`work-card-${item.id}`}
      data-kind={item.kind}
      style={{ borderColor: item.overdue ? 'var(--mantine-color-red-5)' : undefined, minWidth: 0 }}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <KindBadge kind={item.kind} />
          <WorkStatusBadge status={item.status} />
        </Group>
        <Label item={item} />
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {orgLine(item)}
          {item.assigneeName ? ` · ${t('work.todo.assignee', { name: item.assigneeName })}` : ''}
        </Text>
        <Group justify="space-between" align="flex-end" wrap="nowrap" gap="xs">
          <DueText dueAt={item.dueAt} status={item.status} overdue={item.overdue} now={now} />
          <Checks item={item} />
        </Group>
      </Stack>
    </Card>
  );
}

function TodoTable({ items, now }: { items: WorkSummary[]; now: number }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xs">
      <Table highlightOnHover verticalSpacing={6} fz="sm" data-testid="work-table" aria-label={t('work.todo.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('work.fields.item')}</Table.Th>
            <Table.Th>{t('work.fields.org')}</Table.Th>
            <Table.Th>{t('work.fields.due')}</Table.Th>
            <Table.Th>{t('work.fields.status')}</Table.Th>
            <Table.Th>{t('work.fields.progress')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id} data-testid={`work-row-${item.id}`} data-kind={item.kind} bg={item.overdue ? 'red.0' : undefined}>
              <Table.Td maw={440}>
                <Stack gap={4}>
                  <KindBadge kind={item.kind} size="xs" />
                  <Anchor component={Link} to={`/work/${item.id}`} underline="hover" c="inherit">
                    <Label item={item} />
                  </Anchor>
                </Stack>
              </Table.Td>
              <Table.Td maw={260}>
                <Text size="sm">{item.orgName}</Text>
                {(item.orgParentName || item.assigneeName) && (
                  <Text size="xs" c="dimmed">
                    {[item.orgParentName, item.assigneeName && t('work.todo.assignee', { name: item.assigneeName })].filter(Boolean).join(' · ')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <DueText dueAt={item.dueAt} status={item.status} overdue={item.overdue} now={now} />
              </Table.Td>
              <Table.Td>
                <WorkStatusBadge status={item.status} />
              </Table.Td>
              <Table.Td>
                <Checks item={item} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function stateCount(state: TodoState, counts: TodoPageData['counts'] | undefined): number | null {
  if (!counts) return null;
  if (state === 'open' || state === 'overdue' || state === 'submitted') return counts[state];
  return null;
}

function Filters({ filters, data, onChange }: { filters: TodoFilters; data: TodoPageData | undefined; onChange: (f: TodoFilters) => void }) {
  const { t } = useTranslation();
  const labels = useWorkLabels();
  const chips = kindChips(data?.kinds ?? [], filters.kind);
  const orgName = filters.orgId ? data?.items.find((i) => i.orgId === filters.orgId)?.orgName : undefined;
  return (
    <Stack gap="xs" mb="md">
      <Chip.Group multiple={false} value={filters.state} onChange={(v) => onChange({ ...filters, state: v as TodoState })}>
        <Group gap={6} role="group" aria-label={t('work.todo.stateFilter')} data-testid="state-chips">
          {TODO_STATES.map((s) => {
            const n = stateCount(s, data?.counts);
            return (
              <Chip key={s} value={s} size="sm" color={s === 'overdue' ? 'red' : undefined} data-testid={`state-${s}`}>
                {t(`work.todo.states.${s}`)}
                {n !== null ? ` (${n})` : ''}
              </Chip>
            );
          })}
        </Group>
      </Chip.Group>
      {chips.length > 0 && (
        <Chip.Group multiple={false} value={filters.kind ?? ''} onChange={(v) => onChange({ ...filters, kind: v === '' ? null : (v as string) })}>
          <Group gap={6} role="group" aria-label={t('work.todo.kindFilter')} data-testid="kind-chips">
            <Chip value="" size="sm" variant="outline">
              {t('work.todo.allKinds')}
            </Chip>
            {chips.map((k) => (
              <Chip key={k.kind} value={k.kind} size="sm" variant="outline" data-testid={`kind-${k.kind}`}>
                {labels.kind(k.kind)} ({k.open})
                {k.overdue > 0 && (
                  <Badge component="span" color="red" size="xs" ml={4} variant="filled" title={t('work.todo.overdueCount', { n: k.overdue })}>
                    {k.overdue}
                  </Badge>
                )}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      )}
      <Group gap="md">
        <Switch
          label={t('work.todo.mine')}
          checked={filters.mine}
          onChange={(e) => onChange({ ...filters, mine: e.currentTarget.checked })}
          data-testid="mine-switch"
        />
        {filters.orgId && (
          <Badge
            variant="light"
            size="lg"
            tt="none"
            rightSection={<CloseButton size="xs" aria-label={t('work.todo.clearOrg')} onClick={() => onChange({ ...filters, orgId: null })} />}
            data-testid="org-filter"
          >
            {orgName ? t('work.todo.orgFilter', { name: orgName }) : t('work.todo.orgFilterUnnamed')}
          </Badge>
        )}
      </Group>
    </Stack>
  );
}

/** /work: what the orgs I act for owe, overdue first; cards on a phone, a table from 768 px. */
export function TodoPage() {
  const { t } = useTranslation();
  const now = useNow();
  const wide = useMediaQuery('(min-width: 48em)') ?? false;
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const list = useInfiniteQuery({
    queryKey: workKeys.todo(filters),
    queryFn: ({ pageParam, signal }) => workApi.todo(todoQuery(filters, LIMIT, pageParam), signal),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.items.length, 0);
      return last.items.length > 0 && loaded < last.total ? loaded : undefined;
    },
    placeholderData: keepPreviousData,
  });
  const first = list.data?.pages[0];
  const items = list.data ? joinPages(list.data.pages.map((p) => p.items)) : [];
  const total = list.data?.pages.at(-1)?.total ?? 0;
  const description = first ? t('work.todo.summary', first.counts) : t('work.todo.description');

  return (
    <>
      <PageHeader title={t('work.todo.title')} description={description} />
      <Filters filters={filters} data={first} onChange={(f) => setParams(paramsFromFilters(f), { replace: true })} />
      {list.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : !list.data ? (
        <ErrorAlert error={list.error} />
      ) : items.length === 0 ? (
        <Empty
          title={t(filters.state === 'open' || filters.state === 'overdue' ? 'work.todo.emptyOpen' : 'work.todo.empty')}
          description={filters.kind || filters.mine || filters.orgId ? t('work.todo.emptyHint') : undefined}
        />
      ) : (
        <Stack gap="sm" data-testid="work-list" aria-busy={list.isFetching}>
          {wide ? (
            <TodoTable items={items} now={now} />
          ) : (
            <Stack gap="sm" data-testid="work-cards">
              {items.map((item) => (
                <TodoCard key={item.id} item={item} now={now} />
              ))}
            </Stack>
          )}
          <Group justify="space-between" gap="xs">
            <Text size="sm" c="dimmed">
              {t('work.todo.shown', { shown: items.length, total })}
            </Text>
            {list.hasNextPage && (
              <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="load-more">
                {t('work.todo.loadMore')}
              </Button>
            )}
          </Group>
          {/* a failed "load more" or refresh keeps what is shown */}
          {list.isError && <ErrorAlert error={list.error} />}
        </Stack>
      )}
    </>
  );
}
