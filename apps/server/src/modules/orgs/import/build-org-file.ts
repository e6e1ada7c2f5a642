import type { Contact } from '@khien/contracts';
import { PARENT_PATH_SEPARATOR } from './cell-text.js';
import { orgKindLabel } from './org-kinds.js';
import type { OrgExportRow } from './types.js';
import { writeCsv, writeXlsx, type OrgTableRecord } from './write-table.js';

export type OrgTableFormat = 'csv' | 'xlsx';

// Example rows of the template: a real commune of Điện Biên (code from the 2026 list) and a
// school under it, once by code and once by path; the addresses are placeholders.
const TEMPLATE_ROWS: readonly OrgTableRecord[] = [
  [
    'Xã Mường Phăng',
    'Mường Phăng',
    'Xã',
    '03325',
    '11',
    'Tỉnh Điện Biên',
    'Nguyễn Văn An',
    'Chủ tịch UBND xã',
    '0912 345 678',
    'vanphong.muongphang@example.vn',
    'không',
  ],
  [
    'Trường THCS Mường Phăng',
    'THCS Mường Phăng',
    'Trường học',
    '',
    '03325',
    'Tỉnh Điện Biên / Xã Mường Phăng',
    'Lò Thị Bình',
    'Hiệu trưởng',
    '0987 654 321',
    'thcs.muongphang@example.vn',
    'có',
  ],
];

/** An empty-but-for-examples file to fill in: the import columns, two example rows, and (XLSX) a guide sheet. */
export async function buildOrgTemplate(format: OrgTableFormat): Promise<Buffer> {
  return format === 'csv' ? writeCsv(TEMPLATE_ROWS) : writeXlsx(TEMPLATE_ROWS);
}

/**
 * Orgs as a file that imports back unchanged: the template's columns, one row per
 * contact (org columns repeated), or one row with blank contact columns for an org
 * without contacts. Kinds are written as their Vietnamese label ("Xã", "Trường học").
 */
export async function buildOrgExport(rows: readonly OrgExportRow[], format: OrgTableFormat): Promise<Buffer> {
  const records: OrgTableRecord[] = [];
  for (const org of rows) {
    const orgCells = [
      org.name,
      org.shortName,
      orgKindLabel(org.kind),
      org.adminCode ?? '',
      org.parentAdminCode ?? '',
      org.parentPath.join(PARENT_PATH_SEPARATOR),
    ];
    if (org.contacts.length === 0) records.push([...orgCells, '', '', '', '', '']);
    for (const contact of org.contacts) records.push([...orgCells, ...contactCells(contact)]);
  }
  return format === 'csv' ? writeCsv(records) : writeXlsx(records);
}

function contactCells(c: Contact): string[] {
  return [c.name, c.role, c.phone ?? '', c.email ?? '', c.hotline247 ? 'có' : 'không'];
}
