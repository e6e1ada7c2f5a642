import { findDispatchDate, type DateProblem, type DispatchDate } from './dates.js';
import {
  isAuthorityLine,
  isUrgencyMark,
  matchKinhGui,
  matchNoiNhan,
  matchNumberLabel,
  matchSubject,
  parseDocumentNumber,
  removeNationalTitle,
} from './keywords.js';
import { documentTypeFromNumber, matchDocumentTitle } from './document-type.js';
import { continuesBody, opensBody, splitIssuingBody } from './issuing-body.js';
import { collapseSpaces, endsSentence, foldKeepLength, isRule, splitColumns, uppercaseRatio } from './normalise.js';

export interface DispatchHeader {
  /** The issuing body: the lowest body named top-left ("SỞ THÔNG TIN VÀ TRUYỀN THÔNG"). */
  issuer: string | null;
  /** The body above it ("UBND TỈNH ĐỒNG THÁP"), when the header names one. */
  governingBody: string | null;
  documentType: string | null;
  number: string | null;
  numberBlank: boolean;
  place: string | null;
  date: string | null;
  dateText: string | null;
  dateProblem: DateProblem;
  subject: string | null;
  /** Index of the first line that belongs to the body ("Kính gửi" or the first paragraph). */
  bodyStart: number;
  /** Replaces line `bodyStart` when the body begins mid-line (e.g. a column before "Kính gửi"). */
  bodyFirstLine: string | null;
}

// Subject lines sit in a narrow left column; a longer line is body text that
// follows the subject without a blank line.
const MAX_SUBJECT_LINE = 130;
const MAX_ISSUER_LINE = 100;
// No header piece is this long or spans this many lines; past that it is body text.
const MAX_HEADER_PIECE = 400;
const MAX_PIECE_LINES = 8;

type Outcome = 'continue' | 'end';

const MENDING_LINES = 40;

function hasYear(found: DispatchDate | null): boolean {
  return found !== null && /\d{4}$/.test(found.dateText);
}

/**
 * Narrow re-wrapping splits "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA / VIỆT NAM" or
 * "Cao Lãnh, ngày tháng 01 / năm 2024" over two lines. Near the top of the
 * text, two short lines are rejoined when only together do they form the
 * national title or a complete date. Line indexes are kept (the second line
 * becomes blank) so the body still starts where the header says.
 */
function mendBrokenHeaderLines(lines: readonly string[]): string[] {
  const out = [...lines];
  const limit = Math.min(out.length - 1, MENDING_LINES);
  for (let i = 0; i < limit; i += 1) {
    const a = (out[i] ?? '').trim();
    const b = (out[i + 1] ?? '').trim();
    if (a === '' || b === '' || a.length > 80 || b.length > 40 || /\s{3}/.test(a) || /\s{3}/.test(b)) continue;
    const folded = foldKeepLength(a);
    const maybeNational = /cong hoa|doc lap/.test(folded);
    const maybeDate = /ngay/.test(folded);
    if (!maybeNational && !maybeDate) continue;
    const joined = `${a} ${b}`;
    const national = maybeNational && !removeNationalTitle(a).found && removeNationalTitle(joined).found;
    const date = maybeDate && !hasYear(findDispatchDate(a)) && hasYear(findDispatchDate(joined));
    if (national || date) {
      out[i] = joined;
      out[i + 1] = '';
    }
  }
  return out;
}

// Lines that open the body, so a subject without a blank line after it stops there.
const BODY_OPENER = /^(?:can cu|thuc hien|xet de nghi|theo (?!doi)|(?:[ivx]{1,4}|\d{1,2})\s{0,2}[.)]\s)/;
// Rule lines drawn under the header columns, when they share a line with text.
const RULE_RUN = /(?:^|\s)[-_=~*·•–—]{3,}(?=\s|$)/g;

function opensBodyText(seg: string): boolean {
  return BODY_OPENER.test(foldKeepLength(seg.slice(0, 20)));
}

