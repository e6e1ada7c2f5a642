import type { Notification } from '@khien/contracts';
import { api } from '../../lib/api-client';
import type { Ok, Page } from '../../lib/contract-types';

export interface NotificationPage extends Page<Notification> {
  unread: number;
}

export interface NotificationQuery {
  unreadOnly?: boolean;
  limit?: number;
  offset?: number;
}

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: () => ['notifications', 'unread'] as const,
  list: (query: NotificationQuery) => ['notifications', 'list', query] as const,
};

export const notificationsApi = {
  list: (query: NotificationQuery, signal?: AbortSignal) => api.get<NotificationPage>('/notifications', { ...query }, signal),
  markRead: (id: string) => api.post<Notification>(`/notifications/${id}/read`),
  markAllRead: () => api.post<Ok>('/notifications/read-all'),
};

/** Links inside the app start with one "/"; anything else opens as an ordinary link. */
export function isInternalLink(link: string): boolean {
  return link.startsWith('/') && !link.startsWith('//');
}
