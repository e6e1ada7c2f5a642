/**
 * CPE 2.3 formatted strings (NISTIR 7695 §6.2):
 * `cpe:2.3:part:vendor:product:version:update:edition:language:sw_edition:target_sw:target_hw:other`.
 *
 * Attribute values are kept in their canonical formatted-string form, the text NVD shows:
 * `*` is ANY, `-` is NA, letters, digits and `._-` stand as they are, every other printable
 * ASCII character is backslash-escaped (`\:` `\/` `\+` …), and an unescaped `*` or `?` at either
 * end is a wildcard. cpeValueToText / textToCpeValue convert to and from plain text.
 */

export const CPE_ANY = '*';
export const CPE_NA = '-';

export type CpePart = 'a' | 'o' | 'h' | typeof CPE_ANY | typeof CPE_NA;

export interface Cpe {
  part: CpePart;
  vendor: string;
  product: string;
  version: string;
  update: string;
  edition: string;
  language: string;
  swEdition: string;
  targetSw: string;
  targetHw: string;
  other: string;
}

export type CpeResult = { ok: true; cpe: Cpe } | { ok: false; reason: string };

export const CPE_ATTRIBUTES = ['vendor', 'product', 'version', 'update', 'edition', 'language', 'swEdition', 'targetSw', 'targetHw', 'other'] as const;
export type CpeAttribute = (typeof CPE_ATTRIBUTES)[number];

/** Real CPEs stay well under this; NVD's longest are a few hundred characters. */
const MAX_CPE_CHARS = 2000;

/** Characters a formatted string carries unescaped inside a value. */
const PLAIN = /^[A-Za-z0-9._-]$/;
/** Printable ASCII punctuation that must be escaped (NISTIR 7695 §6.2.2.2, the schema's escape set). */
const NEEDS_ESCAPE = /^[\\*?!"#$%&'()+,/:;<=>@[\]^`{|}~]$/;

function isPrintableAscii(c: string): boolean {
  const code = c.charCodeAt(0);
  return code > 0x20 && code < 0x7f;
}

/**
 * Checks one attribute value and returns its canonical form, or a reason.
 * Canonical: escapes on `.`, `-` and `_` dropped (the binding never writes them), except a lone
 * `\-`, which would otherwise turn into NA.
 */
function canonicalValue(v: string, name: string): string | { reason: string } {
  if (v === '') return { reason: `${name} is empty (use * for ANY or - for NA)` };
  if (v === CPE_ANY || v === CPE_NA) return v;
  let out = '';
  let i = 0;
  // leading wildcard: one '*' or a run of '?'
  if (v[0] === '*') {
    out += '*';
    i = 1;
  } else {
    while (v[i] === '?') out += v[i++];
  }
  let body = 0;
  while (i < v.length) {
    const c = v[i]!;
    if (c === '\\') {
      const next = v[i + 1];
      if (next === undefined) return { reason: `${name} "${v}" ends with a lone backslash` };
      if (!isPrintableAscii(next)) return { reason: `${name} "${v}" escapes a character that is not printable ASCII` };
      out += PLAIN.test(next) ? next : `\\${next}`;
      i += 2;
      body++;
      continue;
    }
    if (c === '*' || c === '?') break; // trailing wildcard, checked below
    if (!PLAIN.test(c)) {
      if (isPrintableAscii(c)) return { reason: `${name} "${v}": "${c}" must be escaped as "\\${c}"` };
      return { reason: `${name} "${v}" has a character outside printable ASCII` };
    }
    out += c;
    i++;
    body++;
  }
  // trailing wildcard: one '*' or a run of '?'
  const rest = v.slice(i);
  if (rest !== '' && rest !== '*' && !/^\?+$/.test(rest)) return { reason: `${name} "${v}": an unescaped * or ? may only stand at either end` };
  if (body === 0) return { reason: `${name} "${v}" is only wildcards` };
  out += rest;
  if (out === '-') out = '\\-';
  return out;
}

/** Splits on unescaped colons. */
function splitComponents(s: string): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length) {
      cur += c + s[i + 1]!;
      i++;
    } else if (c === ':') {
      parts.push(cur);
      cur = '';
    } else {
      cur += c;
    }
  }
  parts.push(cur);
  return parts;
}

/** Parses a CPE 2.3 formatted string; never throws. The prefix `cpe:2.3:` is matched case-insensitively. */
export function parseCpe(input: string): CpeResult {
  if (typeof input !== 'string') return { ok: false, reason: 'not a string' };
  const s = input.trim();
  if (s.length > MAX_CPE_CHARS) return { ok: false, reason: `CPE longer than ${MAX_CPE_CHARS} characters` };
  if (!/^cpe:2\.3:/i.test(s)) {
    if (/^cpe:\//i.test(s)) return { ok: false, reason: 'CPE 2.2 URI (cpe:/…), not a CPE 2.3 formatted string' };
    return { ok: false, reason: 'does not start with cpe:2.3:' };
  }
  const parts = splitComponents(s.slice('cpe:2.3:'.length));
  if (parts.length !== 11) return { ok: false, reason: `expected 11 attributes after cpe:2.3:, found ${parts.length}` };
  const part = parts[0]!.toLowerCase();
  if (part !== 'a' && part !== 'o' && part !== 'h' && part !== '*' && part !== '-') return { ok: false, reason: `part "${parts[0]}" is not a, o, h, * or -` };
  const cpe: Cpe = { part, vendor: '', product: '', version: '', update: '', edition: '', language: '', swEdition: '', targetSw: '', targetHw: '', other: '' };
  for (let k = 0; k < CPE_ATTRIBUTES.length; k++) {
    const name = CPE_ATTRIBUTES[k]!;
    const v = canonicalValue(parts[k + 1]!, name);
    if (typeof v !== 'string') return { ok: false, reason: v.reason };
    cpe[name] = v;
  }
  return { ok: true, cpe };
}

/** Writes the formatted string. Values are expected in canonical form (as parseCpe and textToCpeValue give them). */
export function formatCpe(cpe: Cpe): string {
  return ['cpe', '2.3', cpe.part, ...CPE_ATTRIBUTES.map((a) => cpe[a])].join(':');
}

/**
 * Escapes plain text into a CPE value. Returns null when the text cannot be expressed
 * (empty, or characters outside printable ASCII — normalise first, e.g. with cpeFromPackage).
 */
export function textToCpeValue(text: string): string | null {
  if (text === '') return null;
  if (text === '-') return '\\-';
  if (/^[A-Za-z0-9._-]+$/.test(text)) return text;
  let out = '';
  for (const c of text) {
    if (PLAIN.test(c)) out += c;
    else if (NEEDS_ESCAPE.test(c)) out += `\\${c}`;
    else return null;
  }
  return out;
}

/** The plain text of a value, or null for ANY, NA and values with wildcards. */
export function cpeValueToText(value: string): string | null {
  if (value === CPE_ANY || value === CPE_NA) return null;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\') {
      out += value[i + 1] ?? '';
      i++;
    } else if (c === '*' || c === '?') {
      return null;
    } else {
      out += c;
    }
  }
  return out;
}
