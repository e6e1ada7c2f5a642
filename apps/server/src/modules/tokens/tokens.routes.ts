import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiTokenSchema, CreateApiTokenBodySchema, CreatedApiTokenSchema, IdParamsSchema, OkSchema } from '@khien/contracts';
import type { Db } from '../../platform/db/client.js';
import { createToken, listTokens, revokeApiToken } from './tokens.service.js';

export function registerTokens(app: FastifyInstance, deps: { db: Db }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tokens'];
  r.get(
    '/api/v1/tokens',
    {
      config: { sessionOnly: true, permission: 'token:write' },
      schema: { tags, response: { 200: z.object({ items: z.array(ApiTokenSchema) }) } },
    },
    async (req) => ({ items: await listTokens(deps.db, req.actor!) }),
  );
  r.post(
    '/api/v1/tokens',
    {
      config: { sessionOnly: true, permission: 'token:write' },
      schema: { tags, body: CreateApiTokenBodySchema, response: { 201: CreatedApiTokenSchema } },
    },
    async (req, reply) => reply.status(201).send(await createToken(deps.db, req.actor!, req.body, req.audit)),
  );
  r.delete(
    '/api/v1/tokens/:id',
    {
      config: { sessionOnly: true, permission: 'token:write' },
      schema: { tags, params: IdParamsSchema, response: { 200: OkSchema } },
    },
    async (req) => {
      await revokeApiToken(deps.db, req.actor!, req.params.id, req.audit);
      return { ok: true as const };
    },
  );
}
