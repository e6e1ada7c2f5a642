import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  IdParamsSchema,
  TodoPageSchema,
  TodoQuerySchema,
  WorkActionBodySchema,
  WorkActionParamsSchema,
  WorkAssignBodySchema,
  WorkCheckBodySchema,
  WorkCheckParamsSchema,
  WorkChecksBodySchema,
  WorkItemSchema,
  WorkOverviewQuerySchema,
  WorkOverviewSchema,
} from '@khien/contracts';
import type { Db } from '../../platform/db/client.js';
import type { FileStore } from '../../platform/files/files.js';
import { uploadedFile } from '../../platform/http/upload.js';
import { act, getItem, getVisibleItem, readItem, type WorkContext } from './work.service.js';
import { addEvidence, assign, MAX_EVIDENCE_BYTES, updateCheck, updateChecks } from './work-report.service.js';
import { listTodo, workOverview } from './work-todo.service.js';

export interface WorkDeps {
  db: Db;
  files: FileStore;
  work: WorkContext;
}

/**
 * The to-do page, the coordinator's overview and the item's own moves. Each item's source
 * decides who sees, reports and reviews (its permissions on the owing and reviewing orgs); the
 * route only needs someone signed in with read access to the org tree.
 */
export function registerWork(app: FastifyInstance, deps: WorkDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, files, work } = deps;
  const tags = ['work'];
  const cfg = { permission: 'work:read' } as const;
  const report = { permission: 'work:report' } as const;
  const one = { 200: WorkItemSchema };

  r.get('/api/v1/work', { config: cfg, schema: { tags, querystring: TodoQuerySchema, response: { 200: TodoPageSchema } } }, async (req) =>
    listTodo(work, db, req.actor!, req.query),
  );
  r.get('/api/v1/work/overview', { config: cfg, schema: { tags, querystring: WorkOverviewQuerySchema, response: { 200: WorkOverviewSchema } } }, async (req) =>
    workOverview(work, db, req.actor!, req.query),
  );
  r.get('/api/v1/work/:id', { config: cfg, schema: { tags, params: IdParamsSchema, response: one } }, async (req) =>
    getItem(work, db, req.actor!, req.params.id),
  );
  r.post(
    '/api/v1/work/:id/actions/:action',
    { config: report, schema: { tags, params: WorkActionParamsSchema, body: WorkActionBodySchema, response: one } },
    async (req) => {
      const v = await getVisibleItem(work, db, req.actor!, req.params.id);
      await act(work, db, req.actor!, v, req.params.action, { version: req.body.version, reason: req.body.reason, audit: req.audit });
      return getItem(work, db, req.actor!, req.params.id);
    },
  );
  r.put(
    '/api/v1/work/:id/checks/:key',
    { config: report, schema: { tags, params: WorkCheckParamsSchema, body: WorkCheckBodySchema, response: one } },
    async (req) => {
      const v = await getVisibleItem(work, db, req.actor!, req.params.id);
      await updateCheck(work, db, req.actor!, v, req.params.key, req.body, req.audit);
      return getItem(work, db, req.actor!, req.params.id);
    },
  );
  r.patch('/api/v1/work/:id/checks', { config: report, schema: { tags, params: IdParamsSchema, body: WorkChecksBodySchema, response: one } }, async (req) => {
    const v = await getVisibleItem(work, db, req.actor!, req.params.id);
    await updateChecks(work, db, req.actor!, v, req.body, req.audit);
    return getItem(work, db, req.actor!, req.params.id);
  });
  r.post(
    '/api/v1/work/:id/checks/:key/evidence',
    { config: report, bodyLimit: MAX_EVIDENCE_BYTES + 1024 * 1024, schema: { tags, params: WorkCheckParamsSchema, response: one } },
    async (req) => {
      const v = await getVisibleItem(work, db, req.actor!, req.params.id);
      await addEvidence(db, files, req.actor!, v, req.params.key, await uploadedFile(req, MAX_EVIDENCE_BYTES), req.audit);
      return readItem(work, db, await getVisibleItem(work, db, req.actor!, req.params.id));
    },
  );
  r.post('/api/v1/work/:id/assign', { config: report, schema: { tags, params: IdParamsSchema, body: WorkAssignBodySchema, response: one } }, async (req) => {
    const v = await getVisibleItem(work, db, req.actor!, req.params.id);
    await assign(work, db, req.actor!, v, req.body.userId, req.body.version, req.audit);
    return getItem(work, db, req.actor!, req.params.id);
  });
}
