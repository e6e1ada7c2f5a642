import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateGrantBodySchema,
  CreateUserBodySchema,
  IdParamsSchema,
  IdSchema,
  ListUsersQuerySchema,
  TemporaryPasswordSchema,
  UpdateUserBodySchema,
  UserPageSchema,
  UserSchema,
} from '@khien/contracts';
import type { Db } from '../../platform/db/client.js';
import { addGrant, createUser, endSessions, getUser, listUsers, removeGrant, resetPassword, resetTotp, updateUser } from './users.service.js';

export function registerUsers(app: FastifyInstance, deps: { db: Db }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const tags = ['users'];
  r.get(
    '/api/v1/users',
    { config: { permission: 'user:read' }, schema: { tags, querystring: ListUsersQuerySchema, response: { 200: UserPageSchema } } },
    async (req) => listUsers(db, req.actor!, req.query),
  );
  r.post(
    '/api/v1/users',
    { config: { permission: 'user:write' }, schema: { tags, body: CreateUserBodySchema, response: { 201: TemporaryPasswordSchema } } },
    async (req, reply) => reply.status(201).send(await createUser(db, req.actor!, req.body, req.audit)),
  );
  r.get('/api/v1/users/:id', { config: { permission: 'user:read' }, schema: { tags, params: IdParamsSchema, response: { 200: UserSchema } } }, async (req) =>
    getUser(db, req.actor!, req.params.id),
  );
  r.patch(
    '/api/v1/users/:id',
    { config: { permission: 'user:write' }, schema: { tags, params: IdParamsSchema, body: UpdateUserBodySchema, response: { 200: UserSchema } } },
    async (req) => updateUser(db, req.actor!, req.params.id, req.body, req.audit),
  );
  r.post(
    '/api/v1/users/:id/reset-password',
    { config: { permission: 'user:write' }, schema: { tags, params: IdParamsSchema, response: { 200: TemporaryPasswordSchema } } },
    async (req) => resetPassword(db, req.actor!, req.params.id, req.audit),
  );
  r.post(
    '/api/v1/users/:id/reset-totp',
    { config: { permission: 'user:write' }, schema: { tags, params: IdParamsSchema, response: { 200: UserSchema } } },
    async (req) => resetTotp(db, req.actor!, req.params.id, req.audit),
  );
  r.post(
    '/api/v1/users/:id/end-sessions',
    { config: { permission: 'user:write' }, schema: { tags, params: IdParamsSchema, response: { 200: UserSchema } } },
    async (req) => endSessions(db, req.actor!, req.params.id, req.audit),
  );
  r.post(
    '/api/v1/users/:id/grants',
    { config: { permission: 'grant:write' }, schema: { tags, params: IdParamsSchema, body: CreateGrantBodySchema, response: { 200: UserSchema } } },
    async (req) => addGrant(db, req.actor!, req.params.id, req.body, req.audit),
  );
  r.delete(
    '/api/v1/users/:id/grants/:grantId',
    { config: { permission: 'grant:write' }, schema: { tags, params: z.object({ id: IdSchema, grantId: IdSchema }).strict(), response: { 200: UserSchema } } },
    async (req) => removeGrant(db, req.actor!, req.params.id, req.params.grantId, req.audit),
  );
}