function hasRuleRun(piece: string): boolean {
  return ['---', '___', '===', '***', '–––', '———', '~~~', '···', '•••'].some((r) => piece.includes(r));
}

interface HeaderState {
  header: DispatchHeader;
  issuerLines: string[];
  subjectParts: string[];
  subjectOpen: boolean;
  subjectSeen: boolean;
  /** The title line ("KẾ HOẠCH"), whose subject is the next line, unprefixed. */
  title: string | null;
  /** A Quyết định repeats its signer's office under the subject; it is skipped, once. */
  officeSkipped: boolean;
  sawFeature: boolean;
}

/** A line of the issuing-body block: in capitals before anything else, or a body's name in any case. */
function isIssuerLine(st: HeaderState, seg: string): boolean {
  if (seg.length > MAX_ISSUER_LINE || st.issuerLines.length >= MAX_PIECE_LINES || isUrgencyMark(seg)) return false;
  const last = st.issuerLines[st.issuerLines.length - 1];
  const named = opensBody(seg) || (last !== undefined && continuesBody(last));
  const capitals = uppercaseRatio(seg) >= 0.8;
  if (!st.sawFeature) return capitals || (named && !endsSentence(seg) && !/\d/.test(seg));
  // After the number or date (the right column extracted first), only a body's
  // name in capitals, and only before the subject: past it, capitals are a title.
  return !st.subjectSeen && st.title === null && capitals && named;
}

function takeSubjectLine(st: HeaderState, seg: string): boolean {
  if (!st.subjectOpen || seg.length > MAX_SUBJECT_LINE || st.subjectParts.length >= MAX_PIECE_LINES) return false;
  // A title with no subject line ("QUYẾT ĐỊNH" straight above "Căn cứ …") leaves the body alone.
  if (opensBodyText(seg)) return false;
  if (st.subjectParts.length === 0 && st.title !== null) {
    // "Về tăng cường …" under a Chỉ thị: the "Về" is the subject's label, like "V/v".
    st.subjectParts.push(seg.replace(/^(?:Về|VỀ|Ve)\s+(?=\S)/, ''));
    return true;
  }
  const last = st.subjectParts[st.subjectParts.length - 1] ?? '';
  // A line in capitals under a subject in lower case is the next header line (a Quyết định's office), not more subject.
  if (endsSentence(last) || (uppercaseRatio(seg) >= 0.8 && uppercaseRatio(last) < 0.5)) return false;
  st.subjectParts.push(seg);
  return true;
}

/** The signer's office a Quyết định prints under its subject ("CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG …"). */
function isOfficeLine(st: HeaderState, seg: string): boolean {
  return st.title !== null && st.subjectSeen && !st.officeSkipped && uppercaseRatio(seg) >= 0.8 && seg.length <= MAX_ISSUER_LINE && !/\d/.test(seg);
}

/**
 * Reads the header block: issuing body (and the body above it), "Số:", place
 * and date, the document's title, "V/v …" or the subject under the title. The
 * two header columns may arrive one after the other, interleaved line by
 * line, or side by side on one line separated by spaces; each column piece is
 * classified on its own, so the order does not matter.
 */
