import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IdParamsSchema,
  IdSchema,
  IncidentClosureReviewBodySchema,
  IncidentCreateBodySchema,
  IncidentDetailSchema,
  IncidentEventSchema,
  IncidentFromAlertsBodySchema,
  IncidentIndicatorsBodySchema,
  IncidentInviteBodySchema,
  IncidentListQuerySchema,
  IncidentListSchema,
  IncidentMergeBodySchema,
  IncidentNoteBodySchema,
  IncidentPatchSchema,
  IncidentReasonBodySchema,
  IncidentReportDetailSchema,
  IncidentReportReviewBodySchema,
  IncidentReportSaveBodySchema,
  IncidentStatsQuerySchema,
  IncidentStatsSchema,
  IncidentTaskBodySchema,
} from '@khien/contracts';
import type { Db } from '../../platform/db/client.js';
import { domainError } from '../../platform/errors.js';
import type { FileStore } from '../../platform/files/files.js';
import type { FileAccess } from '../../platform/files/file-access.js';
import { attachment, sendStoredFile, uploadedFile } from '../../platform/http/upload.js';
import { queryRows } from '../../platform/db/client.js';
import { sql } from 'drizzle-orm';
import type { WorkContext } from '../work/index.js';
import { visibleCase } from './incidents-access.js';
import {
  addEvidence,
  addIndicators,
  addNote,
  addTask,
  inviteTeam,
  MAX_EVIDENCE_BYTES,
  mergeInto,
  patchIncident,
  removeIndicator,
  reopen,
  takeOver,
} from './incident-changes.service.js';
import { fromAlerts } from './incident-promote.service.js';
import { caseStix, caseXlsx, incidentStats, reportDocx, reportPdf } from './incident-export.service.js';
import { getReport, reviewClosure, reviewReport, saveReport, startClosure, submitReport } from './incident-report.service.js';
import { createIncident, getIncident, listIncidents } from './incidents.service.js';
import { loadTimeline } from './incidents.repo.js';

const read = { permission: 'incident:read' } as const;
const report = { permission: 'incident:report' } as const;
const manage = { permission: 'incident:manage' } as const;
const review = { permission: 'incident:review' } as const;
const one = { 200: IncidentDetailSchema };
const ReportParamsSchema = z.object({ id: IdSchema, reportId: IdSchema }).strict();
const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function download(reply: FastifyReply, mime: string, file: { data: Buffer; filename: string }) {
  return reply
    .header('content-type', mime)
    .header('content-disposition', attachment(file.filename))
    .header('cache-control', 'private, no-store')
    .send(file.data);
}

export interface IncidentRouteDeps {
  db: Db;
  work: WorkContext;
  files: FileStore;
  fileAccess: FileAccess;
}

