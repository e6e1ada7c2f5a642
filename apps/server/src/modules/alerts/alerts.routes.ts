import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AlertActionBodySchema,
  AlertBoardSchema,
  AlertChannelBodySchema,
  AlertChannelSchema,
  AlertDetailSchema,
  AlertListQuerySchema,
  AlertListSchema,
  AlertPolicyBodySchema,
  AlertPolicySchema,
  CreatedAlertChannelSchema,
  IdParamsSchema,
  IdSchema,
  OkSchema,
  RoutingRuleBodySchema,
  RoutingRulePatchSchema,
  RoutingRuleSchema,
  RoutingTestBodySchema,
  RoutingTestResultSchema,
} from '@khien/contracts';
import type { Db } from '../../platform/db/client.js';
import { actOnAlert, alertBoard, getAlert, listAlerts } from './alerts.service.js';
import {
  createChannel,
  createRule,
  deleteChannel,
  deleteRule,
  getPolicy,
  listChannels,
  listRules,
  patchRule,
  putPolicy,
  testRouting,
} from './alerts-settings.service.js';
import { registerAlertStream, type AlertFeed } from './alerts-stream.js';

const read = { permission: 'alert:read' } as const;
const act = { permission: 'alert:act' } as const;
const configure = { permission: 'alert:configure' } as const;

export function registerAlerts(app: FastifyInstance, deps: { db: Db; feed: AlertFeed }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const tags = ['alerts'];
  r.get('/api/v1/alerts', { config: read, schema: { tags, querystring: AlertListQuerySchema, response: { 200: AlertListSchema } } }, async (req) =>
    listAlerts(db, req.actor!, req.query),
  );
  r.get(
    '/api/v1/alerts/board',
    { config: read, schema: { tags, querystring: z.object({ orgId: IdSchema.optional() }).strict(), response: { 200: AlertBoardSchema } } },
    async (req) => alertBoard(db, req.actor!, req.query.orgId),
  );
  registerAlertStream(app, deps.feed);
  r.get('/api/v1/alerts/rules', { config: configure, schema: { tags, response: { 200: z.object({ items: z.array(RoutingRuleSchema) }) } } }, async (req) => ({
    items: await listRules(db, req.actor!),
  }));
  r.post(
    '/api/v1/alerts/rules',
    { config: configure, schema: { tags, body: RoutingRuleBodySchema, response: { 201: RoutingRuleSchema } } },
    async (req, reply) => reply.status(201).send(await createRule(db, req.actor!, req.body.orgId, req.body, req.audit)),
  );
  r.patch(
    '/api/v1/alerts/rules/:id',
    { config: configure, schema: { tags, params: IdParamsSchema, body: RoutingRulePatchSchema, response: { 200: RoutingRuleSchema } } },
    async (req) => patchRule(db, req.actor!, req.params.id, req.body, req.audit),
  );
  r.delete('/api/v1/alerts/rules/:id', { config: configure, schema: { tags, params: IdParamsSchema, response: { 200: OkSchema } } }, async (req) => {
    await deleteRule(db, req.actor!, req.params.id, req.audit);
    return { ok: true as const };
  });
  r.post(
    '/api/v1/alerts/rules/test',
    { config: configure, schema: { tags, body: RoutingTestBodySchema, response: { 200: RoutingTestResultSchema } } },
    async (req) => testRouting(db, req.actor!, req.body.orgId, req.body.format, req.body.sample),
  );
  r.get(
    '/api/v1/alerts/policy',
    { config: read, schema: { tags, querystring: z.object({ orgId: IdSchema }).strict(), response: { 200: AlertPolicySchema } } },
    async (req) => getPolicy(db, req.actor!, req.query.orgId),
  );
  r.put(
    '/api/v1/alerts/policy',
    {
      config: configure,
      schema: { tags, querystring: z.object({ orgId: IdSchema }).strict(), body: AlertPolicyBodySchema, response: { 200: AlertPolicySchema } },
    },
    async (req) => putPolicy(db, req.actor!, req.query.orgId, req.body, req.audit),
  );
  r.get(
    '/api/v1/alerts/channels',
    { config: configure, schema: { tags, response: { 200: z.object({ items: z.array(AlertChannelSchema) }) } } },
    async (req) => ({
      items: await listChannels(db, req.actor!),
    }),
  );
  r.post(
    '/api/v1/alerts/channels',
    { config: configure, schema: { tags, body: AlertChannelBodySchema, response: { 201: CreatedAlertChannelSchema } } },
    async (req, reply) => reply.status(201).send(await createChannel(db, req.actor!, req.body, req.audit)),
  );
  r.delete('/api/v1/alerts/channels/:id', { config: configure, schema: { tags, params: IdParamsSchema, response: { 200: OkSchema } } }, async (req) => {
    await deleteChannel(db, req.actor!, req.params.id, req.audit);
    return { ok: true as const };
  });
  r.get('/api/v1/alerts/:id', { config: read, schema: { tags, params: IdParamsSchema, response: { 200: AlertDetailSchema } } }, async (req) =>
    getAlert(db, req.actor!, req.params.id),
  );
  r.post(
    '/api/v1/alerts/:id/actions',
    { config: act, schema: { tags, params: IdParamsSchema, body: AlertActionBodySchema, response: { 200: AlertDetailSchema } } },
    async (req) => actOnAlert(db, req.actor!, req.params.id, req.body, req.audit),
  );
}
