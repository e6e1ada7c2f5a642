import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AssetInputSchema,
  AssetListQuerySchema,
  AssetListSchema,
  AssetPatchSchema,
  AssetSchema,
  ChecklistItemSchema,
  ChecklistSchema,
  ClassificationSchema,
  ClassifyBodySchema,
  DossierBodySchema,
  IdParamsSchema,
  IdSchema,
  ImportOptionsSchema,
  InventoryImportListSchema,
  InventoryImportSchema,
  InventoryOverviewSchema,
  InventorySummarySchema,
  IpRangeInputSchema,
  IpRangeListQuerySchema,
  IpRangeListSchema,
  IpRangePatchSchema,
  IpRangeSchema,
  OkSchema,
  OrgScopeQuerySchema,
  PackChoiceBodySchema,
  PackChoiceSchema,
  PageQuerySchema,
  RegulationPackSchema,
  RequirementBodySchema,
  SoftwareListSchema,
  SoftwareQuerySchema,
  SystemInputSchema,
  SystemListQuerySchema,
  SystemListSchema,
  SystemPatchSchema,
  SystemSchema,
} from '@khien/contracts';
import type { Db } from '../../platform/db/client.js';
import { domainError } from '../../platform/errors.js';
import { attachment, uploadedFile } from '../../platform/http/upload.js';
import { assertCleanText } from '../../platform/http/input-guard.js';
import { requireSomewhere } from '../../platform/policy.js';
import type { FileStore } from '../../platform/files/files.js';
import type { FileAccess } from '../../platform/files/file-access.js';
import { createAsset, deleteAsset, getAsset, listAssets, listSoftware, updateAsset } from './assets.service.js';
import { createIpRange, deleteIpRange, listIpRanges, updateIpRange } from './ipspace.service.js';
import { choosePack, getPack, getPackChoice } from './packs.service.js';
import { createSystem, deleteSystem, getSystem, listSystems, updateSystem } from './systems.service.js';
import { advanceDossier, classifySystem, listClassifications } from './system-level.service.js';
import { addRequirementEvidence, getChecklist, setRequirement } from './system-checklist.service.js';
import type { WorkContext } from '../work/index.js';
import { inventoryOverview, inventorySummary } from './summary.service.js';
import { getImport, listImports, MAX_IMPORT_UPLOAD_BYTES, startImportUpload } from './imports.service.js';
import { buildTemplate } from './imports/templates.js';

export interface InventoryDeps {
  db: Db;
  work: WorkContext;
  files: FileStore;
  fileAccess: FileAccess;
  filesDir: string;
}

