import { ORG_COLUMNS, resolveHeader, type OrgColumnKey } from './columns.js';
import { emptyFile } from './limits.js';
import { finishRows, type Candidate } from './finish-rows.js';
import type { OrgImportRow, RawCell, RawRow, RawTable, RowIssue } from './types.js';
import {
  cellText,
  checkLength,
  MAX_SHORT_NAME,
  quote,
  RowProblems,
  validateContact,
  validateKind,
  validateName,
  validateCode,
  validateParentPath,
} from './validate-fields.js';

const KNOWN_HEADERS = ORG_COLUMNS.map((c) => c.header).join(', ');
/** A row's problems are listed in the template's column order. */
const COLUMN_ORDER = ORG_COLUMNS.map((c) => c.key);

/**
 * Rows of a CSV/XLSX table → import rows and row errors. The first non-empty row
 * is the header; every other row is validated on its own (a bad row is reported
 * field by field and left out whole), then finishRows applies the file-wide checks.
 */
export function buildRowsFromTable(table: RawTable): { rows: OrgImportRow[]; errors: RowIssue[] } {
  const [header, ...data] = table.rows;
  if (!header) {
    if (table.errors.length > 0) return { rows: [], errors: [...table.errors] };
    throw emptyFile();
  }
  const errors: RowIssue[] = [];
  const columns = mapHeader(header, errors);
  if (!columns.has('name')) {
    errors.push({
      row: header.row,
      field: 'name',
      code: 'name_column_missing',
      text: {
        vi: `Thiếu cột tên đơn vị "ten" (hoặc "name") ở dòng tiêu đề; các cột hợp lệ: ${KNOWN_HEADERS}`,
        en: `The header row has no org name column "ten" (or "name"); the columns are: ${KNOWN_HEADERS}`,
      },
    });
    return { rows: [], errors: [...errors, ...table.errors] };
  }

  const candidates: Candidate[] = [];
  for (const raw of data) {
    const cells = pick(raw, columns);
    if (Object.values(cells).every((c) => c.text === '' && c.error === null)) continue;
    const problems = new RowProblems(raw.row);
    const candidate = readCandidate(raw.row, cells, problems);
    if (candidate && problems.ok) candidates.push(candidate);
    else errors.push(...problems.list.sort((a, b) => COLUMN_ORDER.indexOf(a.field as OrgColumnKey) - COLUMN_ORDER.indexOf(b.field as OrgColumnKey)));
  }
  const rows = finishRows(candidates, errors);
  errors.push(...table.errors);
  errors.sort((a, b) => a.row - b.row);
  return { rows, errors };
}

/** Column index of each known column; unknown and repeated columns are reported (once each) on the header row. */
function mapHeader(header: RawRow, errors: RowIssue[]): Map<OrgColumnKey, number> {
  const columns = new Map<OrgColumnKey, number>();
  header.cells.forEach((cell, index) => {
    const text = cell.text;
    if (text === '') return;
    const key = resolveHeader(text);
    if (!key) {
      errors.push({
        row: header.row,
        field: text,
        code: 'column_unknown',
        text: {
          vi: `Cột ${quote(text)} không được hỗ trợ và bị bỏ qua; các cột hợp lệ: ${KNOWN_HEADERS}`,
          en: `Column ${quote(text)} is not one of ours and is ignored; the columns are: ${KNOWN_HEADERS}`,
        },
      });
    } else if (columns.has(key)) {
      errors.push({
        row: header.row,
        field: text,
        code: 'column_repeated',
        text: {
          vi: `Cột ${quote(text)} bị lặp (cùng nghĩa với một cột trước); chỉ cột đầu tiên được đọc`,
          en: `Column ${quote(text)} repeats an earlier one; only the first is read`,
        },
      });
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
  // a row already bad has its codes checked here, so that every bad cell is named at once; a good
  // row's are checked by finishRows once their leading zeros are back (which only makes a digits-only code longer)
  if (!problems.ok || kind === null) {
    validateCode('admin_code', adminCodeCell.text, problems);
    validateCode('parent_admin_code', parentCodeCell.text, problems);
  }
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
