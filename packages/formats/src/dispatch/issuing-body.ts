/*
 * The top-left block of the header names the issuing body, under the body
 * that governs it when there is one:
 *
 *   UBND TỈNH ĐỒNG THÁP                 CÔNG AN TỈNH ĐIỆN BIÊN
 *   SỞ THÔNG TIN VÀ TRUYỀN THÔNG        PHÒNG AN NINH MẠNG VÀ PHÒNG,
 *                                       CHỐNG TỘI PHẠM SỬ DỤNG CÔNG NGHỆ CAO
 *
 * while "UỶ BAN NHÂN DÂN / HUYỆN CAO LÃNH" is one body set on two lines. A
 * line that opens with a body word ("SỞ", "PHÒNG", "CÔNG AN", "TRƯỜNG" …)
 * starts a body, unless the line above left its name open ("… VÀ PHÒNG,").
 * Words are compared in lower case with their marks, so "Ban" and "Bản",
 * "Sở" and "Số" stay apart.
 */

const OPENERS = [
  'ủy ban nhân dân',
  'uỷ ban nhân dân',
  'ubnd',
  'hội đồng nhân dân',
  'hđnd',
  'công an',
  'bộ chỉ huy',
  'ban chỉ huy',
  'bộ',
  'sở',
  'phòng',
  'trường',
  'trung tâm',
  'ban',
  'cục',
  'chi cục',
  'văn phòng',
  'đội',
  'đảng ủy',
  'đảng uỷ',
  'đảng bộ',
  'bệnh viện',
  'đài',
  'chi nhánh',
  'bưu điện',
  'tổng công ty',
  'công ty',
  'viễn thông',
  'ủy ban mặt trận',
  'uỷ ban mặt trận',
  'mặt trận',
  'học viện',
  'viện',
  'kho bạc',
  'bảo hiểm xã hội',
  'thanh tra',
];
// Committees named without their place: the next line ("XÃ NÀ TẤU") completes them.
const BARE_COMMITTEES = ['ủy ban nhân dân', 'uỷ ban nhân dân', 'ubnd', 'hội đồng nhân dân', 'hđnd'];
const LEVELS = ['tỉnh', 'thành phố', 'huyện', 'quận', 'thị xã', 'xã', 'phường', 'thị trấn', 'đặc khu'];

function startsWithWord(lower: string, word: string): boolean {
  return lower.startsWith(word) && (lower.length === word.length || /[\s,.-]/.test(lower[word.length] ?? ''));
}

/** Whether a line opens with a body word ("SỞ …", "Công an …", "Trường …"). */
export function opensBody(line: string): boolean {
  const lower = line.toLowerCase();
  return OPENERS.some((w) => startsWithWord(lower, w));
}

/** "… VÀ", "… PHÒNG,", "… -": the name carries on to the next line. */
function leftOpen(line: string): boolean {
  const t = line.trimEnd();
  const last = t[t.length - 1] ?? '';
  // String tests rather than a pattern: this runs for every word of the header block.
  return ',-–&'.includes(last) || t.toLowerCase().endsWith(' và') || t.toLowerCase() === 'và';
}

function isBareCommittee(line: string): boolean {
  const lower = line.toLowerCase().trim();
  return BARE_COMMITTEES.includes(lower);
}

/** Whether the body named on this line carries on to the next ("UỶ BAN NHÂN DÂN", "… VÀ PHÒNG,"). */
export function continuesBody(line: string): boolean {
  return leftOpen(line) || isBareCommittee(line);
}

/** A name that reads as a whole body: a place after an administrative level ("… TỈNH ĐIỆN BIÊN"), or a ministry. */
function isCompleteBody(words: readonly string[]): boolean {
  const lower = words.map((w) => w.toLowerCase());
  if (lower[0] === 'bộ' && lower.length >= 2) return true;
  for (let i = 0; i < lower.length - 1; i += 1) {
    const two = `${lower[i]} ${lower[i + 1]}`;
    if ((LEVELS.includes(two) && i + 2 < lower.length) || LEVELS.includes(lower[i] ?? '')) return i + 1 < lower.length;
  }
  return false;
}

/**
 * Splits a line where a second body starts after a whole first one:
 * "UBND TỈNH ĐIỆN BIÊN CÔNG AN TỈNH" → ["UBND TỈNH ĐIỆN BIÊN", "CÔNG AN TỈNH"],
 * which is how a header column run onto one line arrives.
 */
function splitRunTogether(line: string): string[] {
  const words = line.split(' ');
  for (let i = 2; i < words.length; i += 1) {
    const word = words[i] ?? '';
    const before = words[i - 1] ?? '';
    if (word[0] === undefined || word[0] === word[0].toLowerCase() || leftOpen(before)) continue;
    const rest = words.slice(i).join(' ');
    if (opensBody(rest) && isCompleteBody(words.slice(0, i))) return [words.slice(0, i).join(' '), ...splitRunTogether(rest)];
  }
  return [line];
}

export interface IssuingBody {
  issuer: string | null;
  governingBody: string | null;
}

/** Reads the issuing body, and the body above it, from the header's top-left lines. */
export function splitIssuingBody(lines: readonly string[]): IssuingBody {
  const bodies: string[] = [];
  let prev: string | null = null;
  for (const raw of lines) {
    for (const piece of splitRunTogether(raw.trim())) {
      const continues = prev !== null && (continuesBody(prev) || !opensBody(piece));
      if (continues && bodies.length > 0) bodies[bodies.length - 1] = `${bodies[bodies.length - 1] ?? ''} ${piece}`;
      else bodies.push(piece);
      prev = piece;
    }
  }
  const issuer = bodies[bodies.length - 1] ?? null;
  return { issuer, governingBody: bodies.length >= 2 ? (bodies[bodies.length - 2] ?? null) : null };
}
