import { foldKeepLength, trimEndChars, trimStartChars, uppercaseRatio } from './normalise.js';

/*
 * Every keyword is matched on the folded text (lower case, no marks), so OCR
 * slips such as "Kinh gui", "Kính gứi", "Noi nhan", "S6:" and "V.v" are read
 * like the real thing. Because the fold keeps string length, the length of a
 * match is also the length of the prefix to cut from the original line.
 */

const KINH_GUI = /^kinh\s{0,3}g[uo]i(?![a-z])\s{0,3}[:;.]?\s*/;
const NOI_NHAN = /^noi\s{0,3}nhan(?![a-z])\s{0,3}[:;.]?\s*/;
const SUBJECT = /^(?:v\s{0,2}[/.\\|]\s{0,2}v|ve\s{1,3}viec)(?![a-z])\s{0,3}[:.\-–]?\s*/;
// "6" and "0" are what OCR makes of "ố".
const NUMBER = /^(?:s[o06]\s{0,3}[:;.]|so\s+(?=[^\s]{0,20}\/))\s*/;
const AUTHORITY =
  /^(?:(?:t\.?\s?m|k\.?\s?t|t\.?\s?l|t\.?\s?u\.?\s?q|t\/m|k\/t|q)\s{0,2}[.:/]\s{0,3}(?=\S)|(?:thua lenh|thay mat|ky thay|thua uy quyen)(?![a-z]))/;
const URGENCY = /^(?:hoa toc|thuong khan|khan|mat|toi mat|tuyet mat|du thao|cong van)[\s.!]*$/;

export interface KeywordMatch {
  /** What follows the keyword on the same line, cut from the original text. */
  rest: string;
}

// Keywords open a line, so folding a short head is enough and keeps a
// two-megabyte line from being folded once per keyword.
const HEAD_CHARS = 80;

function matchPrefix(re: RegExp, segment: string): KeywordMatch | null {
  const m = re.exec(foldKeepLength(segment.slice(0, HEAD_CHARS)));
  return m ? { rest: segment.slice(m[0].length).trim() } : null;
}

// A Công điện addresses its recipients from its signer: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:".
const TELEGRAM_ADDRESS = /^(?:chu tich|pho chu tich|giam doc|bo truong|thu truong|thu tuong|truong ban)[a-z\s]{0,100}?\s+dien\s{0,2}:\s*$/;

/** "Kính gửi:", or the line a Công điện puts in its place; the rest is the first recipient. */
export function matchKinhGui(segment: string): KeywordMatch | null {
  const kinhGui = matchPrefix(KINH_GUI, segment);
  if (kinhGui !== null || segment.length > HEAD_CHARS) return kinhGui;
  return TELEGRAM_ADDRESS.test(foldKeepLength(segment.trim())) ? { rest: '' } : null;
}

export function matchNoiNhan(segment: string): KeywordMatch | null {
  return matchPrefix(NOI_NHAN, segment);
}

export function matchSubject(segment: string): KeywordMatch | null {
  return matchPrefix(SUBJECT, segment);
}

export function matchNumberLabel(segment: string): KeywordMatch | null {
  return matchPrefix(NUMBER, segment);
}

/** "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "Q. GIÁM ĐỐC": written in capitals, so "Q. Ba Đình" is not one. */
export function isAuthorityLine(segment: string): boolean {
  const head = segment.slice(0, HEAD_CHARS);
  return AUTHORITY.test(foldKeepLength(head)) && uppercaseRatio(head) >= 0.6;
}

export function isUrgencyMark(segment: string): boolean {
  return segment.length <= 30 && URGENCY.test(foldKeepLength(segment).trim());
}

export interface ParsedNumber {
  number: string;
  blank: boolean;
  /** Text after the number on the same line (often the place and date). */
  rest: string;
}

/**
 * Reads "1082/UBND-CA" after "Số:", mending stray spaces ("1082 /UBND-CA",
 * "1 082/UBND - CA"). A number waiting to be filled in ("Số: /UBND-HC",
 * "Số: …/UBND-HC") keeps its code so the reader can still tell the office.
 */
export function parseDocumentNumber(afterLabel: string): ParsedNumber | null {
  const m = /^([0-9A-Za-zĐđ .…_-]{0,24}?)\s{0,3}\/\s{0,3}([^\s/]{1,60}(?:\s{0,2}[/\-–]\s{0,2}[^\s/]{1,30}){0,3})/.exec(afterLabel);
  if (!m) return null;
  const before = (m[1] ?? '').replace(/\s+/g, '').replace(/^[.…_]+/, '');
  const after = (m[2] ?? '').replace(/\s+/g, '');
  if (/^[.…_]*$/.test(before) && after === '') return null;
  return {
    number: `${before}/${after}`,
    blank: before === '',
    rest: afterLabel.slice(m[0].length).trim(),
  };
}

const NATIONAL = [
  /cong\s{0,3}hoa\s{1,3}xa\s{1,3}hoi\s{1,3}chu\s{1,3}nghia\s{1,3}viet\s{1,3}nam/g,
  /doc\s{0,3}lap\s{0,3}[-–—,]?\s{0,3}tu\s{0,3}do\s{0,3}[-–—,]?\s{0,3}hanh\s{0,3}phuc/g,
];

export interface NationalSplit {
  found: boolean;
  /** The pieces left once the national title and motto are cut out. */
  pieces: string[];
}

/**
 * Cuts "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" and "Độc lập - Tự do - Hạnh phúc"
 * out of a header segment, wherever they sit, so they never leak into the
 * issuer or subject when the two header columns are run together.
 */
export function removeNationalTitle(segment: string): NationalSplit {
  const folded = foldKeepLength(segment);
  const cuts: [number, number][] = [];
  for (const re of NATIONAL) {
    re.lastIndex = 0;
    for (let m = re.exec(folded); m; m = re.exec(folded)) cuts.push([m.index, m.index + m[0].length]);
  }
  if (cuts.length === 0) return { found: false, pieces: [segment] };
  cuts.sort((a, b) => a[0] - b[0]);
  const pieces: string[] = [];
  let from = 0;
  for (const [start, end] of cuts) {
    if (start > from) pieces.push(segment.slice(from, start));
    from = Math.max(from, end);
  }
  pieces.push(segment.slice(from));
  return {
    found: true,
    pieces: pieces.map((p) => trimEndChars(trimStartChars(p, ' -–—_,.'), ' -–—_,')).filter((p) => p !== ''),
  };
}
