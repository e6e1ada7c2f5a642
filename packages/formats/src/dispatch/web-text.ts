/**
 * Debris that text copied from a web page or a web mail brings along: HTML
 * entities left undecoded ("&amp;", "&nbsp;", "&#273;"), entities broken up
 * by an editor ("& nbsp ;"), and a space before a comma or semicolon where a
 * non-breaking space stood. Linear in the input.
 */

const NAMED: Record<string, string> = {
  nbsp: '\u00a0',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  bull: '•',
  middot: '·',
  laquo: '«',
  raquo: '»',
  shy: '\u00ad',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
};

// A semicolon is required for numeric entities; named ones also appear
// without it ("&nbsp" before a word) or spaced out ("& nbsp ;").
const ENTITY = /&\s{0,2}(?:#\s{0,2}(x[0-9a-f]{1,6}|\d{1,7})\s{0,2};|([a-z]{2,6})(?:\s{0,2};)?)/gi;
const MAX_CODE_POINT = 0x10ffff;

function decodeOne(match: string, numeric: string | undefined, name: string | undefined): string {
  if (name !== undefined) return NAMED[name.toLowerCase()] ?? match;
  const code = numeric === undefined ? Number.NaN : numeric[0] === 'x' || numeric[0] === 'X' ? parseInt(numeric.slice(1), 16) : Number(numeric);
  // Surrogate halves and out-of-range values are not characters; leave them as written.
  if (!Number.isFinite(code) || code <= 0 || code > MAX_CODE_POINT || (code >= 0xd800 && code <= 0xdfff)) return match;
  return String.fromCodePoint(code);
}

/** Decodes HTML entities; twice, because "&amp;nbsp;" is what a page that escaped its text twice shows. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  let out = s;
  for (let pass = 0; pass < 2 && out.includes('&'); pass += 1) out = out.replace(ENTITY, decodeOne);
  return out;
}

/**
 * "cộng đồng ; nhắc" → "cộng đồng; nhắc", "Số :" → "Số:". Only before a mark
 * that is itself followed by a space or the line end, so "5 ;6" stays.
 */
export function closeSpaceBeforePunctuation(s: string): string {
  if (!s.includes(' ,') && !s.includes(' ;') && !s.includes(' :')) return s;
  return s.replace(/[ \t]+(?=[,;:](?:[ \t]|$))/gm, '');
}
