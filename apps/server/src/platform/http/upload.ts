import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

/** The one file of a multipart request, bounded; a clear 4xx when it is missing or too big. */
export async function uploadedFile(req: FastifyRequest, maxBytes: number) {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Hãy gửi tệp dạng multipart/form-data, trường "file" / send multipart field "file"');
  const part = await req.file({ limits: { fileSize: maxBytes, files: 1 } });
  if (!part) throw new AppError('BAD_REQUEST', 'Thiếu tệp (trường "file") / missing file');
  const data = await part.toBuffer();
  return { data, filename: part.filename || 'file', mime: part.mimetype || 'application/octet-stream' };
}

/** Content-Disposition for a download: an ASCII fallback name and the real (Vietnamese) one. */
export function attachment(name: string): string {
  return `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
