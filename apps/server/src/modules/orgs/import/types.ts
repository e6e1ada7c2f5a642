import type { Contact, ContactInput, ImportRowError, OrgKind } from '@khien/contracts';
import type { Lang, Words } from '../../../platform/words.js';

/**
 * A row error as found: what is wrong as a code, and in both languages; the result handed out says
 * it in the request's language and keeps both (`sayIssues`), so the web shows the one it reads in. `field` is the canonical English
 * column key (`name`, `kind`, `contact_phone`…), or the column as written for an unknown column.
 */
export interface RowIssue {
  row: number;
  field: string | null;
  code: string;
  text: Words;
}

export function sayIssues(issues: readonly RowIssue[], lang: Lang): ImportRowError[] {
  return issues.map((i) => ({ row: i.row, field: i.field, code: i.code, message: i.text[lang], text: i.text }));
}

export interface OrgImportRow {
  /** 1-based row as the user sees it: the spreadsheet row, the CSV line where the record starts (header = 1); for JSON the running index, province then its wards. */
  row: number;
  name: string;
  shortName: string;
  kind: OrgKind;
  adminCode: string | null;
  /** Parent identified by its official code… */
  parentAdminCode: string | null;
  /** …or by the names from the top, e.g. ["Tỉnh Điện Biên", "Phường Mường Lay"]. */
  parentPath: string[] | null;
  /** At most one contact per row; several rows for the same org add several contacts. */
  contact: ContactInput | null;
}

export type OrgFileFormat = 'csv' | 'xlsx' | 'admin-units-json';

export interface ParsedOrgFile {
  format: OrgFileFormat;
  rows: OrgImportRow[];
  errors: RowIssue[];
}

export interface OrgExportRow {
  name: string;
  shortName: string;
  kind: OrgKind;
  adminCode: string | null;
  parentAdminCode: string | null;
  parentPath: string[];
  contacts: Contact[];
}

/** One cell as read from a file, before field validation. */
export interface RawCell {
  text: string;
  /** The spreadsheet stored a number (so "00004" may have become 4). */
  numeric: boolean;
  /** Spreadsheet error value such as "#N/A", if the cell (or its formula) holds one. */
  error: string | null;
}

export interface RawRow {
  row: number;
  cells: RawCell[];
}

/** Non-empty rows of a table file, header first, plus problems met while reading it. */
export interface RawTable {
  rows: RawRow[];
  errors: RowIssue[];
}
