import { z } from 'zod';
import type { OrgKind } from '@khien/contracts';
import { foldVietnamese } from '@khien/formats';
import { cleanCellText, textCell } from './cell-text.js';
import { emptyFile, MAX_IMPORT_ROWS, refuse, tooManyRows } from './limits.js';
import { finishRows, type Candidate } from './finish-rows.js';
import type { OrgImportRow, RowIssue } from './types.js';
import { checkLength, MAX_SHORT_NAME, RowProblems, validateName } from './validate-fields.js';

// The statistics office's list as published by vietnamese-provinces-database:
// [{ Code: "01", Name, FullName: "Thành phố Hà Nội", Wards: [{ Code: "00004", Name, FullName: "Phường Ba Đình", ProvinceCode }] }].
// Extra keys (NameEn, CodeName…) are allowed; strings are bounded so a hostile file cannot smuggle megabytes into a name.
const text = z.string().max(1_000);
const WardSchema = z.object({ Code: z.union([text, z.number()]), Name: text, FullName: text, ProvinceCode: z.union([text, z.number()]).optional() });
const ProvinceSchema = z.object({ Code: z.union([text, z.number()]), Name: text, FullName: text, Wards: z.array(WardSchema).default([]) });
const AdminUnitsSchema = z.array(ProvinceSchema).min(1);
type Province = z.infer<typeof ProvinceSchema>;

/**
 * Admin-units JSON → import rows: each province (name = FullName, short name = Name,
 * code = Code), then its wards, whose kind comes from the FullName prefix:
 * "Phường" → ward, "Xã" → commune, "Đặc khu" → special zone, anything else → commune.
 * Rows are numbered 1, 2, 3… in that order. A file of another shape is refused whole.
 */
export function readAdminUnits(json: string): { rows: OrgImportRow[]; errors: RowIssue[] } {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw refuse('invalid_json', 'Tệp JSON không hợp lệ (sai cú pháp)', 'Invalid JSON (syntax error)');
  }
  // a single province object is accepted as a list of one
  const list = Array.isArray(value) ? value : value !== null && typeof value === 'object' && 'Wards' in value ? [value] : value;
  if (Array.isArray(list) && list.length === 0) throw emptyFile();
  const parsed = AdminUnitsSchema.safeParse(list);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') ?? '';
    throw refuse(
      'invalid_json',
      `Tệp JSON không đúng cấu trúc danh mục đơn vị hành chính (mảng tỉnh có Code, Name, FullName, Wards)${where ? `; lỗi tại ${where}` : ''}`,
      `The JSON is not an administrative-units list (array of provinces with Code, Name, FullName, Wards)${where ? `; first problem at ${where}` : ''}`,
    );
  }
  const total = parsed.data.reduce((n, p) => n + 1 + p.Wards.length, 0);
  if (total > MAX_IMPORT_ROWS) throw tooManyRows();

  const candidates: Candidate[] = [];
  const errors: RowIssue[] = [];
  let row = 0;
  for (const province of parsed.data) {
    row++;
    const provinceCode = String(province.Code);
    addUnit(candidates, errors, row, province, 'province', null);
    for (const ward of province.Wards) {
      row++;
      addUnit(candidates, errors, row, ward, wardKind(ward.FullName), String(ward.ProvinceCode ?? provinceCode));
    }
  }
  const rows = finishRows(candidates, errors);
  errors.sort((a, b) => a.row - b.row);
  return { rows, errors };
}

function addUnit(
  candidates: Candidate[],
  errors: RowIssue[],
  row: number,
  unit: Pick<Province, 'Code' | 'Name' | 'FullName'>,
  kind: OrgKind,
  parentCode: string | null,
): void {
  const problems = new RowProblems(row);
  const name = cleanCellText(unit.FullName);
  const shortName = cleanCellText(unit.Name);
  validateName(name, problems);
  checkLength('short_name', shortName, MAX_SHORT_NAME, problems);
  const code = textCell(String(unit.Code));
  if (code.text === '')
    problems.add('admin_code', 'required', { vi: `Thiếu mã hành chính của ${name || 'đơn vị'}`, en: `The admin code of ${name || 'the org'} is missing` });
  if (!problems.ok) {
    errors.push(...problems.list);
    return;
  }
  candidates.push({
    row,
    name,
    shortName,
    kind,
    adminCodeCell: code,
    parentCodeCell: parentCode ? textCell(parentCode) : null,
    parentPath: null,
    contact: null,
  });
}

/** Case-insensitive: the 2026 list writes one commune as "xã Bắc Sơn". */
export function wardKind(fullName: string): OrgKind {
  const folded = foldVietnamese(fullName);
  if (folded.startsWith('phuong ')) return 'ward';
  if (folded.startsWith('dac khu ')) return 'special_zone';
  return 'commune';
}
