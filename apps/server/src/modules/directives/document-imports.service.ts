import path from 'node:path';
import type { DocumentImport, DocumentImportCapabilities, ParsedDispatchDraft } from '@khien/contracts';
import type { ParsedDispatch } from '@khien/formats';
import type { Db } from '../../platform/db/client.js';
import { AppError, domainError } from '../../platform/errors.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { FileStore } from '../../platform/files/files.js';
import { requireSomewhere, type Actor } from '../../platform/policy.js';
import {
  checkDocument,
  DOCUMENT_LIMITS,
  flagLowConfidence,
  LOW_CONFIDENCE,
  ocrAvailable,
  ocrUnavailable,
  readDocument,
  type DocumentLimits,
  type ReadDocument,
} from '../../platform/documents/index.js';
import { notADispatch, parseDispatchText } from './dispatch-text.js';
import { draftFrom } from './directive-parse.service.js';
import { wakeJobs } from '../../platform/jobs/index.js';
import { DOCUMENT_IMPORT_JOB, enqueueDocumentImport } from './document-import-queue.js';
import {
  claimImportRow,
  failImportRow,
  findImportOfUser,
  findStrandedImports,
  finishImportRow,
  insertImportRow,
  updateImportProgress,
  type DocumentImportRow,
} from './document-imports.repo.js';

/** A running import whose worker has not touched it for this long was abandoned (crash, restart). */
const STALE_MS = 5 * 60_000;
/** A crash mid-way is retried once; a file that crashes the reader twice is failed. */
const MAX_ATTEMPTS = 2;
/** A PDF whose pages all have a text layer is read during the upload request up to this size; OCR never is. */
const INLINE_MAX_PAGES = 10;

export async function documentCapabilities(actor: Actor): Promise<DocumentImportCapabilities> {
  requireSomewhere(actor, 'directive:write');
  return { ocr: await ocrAvailable(), maxBytes: DOCUMENT_LIMITS.maxBytes, maxPages: DOCUMENT_LIMITS.maxPages };
}

