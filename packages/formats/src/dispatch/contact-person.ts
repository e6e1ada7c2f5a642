import { foldKeepLength, isUpperLetter, leadingCapitalisedWords, trimEndChars, trimStartChars } from './normalise.js';

/*
 * Who a phone number belongs to, read from the words before it: a person
 * after "đồng chí", "Đ/c", "ông", "bà", a rank, or a known surname; their
 * title or unit between the name and the number ("…, Phó Trưởng phòng, số
 * điện thoại: …"); or, with no person, the unit to call.
 */

export interface ContactPerson {
  name: string;
  /** "Phó Trưởng phòng", "cán bộ Công an xã": the person's post, when written beside the name. */
  title: string | null;
}

// Matched on the folded text: OCR loses marks on these, and each is followed by a name in capitals.
const STRONG_HONORIFICS = /(?:^|[\s(,;:–-])(?:dong chi|d\/c|(?:dai|thuong|trung|thieu) uy|(?:dai|thuong|trung|thieu) ta|(?:thieu|trung) tuong)\s+/g;
// Compared with marks kept: "bà" is not "ba" (three), "cô" is not "có". These need a surname after them.
const PLAIN_HONORIFICS = /(?:^|[\s(,;:–-])(?:ông|bà|anh|chị|thầy|cô)\s+/g;
const MAX_NAME_WORDS = 5;
const SURNAMES = new Set(
  'Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Lù Lò Đinh Đoàn Trịnh Mai Tô Hà Cao Lâm Tạ Lương Quách Thái Chu Triệu Vương Kiều Giàng Sùng Mùa Vàng Hầu Thào Quàng Cầm Lường Tòng Điêu Lại Khổng Nông La Văn Lưu Tăng Mạc Âu Khúc Tống Trương Thân Phùng Doãn Lục Hứa Diệp Kim Châu Ninh Cù Bạch Giáp'.split(
    ' ',
  ),
);
const UNIT_START =
  /(?:Phòng|Công an|Trung tâm|Sở|Ban|Văn phòng|UBND|Ủy ban|Uỷ ban|Đội|Cục|Bộ phận|Tổ|Đường dây nóng|Bộ|Chi cục|Viettel|VNPT|Bưu điện|PA05)(?=[\s,]|$)/gu;
// A post opens with one of these words; anything else between a name and its number is not a title.
const TITLE_START =
  /^(?:phó|trưởng|giám đốc|cán bộ|chuyên viên|công chức|viên chức|nhân viên|kỹ sư|kĩ sư|kỹ thuật viên|trực ban|chủ tịch|hiệu trưởng|hiệu phó|bí thư|chánh|đội trưởng|đội phó|tổ trưởng|tổ phó|thủ trưởng|chỉ huy|điều tra viên|trợ lý|kế toán|văn thư|phụ trách|giáo viên|thư ký|công an viên|chiến sĩ|lãnh đạo|quản trị)(?![a-zà-ỹđ])/;
const MAX_TITLE_CHARS = 90;
const SEPARATORS = ' \t:;,.-–—()[]';

interface Found {
  name: string;
  /** Where the name starts and ends in the context. */
  start: number;
  end: number;
}

function nameAt(ctx: string, at: number, needSurname: boolean): Found | null {
  const name = leadingCapitalisedWords(ctx.slice(at), MAX_NAME_WORDS);
  if (name === '') return null;
  if (needSurname && !(SURNAMES.has(name.split(' ')[0] ?? '') && name.includes(' '))) return null;
  return { name, start: at, end: at + name.length };
}

function afterHonorific(ctx: string): Found | null {
  let found: Found | null = null;
  STRONG_HONORIFICS.lastIndex = 0;
  const folded = foldKeepLength(ctx);
  for (let m = STRONG_HONORIFICS.exec(folded); m; m = STRONG_HONORIFICS.exec(folded)) found = nameAt(ctx, m.index + m[0].length, false) ?? found;
  const lower = ctx.toLowerCase();
  PLAIN_HONORIFICS.lastIndex = 0;
  for (let m = PLAIN_HONORIFICS.exec(lower); m; m = PLAIN_HONORIFICS.exec(lower)) {
    const f = nameAt(ctx, m.index + m[0].length, true);
    if (f !== null && (found === null || f.start > found.start)) found = f;
  }
  return found;
}

/** The first person named by surname: a later run ("Trường THCS Lê Quý Đôn") is more likely a place. */
function bySurname(ctx: string): Found | null {
  const re = /\S+/g;
  for (let m = re.exec(ctx); m; m = re.exec(ctx)) {
    if (!SURNAMES.has(m[0]) || (m.index > 0 && !/\s/.test(ctx[m.index - 1] ?? ''))) continue;
    const f = nameAt(ctx, m.index, true);
    if (f !== null) return f;
  }
  return null;
}

export function findUnit(ctx: string): string | null {
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

function asTitle(text: string): string | null {
  const t = trimEndChars(trimStartChars(text, SEPARATORS), SEPARATORS).trim();
  return t !== '' && t.length <= MAX_TITLE_CHARS && TITLE_START.test(t.toLowerCase()) ? t : null;
}

/** The post written between the name and the number, or else just before the name ("Trưởng Công an xã, đồng chí …"). */
function titleOf(ctx: string, f: Found): string | null {
  const after = asTitle(ctx.slice(f.end));
  if (after !== null) return after;
  const before = ctx.slice(0, f.start);
  const cut = Math.max(before.lastIndexOf(':'), foldKeepLength(before).lastIndexOf('lien he '), foldKeepLength(before).lastIndexOf(' qua '));
  // Lower-cased by hand rather than with /i: case-insensitive Vietnamese patterns load Unicode tables on first use.
  const head = before.slice(cut < 0 ? 0 : cut);
  const lead = /^(?::|liên hệ|lien he| qua)\s*/.exec(head.toLowerCase());
  const rest = lead ? head.slice(lead[0].length) : head;
  const honorific = /(?:đồng chí|đ\/c|ông|bà)\s*$/.exec(rest.toLowerCase());
  return asTitle(honorific ? rest.slice(0, honorific.index) : rest);
}

/** A person named right after the number: "0215 3825 114 (đồng chí Tuấn)". */
export function personAfterPhone(after: string): string | null {
  const m = /^\s{0,2}[(,–-]?\s{0,2}(?:đồng chí|đ\/c|ông|bà|anh|chị)\s+/.exec(after.slice(0, 40).toLowerCase());
  if (!m) return null;
  const name = leadingCapitalisedWords(after.slice(m[0].length), MAX_NAME_WORDS);
  return name === '' ? null : name;
}

/** The person (with their post) or the unit named in the words before a phone number. */
export function findPerson(ctx: string): ContactPerson | null {
  const f = afterHonorific(ctx) ?? bySurname(ctx);
  if (f !== null) return { name: f.name, title: titleOf(ctx, f) };
  return null;
}
