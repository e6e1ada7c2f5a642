import type { ErrorCode } from '@khien/contracts';
import type { Words } from '../../../platform/words.js';

/** Largest file accepted, before any decoding or unzipping. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Most data rows (not counting the header and empty rows) one file may hold. */
export const MAX_IMPORT_ROWS = 50_000;
/** Columns read from a row; the format has 11, anything past this is noise or an attack. */
export const MAX_IMPORT_COLUMNS = 256;
/** Longest cell kept: well above every field bound, so over-long values still get a proper row error. */
export const MAX_CELL_CHARS = 4_096;

// XLSX is a zip: 20 MiB of deflate can expand to gigabytes. What it may unzip to is
// ARCHIVE_LIMITS.xlsx (platform/archive), checked by inflating it before exceljs sees it.

export type OrgImportRefusalReason =
  'too_large' | 'too_many_rows' | 'empty' | 'unsupported_format' | 'invalid_json' | 'invalid_xlsx' | 'archive_too_large' | 'archive_refused';

const ERROR_CODE: Record<OrgImportRefusalReason, ErrorCode> = {
  too_large: 'PAYLOAD_TOO_LARGE',
  too_many_rows: 'PAYLOAD_TOO_LARGE',
  empty: 'IMPORT_FAILED',
  unsupported_format: 'UNSUPPORTED_MEDIA_TYPE',
  invalid_json: 'IMPORT_FAILED',
  invalid_xlsx: 'IMPORT_FAILED',
  // the guarded zip reader's refusals keep their codes: a bomb answers 413 whichever import read it
  archive_too_large: 'ARCHIVE_TOO_LARGE',
  archive_refused: 'ARCHIVE_REFUSED',
};

/**
 * The only error parseOrgFile throws on purpose: the whole file is refused
 * (as opposed to one bad row, which is reported in `errors`). `text` says why in
 * each language and is safe to show (`message` is the Vietnamese); `errorCode` is
 * the API code to answer with.
 */
export class OrgImportRefusedError extends Error {
  readonly reason: OrgImportRefusalReason;
  readonly errorCode: ErrorCode;
  readonly text: Words;
  constructor(reason: OrgImportRefusalReason, text: Words) {
    super(text.vi);
    this.name = 'OrgImportRefusedError';
    this.reason = reason;
    this.errorCode = ERROR_CODE[reason];
    this.text = text;
  }
}

export function refuse(reason: OrgImportRefusalReason, vi: string, en: string): OrgImportRefusedError {
  return new OrgImportRefusedError(reason, { vi, en });
}

export function tooManyRows(): OrgImportRefusedError {
  return refuse(
    'too_many_rows',
    `Tệp có quá nhiều dòng; tối đa ${MAX_IMPORT_ROWS.toLocaleString('vi-VN')} dòng dữ liệu`,
    `Too many rows; the limit is ${MAX_IMPORT_ROWS.toLocaleString('en-US')} data rows`,
  );
}

export function emptyFile(): OrgImportRefusedError {
  return refuse('empty', 'Tệp rỗng, không có dữ liệu', 'The file is empty');
}