export function registerIncidents(app: FastifyInstance, deps: IncidentRouteDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const tags = ['incidents'];
  deps.fileAccess.register('incident', async (d, actor, fileId) => {
    const rows = await queryRows<{ incident_id: string }>(d, sql`select incident_id from incident_evidence where file_id = ${fileId}`);
    for (const row of rows) {
      const seen = await visibleCase(d, actor, row.incident_id).then(
        () => true,
        () => false,
      );
      if (seen) return true;
    }
    return false;
  });

  r.get('/api/v1/incidents', { config: read, schema: { tags, querystring: IncidentListQuerySchema, response: { 200: IncidentListSchema } } }, async (req) =>
    listIncidents(db, req.actor!, req.query),
  );
  r.get(
    '/api/v1/incidents/stats',
    { config: read, schema: { tags, querystring: IncidentStatsQuerySchema, response: { 200: IncidentStatsSchema } } },
    async (req) => incidentStats(db, req.actor!, req.query),
  );
  r.post(
    '/api/v1/incidents',
    { config: report, schema: { tags, body: IncidentCreateBodySchema, response: { 201: IncidentDetailSchema } } },
    async (req, reply) => {
      const body = req.body;
      if (body.alertIds.length > 0) {
        const id = await fromAlerts(deps, req.actor!, { alertIds: body.alertIds, title: body.title, category: body.category }, req.audit);
        return reply.code(201).send(await getIncident(db, req.actor!, id));
      }
      const id = await createIncident(deps, req.actor!, body, req.audit);
      return reply.code(201).send(await getIncident(db, req.actor!, id));
    },
  );
  r.post(
    '/api/v1/incidents/from-alerts',
    { config: report, schema: { tags, body: IncidentFromAlertsBodySchema, response: { 201: IncidentDetailSchema } } },
    async (req, reply) => reply.code(201).send(await getIncident(db, req.actor!, await fromAlerts(deps, req.actor!, req.body, req.audit))),
  );
  r.get('/api/v1/incidents/:id', { config: read, schema: { tags, params: IdParamsSchema, response: one } }, async (req) =>
    getIncident(db, req.actor!, req.params.id),
  );
  r.get(
    '/api/v1/incidents/:id/timeline',
    {
      config: read,
      schema: {
        tags,
        params: IdParamsSchema,
        querystring: z
          .object({ limit: z.coerce.number().int().min(1).max(500).default(200), offset: z.coerce.number().int().min(0).max(10_000_000).default(0) })
          .strict(),
        response: { 200: z.object({ items: z.array(IncidentEventSchema), total: z.number().int() }) },
      },
    },
    async (req) => {
      await visibleCase(db, req.actor!, req.params.id);
      return loadTimeline(db, req.params.id, req.query);
    },
  );
  r.patch('/api/v1/incidents/:id', { config: report, schema: { tags, params: IdParamsSchema, body: IncidentPatchSchema, response: one } }, async (req) => {
    await patchIncident(deps, req.actor!, req.params.id, req.body, req.audit);
    return getIncident(db, req.actor!, req.params.id);
  });
  r.post(
    '/api/v1/incidents/:id/notes',
    { config: report, schema: { tags, params: IdParamsSchema, body: IncidentNoteBodySchema, response: one } },
    async (req) => {
      await addNote(deps, req.actor!, req.params.id, req.body.comment, req.audit);
      return getIncident(db, req.actor!, req.params.id);
    },
  );
  r.post(
    '/api/v1/incidents/:id/indicators',
    { config: report, schema: { tags, params: IdParamsSchema, body: IncidentIndicatorsBodySchema, response: one } },
    async (req) => {
      await addIndicators(deps, req.actor!, req.params.id, req.body.indicators, req.audit);
      return getIncident(db, req.actor!, req.params.id);
    },
  );
  r.delete(
    '/api/v1/incidents/:id/indicators/:indicatorId',
    { config: report, schema: { tags, params: z.object({ id: IdSchema, indicatorId: IdSchema }).strict(), response: one } },
    async (req) => {
      await removeIndicator(deps, req.actor!, req.params.id, req.params.indicatorId, req.audit);
      return getIncident(db, req.actor!, req.params.id);
    },
  );
  r.post(
    '/api/v1/incidents/:id/evidence',
    { config: report, bodyLimit: MAX_EVIDENCE_BYTES + 1024 * 1024, schema: { tags, params: IdParamsSchema, response: one } },
    async (req) => {
      // the case must be seen (and open) before the upload is read: a refused request stores nothing
      await visibleCase(db, req.actor!, req.params.id);
      const file = await uploadedFile(req, MAX_EVIDENCE_BYTES);
      await addEvidence(deps, req.actor!, req.params.id, file, req.audit);
      return getIncident(db, req.actor!, req.params.id);
    },
  );
  r.get(
    '/api/v1/incidents/:id/evidence/:evidenceId',
    { config: read, schema: { tags, params: z.object({ id: IdSchema, evidenceId: IdSchema }).strict() } },
    async (req, reply) => {
      await visibleCase(db, req.actor!, req.params.id);
      const [e] = await queryRows<{ file_id: string }>(
        db,
        sql`select file_id from incident_evidence where id = ${req.params.evidenceId} and incident_id = ${req.params.id}`,
      );
      if (!e) throw domainError('NOT_FOUND', 'incident_evidence_not_found', 'evidence not found');
      return sendStoredFile(reply, await deps.fileAccess.read(db, deps.files, req.actor!, e.file_id));
    },
  );
  r.post(
    '/api/v1/incidents/:id/tasks',
    { config: report, schema: { tags, params: IdParamsSchema, body: IncidentTaskBodySchema, response: one } },
    async (req) => {
      await addTask(deps, req.actor!, req.params.id, req.body, req.audit);
      return getIncident(db, req.actor!, req.params.id);
    },
  );
  r.post(
    '/api/v1/incidents/:id/team',
    { config: manage, schema: { tags, params: IdParamsSchema, body: IncidentInviteBodySchema, response: one } },
    async (req) => {
      await inviteTeam(deps, req.actor!, req.params.id, req.body.orgId, req.body.comment, req.audit);
      return getIncident(db, req.actor!, req.params.id);
    },
  );
  r.post(
    '/api/v1/incidents/:id/take-over',
    { config: manage, schema: { tags, params: IdParamsSchema, body: z.object({ version: z.number().int().min(1) }).strict(), response: one } },
    async (req) => {
      await takeOver(deps, req.actor!, req.params.id, req.body.version, req.audit);
      return getIncident(db, req.actor!, req.params.id);
    },
  );
  r.post(
    '/api/v1/incidents/:id/merge',
    { config: manage, schema: { tags, params: IdParamsSchema, body: IncidentMergeBodySchema, response: one } },
    async (req) => {
      await mergeInto(deps, req.actor!, req.params.id, req.body.sourceIds, req.audit);
      return getIncident(db, req.actor!, req.params.id);
    },
  );
  r.post(
    '/api/v1/incidents/:id/reopen',
    { config: report, schema: { tags, params: IdParamsSchema, body: IncidentReasonBodySchema, response: one } },
    async (req) => {
      await reopen(deps, req.actor!, req.params.id, req.body.reason, req.body.version, req.audit);
      return getIncident(db, req.actor!, req.params.id);
    },
  );
  r.post(
    '/api/v1/incidents/:id/close',
    { config: report, schema: { tags, params: IdParamsSchema, response: { 200: IncidentReportDetailSchema } } },
    async (req) => {
      const reportId = await startClosure(deps, req.actor!, req.params.id, req.audit);
      return getReport(db, req.actor!, req.params.id, reportId);
    },
  );
  r.post(
    '/api/v1/incidents/:id/closure-review',
    { config: review, schema: { tags, params: IdParamsSchema, body: IncidentClosureReviewBodySchema, response: one } },
    async (req) => {
      await reviewClosure(deps, req.actor!, req.params.id, req.body, req.audit);
      return getIncident(db, req.actor!, req.params.id);
    },
  );
  r.get(
    '/api/v1/incidents/:id/reports/:reportId',
    { config: read, schema: { tags, params: ReportParamsSchema, response: { 200: IncidentReportDetailSchema } } },
    async (req) => getReport(db, req.actor!, req.params.id, req.params.reportId),
  );
  r.put(
    '/api/v1/incidents/:id/reports/:reportId',
    { config: report, schema: { tags, params: ReportParamsSchema, body: IncidentReportSaveBodySchema, response: { 200: IncidentReportDetailSchema } } },
    async (req) => saveReport(deps, req.actor!, req.params.id, req.params.reportId, req.body, req.audit),
  );
  r.post(
    '/api/v1/incidents/:id/reports/:reportId/submit',
    { config: report, schema: { tags, params: ReportParamsSchema, body: z.object({ version: z.number().int().min(1) }).strict(), response: one } },
    async (req) => {
      await submitReport(deps, req.actor!, req.params.id, req.params.reportId, req.body.version, req.audit);
      return getIncident(db, req.actor!, req.params.id);
    },
  );
  r.post(
    '/api/v1/incidents/:id/reports/:reportId/review',
    { config: review, schema: { tags, params: ReportParamsSchema, body: IncidentReportReviewBodySchema, response: one } },
    async (req) => {
      await reviewReport(deps, req.actor!, req.params.id, req.params.reportId, req.body, req.audit);
      return getIncident(db, req.actor!, req.params.id);
    },
  );
  r.get('/api/v1/incidents/:id/reports/:reportId/docx', { config: read, schema: { tags, params: ReportParamsSchema } }, async (req, reply) =>
    download(reply, MIME.docx, await reportDocx(db, req.actor!, req.params.id, req.params.reportId)),
  );
  r.get('/api/v1/incidents/:id/reports/:reportId/pdf', { config: read, schema: { tags, params: ReportParamsSchema } }, async (req, reply) =>
    download(reply, MIME.pdf, await reportPdf(db, req.actor!, req.params.id, req.params.reportId)),
  );
  r.get('/api/v1/incidents/:id/export.xlsx', { config: read, schema: { tags, params: IdParamsSchema } }, async (req, reply) =>
    download(reply, MIME.xlsx, await caseXlsx(db, req.actor!, req.params.id)),
  );
  r.get('/api/v1/incidents/:id/stix', { config: read, schema: { tags, params: IdParamsSchema } }, async (req, reply) => {
    const { bundle, filename } = await caseStix(db, req.actor!, req.params.id);
    return reply.header('content-type', 'application/stix+json;version=2.1').header('content-disposition', attachment(filename)).send(JSON.stringify(bundle));
  });
}
