import { ActionIcon, Indicator, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Svg } from '../../components/icons';
import { notificationKeys, notificationsApi } from './notifications-api';

export const UNREAD_POLL_MS = 60_000;

function BellIcon() {
  return (
    <Svg size={20}>
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </Svg>
  );
}

/** The header's inbox bell: unread count, refreshed every minute, opening /notifications. */
export function NotificationBell() {
  const { t } = useTranslation();
  const unread = useQuery({
    queryKey: notificationKeys.unread(),
    queryFn: ({ signal }) => notificationsApi.list({ unreadOnly: true, limit: 1 }, signal),
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: true,
    select: (page) => page.unread,
  });
  const n = unread.data ?? 0;
  const label = n > 0 ? t('notifications.bellUnread', { n }) : t('notifications.bell');
  return (
    <Tooltip label={label} withArrow>
      <Indicator label={n > 99 ? '99+' : n} size={18} color="red" disabled={n === 0} offset={4} data-testid="notification-count" data-count={n}>
        <ActionIcon component={Link} to="/notifications" variant="subtle" color="gray" size="lg" aria-label={label} data-testid="notification-bell">
          <BellIcon />
        </ActionIcon>
      </Indicator>
    </Tooltip>
  );
}
