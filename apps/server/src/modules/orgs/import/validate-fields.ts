import { z } from 'zod';
import { AdminCodeSchema, ORG_KINDS, PhoneSchema, type ContactInput, type ImportRowError, type OrgKind } from '@khien/contracts';
import { parseYesNo, restorePhone, splitParentPath } from './cell-text.js';
import { columnOf, type OrgColumnKey } from './columns.js';
import { orgKindLabel, parseOrgKind } from './org-kinds.js';
import type { RawCell } from './types.js';

// Same bounds as CreateOrgBodySchema / ContactInputSchema, so accepted rows always insert.
export const MAX_NAME = 255;
export const MAX_SHORT_NAME = 64;
export const MAX_ROLE = 255;
export const MAX_EMAIL = 254;
export const MAX_PATH_DEPTH = 20;
const EmailSchema = z.email().max(MAX_EMAIL);

/** Row errors of one row, collected so a bad row reports every bad field at once. */
export class RowProblems {
  readonly list: ImportRowError[] = [];
  constructor(readonly row: number) {}
  add(field: OrgColumnKey | null, message: string): void {
    this.list.push({ row: this.row, field, message });
  }
  get ok(): boolean {
    return this.list.length === 0;
  }
}

/** A value quoted for a message, shortened so one huge cell cannot flood the error list. */
export function quote(value: string): string {
  return `"${value.length > 60 ? `${value.slice(0, 57)}…` : value}"`;
}

const EMPTY: RawCell = { text: '', numeric: false, error: null };

/** Reads a cell's text, reporting a spreadsheet error value (#N/A, #REF!…) as a problem. */
export function cellText(cells: Partial<Record<OrgColumnKey, RawCell>>, key: OrgColumnKey, problems: RowProblems): RawCell {
  const cell = cells[key] ?? EMPTY;
  if (cell.error !== null) problems.add(key, `Ô ${columnOf(key).label.toLowerCase()} có lỗi công thức (${cell.error})`);
  return cell;
}

export function checkLength(key: OrgColumnKey, value: string, max: number, problems: RowProblems): void {
  if (value.length > max) problems.add(key, `${columnOf(key).label} dài quá ${max} ký tự (đang có ${value.length}): ${quote(value)}`);
}

export function validateName(value: string, problems: RowProblems): void {
  if (value === '') problems.add('name', 'Thiếu tên đơn vị');
  else checkLength('name', value, MAX_NAME, problems);
}

const KIND_HINT = ORG_KINDS.filter((k) => k !== 'other')
  .map(orgKindLabel)
  .join(', ');

/** The kind a `loai` cell names; undefined when blank (to be inferred), null after reporting a bad value. */
export function validateKind(value: string, problems: RowProblems): OrgKind | null | undefined {
  if (value === '') return undefined;
  const kind = parseOrgKind(value);
  if (!kind) problems.add('kind', `Loại đơn vị ${quote(value)} không hợp lệ; dùng một trong: ${KIND_HINT}, Khác (hoặc mã tiếng Anh như commune, school)`);
  return kind;
}

/** A code as stored, or null when blank; reports one that AdminCodeSchema rejects. */
export function validateCode(key: 'admin_code' | 'parent_admin_code', value: string, problems: RowProblems): string | null {
  if (value === '') return null;
  if (!AdminCodeSchema.safeParse(value).success) {
    problems.add(key, `${columnOf(key).label} ${quote(value)} không hợp lệ: chỉ gồm chữ, số, ".", "_", "-" và tối đa 32 ký tự`);
  }
  return value;
}

export function validateParentPath(value: string, problems: RowProblems): string[] | null {
  if (value === '') return null;
  const names = splitParentPath(value);
  if (names.length === 0) return null;
  if (names.length > MAX_PATH_DEPTH) problems.add('parent_path', `Đường dẫn đơn vị cha có quá ${MAX_PATH_DEPTH} cấp: ${quote(value)}`);
  for (const name of names) {
    if (name.length > MAX_NAME) problems.add('parent_path', `Tên trong đường dẫn đơn vị cha dài quá ${MAX_NAME} ký tự: ${quote(name)}`);
  }
  return names;
}

export interface ContactCells {
  name: RawCell;
  role: RawCell;
  phone: RawCell;
  email: RawCell;
  hotline: RawCell;
}

/** The row's contact, null when its contact columns are blank (or only say "không" for 24/7). */
export function validateContact(cells: ContactCells, problems: RowProblems): ContactInput | null {
  const name = cells.name.text;
  const role = cells.role.text;
  const phone = restorePhone(cells.phone);
  const email = cells.email.text;
  const hotline = parseYesNo(cells.hotline.text);
  if (hotline === undefined) problems.add('hotline_24_7', `Giá trị trực 24/7 ${quote(cells.hotline.text)} không hợp lệ; dùng "có" hoặc "không"`);
  if (name === '' && role === '' && phone === '' && email === '' && hotline !== true) return null;

  if (name === '') problems.add('contact_name', 'Thiếu tên người liên hệ (có số điện thoại, email, chức vụ hoặc trực 24/7 nhưng không có tên)');
  else checkLength('contact_name', name, MAX_NAME, problems);
  checkLength('contact_role', role, MAX_ROLE, problems);
  if (phone !== '' && !PhoneSchema.safeParse(phone).success) problems.add('contact_phone', `Số điện thoại ${quote(phone)} không hợp lệ`);
  if (email !== '' && !EmailSchema.safeParse(email).success) problems.add('contact_email', `Email ${quote(email)} không hợp lệ`);
  return { name, role, phone: phone === '' ? null : phone, email: email === '' ? null : email, hotline247: hotline === true };
}
