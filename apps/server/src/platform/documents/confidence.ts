import type { PlacedWord } from './layout.js';

export interface FlaggedField {
  /** The draft field, as a path into the directive input ("subject", "sections.0.tasks.1.text"). */
  field: string;
  /** The doubtful words found in it, as OCR read them. */
  words: string[];
}

// letters and digits only, one space between: punctuation that OCR adds or the parser strips must not hide a word
const bare = (s: string) =>
  s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function occurrences(haystack: string, needle: string, before = Infinity): number {
  let n = 0;
  for (let at = haystack.indexOf(needle); at >= 0 && at < before; at = haystack.indexOf(needle, at + 1)) n++;
  return n;
}

/**
 * Which draft fields contain words that OCR read with low confidence. A word is looked for
 * with its neighbours on the printed line ("Văn Ánh" rather than "Ánh"), then alone if it is
 * long enough to be telling and found in one field only. When the phrase is in several
 * fields ("tổ dân phố" in the recipients, a heading and a task), the word's place in the
 * document picks one: its n-th occurrence in the text is the n-th among the fields, which
 * must therefore be given in reading order. Pure: fields and words in, paths out.
 */
export function flagLowConfidence(fields: Record<string, string>, words: PlacedWord[], threshold: number): FlaggedField[] {
  const texts = Object.entries(fields).map(([field, text]) => [field, ` ${bare(text)} `] as const);
  // the whole text as the words give it, with where each word starts
  const starts: number[] = [];
  let whole = ' ';
  for (const w of words) {
    starts.push(whole.length);
    const b = bare(w.text);
    whole += b ? `${b} ` : '';
  }
  const found = new Map<string, Set<string>>();
  words.forEach((w, i) => {
    if (w.conf === null || w.conf >= threshold || !/[\p{L}\p{N}]/u.test(w.text)) return;
    const word = bare(w.text);
    if (word === '') return;
    const prev = bare(w.before);
    const candidates: { phrase: string; from: number }[] = [
      { phrase: [prev, word, bare(w.after)].filter(Boolean).join(' '), from: prev ? (starts[i - 1] ?? 0) : starts[i]! },
      { phrase: [prev, word].filter(Boolean).join(' '), from: prev ? (starts[i - 1] ?? 0) : starts[i]! },
      { phrase: [word, bare(w.after)].filter(Boolean).join(' '), from: starts[i]! },
    ].filter((c) => c.phrase.includes(' '));
    if (word.length >= 3) candidates.push({ phrase: word, from: starts[i]! });
    for (const { phrase, from } of candidates) {
      const needle = ` ${phrase} `;
      const hits = texts.filter(([, t]) => t.includes(needle));
      if (hits.length === 0 || (phrase === word && hits.length > 1)) continue;
      let field = hits[0]![0];
      if (hits.length > 1) {
        // the n-th time this phrase occurs in the document → the field holding the n-th occurrence
        let nth = occurrences(whole, needle, from - 1);
        field = hits[hits.length - 1]![0];
        for (const [f, t] of hits) {
          const k = occurrences(t, needle);
          if (nth < k) {
            field = f;
            break;
          }
          nth -= k;
        }
      }
      const set = found.get(field) ?? new Set<string>();
      set.add(w.text.slice(0, 100));
      found.set(field, set);
      return;
    }
  });
  return [...found].map(([field, set]) => ({ field, words: [...set].slice(0, 20) }));
}
