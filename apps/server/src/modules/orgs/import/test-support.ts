// Helpers for this folder's tests only: building files the way other software writes them.
import { crc32, deflateRawSync } from 'node:zlib';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { Contact } from '@khien/contracts';
import type { OrgExportRow } from './types.js';

/** The repository root (…/main); shared test data lives next to it in ../shared/data. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../../../../../..');
export const ADMIN_UNITS_PATH = path.resolve(REPO_ROOT, '../shared/data/vn-admin-units-2026.json');

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * Text → Windows-1258 the way Windows converts it: letters the code page has
 * (â, ê, ô, ơ, ư, ă, đ, á, à…) as single bytes, tones it lacks as a base letter
 * plus a combining tone mark. iconv-lite alone would write "?" for "ế".
 */
export function encodeWindows1258(text: string): Buffer {
  const parts: Buffer[] = [];
  for (const ch of text.normalize('NFC')) {
    const direct = iconv.encode(ch, 'windows1258');
    if (ch === '?' || !direct.equals(Buffer.from('?'))) {
      parts.push(direct);
      continue;
    }
    const decomposed = ch.normalize('NFD');
    const base = decomposed.replace(TONES, '').normalize('NFC');
    const tones = decomposed.match(TONES) ?? [];
    const encoded = iconv.encode(base + tones.join(''), 'windows1258');
    if (encoded.includes(0x3f)) throw new Error(`cannot encode ${JSON.stringify(ch)} in Windows-1258`);
    parts.push(encoded);
  }
  return Buffer.concat(parts);
}

export interface ZipEntry {
  name: string;
  data: Buffer;
  /** Lie about the unzipped size in the directory (zip-bomb tests). */
  declaredSize?: number;
}

/** A minimal deflate zip: local headers, central directory, end record. */
export function makeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const body = deflateRawSync(e.data);
    const size = e.declaredSize ?? e.data.length;
    // a real CRC-32: the archive reader checks it, as unzip does
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Sheet XML with inline strings, for files too big to build quickly with exceljs. */
export function sheetXml(rows: Iterable<readonly string[]>): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  ];
  let r = 0;
  for (const row of rows) {
    r++;
    const cells = row.map((v, c) => `<c r="${String.fromCharCode(65 + c)}${r}" t="inlineStr"><is><t>${xml(v)}</t></is></c>`).join('');
    out.push(`<row r="${r}">${cells}</row>`);
  }
  out.push('</sheetData></worksheet>');
  return out.join('');
}

/** The smallest workbook exceljs reads: one sheet whose XML is given. */
export function minimalXlsx(sheet: string | Buffer, declaredSize?: number): Buffer {
  const ns = 'http://schemas.openxmlformats.org';
  const data = typeof sheet === 'string' ? Buffer.from(sheet, 'utf8') : sheet;
  const entries: ZipEntry[] = [
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
      ),
    },
    {
      name: '_rels/.rels',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data, ...(declaredSize === undefined ? {} : { declaredSize }) },
  ];
  return makeZip(entries);
}

/** An XLSX written by exceljs from cell values (numbers stay numbers, formulas stay formulas). */
export async function xlsxFromValues(rows: ExcelJS.CellValue[][], sheetName = 'Sheet1'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

let contactSeq = 0;
export function buildContact(overrides: Partial<Contact> = {}): Contact {
  contactSeq++;
  return {
    id: `00000000-0000-4000-8000-${String(contactSeq).padStart(12, '0')}`,
    name: `Người liên hệ ${contactSeq}`,
    role: '',
    phone: null,
    email: null,
    hotline247: false,
    ...overrides,
  };
}

export function buildExportRow(overrides: Partial<OrgExportRow> = {}): OrgExportRow {
  return {
    name: 'Xã Mường Phăng',
    shortName: 'Mường Phăng',
    kind: 'commune',
    adminCode: '03325',
    parentAdminCode: '11',
    parentPath: ['Tỉnh Điện Biên'],
    contacts: [],
    ...overrides,
  };
}

/** CSV text from rows of cells, quoting only where needed. */
export function csvText(rows: readonly (readonly string[])[], delimiter = ',', eol = '\r\n'): string {
  const quoteCell = (v: string) => (v.includes(delimiter) || /["\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(quoteCell).join(delimiter)).join(eol) + eol;
}
