import { toIsoDate } from './dates.js';
import { canonicalDocumentType, foldedDocumentTypes } from './document-type.js';
import { foldKeepLength, isUpperLetter, trimEndChars } from './normalise.js';

/**
 * A document the dispatch rests on or carries out, as its preamble cites it:
 * "Thực hiện Công văn số 907/CAT-PA05, ngày 27/02/2026 của Công an tỉnh …",
 * "Căn cứ Luật An ninh mạng ngày 12 tháng 6 năm 2018", "Xét đề nghị của …
 * tại Tờ trình số …". Several may share one sentence.
 */
export interface DispatchReference {
  /** 'thực hiện' | 'căn cứ' | 'xét đề nghị' | 'theo' */
  kind: string;
  /** "Công văn", "Quyết định", "Luật" … as a canonical name. */
  documentType: string | null;
  /** "907/CAT-PA05", spaces inside the symbol removed. */
  number: string | null;
  /** ISO yyyy-mm-dd. */
  date: string | null;
  issuer: string | null;
  /** The citation as written, from the document type to its issuer or subject. */
  text: string;
}

/*
 * Everything is matched on the folded text (so OCR's "Thưc hiện … cũa" reads
 * like the real thing) and cut from the original at the same index.
 */
const LEADS: [string, string][] = [
  ['thuc hien', 'thực hiện'],
  ['can cu', 'căn cứ'],
  ['xet de nghi', 'xét đề nghị'],
  ['theo', 'theo'],
];
// "Theo dõi" (to monitor) and "theo đó" (accordingly) open ordinary sentences.
const NOT_THEO = ['theo doi', 'theo do '];
const TYPES = foldedDocumentTypes().sort((a, b) => b.length - a.length);
const CITATION = new RegExp(`(?<![a-z])(?:${TYPES.join('|')})(?![a-z])`, 'g');
// Laws are cited by name ("Luật An ninh mạng"); everything else by number.
const NAMED_TYPES = new Set(['luat', 'bo luat', 'phap lenh']);
const NUMBER = /(?<![a-z])so\s{1,3}(\d[0-9a-z.]*(?:\s{0,2}[/\-–]\s{0,2}[0-9a-z][0-9a-z.]*)*)/;
const NUMERIC_DATE = /ngay\s{0,3}(\d{1,2})\s{0,2}[/.-]\s{0,2}(\d{1,2})\s{0,2}[/.-]\s{0,2}(\d{4})(?!\d)/;
const WORD_DATE = /ngay\s{0,3}(\d{1,2})\s{1,3}thang\s{1,3}(\d{1,2})\s{1,3}nam\s{1,3}(\d{4})(?!\d)/;
const OF = /(?<![a-z])cua\s+/;
const OF_BEFORE = /(?<![a-z])cua\s+\S.*\stai\s*$/;
// What ends an issuer's name, when written in lower case: its subject, a verb, a bracket.
const ISSUER_END = /\s+(?:ve|ban hanh|quy dinh|huong dan|tai|de nghi|yeu cau|thong bao|chi dao|nham|de|trien khai)(?![a-z])|[,;.(]/g;
const MAX_ISSUER_CHARS = 150;
const MAX_BEFORE_CHARS = 300;
// Plain string tests where they do: each pattern costs time to compile on the first parse.

/** Sentences and ";"-separated clauses, each on one line. */
function clausesOf(preamble: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i <= preamble.length; i += 1) {
    const c = preamble[i];
    const next = preamble[i + 1];
    const ends = c === undefined || c === '\n' || ((c === ';' || c === '.') && (next === ' ' || next === '\n' || next === undefined));
    if (!ends) continue;
    const clause = preamble.slice(from, i).trim();
    if (clause !== '') out.push(clause);
    from = i + 1;
  }
  return out;
}

function isLetterAt(s: string, i: number): boolean {
  const c = s[i] ?? '';
  return c >= 'a' && c <= 'z';
}

function leadOf(folded: string): string | null {
  for (const [word, kind] of LEADS) {
    if (!folded.startsWith(word) || isLetterAt(folded, word.length)) continue;
    if (kind === 'theo' && NOT_THEO.some((w) => folded.startsWith(w) && !isLetterAt(folded, w.trimEnd().length))) return null;
    return kind;
  }
  return null;
}

function trimTrailingAnd(s: string): string {
  for (const tail of [' và các', ' và']) if (s.endsWith(tail)) return s.slice(0, -tail.length).trimEnd();
  return s;
}

interface Citation {
  start: number;
  typeEnd: number;
}

