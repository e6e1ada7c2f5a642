/**
 * Reading order for a công văn's pages, from words with boxes (a PDF's text layer or OCR).
 * Pure: no I/O, so it is tested on hand-made pages.
 *
 * A Decree 30 dispatch has a two-column header (issuing body, "Số:", "V/v" on the left;
 * the national title, motto and date on the right), a full-width body whose paragraphs
 * start with a first-line indent, and a two-column footer ("Nơi nhận" on the left, the
 * signature block on the right). Extraction breaks all three: columns come out
 * interleaved, every printed line is a line break, page numbers land mid-sentence. This
 * turns the pages back into text the way the dispatch parser reads pasted text: each
 * header and footer column on its own, one paragraph per line.
 */

export interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** OCR confidence 0–100; null for a PDF's text layer. */
  conf: number | null;
}

/** One page in its own units (points or pixels), origin at the top left. */
export interface PageText {
  width: number;
  height: number;
  lines: Word[][];
}

/** A word as placed in the text, with its neighbours on the printed line (to find it again in a field). */
export interface PlacedWord {
  text: string;
  conf: number | null;
  page: number;
  before: string;
  after: string;
}

export interface ReadingText {
  text: string;
  words: PlacedWord[];
}

interface Segment {
  words: Word[];
  text: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  page: number;
}

type Row = Segment[];

const median = (xs: number[]): number => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const quantile = (xs: number[], q: number): number => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))]!;
};

/** Lower-case without Vietnamese marks, for matching keywords in OCR'd text. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

function segment(words: Word[], page: number): Segment {
  return {
    words,
    text: words.map((w) => w.text).join(' '),
    x0: Math.min(...words.map((w) => w.x0)),
    x1: Math.max(...words.map((w) => w.x1)),
    y0: median(words.map((w) => w.y0)),
    y1: median(words.map((w) => w.y1)),
    page,
  };
}

/**
 * A printed line split where the gap between two words is far wider than a space: the two
 * header columns often come out of OCR as one line. Words split by a hair (kerning in a
 * PDF) are glued back.
 */
function splitLine(line: Word[], page: number, pageWidth: number): Segment[] {
  const words = [...line].filter((w) => w.text.trim() !== '').sort((a, b) => a.x0 - b.x0);
  if (words.length === 0) return [];
  const h = median(words.map((w) => w.y1 - w.y0)) || 1;
  const out: Segment[] = [];
  let current: Word[] = [];
  for (const w of words) {
    const prev = current[current.length - 1];
    if (prev) {
      const gap = w.x0 - prev.x1;
      if (gap > Math.max(1.8 * h, 0.03 * pageWidth)) {
        out.push(segment(current, page));
        current = [];
      } else if (gap < 0.06 * h && prev.conf === null && w.conf === null && /\p{L}$/u.test(prev.text) && /^\p{Ll}/u.test(w.text)) {
        current[current.length - 1] = { ...prev, text: prev.text + w.text, x1: w.x1 };
        continue;
      }
    }
    current.push(w);
  }
  if (current.length > 0) out.push(segment(current, page));
  return out;
}

/** Segments whose middles share a band, left to right, top to bottom. */
function rowsOf(segments: Segment[]): Row[] {
  const sorted = [...segments].sort((a, b) => (a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2);
  const rows: Row[] = [];
  for (const s of sorted) {
    const row = rows[rows.length - 1];
    const mid = (s.y0 + s.y1) / 2;
    if (row && row.some((r) => mid > r.y0 && mid < r.y1)) row.push(s);
    else rows.push([s]);
  }
  return rows.map((r) => r.sort((a, b) => a.x0 - b.x0));
}

const PAGE_NUMBER = /^[-–—.\s]*(?:trang|page)?\s*\d{1,3}\s*(?:(?:\/|trên|of)\s*\d{1,3})?[-–—.\s]*$/iu;
const MARKER = /^(?:[-–—+•●▪◦·∙➢➤►■□◆◇○✓✔❖*]\s?|\d{1,2}[.)](?:\s|$)|[IVXLC]{1,6}[.)]\s|[a-zđ][.)]\s|điều\s+\d)/iu;
const AUTHORITY = /^(?:tm|kt|tl|tuq|q|thừa lệnh|thay mặt|ký thay)\.?\s/iu;

const isKinhGui = (s: Segment) => /^kinh\s*gui\b/.test(fold(s.text));
const isFooterStart = (s: Segment) => /^noi\s*nhan\b/.test(fold(s.text)) || (AUTHORITY.test(s.text) && s.text.length < 60);

interface Geometry {
  left: number;
  right: number;
  mid: number;
  width: number;
  em: number;
  pitch: number;
}

function geometry(rows: Row[], page: PageText): Geometry {
  const segs = rows.flat();
  const wide = segs.filter((s) => s.x1 - s.x0 > 0.45 * page.width);
  const basis = wide.length >= 3 ? wide : segs;
  const left = quantile(
    basis.map((s) => s.x0),
    0.1,
  );
  const right = quantile(
    basis.map((s) => s.x1),
    0.9,
  );
  const em = median(segs.map((s) => s.y1 - s.y0)) || 1;
  const singles = rows.filter((r) => r.length === 1).map((r) => (r[0]!.y0 + r[0]!.y1) / 2);
  const pitches = singles.slice(1).map((y, i) => y - singles[i]!);
  return { left, right, mid: (left + right) / 2, width: Math.max(1, right - left), em, pitch: median(pitches.filter((p) => p > 0)) || em * 1.4 };
}

class Writer {
  readonly parts: string[] = [];
  readonly words: PlacedWord[] = [];

