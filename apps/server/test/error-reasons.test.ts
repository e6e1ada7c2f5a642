import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../web/src/i18n/en.json' with { type: 'json' };
import vi from '../../web/src/i18n/vi.json' with { type: 'json' };

const SRC = path.resolve(import.meta.dirname, '../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** The text of the n-th argument of the call whose "(" is at `open`: commas inside brackets or strings do not count. */
function argument(text: string, open: number, n: number): string {
  let depth = 0;
  let quote: string | null = null;
  let index = 0;
  let start = open + 1;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) {
      if (depth === 0) return index === n ? text.slice(start, i) : '';
      depth--;
    } else if (c === ',' && depth === 0) {
      if (index === n) return text.slice(start, i);
      index++;
      start = i + 1;
    }
  }
  return '';
}

/** Every reason the server can send: the second argument of each domainError(…) call, as string literals. */
function usedReasons(): { reason: string; where: string }[] {
  const out: { reason: string; where: string }[] = [];
  for (const file of sourceFiles(SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bdomainError\(/g)) {
      const open = m.index + m[0].length - 1;
      const where = `${path.relative(SRC, file)}:${text.slice(0, open).split('\n').length}`;
      // the definition itself, in platform/errors.ts
      if (/function\s+$/.test(text.slice(Math.max(0, m.index - 10), m.index))) continue;
      const literals = [...argument(text, open, 1).matchAll(/'([^']*)'/g)].map((l) => l[1]!);
      // a reason computed at run time could not be checked here: name it as a literal (a ternary of two is fine)
      out.push(...(literals.length ? literals.map((reason) => ({ reason, where })) : [{ reason: '<not a literal>', where }]));
    }
  }
  return out;
}

type Tree = { [key: string]: string | Tree };
const reasonsOf = (messages: unknown) => ((messages as { errors: { reason?: Tree } }).errors.reason ?? {}) as Tree;

describe('domain error reasons', () => {
  const used = usedReasons();

  it('finds the reasons in the server sources', () => {
    expect(used.length).toBeGreaterThan(50);
    expect(used.map((u) => u.reason)).toContain('dossier_out_of_order');
  });

  it('are stable snake_case literals', () => {
    expect(used.filter((u) => !/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(u.reason)).map((u) => `${u.reason} (${u.where})`)).toEqual([]);
  });

  it('each has a sentence in errors.reason of both vi.json and en.json', () => {
    const missing = used.flatMap((u) =>
      (
        [
          ['vi', vi],
          ['en', en],
        ] as const
      ).flatMap(([lng, messages]) => (typeof reasonsOf(messages)[u.reason] === 'string' ? [] : [`${lng}: errors.reason.${u.reason} (${u.where})`])),
    );
    expect(missing).toEqual([]);
  });
});
