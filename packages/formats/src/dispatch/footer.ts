import { startsNewItem, joinText } from './blocks.js';
import { isAuthorityLine, matchNoiNhan } from './keywords.js';
import {
  collapseSpaces,
  countLetters,
  endsSentence,
  foldKeepLength,
  isRule,
  isUpperLetter,
  leadingCapitalisedWords,
  splitColumns,
  stripListEnd,
  uppercaseRatio,
  type Layout,
} from './normalise.js';

export interface Signer {
  authority: string | null;
  title: string | null;
  name: string | null;
}

export interface DispatchFooter {
  copiesTo: string[];
  signer: Signer;
  /** Footnote texts found below the signature (their marker removed). */
  footnotes: string[];
}

const BULLET = /^[-–—+•●▪◦·∙➢➤►■□◆◇○✓✔❖\uf000-\uf0ff]\s*(?=[^\s\-–—])/;
// U+FFFD, stars and superscripts are what footnote markers become in text exports.
const FOOTNOTE_MARK = /^(?:[\ufffd*¹²³⁴⁵⁶⁷⁸⁹⁰]+|\(\d{1,2}\))\s*/;
// A plain "1 " marks a footnote only before a capital ("1 Phòng Kinh tế; …").
const FOOTNOTE_NUMBER = /^\d{1,2}\s+/;
const SIGNING_NOTE = /^[([]\s{0,2}(?:da ky|ky|dong dau|chu ky|ky ten)/;
const TITLE_WORDS = /chu tich|giam doc|truong|bi thu|chanh|tong bien tap|chi huy|ke toan|thu ky|chu nhiem/;
// A police or army signer's rank is part of the printed name line.
const RANK = /^(?:Đại|Thượng|Trung|Thiếu) (?:tá|úy|uý|tướng) /;
const MAX_NAME_CHARS = 50;

function footnoteMarker(seg: string): string | null {
  const mark = FOOTNOTE_MARK.exec(seg);
  if (mark) return mark[0];
  const num = FOOTNOTE_NUMBER.exec(seg);
  return num && isUpperLetter(seg[num[0].length] ?? '') ? num[0] : null;
}

/** "Lù Văn Ánh", "NGUYỄN VĂN A", or with a rank, "Đại tá Trần Văn Bình". */
function isPersonName(seg: string): boolean {
  if (seg.length > MAX_NAME_CHARS) return false;
  const rank = RANK.exec(seg);
  const rest = rank ? seg.slice(rank[0].length) : seg;
  const words = leadingCapitalisedWords(rest, 6);
  return words === rest && words.includes(' ');
}

/**
 * The footer starts at "Nơi nhận" or the signature ("TM. …", "KT. …"),
 * whichever comes first; failing both, after the closing mark "./.".
 */
export function findFooterStart(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i += 1) {
    for (const seg of splitColumns(lines[i] ?? '')) {
      if (matchNoiNhan(seg) || isAuthorityLine(seg)) return i;
    }
  }
  for (let i = lines.length - 1; i >= from; i -= 1) {
    if (/\/\.$/.test((lines[i] ?? '').trim())) return i + 1;
  }
  return lines.length;
}

type LineKind = 'item' | 'footnote' | 'signer' | 'other';

/**
 * Reads "Nơi nhận" and the signature block. In the printed layout they sit
 * side by side, so after extraction their lines may alternate or share a line
 * separated by spaces; each piece is classified by what it looks like.
 */
export function parseFooter(lines: readonly string[], layout: Layout): DispatchFooter {
  const items: string[] = [];
  const footnotes: string[] = [];
  const authority: string[] = [];
  let title: string | null = null;
  let name: string | null = null;
  let prevLine: string | null = null;
  let prevBlank = true;
  let prevKind: LineKind | null = null;

  const classify = (seg: string, firstOnLine: boolean): LineKind => {
    const noiNhan = matchNoiNhan(seg);
    if (noiNhan) {
      if (noiNhan.rest === '') return 'other';
      seg = noiNhan.rest;
    }
    if (isAuthorityLine(seg)) {
      authority.push(seg);
      return 'signer';
    }
    const folded = foldKeepLength(seg.slice(0, 80));
    if (SIGNING_NOTE.test(folded)) return 'signer';
    const footnote = noiNhan ? null : footnoteMarker(seg);
    if (footnote !== null) {
      footnotes.push(seg.slice(footnote.length));
      return 'footnote';
    }
    const bullet = BULLET.exec(seg);
    if (bullet) {
      const text = seg.slice(bullet[0].length);
      // "- Thể thao …" after "… Trung tâm Văn hóa" is the wrapped tail of that line.
      const tail = firstOnLine && !startsNewItem(prevLine, prevBlank, seg, text, layout);
      if (tail && prevKind === 'item' && items.length > 0) {
        items[items.length - 1] = joinText(items[items.length - 1] ?? '', seg);
      } else if (tail && prevKind === 'footnote' && footnotes.length > 0) {
        footnotes[footnotes.length - 1] = joinText(footnotes[footnotes.length - 1] ?? '', seg);
        return 'footnote';
      } else items.push(text);
      return 'item';
    }
    if (noiNhan) {
      items.push(seg);
      return 'item';
    }
    const signerStarted = authority.length > 0 || title !== null;
    const capitals = uppercaseRatio(seg) >= 0.8 && countLetters(seg) >= 3 && seg.length <= 80 && !/\d/.test(seg);
    if (capitals && title === null && (authority.length > 0 || TITLE_WORDS.test(folded))) {
      title = seg;
      return 'signer';
    }
    if (signerStarted && name === null && isPersonName(seg)) {
      name = seg;
      return 'signer';
    }
    if (firstOnLine && !prevBlank && prevKind === 'item' && items.length > 0 && !endsSentence(items[items.length - 1] ?? '')) {
      items[items.length - 1] = joinText(items[items.length - 1] ?? '', seg);
      return 'item';
    }
    if (firstOnLine && !prevBlank && prevKind === 'footnote' && footnotes.length > 0) {
      footnotes[footnotes.length - 1] = joinText(footnotes[footnotes.length - 1] ?? '', seg);
      return 'footnote';
    }
    return 'other';
  };

  for (const raw of lines) {
    const segments = splitColumns(raw)
      .map(collapseSpaces)
      .filter((s) => s !== '' && !isRule(s));
    if (segments.length === 0) {
      prevBlank = true;
      continue;
    }
    const kinds = segments.map((seg, i) => classify(seg, i === 0));
    prevLine = segments[0] ?? null;
    prevBlank = false;
    prevKind = kinds[0] ?? null;
  }

  return {
    copiesTo: items.map(stripListEnd).filter((s) => s !== ''),
    signer: { authority: authority.length > 0 ? authority.join('\n') : null, title, name },
    footnotes: footnotes.map((f) => f.trim()).filter((f) => f !== ''),
  };
}
