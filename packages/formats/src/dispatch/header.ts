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
import { collapseSpaces, endsSentence, foldKeepLength, isRule, splitColumns, uppercaseRatio } from './normalise.js';

export interface DispatchHeader {
  issuer: string | null;
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

/**
 * Reads the header block: issuing body, "Số:", place and date, "V/v …". The
 * two header columns may arrive one after the other, interleaved line by
 * line, or side by side on one line separated by spaces; each column piece is
 * classified on its own, so the order does not matter.
 */
export function parseHeader(lines: readonly string[]): DispatchHeader {
  const header: DispatchHeader = {
    issuer: null,
    number: null,
    numberBlank: false,
    place: null,
    date: null,
    dateText: null,
    dateProblem: null,
    subject: null,
    bodyStart: lines.length,
    bodyFirstLine: null,
  };
  const issuerLines: string[] = [];
  const subjectParts: string[] = [];
  let subjectOpen = false;
  let subjectSeen = false;
  let sawFeature = false;

  const classify = (piece: string, lineIndex: number, rawLine: string): Outcome => {
    if (piece.length > MAX_HEADER_PIECE) return endAt(lineIndex);
    const seg = collapseSpaces(piece);
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
      sawFeature = true;
      return 'end';
    }
    if (matchNoiNhan(seg) || isAuthorityLine(seg)) return endAt(lineIndex);

    const label = header.number === null ? matchNumberLabel(seg) : null;
    const parsedNumber = label ? parseDocumentNumber(label.rest) : null;
    if (parsedNumber) {
      header.number = parsedNumber.number;
      header.numberBlank = parsedNumber.blank;
      sawFeature = true;
      subjectOpen = false;
      return parsedNumber.rest === '' ? 'continue' : classify(parsedNumber.rest, lineIndex, rawLine);
    }

    if (header.dateText === null) {
      // The uncollapsed piece, so a blank day keeps its handwriting space in dateText.
      const found = findDispatchDate(piece.trim());
      if (found) {
        header.place = found.place;
        header.date = found.date;
        header.dateText = found.dateText;
        header.dateProblem = found.problem;
        sawFeature = true;
        return 'continue';
      }
    }

    const subject = subjectSeen ? null : matchSubject(seg);
    if (subject) {
      if (subject.rest !== '') subjectParts.push(subject.rest);
      subjectOpen = true;
      subjectSeen = true;
      sawFeature = true;
      return 'continue';
    }

    if (subjectOpen && seg.length <= MAX_SUBJECT_LINE && subjectParts.length < MAX_PIECE_LINES && !endsSentence(subjectParts[subjectParts.length - 1] ?? '')) {
      subjectParts.push(seg);
      return 'continue';
    }
    if (!sawFeature && seg.length <= MAX_ISSUER_LINE && issuerLines.length < MAX_PIECE_LINES && !isUrgencyMark(seg) && uppercaseRatio(seg) >= 0.8) {
      issuerLines.push(seg);
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
      subjectOpen = false;
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

  if (!sawFeature) {
    // Capital lines with nothing header-like after them are just text.
    return { ...header, bodyStart: 0, bodyFirstLine: null };
  }
  header.issuer = issuerLines.length > 0 ? issuerLines.join(' ') : null;
  const subject = collapseSpaces(subjectParts.join(' '));
  header.subject = subject === '' ? null : subject;
  return header;
}
