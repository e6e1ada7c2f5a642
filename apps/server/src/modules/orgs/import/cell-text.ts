import type { OrgKind } from '@khien/contracts';
import { foldVietnamese } from '@khien/formats';
import { MAX_CELL_CHARS } from './limits.js';
import type { RawCell } from './types.js';

// Cells starting with these are run as formulas by spreadsheets (CSV injection); exports
// prefix them with "'" and imports drop that prefix again, so values survive a round trip.
const FORMULA_START = /^[=+\-@\t\r]/;
const ESCAPED_FORMULA = /^'(?=[=+\-@\t\r])/;
const SPACES = /[\u00a0\u2007\u202f\t\n\r\v\f\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff\ufffe\uffff]/g;
// eslint-disable-next-line no-control-regex
const SPECIAL = /[\u0000-\u001f\u007f-\u00a0\u2007\u200b-\u200d\u2028\u2029\u202f\u2060\ufeff\ufffe\uffff]/;

/**
 * One cell's text as stored: NFC, NBSP and friends → space, line breaks and tabs
 * (Alt+Enter in Excel) → space, other control and zero-width characters dropped,
 * the "'" escape of an exported formula-like value removed, trimmed. Inner runs of
 * spaces are kept: names are compared exactly against the database.
 */
export function cleanCellText(input: string): string {
  let text = input.slice(0, MAX_CELL_CHARS * 2).normalize('NFC');
  // most cells have nothing to replace; testing first is several times faster on big files
  if (SPECIAL.test(text)) text = text.replace(SPACES, ' ').replace(INVISIBLE, '');
  text = text.trim();
  if (text.startsWith("'")) text = text.replace(ESCAPED_FORMULA, '');
  return text.length > MAX_CELL_CHARS ? text.slice(0, MAX_CELL_CHARS) : text;
}

export function textCell(text: string): RawCell {
  return { text: cleanCellText(text), numeric: false, error: null };
}

/**
 * Escape for CSV output (see FORMULA_START). Phone numbers such as "+84 912 345 678"
 * and negative numbers are left alone: they evaluate to nothing dangerous.
 */
export function escapeFormula(text: string): string {
  if (!FORMULA_START.test(text)) return text;
  if (/^[+-][0-9 .()]*$/.test(text)) return text;
  return `'${text}`;
}

const TRUE_WORDS = new Set(['co', 'x', 'yes', 'y', 'true', '1', 'dung', 'v']);
const FALSE_WORDS = new Set(['', 'khong', 'no', 'n', 'false', '0', 'sai', '-']);

/** có/không, x, yes/no, true/false, 1/0, blank (= no); undefined when it is none of these. */
export function parseYesNo(text: string): boolean | undefined {
  const key = foldVietnamese(text).replace(/[.!]$/, '');
  if (TRUE_WORDS.has(key) || text === '✓' || text === '✔') return true;
  if (FALSE_WORDS.has(key)) return false;
  return undefined;
}

const ADMINISTRATIVE_WIDTH: Partial<Record<OrgKind, number>> = { province: 2, district: 3, commune: 5, ward: 5, special_zone: 5 };
const DIGITS = /^[0-9]+$/;

/**
 * Restores leading zeros of an org's own code that a spreadsheet dropped.
 * Official codes have a fixed width: province 2 digits, (legacy) district 3,
 * commune/ward/special zone 5. Rule:
 *  - a number-typed XLSX cell (Excel turned "00004" into 4) is padded to 5 digits,
 *    except a province (2 digits when it has ≤ 2) and a district (3 when ≤ 3);
 *  - a text cell (CSV, or XLSX text) holding only digits is padded only for the
 *    administrative kinds above, where a shorter code cannot be meant (Excel saves
 *    "00004" as "4" when it re-writes a CSV); other kinds keep their own codes as typed.
 */
export function restoreAdminCode(cell: RawCell, kind: OrgKind | null): string {
  const { text } = cell;
  if (!DIGITS.test(text)) return text;
  if (cell.numeric) return text.padStart(numericWidth(text.length, kind === 'province' ? 2 : kind === 'district' ? 3 : 5), '0');
  const width = kind ? ADMINISTRATIVE_WIDTH[kind] : undefined;
  return width && text.length < width ? text.padStart(width, '0') : text;
}

function numericWidth(length: number, preferred: number): number {
  return length <= preferred ? preferred : 5;
}

/**
 * Same for the parent's code, whose kind the row does not state. In order:
 *  1. the code as written, or padded to 2, 3 or 5 digits, if an org in the file has it;
 *  2. for a commune/ward/special zone/district the parent is a province (≤ 2 digits → 2)
 *     or a legacy district (3 digits → 3), whether the cell is text or a number;
 *  3. other kinds hang under a commune/ward: a number-typed cell is padded to 5.
 */
export function restoreParentCode(cell: RawCell, kind: OrgKind | null, codesInFile: ReadonlySet<string>): string {
  const { text } = cell;
  if (!DIGITS.test(text) || codesInFile.has(text)) return text;
  const padded = [2, 3, 5].filter((w) => w > text.length).map((w) => text.padStart(w, '0'));
  const known = padded.find((code) => codesInFile.has(code));
  if (known) return known;
  if (kind === 'commune' || kind === 'ward' || kind === 'special_zone' || kind === 'district') {
    return text.length <= 2 ? text.padStart(2, '0') : text.length === 3 ? text : text.length < 5 && cell.numeric ? text.padStart(5, '0') : text;
  }
  return cell.numeric ? text.padStart(5, '0') : text;
}

/**
 * Excel turns a typed 0912 345 678 into the number 912345678. Vietnamese numbers
 * start with 0 (or +84): a 9-digit mobile (3x, 5x, 7x, 8x, 9x) or 10-digit landline
 * (2x area codes) stored as a number gets its 0 back; short numbers (113, 1900 xxxx) do not.
 */
export function restorePhone(cell: RawCell): string {
  if (cell.numeric && (/^[35789][0-9]{8}$/.test(cell.text) || /^2[0-9]{9}$/.test(cell.text))) return `0${cell.text}`;
  return cell.text;
}

/** Splits "Tỉnh Điện Biên / Phường Mường Lay" (or with " > ") into names; blanks dropped. */
export function splitParentPath(text: string): string[] {
  return (
    text
      // a separator needs a space (or the cell's edge) on both sides: "TH&THCS A/B" is one name
      .split(/(?:^|\s+)[/>](?:\s+|$)/)
      .map((part) => part.trim())
      .filter((part) => part.length > 0)
  );
}

export const PARENT_PATH_SEPARATOR = ' / ';