const VersionQuery = z.object({ version: z.coerce.number().int() }).strict();
const EVIDENCE_BYTES = 25 * 1024 * 1024;
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerInventory(app: FastifyInstance, deps: InventoryDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, files } = deps;
  const read = { permission: 'inventory:read' } as const;
  const write = { permission: 'inventory:write' } as const;

  // ------------------------------------------------------------ regulation packs
  {
    const tags = ['inventory'];
    r.get('/api/v1/inventory/packs', { config: read, schema: { tags, querystring: OrgScopeQuerySchema, response: { 200: PackChoiceSchema } } }, async (req) =>
      getPackChoice(db, req.actor!, req.query.orgId),
    );
    r.put(
      '/api/v1/inventory/packs',
      { config: { permission: 'regulation:choose' }, schema: { tags, body: PackChoiceBodySchema, response: { 200: PackChoiceSchema } } },
      async (req) => choosePack(db, req.actor!, req.body, req.audit),
    );
    r.get(
      '/api/v1/inventory/packs/:packId',
      { config: read, schema: { tags, params: z.object({ packId: z.string().min(1).max(100) }).strict(), response: { 200: RegulationPackSchema } } },
      async (req) => getPack(req.actor!, req.params.packId),
    );
    r.get(
      '/api/v1/inventory/summary',
      { config: read, schema: { tags, querystring: OrgScopeQuerySchema, response: { 200: InventorySummarySchema } } },
      async (req) => inventorySummary(db, req.actor!, req.query.orgId),
    );
    r.get(
      '/api/v1/inventory/overview',
      { config: read, schema: { tags, querystring: OrgScopeQuerySchema, response: { 200: InventoryOverviewSchema } } },
      async (req) => inventoryOverview(db, req.actor!, req.query.orgId),
    );
  }

  // ------------------------------------------------------------ information systems
  {
    const tags = ['systems'];
    r.get('/api/v1/systems', { config: read, schema: { tags, querystring: SystemListQuerySchema, response: { 200: SystemListSchema } } }, async (req) =>
      listSystems(db, req.actor!, req.query),
    );
    r.post('/api/v1/systems', { config: write, schema: { tags, body: SystemInputSchema, response: { 201: SystemSchema } } }, async (req, reply) =>
      reply.status(201).send(await createSystem(db, req.actor!, req.body, req.audit)),
    );
    r.get('/api/v1/systems/:id', { config: read, schema: { tags, params: IdParamsSchema, response: { 200: SystemSchema } } }, async (req) =>
      getSystem(db, req.actor!, req.params.id),
    );
    r.patch(
      '/api/v1/systems/:id',
      { config: write, schema: { tags, params: IdParamsSchema, body: SystemPatchSchema, response: { 200: SystemSchema } } },
      async (req) => updateSystem(db, req.actor!, req.params.id, req.body, req.audit),
    );
    r.delete(
      '/api/v1/systems/:id',
      { config: write, schema: { tags, params: IdParamsSchema, querystring: VersionQuery, response: { 200: OkSchema } } },
      async (req) => {
        await deleteSystem(db, req.actor!, req.params.id, req.query.version, req.audit);
        return { ok: true as const };
      },
    );
    r.post(
      '/api/v1/systems/:id/classify',
      { config: write, schema: { tags, params: IdParamsSchema, body: ClassifyBodySchema, response: { 200: ClassificationSchema } } },
      async (req) => classifySystem(db, req.actor!, req.params.id, req.body, req.audit, deps.work),
    );
    r.get(
      '/api/v1/systems/:id/classifications',
      { config: read, schema: { tags, params: IdParamsSchema, response: { 200: z.array(ClassificationSchema) } } },
      async (req) => listClassifications(db, req.actor!, req.params.id),
    );
    r.post(
      '/api/v1/systems/:id/dossier',
      { config: write, schema: { tags, params: IdParamsSchema, body: DossierBodySchema, response: { 200: SystemSchema } } },
      async (req) => advanceDossier(db, req.actor!, req.params.id, req.body, req.audit, deps.work),
    );
    r.get('/api/v1/systems/:id/checklist', { config: read, schema: { tags, params: IdParamsSchema, response: { 200: ChecklistSchema } } }, async (req) =>
      getChecklist(db, req.actor!, req.params.id),
    );
    const ReqParams = z.object({ id: IdSchema, requirementId: z.string().min(1).max(100) }).strict();
    r.put(
      '/api/v1/systems/:id/checklist/:requirementId',
      { config: write, schema: { tags, params: ReqParams, body: RequirementBodySchema, response: { 200: ChecklistItemSchema } } },
      async (req) => setRequirement(deps.work, db, req.actor!, req.params.id, req.params.requirementId, req.body, req.audit),
    );
    r.post(
      '/api/v1/systems/:id/checklist/:requirementId/evidence',
      { config: write, bodyLimit: EVIDENCE_BYTES + 1_000_000, schema: { tags, params: ReqParams, response: { 200: ChecklistItemSchema } } },
      async (req) => {
        const file = await uploadedFile(req, EVIDENCE_BYTES);
        return addRequirementEvidence(deps.work, db, files, req.actor!, req.params.id, req.params.requirementId, file, req.audit);
      },
    );
  }

  // ------------------------------------------------------------ assets
  {
    const tags = ['assets'];
    r.get('/api/v1/assets', { config: read, schema: { tags, querystring: AssetListQuerySchema, response: { 200: AssetListSchema } } }, async (req) =>
      listAssets(db, req.actor!, req.query),
    );
    r.post('/api/v1/assets', { config: write, schema: { tags, body: AssetInputSchema, response: { 201: AssetSchema } } }, async (req, reply) =>
      reply.status(201).send(await createAsset(db, req.actor!, req.body, req.audit)),
    );
    r.get('/api/v1/assets/:id', { config: read, schema: { tags, params: IdParamsSchema, response: { 200: AssetSchema } } }, async (req) =>
      getAsset(db, req.actor!, req.params.id),
    );
    r.patch(
      '/api/v1/assets/:id',
      { config: write, schema: { tags, params: IdParamsSchema, body: AssetPatchSchema, response: { 200: AssetSchema } } },
      async (req) => updateAsset(db, req.actor!, req.params.id, req.body, req.audit),
    );
    r.delete(
      '/api/v1/assets/:id',
      { config: write, schema: { tags, params: IdParamsSchema, querystring: VersionQuery, response: { 200: OkSchema } } },
      async (req) => {
        await deleteAsset(db, req.actor!, req.params.id, req.query.version, req.audit);
        return { ok: true as const };
      },
    );
    r.get(
      '/api/v1/assets/:id/software',
      { config: read, schema: { tags, params: IdParamsSchema, querystring: SoftwareQuerySchema, response: { 200: SoftwareListSchema } } },
      async (req) => listSoftware(db, req.actor!, req.params.id, req.query),
    );
  }

  // ------------------------------------------------------------ owned IP space
  {
    const tags = ['ip-space'];
    r.get('/api/v1/ip-ranges', { config: read, schema: { tags, querystring: IpRangeListQuerySchema, response: { 200: IpRangeListSchema } } }, async (req) =>
      listIpRanges(db, req.actor!, req.query),
    );
    r.post('/api/v1/ip-ranges', { config: write, schema: { tags, body: IpRangeInputSchema, response: { 201: IpRangeSchema } } }, async (req, reply) =>
      reply.status(201).send(await createIpRange(db, req.actor!, req.body, req.audit)),
    );
    r.patch(
      '/api/v1/ip-ranges/:id',
      { config: write, schema: { tags, params: IdParamsSchema, body: IpRangePatchSchema, response: { 200: IpRangeSchema } } },
      async (req) => updateIpRange(db, req.actor!, req.params.id, req.body, req.audit),
    );
    r.delete(
      '/api/v1/ip-ranges/:id',
      { config: write, schema: { tags, params: IdParamsSchema, querystring: VersionQuery, response: { 200: OkSchema } } },
      async (req) => {
        await deleteIpRange(db, req.actor!, req.params.id, req.query.version, req.audit);
        return { ok: true as const };
      },
    );
  }

  // ------------------------------------------------------------ imports
  {
    const tags = ['inventory'];
    r.post(
      '/api/v1/inventory/imports',
      { config: write, bodyLimit: MAX_IMPORT_UPLOAD_BYTES + 1_000_000, schema: { tags, response: { 202: InventoryImportSchema } } },
      async (req, reply) => {
        if (!req.isMultipart()) throw domainError('UNSUPPORTED_MEDIA_TYPE', 'multipart_file_expected', 'send the file as multipart/form-data field "file"');
        const part = await req.file({ limits: { fileSize: MAX_IMPORT_UPLOAD_BYTES, files: 1, fields: 10 } });
        if (!part) throw domainError('BAD_REQUEST', 'file_missing', 'missing file field');
        // the option fields must come before the file part
        const fields: Record<string, string> = {};
        for (const [k, v] of Object.entries(part.fields)) {
          const f = Array.isArray(v) ? v[0] : v;
          if (f && 'value' in f && typeof f.value === 'string') fields[k] = assertCleanText(f.value, `fields.${k}`);
        }
        const opts = ImportOptionsSchema.safeParse({ ...fields, dryRun: fields.dryRun === 'true' });
        if (!opts.success) {
          part.file.resume();
          throw domainError(
            'VALIDATION_FAILED',
            'import_options_invalid',
            'invalid import options (orgId, kind, format, onError, dryRun must come before the file)',
            {},
            opts.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
          );
        }
        const started = await startImportUpload(db, deps.filesDir, req.actor!, opts.data, { stream: part.file, filename: part.filename || 'file' }, req.audit);
        return reply.status(202).send(started);
      },
    );
    r.get(
      '/api/v1/inventory/imports',
      {
        config: write,
        schema: { tags, querystring: PageQuerySchema.extend({ orgId: IdSchema.optional() }).strict(), response: { 200: InventoryImportListSchema } },
      },
      async (req) => listImports(db, req.actor!, req.query),
    );
    r.get('/api/v1/inventory/imports/:id', { config: write, schema: { tags, params: IdParamsSchema, response: { 200: InventoryImportSchema } } }, async (req) =>
      getImport(db, req.actor!, req.params.id),
    );
    r.get(
      '/api/v1/inventory/templates/:kind',
      {
        config: write,
        schema: {
          tags,
          params: z.object({ kind: z.enum(['assets', 'systems', 'ipspace']) }).strict(),
          querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') }).strict(),
        },
      },
      async (req, reply) => {
        requireSomewhere(req.actor!, 'inventory:write');
        const t = await buildTemplate(req.params.kind, req.query.format);
        return reply
          .header('content-type', req.query.format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_MIME)
          .header('content-disposition', attachment(t.filename))
          .send(t.data);
      },
    );
  }
}
