/**
 * Approximate widths of Times New Roman text, from the Adobe Times-Roman / Times-Bold metrics (which Times New
 * Roman and Liberation Serif share, by design). Vietnamese letters are as wide as their base letter. Used to
 * size the rules under the motto and the issuing body and to break the issuing body where a clerk would.
 */

// widths in 1/1000 em, for the characters that occur in headers; anything else counts as `fallback`
const REGULAR: Record<string, number> = {
  ...spread(
    'abcdefghijklmnopqrstuvwxyz',
    [444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444],
  ),
  ...spread(
    'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    [722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611],
  ),
  ...spread('0123456789', Array<number>(10).fill(500)),
  ...spread(' -,.:;/()', [250, 333, 250, 250, 278, 278, 278, 333, 333]),
};
const BOLD: Record<string, number> = {
  ...spread(
    'abcdefghijklmnopqrstuvwxyz',
    [500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444],
  ),
  ...spread(
    'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    [722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667],
  ),
  ...spread('0123456789', Array<number>(10).fill(500)),
  ...spread(' -,.:;/()', [250, 333, 250, 250, 333, 333, 278, 333, 333]),
};

function spread(chars: string, widths: number[]): Record<string, number> {
  return Object.fromEntries([...chars].map((c, i) => [c, widths[i] ?? 500]));
}

function baseLetter(c: string): string {
  if (c === 'đ') return 'd';
  if (c === 'Đ') return 'D';
  return c.normalize('NFD')[0] ?? c;
}

/** Width in points of `text` set in Times New Roman at `sizePt`. */
export function textWidthPt(text: string, sizePt: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let units = 0;
  for (const c of text) units += table[baseLetter(c)] ?? (bold ? 560 : 520);
  return (units * sizePt) / 1000;
}

export const TWIPS_PER_PT = 20;

/**
 * Breaks a header line into as few lines as fit `widthPt`, balanced so that no line is much longer than the
 * others ("ỦY BAN NHÂN DÂN / PHƯỜNG MƯỜNG LAY", not "ỦY BAN NHÂN DÂN PHƯỜNG / MƯỜNG LAY").
 */
export function balanceLines(text: string, sizePt: number, bold: boolean, widthPt: number): string[] {
  const words = text.split(' ').filter(Boolean);
  if (words.length <= 1 || textWidthPt(text, sizePt, bold) <= widthPt) return [text];
  for (let lines = 2; lines <= Math.min(words.length, 4); lines++) {
    const best = bestSplit(words, lines, sizePt, bold);
    if (best && Math.max(...best.map((l) => textWidthPt(l, sizePt, bold))) <= widthPt) return best;
  }
  return [text]; // too long to place by hand: let the word processor wrap it
}

function bestSplit(words: string[], lines: number, sizePt: number, bold: boolean): string[] | null {
  // header lines have a handful of words: trying every split is cheap (≤ C(n-1, 3) candidates, n capped)
  if (words.length > 24) return null;
  let best: { lines: string[]; longest: number } | null = null;
  const visit = (start: number, left: number, acc: string[]): void => {
    if (left === 1) {
      const all = [...acc, words.slice(start).join(' ')];
      const longest = Math.max(...all.map((l) => textWidthPt(l, sizePt, bold)));
      if (!best || longest < best.longest) best = { lines: all, longest };
      return;
    }
    for (let end = start + 1; end <= words.length - left + 1; end++) visit(end, left - 1, [...acc, words.slice(start, end).join(' ')]);
  };
  visit(0, lines, []);
  return (best as { lines: string[] } | null)?.lines ?? null;
}