  /** Adds a segment's words (text already decided by the caller), keeping the words for the confidence map. */
  place(s: Segment): void {
    s.words.forEach((w, i) =>
      this.words.push({ text: w.text, conf: w.conf, page: s.page, before: s.words[i - 1]?.text ?? '', after: s.words[i + 1]?.text ?? '' }),
    );
  }
}

function joinLine(prev: string, next: string): string {
  // word processors break lines after a hyphen: "33/PVHTT-" + "HC" is "33/PVHTT-HC"; a dash
  // between words ("quốc phòng -" + "an ninh") keeps its space
  if (/[\p{L}\d)]-$/u.test(prev) && /^[\p{L}\d]/u.test(next)) return prev + next;
  return `${prev} ${next}`;
}

/** A header or footer: the left column top to bottom, then the right one, then anything full width. */
function columns(rows: Row[], g: (page: number) => Geometry, out: Writer): string[] {
  const left: Segment[][] = [];
  const right: Segment[][] = [];
  const wide: Segment[] = [];
  for (const row of rows) {
    const l: Segment[] = [];
    const r: Segment[] = [];
    for (const s of row) {
      const geo = g(s.page);
      if (s.x1 - s.x0 > 0.7 * geo.width) wide.push(s);
      else if ((s.x0 + s.x1) / 2 < geo.mid) l.push(s);
      else r.push(s);
    }
    if (l.length) left.push(l);
    if (r.length) right.push(r);
  }
  const blocks: string[] = [];
  for (const col of [left, right]) {
    if (col.length === 0) continue;
    // pieces of one printed line in one column (a date with blanks for the day) stay on one line
    blocks.push(
      col
        .map((pieces) => {
          pieces.forEach((p) => out.place(p));
          return pieces.map((p) => p.text).join('    ');
        })
        .join('\n'),
    );
  }
  for (const s of wide) {
    out.place(s);
    blocks.push(s.text);
  }
  return blocks;
}

/**
 * The pages' text in reading order: header columns, then the body one paragraph per line,
 * then the footer columns; page numbers and running page furniture dropped.
 */
export function readingOrder(pages: PageText[]): ReadingText {
  const pageRows: Row[][] = [];
  const geos: Geometry[] = [];
  pages.forEach((page, i) => {
    const segs = page.lines.flatMap((l) => splitLine(l, i, page.width));
    const rows = rowsOf(segs).filter((row) => {
      if (row.length !== 1) return true;
      const s = row[0]!;
      const y = (s.y0 + s.y1) / 2;
      const margin = y < 0.1 * page.height || y > 0.9 * page.height;
      // page numbers, and the specks OCR reads as "." or "|" in the margins
      return !(margin && (PAGE_NUMBER.test(s.text) || !/[\p{L}\d]/u.test(s.text)));
    });
    pageRows.push(rows);
    geos.push(geometry(rows, page));
  });
  const g = (page: number) => geos[page]!;
  const all: Row[] = pageRows.flat();

  // header: page 1 down to "Kính gửi" or the first full-width line
  let bodyStart = 0;
  if (all.length > 0 && all[0]![0]!.page === 0) {
    for (; bodyStart < all.length; bodyStart++) {
      const row = all[bodyStart]!;
      const s = row[0]!;
      if (s.page !== 0 || row.some(isKinhGui)) break;
      if (row.length === 1 && s.x1 - s.x0 > 0.6 * g(0).width) break;
    }
    // nothing but one column of full-width text: no header at all
    if (bodyStart === all.length) bodyStart = 0;
  }
  let footerStart = all.length;
  for (let i = bodyStart; i < all.length; i++) {
    if (all[i]!.some((s) => isFooterStart(s) && s.x1 - s.x0 < 0.6 * g(s.page).width)) {
      footerStart = i;
      break;
    }
  }

  const out = new Writer();
  const blocks: string[] = [];
  blocks.push(...columns(all.slice(0, bodyStart), g, out));

  let para: string | null = null;
  let prev: Segment | null = null;
  for (const row of all.slice(bodyStart, footerStart)) {
    const s: Segment =
      row.length === 1
        ? row[0]!
        : {
            ...segment(
              row.flatMap((x) => x.words),
              row[0]!.page,
            ),
            text: row.map((x) => x.text).join(' '),
          };
    row.forEach((x) => out.place(x));
    const geo = g(s.page);
    let fresh = para === null || prev === null || MARKER.test(s.text) || isKinhGui(s);
    if (!fresh && prev) {
      const pgeo = g(prev.page);
      // the line ended early only if the next line's first word would have fitted after it
      const firstWord = s.words[0]!;
      const prevShort = pgeo.right - prev.x1 > ((firstWord.x1 - firstWord.x0) * pgeo.em) / geo.em + 1.2 * pgeo.em;
      const indented = s.x0 - geo.left > 1.0 * geo.em && s.x0 > (prev.page === s.page ? prev.x0 : pgeo.left) + 0.8 * geo.em;
      const gap = prev.page === s.page && (s.y0 + s.y1) / 2 - (prev.y0 + prev.y1) / 2 > 1.9 * geo.pitch;
      fresh = prevShort || indented || gap || isKinhGui(prev);
    }
    if (fresh) {
      if (para !== null) blocks.push(para);
      para = s.text;
    } else para = joinLine(para!, s.text);
    prev = s;
  }
  if (para !== null) blocks.push(para);

  blocks.push(...columns(all.slice(footerStart), g, out));
  return { text: blocks.filter((b) => b.trim() !== '').join('\n\n'), words: out.words };
}
