import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditPageSchema, ListAuditQuerySchema } from '@khien/contracts';
import type { Db } from '../../platform/db/client.js';
import { listAudit } from './audit.service.js';

export function registerAudit(app: FastifyInstance, deps: { db: Db }): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      '/api/v1/audit',
      { config: { permission: 'audit:read' }, schema: { tags: ['audit'], querystring: ListAuditQuerySchema, response: { 200: AuditPageSchema } } },
      async (req) => listAudit(deps.db, req.actor!, req.query),
    );
}
