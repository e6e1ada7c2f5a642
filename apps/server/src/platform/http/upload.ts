import type { FastifyReply, FastifyRequest } from 'fastify';
import { sniffMime } from '../files/sniff.js';
import { AppError } from '../errors.js';
import { assertCleanText } from './input-guard.js';

/** The one file of a multipart request, bounded; a clear 4xx when it is missing or too big. */
export async function uploadedFile(req: FastifyRequest, maxBytes: number) {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Hãy gửi tệp dạng multipart/form-data, trường "file" / send multipart field "file"');
  const part = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!part) throw new AppError('BAD_REQUEST', 'Thiếu tệp (trường "file") / missing file');
  const data = await part.toBuffer();
  return { data, filename: assertCleanText(part.filename || 'file', 'file.filename'), mime: part.mimetype || 'application/octet-stream' };
}

/**
 * A stored file as a download: the type read from its bytes (not the uploader's word for it),
 * always an attachment, never sniffed into something else, and sandboxed should a browser open it.
 */
export function sendStoredFile(reply: FastifyReply, file: { meta: { filename: string }; data: Buffer }) {
  return reply
    .header('content-type', sniffMime(file.data, file.meta.filename))
    .header('content-disposition', attachment(file.meta.filename))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .header('cache-control', 'private, no-store')
    .send(file.data);
}

/** Content-Disposition for a download: an ASCII fallback name and the real (Vietnamese) one. */
export function attachment(name: string): string {
  return `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
