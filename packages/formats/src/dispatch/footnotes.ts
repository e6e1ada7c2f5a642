import { endsSentence, startsLowercase, trimEndChars } from './normalise.js';

/*
 * Footnotes as text exports leave them: a mark in the sentence ("… xảy ra¹.",
 * "… xảy ra[1].", Pandoc's "[^1]") and the note at the foot of the page or the
 * end of the letter ("¹ Nay là …", "[1] Năm 2025 …", "[^1]: …"). A reader wants
 * the note where the mark is, so each mark with a note is replaced by the note
 * in parentheses and the note's own lines are dropped.
 */

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const DEFINITION = /^(?:([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})|\[\^?(\d{1,2})\]:?|\^(\d{1,2})\^?)\s*(?=\S)/;
// A mark may follow its word or, after PDF extraction or hand-typing, one space.
const MARK = /(?<=\S) ?(?:([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})|\[\^?(\d{1,2})\])/g;
const MAX_NOTE_LINES = 6;

export interface ResolvedFootnotes {
  lines: string[];
  /** Marks that had no note anywhere in the text (the note was on a page not copied). */
  unresolved: string[];
}

function keyOf(superscript: string | undefined, ...digits: (string | undefined)[]): string {
  if (superscript !== undefined) return [...superscript].map((c) => String(SUPERSCRIPTS.indexOf(c))).join('');
  return String(Number(digits.find((d) => d !== undefined) ?? ''));
}

// String tests first: most letters have no footnotes, and each pattern costs time to compile on the first parse.
function hasMarks(lines: readonly string[]): boolean {
  return lines.some((l) => l.includes('[') || l.includes('^') || [...SUPERSCRIPTS].some((c) => l.includes(c)));
}

interface Definition {
  key: string;
  text: string;
  /** The note's lines, first to last. */
  from: number;
  to: number;
}

function findDefinitions(lines: readonly string[]): Definition[] {
  const defs: Definition[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const t = (lines[i] ?? '').trim();
    const m = DEFINITION.exec(t);
    if (!m) continue;
    let text = t.slice(m[0].length);
    let to = i;
    // A note wrapped over lines: the next line carries on a sentence left open.
    while (to + 1 < lines.length && to - i < MAX_NOTE_LINES) {
      const next = (lines[to + 1] ?? '').trim();
      if (next === '' || DEFINITION.test(next) || endsSentence(text) || !startsLowercase(next)) break;
      text = `${text} ${next}`;
      to += 1;
    }
    defs.push({ key: keyOf(m[1], m[2], m[3]), text: trimEndChars(text.trim(), ' .;'), from: i, to });
  }
  return defs;
}

// "20 m²", "km²", "m³": units, not footnote marks ("trạm²" is a mark).
function isUnit(line: string, at: number, mark: string): boolean {
  return (mark === '²' || mark === '³') && /(?:^|[\s\d(])[kcdm]?m$/.test(line.slice(Math.max(0, at - 4), at));
}

/**
 * Puts each footnote's text in place of its mark. A note whose mark appears
 * nowhere is left where it is (the footer reads it as before); a superscript
 * mark whose note is missing is dropped and reported.
 */
export function resolveFootnotes(input: readonly string[]): ResolvedFootnotes {
  if (!hasMarks(input)) return { lines: [...input], unresolved: [] };
  const defs = findDefinitions(input);
  const noteLines = new Map<number, Definition>();
  for (const d of defs) for (let i = d.from; i <= d.to; i += 1) noteLines.set(i, d);
  const notes = new Map<string, string>();
  for (const d of defs) if (!notes.has(d.key)) notes.set(d.key, d.text);

  const used = new Set<string>();
  const unresolved: string[] = [];
  const lines = input.map((line, i) => {
    if (noteLines.has(i)) return line;
    return line.replace(MARK, (whole: string, sup: string | undefined, num: string | undefined, at: number) => {
      if (sup !== undefined && isUnit(line, at, sup)) return whole;
      const key = keyOf(sup, num);
      const note = notes.get(key);
      if (note !== undefined) {
        used.add(key);
        return ` (${note})`;
      }
      if (sup === undefined) return whole;
      unresolved.push(sup);
      return '';
    });
  });
  // Only notes that found their mark are taken out of the text.
  const out = lines.filter((_line, i) => {
    const def = noteLines.get(i);
    return def === undefined || !used.has(def.key);
  });
  return { lines: out, unresolved };
}
