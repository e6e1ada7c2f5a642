import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AuditCheckpointFileSchema,
  AuditCheckpointPageSchema,
  AuditCheckpointParamsSchema,
  AuditCheckpointSchema,
  AuditPageSchema,
  ListAuditCheckpointsQuerySchema,
  ListAuditQuerySchema,
} from '@khien/contracts';
import type { Db } from '../../platform/db/client.js';
import type { AuditKeys } from '../../platform/audit/audit-signing.js';
import { listAudit } from './audit.service.js';
import { createCheckpointNow, exportCheckpoint, listCheckpoints } from './audit-checkpoints.service.js';

// nothing to send: the web posts {}, the CLI and tokens may post no body at all
const NoBodySchema = z.object({}).strict().nullish();

export function registerAudit(app: FastifyInstance, deps: { db: Db; keys: AuditKeys }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, keys } = deps;
  const tags = ['audit'];
  // the service narrows this to readers of the whole installation (404 for everyone else)
  const read = { permission: 'audit:read' } as const;

  r.get('/api/v1/audit', { config: read, schema: { tags, querystring: ListAuditQuerySchema, response: { 200: AuditPageSchema } } }, async (req) =>
    listAudit(db, req.actor!, req.query),
  );
  r.get(
    '/api/v1/audit/checkpoints',
    { config: read, schema: { tags, querystring: ListAuditCheckpointsQuerySchema, response: { 200: AuditCheckpointPageSchema } } },
    async (req) => listCheckpoints(db, req.actor!, req.query),
  );
  r.post('/api/v1/audit/checkpoints', { config: read, schema: { tags, body: NoBodySchema, response: { 201: AuditCheckpointSchema } } }, async (req, reply) =>
    reply.status(201).send(await createCheckpointNow(db, keys, req.actor!, req.audit)),
  );
  r.get(
    '/api/v1/audit/checkpoints/:id/export',
    { config: read, schema: { tags, params: AuditCheckpointParamsSchema, response: { 200: AuditCheckpointFileSchema } } },
    async (req, reply) => {
      const file = await exportCheckpoint(db, keys, req.actor!, req.params.id);
      return reply.header('content-disposition', `attachment; filename="khien-audit-checkpoint-${file.headSeq}.json"`).send(file);
    },
  );
}
