import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AssignmentPageSchema,
  CascadeQuerySchema,
  CascadeSchema,
  DirectiveInputSchema,
  DirectivePageSchema,
  DirectiveSchema,
  DocumentImportCapabilitiesSchema,
  DocumentImportSchema,
  IdParamsSchema,
  IdSchema,
  ListAssignmentsQuerySchema,
  ListDirectivesQuerySchema,
  OkSchema,
  ParsedDispatchDraftSchema,
  RecipientRuleSchema,
  RollupSchema,
} from '@khien/contracts';
import type { Db } from '../../platform/db/client.js';
import { domainError } from '../../platform/errors.js';
import { attachment, uploadedFile } from '../../platform/http/upload.js';
import type { FileStore } from '../../platform/files/files.js';
import type { FileAccess } from '../../platform/files/file-access.js';
import { listAssignments } from './assignments.service.js';
import { getVisibleDirective } from './directive-access.js';
import { addAttachment, createDraft, deleteDraft, listDirectives, toDirective, updateDraft } from './directive-drafts.service.js';
import { closeDirective, issueDirective, previewRecipients } from './directive-issue.service.js';
import { parseToDraft } from './directive-parse.service.js';
import { rollup } from './rollup.service.js';
import { cascade } from './directive-cascade.service.js';
import { documentImportFor } from './directive-import-match.js';
import type { WorkContext } from '../work/index.js';
import { exportDirectiveDocx, exportReport } from './directive-export.service.js';
import { directiveFileReader } from './files-access.js';
import { MAX_DISPATCH_BYTES } from './dispatch-text.js';
import { documentCapabilities, getDocumentImport, readImportPage, startDocumentImport, toDocumentImport } from './document-imports.service.js';
import { DOCUMENT_LIMITS } from '../../platform/documents/index.js';

export interface DirectivesDeps {
  db: Db;
  files: FileStore;
  fileAccess: FileAccess;
  work: WorkContext;
}

