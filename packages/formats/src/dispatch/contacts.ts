import { foldKeepLength, isUpperLetter, leadingCapitalisedWords, trimEndChars } from './normalise.js';

export interface DispatchContact {
  name: string;
  /** Digits only, with the leading 0 or +84 kept as written. */
  phone: string;
}

// Vietnamese numbers: 0 + 9 or 10 digits, +84 + 9 or 10 digits, or 1800/1900
// hotlines, in groups split by single spaces, dots or dashes. A slash never
// separates phone digits, which keeps "08/01/2024" and "33/PVHTT" out.
const PHONE =
  /(?<![A-Za-z\u00c0-\u024f\u1e00-\u1eff\d/.-])(?:\(?\+\s?84\)?[ .-]?\d(?:[ .-]?\d){8,9}|0(?:[ .-]?\d){9,10}|1[89]00(?:[ .-]?\d){4,6})(?![ .-]?\d)(?!\/)/g;

// Compared with the lower-cased original, marks kept, so "số" is cut but "Sở" is not.
const CUE_WORDS =
  'số điện thoại|điện thoại|số đt|sđt|đtdđ|đt|di động|dđ|hotline|đường dây nóng|tel|phone|zalo|số máy|máy lẻ|số|qua|theo|hoặc|và|so dien thoai|dien thoai|sdt|dt'.split(
    '|',
  );
const SEPARATORS = ' \t:;,.-–—()[]';

// Matched on the folded text; the name after it must start with a capital.
const HONORIFICS = /(?:^|[\s(,;:])(?:dong chi|d\/c|ong|ba|anh|chi|(?:dai|thuong|trung|thieu) uy|(?:dai|thuong|trung|thieu) ta|(?:thieu|trung) tuong)\s+/g;
const MAX_NAME_WORDS = 5;
const SURNAMES = new Set(
  'Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Lù Lò Đinh Đoàn Trịnh Mai Tô Hà Cao Lâm Tạ Lương Quách Thái Chu Triệu Vương Kiều Giàng Sùng Mùa Vàng Hầu Thào Quàng Cầm Lường Tòng Điêu Lại Khổng Nông La Văn Lưu Tăng'.split(
    ' ',
  ),
);
const UNIT_START =
  /(?:Phòng|Công an|Trung tâm|Sở|Ban|Văn phòng|UBND|Ủy ban|Uỷ ban|Đội|Cục|Bộ phận|Tổ|Đường dây nóng|Bộ|Chi cục|Viettel|VNPT|Bưu điện)(?=[\s,]|$)/gu;
const MAX_NAME_CONTEXT = 160;

function normalisePhone(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  return raw.includes('+') ? `+${digits}` : digits;
}

/** Drops "(qua số điện thoại", "- SĐT", ", ĐT:" and the like from the end of the text before a number. */
function stripCues(context: string): string {
  let s = context;
  for (let round = 0; round < 8; round += 1) {
    const before = s;
    s = trimEndChars(s, SEPARATORS);
    const lower = s.toLowerCase();
    if (lower.length !== s.length) break;
    for (const cue of CUE_WORDS) {
      const at = lower.length - cue.length;
      if (at >= 0 && lower.endsWith(cue) && (at === 0 || SEPARATORS.includes(lower[at - 1] ?? ''))) {
        s = s.slice(0, at);
        break;
      }
    }
    if (s === before) break;
  }
  return s;
}

function lastSentence(context: string): string {
  const cut = Math.max(context.lastIndexOf('. '), context.lastIndexOf('; '));
  return cut >= 0 ? context.slice(cut + 2) : context;
}

function findPersonAfterHonorific(ctx: string): string | null {
  const folded = foldKeepLength(ctx);
  let found: string | null = null;
  HONORIFICS.lastIndex = 0;
  for (let m = HONORIFICS.exec(folded); m; m = HONORIFICS.exec(folded)) {
    const name = leadingCapitalisedWords(ctx.slice(m.index + m[0].length), MAX_NAME_WORDS);
    if (name !== '') found = name;
  }
  return found;
}

function findPersonBySurname(ctx: string): string | null {
  const words = ctx.split(/\s+/);
  let found: string | null = null;
  for (let i = 0; i < words.length; i += 1) {
    if (!SURNAMES.has(words[i] ?? '')) continue;
    const name = leadingCapitalisedWords(words.slice(i, i + MAX_NAME_WORDS).join(' '), MAX_NAME_WORDS);
    if (name.includes(' ')) found = name;
  }
  return found;
}

function findUnit(ctx: string): string | null {
  const folded = foldKeepLength(ctx);
  const contact = /lien he(?:\s+(?:voi|qua|toi|den))?\s+/g;
  let at = -1;
  for (let m = contact.exec(folded); m; m = contact.exec(folded)) at = m.index + m[0].length;
  if (at < 0) {
    UNIT_START.lastIndex = 0;
    for (let m = UNIT_START.exec(ctx); m; m = UNIT_START.exec(ctx)) at = m.index;
  }
  if (at < 0) return null;
  const unit = trimEndChars(ctx.slice(at).split('(')[0] ?? '', SEPARATORS).trim();
  return unit.length >= 3 && unit.length <= 80 && isUpperLetter(unit[0] ?? '') ? unit : null;
}

const HOTLINE = /duong day nong|hotline/;

function findName(context: string, issuer: string | null): string {
  const sentence = lastSentence(context);
  const ctx = stripCues(sentence);
  const named = findPersonAfterHonorific(ctx) ?? findPersonBySurname(ctx) ?? findUnit(ctx);
  if (named !== null) return named;
  // "Báo cáo qua đường dây nóng 0213.3876.113": the issuer's own hotline.
  return issuer !== null && HOTLINE.test(foldKeepLength(sentence)) ? issuer : '';
}

/**
 * Contact points named in the text: a person ("đồng chí Nguyễn Văn A, số
 * điện thoại: 0912.345.678") or a unit ("liên hệ với Phòng Văn hoá và Thông
 * tin (qua số điện thoại 02773.822.202)"). An unnamed hotline is taken to be
 * the issuer's; otherwise a bare number gets the name ''.
 */
export function findContacts(texts: readonly string[], issuer: string | null = null): DispatchContact[] {
  const contacts: DispatchContact[] = [];
  const seen = new Set<string>();
  for (const text of texts) {
    PHONE.lastIndex = 0;
    let prevEnd = 0;
    let prevName: string | null = null;
    for (let m = PHONE.exec(text); m; m = PHONE.exec(text)) {
      const from = Math.max(prevEnd, m.index - MAX_NAME_CONTEXT);
      const between = text.slice(from, m.index);
      // "0912.345.678 hoặc 0987.654.321": the second number is the same person's.
      const name: string = prevName !== null && stripCues(between).trim() === '' ? prevName : findName(between, issuer);
      const contact = { name, phone: normalisePhone(m[0]) };
      prevEnd = m.index + m[0].length;
      prevName = name;
      const key = `${contact.name}\u0000${contact.phone}`;
      if (seen.has(key)) continue;
      seen.add(key);
      contacts.push(contact);
    }
  }
  return contacts;
}