function findCitations(clause: string, folded: string): Citation[] {
  const out: Citation[] = [];
  CITATION.lastIndex = 0;
  for (let m = CITATION.exec(folded); m; m = CITATION.exec(folded)) {
    const typeEnd = m.index + m[0].length;
    const named = NAMED_TYPES.has(m[0]) && isUpperLetter(clause[m.index] ?? '') && clause[typeEnd] === ' ' && isUpperLetter(clause[typeEnd + 1] ?? '');
    const numbered = folded.slice(typeEnd).trimStart().startsWith('so ') && /\d/.test(folded.slice(typeEnd).trimStart()[3] ?? '');
    if (named || numbered) out.push({ start: m.index, typeEnd });
  }
  return out;
}

function isoOf(m: RegExpExecArray | null): string | null {
  return m ? toIsoDate(Number(m[3]), Number(m[2]), Number(m[1])) : null;
}

/** "của Công an tỉnh Điện Biên về …" → "Công an tỉnh Điện Biên"; stop words count only in lower case. */
function issuerAfter(original: string, folded: string, from: number): { issuer: string; end: number } | null {
  ISSUER_END.lastIndex = from;
  let end = original.length;
  for (let m = ISSUER_END.exec(folded); m; m = ISSUER_END.exec(folded)) {
    const first = original[m.index + m[0].length - m[0].trimStart().length] ?? '';
    if (/[,;.(]/.test(m[0]) || first === first.toLowerCase()) {
      end = m.index;
      break;
    }
  }
  const issuer = trimTrailingAnd(trimEndChars(original.slice(from, end).trim(), ' ,;'));
  if (issuer === '' || issuer.length > MAX_ISSUER_CHARS || !isUpperLetter(issuer[0] ?? '')) return null;
  return { issuer, end };
}

function readCitation(clause: string, folded: string, c: Citation, end: number, kind: string, before: string): DispatchReference {
  const seg = clause.slice(c.start, end);
  const fseg = folded.slice(c.start, end);
  const ve = fseg.indexOf(' ve ');
  const subjectAt = ve < 0 ? fseg.length : ve;
  const head = fseg.slice(0, subjectAt);
  const num = NUMBER.exec(head);
  const number = num ? trimEndChars(seg.slice(num.index + num[0].length - (num[1] ?? '').length, num.index + num[0].length).replace(/\s+/g, ''), '.') : null;
  const date = isoOf(NUMERIC_DATE.exec(head)) ?? isoOf(WORD_DATE.exec(head));
  const of = OF.exec(head);
  let issuer = of ? issuerAfter(seg, fseg, of.index + of[0].length) : null;
  // "Xét đề nghị của Phòng … tại Công văn số …": the issuer is named before the document.
  if (issuer === null) {
    const fb = foldKeepLength(before);
    const at = fb.includes('cua ') ? fb.search(OF_BEFORE) : -1;
    if (at >= 0) issuer = issuerAfter(before, fb, at + (OF.exec(fb.slice(at))?.[0].length ?? 0));
  }
  const minEnd = Math.max(issuer?.end ?? 0, num ? num.index + num[0].length : 0);
  // The citation ends where the sentence goes on with a capital after a comma: ", UBND xã yêu cầu …".
  let textEnd = seg.length;
  for (let at = seg.indexOf(', ', minEnd); at >= 0; at = seg.indexOf(', ', at + 2)) {
    if (isUpperLetter(seg[at + 2] ?? '')) {
      textEnd = at;
      break;
    }
  }
  const text = trimTrailingAnd(trimEndChars(seg.slice(0, textEnd).trim(), ' ,;.:'));
  return { kind, documentType: canonicalDocumentType(seg.slice(0, c.typeEnd - c.start)), number, date, issuer: issuer?.issuer ?? null, text };
}

/** The documents cited by the sentences of the preamble that open with "Thực hiện", "Căn cứ", "Xét đề nghị" or "Theo". */
export function findReferences(preamble: string): DispatchReference[] {
  const refs: DispatchReference[] = [];
  let carried: string | null = null;
  for (const clause of clausesOf(preamble)) {
    const folded = foldKeepLength(clause);
    const citations = findCitations(clause, folded);
    // "Căn cứ Nghị định …; Thông tư …": a clause that opens with a document keeps the lead before it.
    const kind: string | null = leadOf(folded) ?? (citations[0]?.start === 0 ? carried : null);
    carried = kind;
    if (kind === null) continue;
    citations.forEach((c, i) => {
      const end = citations[i + 1]?.start ?? clause.length;
      // Only the words just before: "… của Phòng … tại" is never far from the document it names.
      const from = Math.max(i === 0 ? 0 : (citations[i - 1]?.typeEnd ?? 0), c.start - MAX_BEFORE_CHARS);
      const before = clause.slice(from, c.start);
      refs.push(readCitation(clause, folded, c, end, kind, before));
    });
  }
  return refs;
}
