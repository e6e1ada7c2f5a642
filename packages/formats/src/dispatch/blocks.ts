import { matchKinhGui } from './keywords.js';
import { collapseSpaces, endsSentence, foldKeepLength, isRule, isUpperLetter, isWrapBreak, startsLowercase, type Layout } from './normalise.js';

/** `article` is a Quyết định's "Điều 1."; `roman` an "I."; `heading` a "1."; `item` a bullet or "a)". */
export type BlockKind = 'kinhGui' | 'article' | 'heading' | 'roman' | 'subheading' | 'item' | 'para';

/** One logical unit of the body: a heading, a list item or a paragraph, with broken lines joined. */
export interface Block {
  kind: BlockKind;
  text: string;
  /** The heading number for "1." style headings. */
  number: number | null;
}

interface Marker {
  kind: BlockKind;
  text: string;
  number: number | null;
}

// Matched on the folded head; "Điều 3 Nghị định …" wrapped onto a new line has no stop after the number.
const ARTICLE = /^dieu\s{1,3}(\d{1,3})\s{0,2}[.:](?!\d)\s*/;
// Closings open with these; after a full stop they start a paragraph even where a wrapped line could end.
const CLOSING_START =
  /^(?:de nghi|yeu cau|tren day|nhan duoc|trong qua trinh|qua trinh thuc hien|moi vuong mac|moi thong tin|thong tin lien he|dau moi lien he)(?![a-z])/;
const ROMAN = /^(XV|XIV|XIII|XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\s{0,2}[.)]\s+(?=\S)/;
const SUB_NUMBER = /^\d{1,2}\.\d{1,2}(?:\.\d{1,2})?\.?\s+(?=\S)/;
// Three digits at most: a long list reaches "120.", a year ("2026.") never starts an item.
const NUMBER = /^(\d{1,3})\s{0,2}[.)](?![\d.)])\s*/;
const LETTER_PAREN = /^[a-zđ]\s{0,1}\)\s*(?=\S)/;
// "a. " only before a capital, so "a. m." style abbreviations stay text.
const LETTER_DOT = /^[a-zđ]\.\s+/;
// Private-use characters are Wingdings bullets that lost their font in export;
// U+FFFD is a bullet glyph that lost its encoding.
const BULLET = /^[-–—+•●▪◦·∙➢➤►■□◆◇○✓✔❖\uf000-\uf0ff\ufffd]\s*(?=[^\s\-–—])/;

function detectMarker(t: string): Marker | null {
  const kinhGui = matchKinhGui(t);
  if (kinhGui) return { kind: 'kinhGui', text: kinhGui.rest, number: null };
  const article = t[0] === 'Đ' || t[0] === 'D' ? ARTICLE.exec(foldKeepLength(t.slice(0, 16))) : null;
  if (article) return { kind: 'article', text: t.slice(article[0].length), number: Number(article[1]) };
  const roman = ROMAN.exec(t);
  if (roman) return { kind: 'roman', text: t.slice(roman[0].length), number: null };
  const sub = SUB_NUMBER.exec(t);
  if (sub) return { kind: 'subheading', text: t.slice(sub[0].length), number: null };
  const num = NUMBER.exec(t);
  if (num) return { kind: 'heading', text: t.slice(num[0].length), number: Number(num[1]) };
  const paren = LETTER_PAREN.exec(t);
  if (paren) return { kind: 'item', text: t.slice(paren[0].length), number: null };
  const dot = LETTER_DOT.exec(t);
  if (dot && isUpperLetter(t[dot[0].length] ?? '')) return { kind: 'item', text: t.slice(dot[0].length), number: null };
  const bullet = BULLET.exec(t);
  if (bullet) return { kind: 'item', text: t.slice(bullet[0].length), number: null };
  return null;
}

/**
 * Whether a line that looks like a list item really starts one. After a line
 * that stops mid-sentence, "- an ninh …" or a wrapped "- Bộ Thông tin …" is
 * the rest of that sentence, not a new bullet.
 */
export function startsNewItem(prev: string | null, prevBlank: boolean, line: string, markerText: string, layout: Layout): boolean {
  if (prev === null || prevBlank || endsSentence(prev)) return true;
  if (startsLowercase(markerText)) return false;
  return !isWrapBreak(prev, line, layout);
}

/** Whether a plain line continues the block above it rather than starting a paragraph. */
export function continuesBlock(prev: string, prevBlank: boolean, line: string, layout: Layout): boolean {
  // Some PDF extractors put a blank line after every line; a lower-case start
  // still gives the continuation away.
  if (prevBlank) return !endsSentence(prev) && startsLowercase(line);
  if (!endsSentence(prev) || startsLowercase(line)) return true;
  if (CLOSING_START.test(foldKeepLength(line.slice(0, 24)))) return false;
  return isWrapBreak(prev, line, layout);
}

/**
 * A titled heading ("II. UBND các huyện") has no full stop, yet the
 * capitalised line under it starts the section's text unless the text was
 * hard-wrapped right there.
 */
function startsTextUnderTitle(block: Block, prev: string, line: string, layout: Layout): boolean {
  if ((block.kind !== 'heading' && block.kind !== 'roman' && block.kind !== 'article') || block.text === '') return false;
  return isUpperLetter(line[0] ?? '') && !isWrapBreak(prev, line, layout);
}

export function joinText(a: string, b: string): string {
  if (a === '') return b;
  return /^[.,;:)\]]/.test(b) ? a + b : `${a} ${b}`;
}

export function buildBlocks(lines: readonly string[], layout: Layout): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  let prev: string | null = null;
  let prevBlank = true;

  for (const raw of lines) {
    const line = collapseSpaces(raw);
    if (line === '' || isRule(line)) {
      prevBlank = true;
      continue;
    }
    const marker = detectMarker(line);
    // Under a Roman part's title ("II. TỔ CHỨC THỰC HIỆN") a numbered line starts its first item, however short the title.
    const underPart = current?.kind === 'roman' && (marker?.kind === 'heading' || marker?.kind === 'item');
    const top = marker !== null && (marker.kind === 'kinhGui' || marker.kind === 'roman' || marker.kind === 'article' || underPart);
    const fresh = marker !== null && (top || startsNewItem(prev, prevBlank, line, marker.text, layout));
    if (marker && fresh) {
      current = { kind: marker.kind, text: marker.text, number: marker.number };
      blocks.push(current);
    } else if (
      current &&
      prev !== null &&
      (((current.kind === 'heading' || current.kind === 'article') && current.text === '') ||
        (continuesBlock(prev, prevBlank, line, layout) && !startsTextUnderTitle(current, prev, line, layout)))
    ) {
      current.text = joinText(current.text, line);
    } else {
      current = { kind: 'para', text: line, number: null };
      blocks.push(current);
    }
    prev = line;
    prevBlank = false;
  }
  return blocks;
}