export function toDocumentImport(row: DocumentImportRow): DocumentImport {
  return {
    id: row.id,
    filename: row.filename,
    kind: row.kind === 'image' ? 'image' : 'pdf',
    status: row.status as DocumentImport['status'],
    pagesTotal: row.pagesTotal,
    pagesDone: row.pagesDone,
    error: row.error ?? null,
    result: (row.result as ParsedDispatchDraft | null) ?? null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/**
 * Accepts a PDF or photo for reading: checked first (type, size, password, damage, pages,
 * pixels, OCR available), so a bad file is refused now and nothing is stored; then the
 * original is kept and the import row written with its audit entry. A short PDF with a text
 * layer on every page is read there and then (the answer is already done); anything that
 * needs OCR is queued for a worker and the caller polls.
 */
export async function startDocumentImport(
  db: Db,
  store: FileStore,
  actor: Actor,
  file: { data: Buffer; filename: string; mime: string },
  audit: AuditContext,
): Promise<DocumentImport> {
  requireSomewhere(actor, 'directive:write');
  const check = await checkDocument(file.data);
  if (check.needOcr.length === check.pages && !(await ocrAvailable())) throw ocrUnavailable();
  const stored = await store.put(db, { ...file, createdBy: actor.userId });
  // every page has its own text: ~0.1 s of work, done now rather than after a worker's poll
  const inline = check.needOcr.length === 0 && check.pages <= INLINE_MAX_PAGES;
  const row = await db.transaction(async (tx) => {
    const r = await insertImportRow(tx, {
      createdBy: actor.userId,
      fileId: stored.id,
      filename: stored.filename,
      kind: check.kind,
      pagesTotal: check.pages,
    });
    await recordAudit(tx, audit, {
      action: 'directive.import.created',
      entityType: 'document_import',
      entityId: r.id,
      orgId: null,
      orgPath: null,
      after: { filename: r.filename, kind: r.kind, pages: r.pagesTotal, fileId: stored.id, sizeBytes: stored.sizeBytes },
    });
    if (!inline) await enqueueDocumentImport(tx, r.id);
    return r;
  });
  if (inline) {
    await runDocumentImport(db, store, row.id);
    return toDocumentImport((await findImportOfUser(db, row.id, actor.userId)) ?? row);
  }
  wakeJobs(DOCUMENT_IMPORT_JOB);
  return toDocumentImport(row);
}

/** The caller's own import; everyone else's does not exist (404), whatever their rights. */
export async function getDocumentImport(db: Db, actor: Actor, id: string): Promise<DocumentImportRow> {
  const row = await findImportOfUser(db, id, actor.userId);
  if (!row) throw domainError('NOT_FOUND', 'document_import_not_found', 'import not found');
  requireSomewhere(actor, 'directive:write');
  return row;
}

/** A page image of the caller's own import (a JPEG this server made). */
export async function readImportPage(db: Db, store: FileStore, actor: Actor, id: string, page: number): Promise<Buffer> {
  const row = await getDocumentImport(db, actor, id);
  const image = row.pageImages.find((p) => p.page === page);
  if (!image) throw domainError('NOT_FOUND', 'page_image_not_found', 'no image of this page');
  return (await store.get(db, image.fileId)).data;
}

/** The texts of a draft by field path, in the order they are printed (see flagLowConfidence). */
function draftFields(parsed: ParsedDispatch, draft: ParsedDispatchDraft['draft']): Record<string, string> {
  const f: Record<string, string> = {
    number: draft.number ?? '',
    subject: draft.subject,
    place: draft.place ?? '',
    issuedOn: parsed.dateText ?? '',
    recipientsText: draft.recipientsText.join('\n'),
    preamble: draft.preamble,
  };
  draft.sections.forEach((s, i) => {
    f[`sections.${i}.heading`] = s.heading;
    // a heading that is also the section's first task is printed once
    s.tasks.forEach((t, j) => (f[`sections.${i}.tasks.${j}.text`] = j === 0 && t.text === s.heading ? '' : t.text));
  });
  Object.assign(f, {
    closing: draft.closing,
    contacts: draft.contacts.map((c) => `${c.name} ${c.phone}`).join('\n'),
    copiesTo: draft.copiesTo.join('\n'),
    'signer.authority': draft.signer.authority ?? '',
    'signer.title': draft.signer.title ?? '',
    'signer.name': draft.signer.name ?? '',
  });
  return f;
}

/** The structured draft of a read document: the text import's draft plus how each page was read. */
export function draftFromDocument(read: ReadDocument, sourceFileId: string | null, pageImages: Set<number>): ParsedDispatchDraft {
  // a photo with no words at all is "not a dispatch" like any other, not an empty request
  if (read.text.trim() === '') throw notADispatch();
  const parsed = parseDispatchText(read.text);
  const draft = draftFrom(parsed);
  const ocrPages = read.pages.filter((p) => p.confidence !== null);
  const meanConfidence = ocrPages.length ? Math.round((ocrPages.reduce((n, p) => n + p.confidence!, 0) / ocrPages.length) * 10) / 10 : null;
  const lowConfidence = flagLowConfidence(draftFields(parsed, draft), read.words, LOW_CONFIDENCE).slice(0, 500);
  const warnings = [...read.warnings, ...parsed.warnings];
  if (lowConfidence.length > 0) warnings.unshift(`Có ${lowConfidence.length} trường chứa chữ nhận dạng (OCR) chưa chắc chắn, được tô màu để kiểm tra`);
  return {
    draft,
    issuerText: parsed.issuer,
    warnings,
    sourceFileId,
    document: {
      kind: read.kind,
      meanConfidence,
      lowConfidence,
      pages: read.pages.map((p) => ({
        page: p.page,
        source: p.source,
        confidence: p.confidence,
        skewDegrees: p.skewDegrees,
        image: pageImages.has(p.page),
        width: p.previewWidth,
        height: p.previewHeight,
        stamp: p.marks.stamp.length > 0,
        signature: p.marks.signature.length > 0,
      })),
    },
  };
}

/**
 * The job: reads the import's file page by page (progress in the row, so any process can
 * report it), keeps the page images, parses, stores the draft. A file that is not a
 * dispatch, or cannot be read, fails the import with the reason; nothing else is created.
 */
export async function runDocumentImport(db: Db, store: FileStore, importId: string, limits: DocumentLimits = DOCUMENT_LIMITS): Promise<void> {
  const row = await claimImportRow(db, importId, new Date(Date.now() - STALE_MS), MAX_ATTEMPTS);
  if (!row) return;
  try {
    const { data } = await store.get(db, row.fileId);
    const read = await readDocument(data, {
      limits,
      previews: true,
      onProgress: (done, total) => updateImportProgress(db, row.id, done, total),
    });
    const base = path.parse(row.filename).name.slice(0, 100) || 'cong-van';
    const pageImages: { page: number; fileId: string }[] = [];
    for (const p of read.pages) {
      if (!p.preview) continue;
      const f = await store.put(db, { data: p.preview, filename: `${base}-trang-${p.page}.jpg`, mime: 'image/jpeg', createdBy: row.createdBy });
      pageImages.push({ page: p.page, fileId: f.id });
    }
    const result = draftFromDocument(read, row.fileId, new Set(pageImages.map((p) => p.page)));
    await finishImportRow(db, row.id, result, pageImages);
  } catch (err) {
    // the reason goes along so the web shows the failure in the reader's language, as for a refused request
    if (err instanceof AppError)
      await failImportRow(db, row.id, { code: err.code, message: err.message, ...(err.reason ? { reason: err.reason, params: err.params ?? {} } : {}) });
    else {
      await failImportRow(db, row.id, { code: 'INTERNAL', message: 'Lỗi không mong đợi khi đọc tệp / unexpected error while reading the file' });
      throw err;
    }
  }
}

/**
 * Every minute: imports whose job was lost (queued before the job runner existed) or whose
 * worker died are run again; one tried twice already is failed with a message.
 */
export async function sweepDocumentImports(db: Db, store: FileStore, now = new Date()): Promise<number> {
  const stranded = await findStrandedImports(db, new Date(now.getTime() - 60_000), new Date(now.getTime() - STALE_MS), 5);
  for (const s of stranded) {
    if (s.attempts >= MAX_ATTEMPTS) {
      await failImportRow(db, s.id, {
        code: 'IMPORT_FAILED',
        message: 'Việc đọc tệp bị gián đoạn hai lần; hãy tải tệp lên lại / reading was interrupted twice: upload the file again',
      });
    } else await runDocumentImport(db, store, s.id);
  }
  return stranded.length;
}
