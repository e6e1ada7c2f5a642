import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AssignBodySchema,
  AssignmentPageSchema,
  AssignmentSchema,
  DirectiveSchema,
  FromUnitsSchema,
  IdParamsSchema,
  IdSchema,
  ListAssignmentsQuerySchema,
  ReviewBodySchema,
  UpdateAssignmentTaskBodySchema,
  UpdateAssignmentTasksBodySchema,
} from '@khien/contracts';
import { acknowledge, addEvidence, assignOfficer, getAssignment, listAssignments, review, submit, updateTask, updateTasks } from './assignments.service.js';
import type { DirectivesDeps } from './directives.routes.js';
import { attachment, uploadedFile } from '../../platform/http/upload.js';
import { exportAssignmentReport } from './directive-export.service.js';
import { relayAssignment } from './directive-relay.service.js';
import { fromUnits } from './directive-climb.service.js';

const VersionBody = z.object({ version: z.number().int() }).strict();
const TaskParams = z.object({ id: IdSchema, taskId: IdSchema }).strict();

/** The recipient's side of a directive: acknowledge, assign, report per task with evidence, submit; and the issuer's review. */
export function registerAssignments(app: FastifyInstance, deps: DirectivesDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, files, work } = deps;
  const tags = ['assignments'];
  const report = { permission: 'directive:report' } as const;
  const one = { tags, params: IdParamsSchema, response: { 200: AssignmentSchema } };

  r.get(
    '/api/v1/assignments',
    { config: { permission: 'directive:read' }, schema: { tags, querystring: ListAssignmentsQuerySchema, response: { 200: AssignmentPageSchema } } },
    async (req) => listAssignments(db, req.actor!, req.query),
  );
  r.get('/api/v1/assignments/:id', { config: { permission: 'directive:read' }, schema: one }, async (req) =>
    getAssignment(work, db, req.actor!, req.params.id),
  );
  // the recipient's own báo cáo, to print, sign and send to the issuer
  r.get('/api/v1/assignments/:id/report.docx', { config: { permission: 'directive:read' }, schema: { tags, params: IdParamsSchema } }, async (req, reply) => {
    const { buffer, filename } = await exportAssignmentReport(work, db, req.actor!, req.params.id);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', attachment(filename))
      .send(buffer);
  });
  r.post('/api/v1/assignments/:id/acknowledge', { config: report, schema: { ...one, body: VersionBody } }, async (req) =>
    acknowledge(work, db, req.actor!, req.params.id, req.body.version, req.audit),
  );
  r.post('/api/v1/assignments/:id/assign', { config: report, schema: { ...one, body: AssignBodySchema } }, async (req) =>
    assignOfficer(work, db, req.actor!, req.params.id, req.body.userId, req.body.version, req.audit),
  );
  r.patch('/api/v1/assignments/:id/tasks', { config: report, schema: { ...one, body: UpdateAssignmentTasksBodySchema } }, async (req) =>
    updateTasks(work, db, req.actor!, req.params.id, req.body, req.audit),
  );
  r.put(
    '/api/v1/assignments/:id/tasks/:taskId',
    { config: report, schema: { tags, params: TaskParams, body: UpdateAssignmentTaskBodySchema, response: { 200: AssignmentSchema } } },
    async (req) => updateTask(work, db, req.actor!, req.params.id, req.params.taskId, req.body, req.audit),
  );
  r.post(
    '/api/v1/assignments/:id/tasks/:taskId/evidence',
    { config: report, bodyLimit: 26 * 1024 * 1024, schema: { tags, params: TaskParams, response: { 200: AssignmentSchema } } },
    async (req) => addEvidence(work, db, files, req.actor!, req.params.id, req.params.taskId, await uploadedFile(req, 25 * 1024 * 1024), req.audit),
  );
  // triển khai: a draft directive of the receiving org to its own units, pre-filled from this one
  r.post(
    '/api/v1/assignments/:id/relay',
    { config: { permission: 'directive:write' }, schema: { tags, params: IdParamsSchema, response: { 200: DirectiveSchema } } },
    async (req) => relayAssignment(db, work, req.actor!, req.params.id, req.audit),
  );
  // what the org's own units reported on the relayed tasks, to report upward from
  r.get(
    '/api/v1/assignments/:id/from-units',
    { config: { permission: 'directive:read' }, schema: { tags, params: IdParamsSchema, response: { 200: FromUnitsSchema } } },
    async (req) => fromUnits(db, work, req.actor!, req.params.id),
  );
  r.post('/api/v1/assignments/:id/submit', { config: report, schema: { ...one, body: VersionBody } }, async (req) =>
    submit(work, db, req.actor!, req.params.id, req.body.version, req.audit),
  );
  r.post('/api/v1/assignments/:id/review', { config: { permission: 'directive:write' }, schema: { ...one, body: ReviewBodySchema } }, async (req) =>
    review(work, db, req.actor!, req.params.id, req.body, req.audit),
  );
}
