import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, NotificationPageSchema, NotificationSchema, OkSchema, PageQuerySchema } from '@khien/contracts';
import type { Db } from '../../platform/db/client.js';
import type { NotificationTemplates } from './notification-templates.js';
import { listNotifications, markAllRead, markRead } from './notifications.service.js';

const ListNotificationsQuerySchema = PageQuerySchema.extend({
  unreadOnly: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
}).strict();

/**
 * The caller's own notifications: no permission to name, since every query is
 * limited to rows addressed to the caller; people only, never API tokens.
 */
export function registerNotifications(app: FastifyInstance, deps: { db: Db; templates: NotificationTemplates }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  r.get(
    '/api/v1/notifications',
    { config: { sessionOnly: true }, schema: { tags, querystring: ListNotificationsQuerySchema, response: { 200: NotificationPageSchema } } },
    async (req) => listNotifications(deps, req.actor!.userId, req.query),
  );
  r.post('/api/v1/notifications/read-all', { config: { sessionOnly: true }, schema: { tags, response: { 200: OkSchema } } }, async (req) => {
    await markAllRead(deps.db, req.actor!.userId);
    return { ok: true as const };
  });
  r.post(
    '/api/v1/notifications/:id/read',
    { config: { sessionOnly: true }, schema: { tags, params: IdParamsSchema, response: { 200: NotificationSchema } } },
    async (req) => markRead(deps, req.actor!.userId, req.params.id),
  );
}