const VersionBody = z.object({ version: z.number().int() }).strict();
const VersionQuery = z.object({ version: z.coerce.number().int() }).strict();
const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export function registerDirectives(app: FastifyInstance, deps: DirectivesDeps): void {
  deps.fileAccess.register('directives', directiveFileReader);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, files } = deps;
  const tags = ['directives'];
  const read = { permission: 'directive:read' } as const;
  const write = { permission: 'directive:write' } as const;

  r.post(
    '/api/v1/directives/parse',
    { config: write, bodyLimit: MAX_DISPATCH_BYTES + 1_000_000, schema: { tags, response: { 200: ParsedDispatchDraftSchema } } },
    async (req) => {
      if (req.isMultipart()) return parseToDraft(db, files, req.actor!, { file: await uploadedFile(req, MAX_DISPATCH_BYTES) });
      const body = z
        .object({ text: z.string().max(2_000_000) })
        .strict()
        .safeParse(req.body);
      if (!body.success)
        throw domainError('VALIDATION_FAILED', 'dispatch_text_or_file', 'send {"text": "…"} or a file', {}, [
          { path: 'body.text', message: body.error.issues[0]?.message ?? 'invalid' },
        ]);
      return parseToDraft(db, files, req.actor!, { text: body.data.text });
    },
  );
  // PDFs and photos are read by a background job (OCR takes seconds a page); the web polls the import
  r.get('/api/v1/directives/imports/capabilities', { config: write, schema: { tags, response: { 200: DocumentImportCapabilitiesSchema } } }, async (req) =>
    documentCapabilities(req.actor!),
  );
  r.post(
    '/api/v1/directives/imports',
    { config: write, bodyLimit: DOCUMENT_LIMITS.maxBytes + 1_000_000, schema: { tags, response: { 201: DocumentImportSchema, 202: DocumentImportSchema } } },
    async (req, reply) => {
      const started = await startDocumentImport(db, files, req.actor!, await uploadedFile(req, DOCUMENT_LIMITS.maxBytes), req.audit);
      // 201: read already (text layers); 202: queued for OCR, poll GET …/imports/:id
      return reply.status(started.status === 'queued' ? 202 : 201).send(await documentImportFor(db, req.actor!, started));
    },
  );
  r.get('/api/v1/directives/imports/:id', { config: write, schema: { tags, params: IdParamsSchema, response: { 200: DocumentImportSchema } } }, async (req) =>
    documentImportFor(db, req.actor!, toDocumentImport(await getDocumentImport(db, req.actor!, req.params.id))),
  );
  r.get(
    '/api/v1/directives/imports/:id/pages/:page',
    { config: write, schema: { tags, params: z.object({ id: IdSchema, page: z.coerce.number().int().min(1).max(1000) }).strict() } },
    async (req, reply) => {
      const jpeg = await readImportPage(db, files, req.actor!, req.params.id, req.params.page);
      // made by this server from the upload (never the upload's own bytes), so safe to show inline
      return reply.header('content-type', 'image/jpeg').header('cache-control', 'private, max-age=3600').header('x-content-type-options', 'nosniff').send(jpeg);
    },
  );
  r.get('/api/v1/directives', { config: read, schema: { tags, querystring: ListDirectivesQuerySchema, response: { 200: DirectivePageSchema } } }, async (req) =>
    listDirectives(db, req.actor!, req.query),
  );
  r.post(
    '/api/v1/directives',
    {
      config: write,
      schema: { tags, querystring: z.object({ sourceFileId: IdSchema.optional() }).strict(), body: DirectiveInputSchema, response: { 201: DirectiveSchema } },
    },
    async (req, reply) => {
      if (req.query.sourceFileId) await deps.fileAccess.read(db, files, req.actor!, req.query.sourceFileId);
      const d = await createDraft(db, req.actor!, req.body, req.audit, req.query.sourceFileId ? { fileId: req.query.sourceFileId } : undefined);
      return reply.status(201).send(d);
    },
  );
  r.get('/api/v1/directives/:id', { config: read, schema: { tags, params: IdParamsSchema, response: { 200: DirectiveSchema } } }, async (req) =>
    toDirective(db, req.actor!, await getVisibleDirective(db, req.actor!, req.params.id)),
  );
  r.put(
    '/api/v1/directives/:id',
    { config: write, schema: { tags, params: IdParamsSchema, querystring: VersionQuery, body: DirectiveInputSchema, response: { 200: DirectiveSchema } } },
    async (req) => updateDraft(db, req.actor!, req.params.id, req.query.version, req.body, req.audit),
  );
  r.delete('/api/v1/directives/:id', { config: write, schema: { tags, params: IdParamsSchema, response: { 200: OkSchema } } }, async (req) => {
    await deleteDraft(db, req.actor!, req.params.id, req.audit);
    return { ok: true as const };
  });
  r.post(
    '/api/v1/directives/:id/attachments',
    { config: write, bodyLimit: 26 * 1024 * 1024, schema: { tags, params: IdParamsSchema, response: { 200: DirectiveSchema } } },
    async (req) => addAttachment(db, files, req.actor!, req.params.id, await uploadedFile(req, 25 * 1024 * 1024), req.audit),
  );
  r.post(
    '/api/v1/directives/:id/recipients-preview',
    {
      config: write,
      schema: {
        tags,
        params: IdParamsSchema,
        body: z.object({ rule: RecipientRuleSchema.nullable().optional() }).strict().nullish(),
        response: {
          200: z.object({
            items: z.array(z.object({ id: IdSchema, name: z.string(), kind: z.string(), parentName: z.string().nullable() })),
            total: z.number().int(),
          }),
        },
      },
    },
    async (req) => previewRecipients(db, req.actor!, req.params.id, req.body?.rule ?? null),
  );
  r.post(
    '/api/v1/directives/:id/issue',
    { config: write, schema: { tags, params: IdParamsSchema, body: VersionBody, response: { 200: DirectiveSchema } } },
    async (req) => issueDirective(db, deps.work, req.actor!, req.params.id, req.body.version, req.audit),
  );
  r.post(
    '/api/v1/directives/:id/close',
    { config: write, schema: { tags, params: IdParamsSchema, body: VersionBody, response: { 200: DirectiveSchema } } },
    async (req) => closeDirective(db, req.actor!, req.params.id, req.body.version, req.audit),
  );
  r.get(
    '/api/v1/directives/:id/assignments',
    { config: read, schema: { tags, params: IdParamsSchema, querystring: ListAssignmentsQuerySchema, response: { 200: AssignmentPageSchema } } },
    async (req) => {
      const d = await getVisibleDirective(db, req.actor!, req.params.id);
      return listAssignments(db, req.actor!, { ...req.query, directiveId: d.id, issuerView: d.side === 'issuer' });
    },
  );
  r.get(
    '/api/v1/directives/:id/rollup',
    {
      config: write,
      schema: {
        tags,
        params: IdParamsSchema,
        querystring: z.object({ by: RollupSchema.shape.by.default('commune') }).strict(),
        response: { 200: RollupSchema },
      },
    },
    async (req) => rollup(db, req.actor!, req.params.id, req.query.by),
  );
  // how each recipient passed it on, one level a page (a relay opens with its own cascade)
  r.get(
    '/api/v1/directives/:id/cascade',
    { config: { permission: 'directive:read' }, schema: { tags, params: IdParamsSchema, querystring: CascadeQuerySchema, response: { 200: CascadeSchema } } },
    async (req) => cascade(db, req.actor!, req.params.id, req.query),
  );
  r.get('/api/v1/directives/:id/export.docx', { config: read, schema: { tags, params: IdParamsSchema } }, async (req, reply) => {
    const { buffer, filename } = await exportDirectiveDocx(db, req.actor!, req.params.id);
    return reply.header('content-type', MIME.docx).header('content-disposition', attachment(filename)).send(buffer);
  });
  for (const format of ['docx', 'xlsx'] as const) {
    r.get(`/api/v1/directives/:id/report.${format}`, { config: write, schema: { tags, params: IdParamsSchema } }, async (req, reply) => {
      const { buffer, filename } = await exportReport(db, req.actor!, req.params.id, format);
      return reply.header('content-type', MIME[format]).header('content-disposition', attachment(filename)).send(buffer);
    });
  }
}
