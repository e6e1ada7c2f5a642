import type { Notification } from '@khien/contracts';
import { Anchor, Badge, Button, Group, Loader, Paper, Stack, Switch, Text } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Empty } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { formatDateTime } from '../../lib/format-date';
import { isInternalLink, notificationKeys, notificationsApi } from './notifications-api';

const LIMIT = 30;

function NotificationItem({ n, onRead, reading }: { n: Notification; onRead: () => void; reading: boolean }) {
  const { t } = useTranslation();
  const unread = n.readAt === null;
  // an alert's notification quotes the alert as its sender wrote it (often English): shown as written
  const quotesSender = n.kind.startsWith('alert.');
  const title = (
    <Text size="sm" fw={unread ? 700 : 500} id={`notification-title-${n.id}`} translate={quotesSender ? 'no' : undefined}>
      {n.title}
    </Text>
  );
  return (
    <Paper
      withBorder
      p="sm"
      data-testid={`notification-${n.id}`}
      data-unread={unread}
      style={{ borderLeft: unread ? '4px solid var(--mantine-color-blue-6)' : undefined, background: unread ? 'var(--mantine-color-blue-0)' : undefined }}
    >
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          {n.link ? (
            isInternalLink(n.link) ? (
              <Anchor component={Link} to={n.link} onClick={() => unread && onRead()} underline="hover" c="inherit">
                {title}
              </Anchor>
            ) : (
              <Anchor href={n.link} target="_blank" rel="noopener noreferrer" onClick={() => unread && onRead()} c="inherit">
                {title}
              </Anchor>
            )
          ) : (
            title
          )}
          {unread && (
            <Badge size="xs" color="blue" style={{ flexShrink: 0 }}>
              {t('notifications.new')}
            </Badge>
          )}
        </Group>
        {n.body && (
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }} translate={quotesSender ? 'no' : undefined}>
            {n.body}
          </Text>
        )}
        <Group justify="space-between" gap="xs">
          <Text size="xs" c="dimmed">
            {formatDateTime(n.createdAt)}
          </Text>
          {unread && (
            <Button size="compact-xs" variant="subtle" onClick={onRead} loading={reading} aria-labelledby={`read-${n.id} notification-title-${n.id}`}>
              <span id={`read-${n.id}`}>{t('notifications.markRead')}</span>
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

/** /notifications: what happened for me, newest first, with links to act on it. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState({ key: '', offset: 0 });
  const key = String(unreadOnly);
  const offset = page.key === key ? page.offset : 0;
  const query = { unreadOnly: unreadOnly || undefined, limit: LIMIT, offset };
  const list = useQuery({
    queryKey: notificationKeys.list(query),
    queryFn: ({ signal }) => notificationsApi.list(query, signal),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  const markRead = useMutation({ mutationFn: (id: string) => notificationsApi.markRead(id), onSuccess: refresh });
  const markAll = useMutation({ mutationFn: () => notificationsApi.markAllRead(), onSuccess: refresh });
  const unread = list.data?.unread ?? 0;

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        description={list.data ? t('notifications.unreadCount', { n: unread }) : undefined}
        actions={
          <Button variant="light" onClick={() => markAll.mutate()} loading={markAll.isPending} disabled={unread === 0} data-testid="notifications-read-all">
            {t('notifications.markAllRead')}
          </Button>
        }
      />
      <Switch label={t('notifications.unreadOnly')} checked={unreadOnly} onChange={(e) => setUnreadOnly(e.currentTarget.checked)} mb="md" />
      <ErrorAlert error={markRead.error ?? markAll.error} />
      {list.isPending ? (
        <Loader aria-label={t('common.loading')} />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Empty title={unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')} />
      ) : (
        <Stack gap="xs" maw={760} data-testid="notifications-list">
          {list.data.items.map((n) => (
            <NotificationItem key={n.id} n={n} onRead={() => markRead.mutate(n.id)} reading={markRead.isPending && markRead.variables === n.id} />
          ))}
          <Pager total={list.data.total} limit={LIMIT} offset={offset} onOffsetChange={(o) => setPage({ key, offset: o })} />
        </Stack>
      )}
    </>
  );
}
