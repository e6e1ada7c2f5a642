import { foldKeepLength } from './normalise.js';

/*
 * Text copied out of a PDF viewer carries each page's furniture: a page number
 * ("2", "- 2 -", "Trang 2/5", "Page 2 of 5") and sometimes a running header
 * naming the letter. Left in, they split a sentence that runs across the page
 * break or become tasks of their own.
 */

const PAGE_NUMBER = /^(?:(?:trang|page)\s{0,2})?[-–—]?\s{0,2}\d{1,3}\s{0,2}(?:(?:\/|of|tren)\s{0,2}\d{1,3})?\s{0,2}[-–—]?$/;
// A running header is a short line; a paragraph that happens to end a page is not.
const MAX_RUNNING_HEADER = 160;

function isPageNumber(line: string): boolean {
  const t = line.trim();
  return t !== '' && t.length <= 16 && /\d/.test(t) && PAGE_NUMBER.test(foldKeepLength(t));
}

function nearestText(lines: readonly string[], from: number, step: 1 | -1): number {
  for (let i = from + step; i >= 0 && i < lines.length; i += step) if ((lines[i] ?? '').trim() !== '') return i;
  return -1;
}

/**
 * Drops page numbers, and the lines beside them that are running headers:
 * lines that repeat at several page breaks, or that cite this letter's own
 * number. Lines are removed, not blanked, so a sentence broken by the page
 * joins up again.
 */
export function removePageFurniture(lines: readonly string[], ownNumber: string | null): string[] {
  const pages: number[] = [];
  lines.forEach((l, i) => {
    if (isPageNumber(l)) pages.push(i);
  });
  if (pages.length === 0) return [...lines];
  const drop = new Set(pages);
  const beside = new Map<string, number[]>();
  for (const p of pages) {
    for (const i of [nearestText(lines, p, -1), nearestText(lines, p, 1)]) {
      const t = (lines[i] ?? '').trim();
      if (i < 0 || drop.has(i) || t.length > MAX_RUNNING_HEADER) continue;
      beside.set(t, [...(beside.get(t) ?? []), i]);
    }
  }
  const own = ownNumber !== null && !ownNumber.startsWith('/') ? ownNumber : null;
  for (const [text, at] of beside) {
    const repeated = new Set(at).size >= 2;
    if (repeated || (own !== null && text.replace(/\s+/g, '').includes(own))) for (const i of at) drop.add(i);
  }
  return lines.filter((_l, i) => !drop.has(i));
}
