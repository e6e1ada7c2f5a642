import type { ImportRowError } from '@khien/contracts';
import { ORG_COLUMNS, resolveHeader, type OrgColumnKey } from './columns.js';
import { emptyFile } from './limits.js';
import { finishRows, type Candidate } from './finish-rows.js';
import type { OrgImportRow, RawCell, RawRow, RawTable } from './types.js';
import {
  cellText,
  checkLength,
  MAX_SHORT_NAME,
  quote,
  RowProblems,
  validateContact,
  validateKind,
  validateName,
  validateParentPath,
} from './validate-fields.js';

const KNOWN_HEADERS = ORG_COLUMNS.map((c) => c.header).join(', ');

/**
 * Rows of a CSV/XLSX table → import rows and row errors. The first non-empty row
 * is the header; every other row is validated on its own (a bad row is reported
 * field by field and left out whole), then finishRows applies the file-wide checks.
 */
export function buildRowsFromTable(table: RawTable): { rows: OrgImportRow[]; errors: ImportRowError[] } {
  const [header, ...data] = table.rows;
  if (!header) {
    if (table.errors.length > 0) return { rows: [], errors: [...table.errors] };
    throw emptyFile();
  }
  const errors: ImportRowError[] = [];
  const columns = mapHeader(header, errors);
  if (!columns.has('name')) {
    errors.push({ row: header.row, field: 'name', message: `Thiếu cột tên đơn vị "ten" (hoặc "name") ở dòng tiêu đề; các cột hợp lệ: ${KNOWN_HEADERS}` });
    return { rows: [], errors: [...errors, ...table.errors] };
  }

  const candidates: Candidate[] = [];
  for (const raw of data) {
    const cells = pick(raw, columns);
    if (Object.values(cells).every((c) => c.text === '' && c.error === null)) continue;
    const problems = new RowProblems(raw.row);
    const candidate = readCandidate(raw.row, cells, problems);
    if (candidate && problems.ok) candidates.push(candidate);
    else errors.push(...problems.list);
  }
  const rows = finishRows(candidates, errors);
  errors.push(...table.errors);
  errors.sort((a, b) => a.row - b.row);
  return { rows, errors };
}

/** Column index of each known column; unknown and repeated columns are reported (once each) on the header row. */
function mapHeader(header: RawRow, errors: ImportRowError[]): Map<OrgColumnKey, number> {
  const columns = new Map<OrgColumnKey, number>();
  header.cells.forEach((cell, index) => {
    const text = cell.text;
    if (text === '') return;
    const key = resolveHeader(text);
    if (!key) {
      errors.push({ row: header.row, field: text, message: `Cột ${quote(text)} không được hỗ trợ và bị bỏ qua; các cột hợp lệ: ${KNOWN_HEADERS}` });
    } else if (columns.has(key)) {
      errors.push({ row: header.row, field: text, message: `Cột ${quote(text)} bị lặp (cùng nghĩa với một cột trước); chỉ cột đầu tiên được đọc` });
    } else {
      columns.set(key, index);
    }
  });
  return columns;
}

const EMPTY: RawCell = { text: '', numeric: false, error: null };

function pick(raw: RawRow, columns: Map<OrgColumnKey, number>): Partial<Record<OrgColumnKey, RawCell>> {
  const cells: Partial<Record<OrgColumnKey, RawCell>> = {};
  for (const [key, index] of columns) cells[key] = raw.cells[index] ?? EMPTY;
  return cells;
}

function readCandidate(row: number, cells: Partial<Record<OrgColumnKey, RawCell>>, problems: RowProblems): Candidate | null {
  const name = cellText(cells, 'name', problems).text;
  validateName(name, problems);
  const shortName = cellText(cells, 'short_name', problems).text;
  checkLength('short_name', shortName, MAX_SHORT_NAME, problems);
  const kind = validateKind(cellText(cells, 'kind', problems).text, problems);
  const adminCodeCell = cellText(cells, 'admin_code', problems);
  const parentCodeCell = cellText(cells, 'parent_admin_code', problems);
  const parentPath = validateParentPath(cellText(cells, 'parent_path', problems).text, problems);
  const contact = validateContact(
    {
      name: cellText(cells, 'contact_name', problems),
      role: cellText(cells, 'contact_role', problems),
      phone: cellText(cells, 'contact_phone', problems),
      email: cellText(cells, 'contact_email', problems),
      hotline: cellText(cells, 'hotline_24_7', problems),
    },
    problems,
  );
  if (kind === null) return null;
  return {
    row,
    name,
    shortName,
    kind: kind ?? null,
    adminCodeCell: adminCodeCell.text === '' ? null : adminCodeCell,
    parentCodeCell: parentCodeCell.text === '' ? null : parentCodeCell,
    parentPath,
    contact,
  };
}
