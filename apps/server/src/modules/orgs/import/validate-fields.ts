import { z } from 'zod';
import { AdminCodeSchema, ORG_KINDS, PhoneSchema, type ContactInput, type OrgKind } from '@khien/contracts';
import type { Words } from '../../../platform/words.js';
import { parseYesNo, restorePhone, splitParentPath } from './cell-text.js';
import { columnOf, type OrgColumnKey } from './columns.js';
import { orgKindLabel, parseOrgKind } from './org-kinds.js';
import type { RawCell, RowIssue } from './types.js';

// Same bounds as CreateOrgBodySchema / ContactInputSchema, so accepted rows always insert.
export const MAX_NAME = 255;
export const MAX_SHORT_NAME = 64;
export const MAX_ROLE = 255;
export const MAX_EMAIL = 254;
export const MAX_PATH_DEPTH = 20;
const EmailSchema = z.email().max(MAX_EMAIL);

/** Row errors of one row, collected so a bad row reports every bad field at once. */
export class RowProblems {
  readonly list: RowIssue[] = [];
  constructor(readonly row: number) {}
  add(field: OrgColumnKey | null, code: string, text: Words): void {
    this.list.push({ row: this.row, field, code, text });
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
  const c = columnOf(key);
  if (cell.error !== null)
    problems.add(key, 'formula_error', {
      vi: `Ô ${c.label.toLowerCase()} có lỗi công thức (${cell.error})`,
      en: `The ${c.labelEn.toLowerCase()} cell holds a formula error (${cell.error})`,
    });
  return cell;
}

export function checkLength(key: OrgColumnKey, value: string, max: number, problems: RowProblems): void {
  const c = columnOf(key);
  if (value.length > max)
    problems.add(key, 'too_long', {
      vi: `${c.label} dài quá ${max} ký tự (đang có ${value.length}): ${quote(value)}`,
      en: `${c.labelEn} is longer than ${max} characters (${value.length}): ${quote(value)}`,
    });
}

export function validateName(value: string, problems: RowProblems): void {
  if (value === '') problems.add('name', 'required', { vi: 'Thiếu tên đơn vị', en: 'The org name is missing' });
  else checkLength('name', value, MAX_NAME, problems);
}

const KIND_HINT = ORG_KINDS.filter((k) => k !== 'other')
  .map(orgKindLabel)
  .join(', ');
const KIND_CODES = ORG_KINDS.join(', ');

/** The kind a `loai` cell names; undefined when blank (to be inferred), null after reporting a bad value. */
export function validateKind(value: string, problems: RowProblems): OrgKind | null | undefined {
  if (value === '') return undefined;
  const kind = parseOrgKind(value);
  if (!kind)
    problems.add('kind', 'kind_unknown', {
      vi: `Loại đơn vị ${quote(value)} không hợp lệ; dùng một trong: ${KIND_HINT}, Khác (hoặc mã tiếng Anh như commune, school)`,
      en: `Org kind ${quote(value)} is not known; use one of: ${KIND_CODES} (or the Vietnamese names such as Xã, Trường học)`,
    });
  return kind;
}

/** A code as stored, or null when blank; reports one that AdminCodeSchema rejects. */
export function validateCode(key: 'admin_code' | 'parent_admin_code', value: string, problems: RowProblems): string | null {
  if (value === '') return null;
  if (!AdminCodeSchema.safeParse(value).success) {
    const c = columnOf(key);
    problems.add(key, 'code_invalid', {
      vi: `${c.label} ${quote(value)} không hợp lệ: chỉ gồm chữ, số, ".", "_", "-" và tối đa 32 ký tự`,
      en: `${c.labelEn} ${quote(value)} is not valid: letters, digits, ".", "_", "-" only, at most 32 characters`,
    });
  }
  return value;
}

export function validateParentPath(value: string, problems: RowProblems): string[] | null {
  if (value === '') return null;
  const names = splitParentPath(value);
  if (names.length === 0) return null;
  if (names.length > MAX_PATH_DEPTH)
    problems.add('parent_path', 'path_too_deep', {
      vi: `Đường dẫn đơn vị cha có quá ${MAX_PATH_DEPTH} cấp: ${quote(value)}`,
      en: `The parent path has more than ${MAX_PATH_DEPTH} levels: ${quote(value)}`,
    });
  for (const name of names) {
    if (name.length > MAX_NAME)
      problems.add('parent_path', 'too_long', {
        vi: `Tên trong đường dẫn đơn vị cha dài quá ${MAX_NAME} ký tự: ${quote(name)}`,
        en: `A name in the parent path is longer than ${MAX_NAME} characters: ${quote(name)}`,
      });
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
  if (hotline === undefined)
    problems.add('hotline_24_7', 'yes_no_invalid', {
      vi: `Giá trị trực 24/7 ${quote(cells.hotline.text)} không hợp lệ; dùng "có" hoặc "không"`,
      en: `24/7 duty ${quote(cells.hotline.text)} is not yes or no ("có" or "không")`,
    });
  if (name === '' && role === '' && phone === '' && email === '' && hotline !== true) return null;

  if (name === '')
    problems.add('contact_name', 'required', {
      vi: 'Thiếu tên người liên hệ (có số điện thoại, email, chức vụ hoặc trực 24/7 nhưng không có tên)',
      en: 'The contact has no name (a phone, e-mail, role or 24/7 duty is given without one)',
    });
  else checkLength('contact_name', name, MAX_NAME, problems);
  checkLength('contact_role', role, MAX_ROLE, problems);
  if (phone !== '' && !PhoneSchema.safeParse(phone).success)
    problems.add('contact_phone', 'phone_invalid', { vi: `Số điện thoại ${quote(phone)} không hợp lệ`, en: `Phone number ${quote(phone)} is not valid` });
  if (email !== '' && !EmailSchema.safeParse(email).success)
    problems.add('contact_email', 'email_invalid', { vi: `Email ${quote(email)} không hợp lệ`, en: `E-mail ${quote(email)} is not a valid address` });
  return { name, role, phone: phone === '' ? null : phone, email: email === '' ? null : email, hotline247: hotline === true };
}
