import { foldKeepLength, isUpperLetter, trimEndChars, uppercaseRatio } from './normalise.js';

/*
 * The kind of document: a title line under the header ("KẾ HOẠCH",
 * "QUYẾT ĐỊNH", "THÔNG BÁO" …), else the type code in its number
 * ("45/KH-UBND" is a Kế hoạch), else a công văn when it has a "V/v" line.
 */

/** Canonical names, in the order they are tried; longer names first where one starts another. */
const DOCUMENT_TYPES = [
  'Công văn',
  'Công điện',
  'Kế hoạch',
  'Quyết định',
  'Thông báo',
  'Thông tư',
  'Chỉ thị',
  'Báo cáo',
  'Hướng dẫn',
  'Tờ trình',
  'Giấy mời',
  'Giấy triệu tập',
  'Nghị quyết',
  'Nghị định',
  'Quy chế',
  'Quy định',
  'Chương trình',
  'Phương án',
  'Đề án',
  'Biên bản',
  'Văn bản',
  'Bộ luật',
  'Luật',
  'Pháp lệnh',
];
const TITLES = new Set(DOCUMENT_TYPES.filter((t) => !['Văn bản', 'Bộ luật', 'Luật', 'Pháp lệnh', 'Thông tư', 'Nghị định'].includes(t)));
const MAX_TITLE_TAIL_WORDS = 3;
const FOLDED = DOCUMENT_TYPES.map((t) => ({ type: t, folded: foldKeepLength(t) }));

// The type code that follows the number ("KH" in 45/KH-UBND, "QĐ" in 05/2017/QĐ-TTg).
const CODES: Record<string, string> = {
  kh: 'Kế hoạch',
  qd: 'Quyết định',
  tb: 'Thông báo',
  ct: 'Chỉ thị',
  bc: 'Báo cáo',
  hd: 'Hướng dẫn',
  ttr: 'Tờ trình',
  gm: 'Giấy mời',
  cd: 'Công điện',
  nq: 'Nghị quyết',
  ctr: 'Chương trình',
  da: 'Đề án',
  bb: 'Biên bản',
  tt: 'Thông tư',
  nd: 'Nghị định',
};

/** The canonical name of a document-type word as written ("công văn", "QUYẾT ĐỊNH"), or null. */
export function canonicalDocumentType(word: string): string | null {
  const folded = foldKeepLength(word.trim());
  return FOLDED.find((t) => t.folded === folded)?.type ?? null;
}

/** The document types, folded, for building patterns elsewhere. */
export function foldedDocumentTypes(): string[] {
  return FOLDED.map((t) => t.folded);
}

export interface TitleMatch {
  type: string;
  /** The subject when a web page ran it onto the title's line ("KẾ HOẠCH Triển khai …"). */
  rest: string;
}

/**
 * A title line: the type alone ("KẾ HOẠCH", "Thông báo"), or in capitals with
 * the subject after it, as a web page runs them together. Body sentences
 * ("Kế hoạch số 12 …") never match: the title must be in capitals and the
 * rest start with one.
 */
export function matchDocumentTitle(seg: string): TitleMatch | null {
  const clean = trimEndChars(seg.trim(), ' .:');
  const folded = foldKeepLength(clean);
  for (const { type, folded: f } of FOLDED) {
    if (!TITLES.has(type) || !folded.startsWith(f)) continue;
    if (folded.length === f.length) return { type, rest: '' };
    const title = clean.slice(0, f.length);
    const rest = clean.slice(f.length).trim();
    if (clean[f.length] !== ' ' || uppercaseRatio(title) !== 1 || !isUpperLetter(rest[0] ?? '')) continue;
    // "THÔNG BÁO KẾT LUẬN": a few capital words finish the title; more are its subject in capitals.
    if (uppercaseRatio(rest) >= 0.8 && rest.split(' ').length <= MAX_TITLE_TAIL_WORDS) return { type, rest: '' };
    return { type, rest };
  }
  return null;
}

/** The type its number's code names, or null for a công văn's "1082/UBND-CA". */
export function documentTypeFromNumber(num: string | null): string | null {
  if (num === null) return null;
  const slash = num.indexOf('/');
  if (slash < 0) return null;
  const tokens = num
    .slice(slash + 1)
    .split(/[/\-–]/)
    .filter((t) => !/^\d{4}$/.test(t));
  return CODES[foldKeepLength(tokens[0] ?? '')] ?? null;
}
