import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CoverageQuerySchema,
  CoverageSchema,
  DutyCalendarQuerySchema,
  DutyCalendarSchema,
  DutyImportResultSchema,
  DutyOverrideBodySchema,
  DutyOverrideSchema,
  DutyPersonSchema,
  DutySwapBodySchema,
  IdParamsSchema,
  IdSchema,
  OkSchema,
  OnDutyQuerySchema,
  OnDutyRowSchema,
  RotationBodySchema,
  RotationPatchSchema,
  RotationSchema,
} from '@khien/contracts';
import type { Db } from '../../platform/db/client.js';
import { attachment, uploadedFile } from '../../platform/http/upload.js';
import {
  createOverride,
  createRotation,
  deleteOverride,
  deleteRotation,
  dutyCalendar,
  listRosterPeople,
  patchRotation,
  swapRotationShifts,
} from './duty.service.js';
import { listOnDuty } from './duty-now.js';
import { coverageOf } from './duty-coverage.js';
import { exportRosterIcs, exportRosterXlsx, importRoster, MAX_ROSTER_FILE_BYTES } from './duty-files.js';

const read = { permission: 'duty:read' } as const;
const write = { permission: 'duty:write' } as const;
const ExportQuery = DutyCalendarQuerySchema;

export function registerDuty(app: FastifyInstance, deps: { db: Db; publicHost: string }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const tags = ['duty'];
  r.get(
    '/api/v1/duty/now',
    {
      config: read,
      schema: { tags, querystring: OnDutyQuerySchema, response: { 200: z.object({ items: z.array(OnDutyRowSchema), total: z.number().int() }) } },
    },
    async (req) => listOnDuty(db, req.actor!, req.query),
  );
  r.get(
    '/api/v1/duty/people',
    { config: read, schema: { tags, querystring: z.object({ orgId: IdSchema }).strict(), response: { 200: z.object({ items: z.array(DutyPersonSchema) }) } } },
    async (req) => ({ items: await listRosterPeople(db, req.actor!, req.query.orgId) }),
  );
  r.get('/api/v1/duty/calendar', { config: read, schema: { tags, querystring: DutyCalendarQuerySchema, response: { 200: DutyCalendarSchema } } }, async (req) =>
    dutyCalendar(db, req.actor!, req.query.orgId, new Date(req.query.from), new Date(req.query.to)),
  );
  r.post('/api/v1/duty/rotations', { config: write, schema: { tags, body: RotationBodySchema, response: { 201: RotationSchema } } }, async (req, reply) =>
    reply.status(201).send(await createRotation(db, req.actor!, req.body.orgId, req.body, req.audit)),
  );
  r.patch(
    '/api/v1/duty/rotations/:id',
    { config: write, schema: { tags, params: IdParamsSchema, body: RotationPatchSchema, response: { 200: RotationSchema } } },
    async (req) => patchRotation(db, req.actor!, req.params.id, req.body, req.audit),
  );
  r.delete('/api/v1/duty/rotations/:id', { config: write, schema: { tags, params: IdParamsSchema, response: { 200: OkSchema } } }, async (req) => {
    await deleteRotation(db, req.actor!, req.params.id, req.audit);
    return { ok: true as const };
  });
  r.post(
    '/api/v1/duty/rotations/:id/swap',
    { config: write, schema: { tags, params: IdParamsSchema, body: DutySwapBodySchema, response: { 200: z.object({ items: z.array(DutyOverrideSchema) }) } } },
    async (req) => ({ items: await swapRotationShifts(db, req.actor!, req.params.id, req.body, req.audit) }),
  );
  r.post(
    '/api/v1/duty/overrides',
    { config: write, schema: { tags, body: DutyOverrideBodySchema, response: { 201: DutyOverrideSchema } } },
    async (req, reply) => reply.status(201).send(await createOverride(db, req.actor!, req.body.orgId, req.body, req.audit)),
  );
  r.delete('/api/v1/duty/overrides/:id', { config: write, schema: { tags, params: IdParamsSchema, response: { 200: OkSchema } } }, async (req) => {
    await deleteOverride(db, req.actor!, req.params.id, req.audit);
    return { ok: true as const };
  });
  r.get('/api/v1/duty/coverage', { config: read, schema: { tags, querystring: CoverageQuerySchema, response: { 200: CoverageSchema } } }, async (req) =>
    coverageOf(db, req.actor!, req.query.orgId, req.query),
  );
  r.get('/api/v1/duty/export.ics', { config: read, schema: { tags, querystring: ExportQuery } }, async (req, reply) => {
    const f = await exportRosterIcs(db, req.actor!, req.query.orgId, new Date(req.query.from), new Date(req.query.to), deps.publicHost);
    return reply.header('content-type', 'text/calendar; charset=utf-8').header('content-disposition', attachment(f.filename)).send(f.data);
  });
  r.get('/api/v1/duty/export.xlsx', { config: read, schema: { tags, querystring: ExportQuery } }, async (req, reply) => {
    const f = await exportRosterXlsx(db, req.actor!, req.query.orgId, new Date(req.query.from), new Date(req.query.to));
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', attachment(f.filename))
      .send(f.data);
  });
  r.post(
    '/api/v1/duty/import',
    {
      config: write,
      schema: {
        tags,
        querystring: z.object({ orgId: IdSchema, dryRun: z.enum(['1', '0', 'true', 'false']).default('1') }).strict(),
        response: { 200: DutyImportResultSchema },
      },
    },
    async (req) => {
      const file = await uploadedFile(req, MAX_ROSTER_FILE_BYTES);
      return importRoster(db, req.actor!, req.query.orgId, file, req.query.dryRun === '1' || req.query.dryRun === 'true', req.audit);
    },
  );
}