export function parseHeader(lines: readonly string[]): DispatchHeader {
  const st: HeaderState = {
    header: {
      issuer: null,
      governingBody: null,
      documentType: null,
      number: null,
      numberBlank: false,
      place: null,
      date: null,
      dateText: null,
      dateProblem: null,
      subject: null,
      bodyStart: lines.length,
      bodyFirstLine: null,
    },
    issuerLines: [],
    subjectParts: [],
    subjectOpen: false,
    subjectSeen: false,
    title: null,
    officeSkipped: false,
    sawFeature: false,
  };
  const header = st.header;

  const classify = (piece: string, lineIndex: number, rawLine: string): Outcome => {
    if (piece.length > MAX_HEADER_PIECE) return endAt(lineIndex);
    const seg = collapseSpaces(hasRuleRun(piece) ? piece.replace(RULE_RUN, ' ') : piece);
    if (seg === '' || isRule(seg)) return 'continue';
    const national = removeNationalTitle(seg);
    if (national.found) {
      for (const rest of national.pieces) if (classify(rest, lineIndex, rawLine) === 'end') return 'end';
      return 'continue';
    }
    const kinhGui = matchKinhGui(seg);
    if (kinhGui) {
      header.bodyStart = lineIndex;
      const at = rawLine.indexOf(piece.trim());
      header.bodyFirstLine = at > 0 ? rawLine.slice(at) : null;
      st.sawFeature = true;
      return 'end';
    }
    if (matchNoiNhan(seg) || isAuthorityLine(seg)) return endAt(lineIndex);

    const label = header.number === null ? matchNumberLabel(seg) : null;
    const parsedNumber = label ? parseDocumentNumber(label.rest) : null;
    if (parsedNumber) {
      header.number = parsedNumber.number;
      header.numberBlank = parsedNumber.blank;
      st.sawFeature = true;
      st.subjectOpen = false;
      return parsedNumber.rest === '' ? 'continue' : classify(parsedNumber.rest, lineIndex, rawLine);
    }

    // "Căn cứ Luật … ngày 12/6/2018;" cites another document's date, never this one's.
    if (header.dateText === null && !opensBodyText(seg)) {
      // The uncollapsed piece, so a blank day keeps its handwriting space in dateText.
      const found = findDispatchDate(piece.trim());
      if (found) {
        header.place = found.place;
        header.date = found.date;
        header.dateText = found.dateText;
        header.dateProblem = found.problem;
        st.sawFeature = true;
        return 'continue';
      }
    }

    const subject = st.subjectSeen ? null : matchSubject(seg);
    if (subject) {
      if (subject.rest !== '') st.subjectParts.push(subject.rest);
      st.subjectOpen = true;
      st.subjectSeen = true;
      st.sawFeature = true;
      return 'continue';
    }

    const title = st.title === null && !st.subjectSeen ? matchDocumentTitle(seg) : null;
    if (title) {
      st.title = title.type;
      st.subjectOpen = true;
      if (title.rest !== '') {
        st.subjectParts.push(title.rest);
        st.subjectSeen = true;
      }
      st.sawFeature = true;
      return 'continue';
    }

    if (takeSubjectLine(st, seg)) {
      st.subjectSeen = true;
      return 'continue';
    }
    if (isIssuerLine(st, seg)) {
      st.issuerLines.push(seg);
      return 'continue';
    }
    if (isOfficeLine(st, seg)) {
      st.officeSkipped = true;
      return 'continue';
    }
    if (isUrgencyMark(seg)) return 'continue';
    return endAt(lineIndex);
  };

  const endAt = (lineIndex: number): Outcome => {
    header.bodyStart = lineIndex;
    return 'end';
  };

  const mended = mendBrokenHeaderLines(lines);
  for (let i = 0; i < mended.length; i += 1) {
    const raw = mended[i] ?? '';
    const segments = splitColumns(raw);
    if (segments.length === 0) {
      st.subjectOpen = false;
      continue;
    }
    let ended = false;
    for (const seg of segments) {
      if (classify(seg, i, raw) === 'end') {
        ended = true;
        break;
      }
    }
    if (ended) break;
  }

  if (!st.sawFeature) {
    // Capital lines with nothing header-like after them are just text.
    return { ...header, bodyStart: 0, bodyFirstLine: null };
  }
  const body = splitIssuingBody(st.issuerLines);
  header.issuer = body.issuer;
  header.governingBody = body.governingBody;
  const subject = collapseSpaces(st.subjectParts.join(' '));
  header.subject = subject === '' ? null : subject;
  // The title names the type; failing that, the number's code; a "V/v" line with neither is a công văn.
  header.documentType = st.title ?? documentTypeFromNumber(header.number) ?? (st.subjectSeen ? 'Công văn' : null);
  return header;
}
