import { looksLikeDispatch, parseDispatch, type ParsedDispatch } from '@khien/formats';
import { type AppError, domainError } from '../../platform/errors.js';
import { decodeText, looksBinary } from '../../platform/text-decoding.js';
import { documentKind, readDocument, readDocxText } from '../../platform/documents/index.js';

export const MAX_DISPATCH_BYTES = 10 * 1024 * 1024;
export const MAX_DISPATCH_TEXT = 2_000_000;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * The text of an uploaded .txt, .docx or PDF (decided by content, not by name). With `ocr`
 * (the CLI), photos and scanned pages are read with Tesseract here and now; without it (the
 * inline parse route) only a PDF's own text layer is read, and a scan is sent to the
 * background import instead.
 */
export async function extractDispatchText(data: Buffer, filename: string, opts: { ocr?: boolean } = {}): Promise<string> {
  if (data.length === 0) throw domainError('BAD_REQUEST', 'file_empty', 'the file is empty');
  if (data.length > MAX_DISPATCH_BYTES) throw domainError('PAYLOAD_TOO_LARGE', 'dispatch_file_too_large', 'file too large (max 10 MB)');
  // a zip bomb is refused by the guarded reader (413/422 naming the limit); mammoth runs in a capped worker
  if (data.subarray(0, 4).equals(ZIP_MAGIC)) return readDocxText(data, { filename });
  if (documentKind(data)) return (await readDocument(data, { ocr: opts.ocr ?? false })).text;
  if (/\.(pdf|png|jpe?g|doc)$/i.test(filename)) {
    throw domainError('UNSUPPORTED_MEDIA_TYPE', 'dispatch_file_unsupported', 'unsupported file: .txt, .docx, PDF, PNG or JPEG (not legacy .doc)');
  }
  const { text } = decodeText(data);
  if (looksBinary(text)) throw domainError('UNSUPPORTED_MEDIA_TYPE', 'file_not_text', 'the file is not text');
  return text;
}

/** Parses and refuses what is not a dispatch, so nothing is created from a recipe or a photo. */
export function parseDispatchText(text: string): ParsedDispatch {
  if (text.trim().length === 0) throw domainError('BAD_REQUEST', 'text_empty', 'the text is empty');
  if (text.length > MAX_DISPATCH_TEXT) throw domainError('PAYLOAD_TOO_LARGE', 'dispatch_text_too_long', 'text too long (max 2 million characters)');
  const parsed = parseDispatch(text);
  if (!looksLikeDispatch(parsed)) throw notADispatch();
  return parsed;
}

export function notADispatch(): AppError {
  return domainError('IMPORT_FAILED', 'not_a_dispatch', 'this does not look like a dispatch');
}

/** The parser's result as the JSON that `khien directive parse --json` prints. */
export function dispatchJson(p: ParsedDispatch) {
  return {
    number: p.number,
    place: p.place,
    date: p.date,
    subject: p.subject,
    recipients: p.recipients,
    sections: p.sections.map((s) => ({ heading: s.heading, addressees: s.addressees, tasks: s.tasks })),
    contacts: p.contacts,
    signer: p.signer,
    copiesTo: p.copiesTo,
  };
}
