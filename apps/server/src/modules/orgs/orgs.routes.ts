import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ContactInputSchema,
  ContactPatchSchema,
  ContactSchema,
  CreateOrgBodySchema,
  IdParamsSchema,
  IdSchema,
  ImportResultSchema,
  ListOrgsQuerySchema,
  MoveOrgBodySchema,
  OkSchema,
  OrgDetailSchema,
  OrgHistoryEntrySchema,
  OrgPageSchema,
  UpdateOrgBodySchema,
} from '@khien/contracts';
import type { Db } from '../../platform/db/client.js';
import { domainError } from '../../platform/errors.js';
import { addContact, listOrgHistory, removeContact, updateContact } from './org-contacts.service.js';
import { exportOrgs } from './org-export.service.js';
import { importOrgs } from './org-import.service.js';
import { buildOrgTemplate, MAX_IMPORT_BYTES } from './import/index.js';
import { createOrg, deleteOrg, getOrgDetail, listOrgs, listRootOrgs, moveOrg, updateOrg } from './orgs.service.js';
import { assertCleanText } from '../../platform/http/input-guard.js';
import { languageOf } from '../../platform/words.js';

const ContactParamsSchema = z.object({ id: IdSchema, contactId: IdSchema }).strict();
const FormatQuerySchema = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') }).strict();
const ExportQuerySchema = FormatQuerySchema.extend({ under: IdSchema.optional() }).strict();
const ImportQuerySchema = z
  .object({
    dryRun: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
    onError: z.enum(['skip', 'abort']).default('abort'),
    parentId: IdSchema.optional(),
  })
  .strict();

const MIME = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

export function registerOrgs(app: FastifyInstance, deps: { db: Db }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const tags = ['orgs'];
  const read = { permission: 'org:read' } as const;
  const write = { permission: 'org:write' } as const;

  r.get('/api/v1/orgs/roots', { config: read, schema: { tags, response: { 200: OrgPageSchema } } }, async (req) => listRootOrgs(db, req.actor!));
  r.get('/api/v1/orgs', { config: read, schema: { tags, querystring: ListOrgsQuerySchema, response: { 200: OrgPageSchema } } }, async (req) =>
    listOrgs(db, req.actor!, req.query),
  );
  r.post('/api/v1/orgs', { config: write, schema: { tags, body: CreateOrgBodySchema, response: { 201: OrgDetailSchema } } }, async (req, reply) =>
    reply.status(201).send(await createOrg(db, req.actor!, req.body, req.audit)),
  );
  r.get('/api/v1/orgs/import-template', { config: read, schema: { tags, querystring: FormatQuerySchema } }, async (req, reply) => {
    const buf = await buildOrgTemplate(req.query.format);
    return reply
      .header('content-type', MIME[req.query.format])
      .header('content-disposition', `attachment; filename="khien-mau-don-vi.${req.query.format}"`)
      .send(buf);
  });
  r.get('/api/v1/orgs/export', { config: read, schema: { tags, querystring: ExportQuerySchema } }, async (req, reply) => {
    const buf = await exportOrgs(db, req.actor!, req.query);
    return reply
      .header('content-type', MIME[req.query.format])
      .header('content-disposition', `attachment; filename="khien-don-vi.${req.query.format}"`)
      .send(buf);
  });
  r.post(
    '/api/v1/orgs/import',
    {
      config: write,
      bodyLimit: MAX_IMPORT_BYTES + 1_000_000,
      schema: { tags, querystring: ImportQuerySchema, consumes: ['multipart/form-data'], response: { 200: ImportResultSchema } },
    },
    async (req) => {
      if (!req.isMultipart()) throw domainError('UNSUPPORTED_MEDIA_TYPE', 'multipart_file_expected', 'send the file as multipart/form-data field "file"');
      const part = await req.file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } });
      if (!part) throw domainError('BAD_REQUEST', 'file_missing', 'missing file field');
      const data = await part.toBuffer();
      const { stopped: _, ...result } = await importOrgs(
        db,
        req.actor!,
        { data, filename: assertCleanText(part.filename, 'file.filename') },
        { ...req.query, lang: languageOf(req.headers['accept-language']) },
        req.audit,
      );
      return result;
    },
  );
  r.get('/api/v1/orgs/:id', { config: read, schema: { tags, params: IdParamsSchema, response: { 200: OrgDetailSchema } } }, async (req) =>
    getOrgDetail(db, req.actor!, req.params.id),
  );
  r.patch(
    '/api/v1/orgs/:id',
    { config: write, schema: { tags, params: IdParamsSchema, body: UpdateOrgBodySchema, response: { 200: OrgDetailSchema } } },
    async (req) => updateOrg(db, req.actor!, req.params.id, req.body, req.audit),
  );
  r.post(
    '/api/v1/orgs/:id/move',
    { config: write, schema: { tags, params: IdParamsSchema, body: MoveOrgBodySchema, response: { 200: OrgDetailSchema } } },
    async (req) => moveOrg(db, req.actor!, req.params.id, req.body.parentId, req.body.version, req.audit),
  );
  r.delete('/api/v1/orgs/:id', { config: write, schema: { tags, params: IdParamsSchema, response: { 200: OkSchema } } }, async (req) => {
    await deleteOrg(db, req.actor!, req.params.id, req.audit);
    return { ok: true as const };
  });
  r.get(
    '/api/v1/orgs/:id/history',
    { config: read, schema: { tags, params: IdParamsSchema, response: { 200: z.object({ items: z.array(OrgHistoryEntrySchema) }) } } },
    async (req) => ({
      items: await listOrgHistory(db, req.actor!, req.params.id),
    }),
  );
  r.post(
    '/api/v1/orgs/:id/contacts',
    { config: write, schema: { tags, params: IdParamsSchema, body: ContactInputSchema, response: { 201: ContactSchema } } },
    async (req, reply) => reply.status(201).send(await addContact(db, req.actor!, req.params.id, req.body, req.audit)),
  );
  r.patch(
    '/api/v1/orgs/:id/contacts/:contactId',
    { config: write, schema: { tags, params: ContactParamsSchema, body: ContactPatchSchema, response: { 200: ContactSchema } } },
    async (req) => updateContact(db, req.actor!, req.params.id, req.params.contactId, req.body, req.audit),
  );
  r.delete(
    '/api/v1/orgs/:id/contacts/:contactId',
    { config: write, schema: { tags, params: ContactParamsSchema, response: { 200: OkSchema } } },
    async (req) => {
      await removeContact(db, req.actor!, req.params.id, req.params.contactId, req.audit);
      return { ok: true as const };
    },
  );
}
