import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { containsPattern, escapeLike, prefixPattern } from './like.js';

/** LIKE's own matching, written out: `\` escapes the next character, `%` any run, `_` one character. */
function likeMatches(pattern: string, value: string): boolean {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) re += escapeRe(pattern[++i]!);
    else if (c === '%') re += '[\\s\\S]*';
    else if (c === '_') re += '[\\s\\S]';
    else re += escapeRe(c);
  }
  return new RegExp(`^${re}$`, 'u').test(value);
}
const escapeRe = (c: string) => c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

describe('LIKE patterns from input', () => {
  it('escapes the wildcards and the escape character', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
    expect(containsPattern('%')).toBe('%\\%%');
    expect(prefixPattern('auth.')).toBe('auth.%');
  });

  it('a pattern built from any text matches exactly the values that contain that text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', '%', '_', '\\', 'ă') }),
        fc.string({ unit: fc.constantFrom('a', 'b', '%', '_', '\\', 'ă') }),
        (q, v) => {
          expect(likeMatches(containsPattern(q), v)).toBe(v.includes(q));
          expect(likeMatches(prefixPattern(q), v)).toBe(v.startsWith(q));
        },
      ),
    );
  });

  it('no LIKE in the server is built from a raw template string', () => {
    const root = path.resolve(import.meta.dirname, '../../..');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.ts$/.test(e.name) && !e.name.endsWith('.test.ts')) {
          fs.readFileSync(p, 'utf8')
            .split('\n')
            .forEach((line, i) => {
              // `like ${…}` must hand LIKE a pattern from like.ts
              for (const m of line.matchAll(/\blike\s+\$\{([^}]*)/gi)) {
                if (!/^(containsPattern|prefixPattern)\(/.test(m[1]!.trim())) offenders.push(`${path.relative(root, p)}:${i + 1}: ${line.trim()}`);
              }
            });
        }
      }
    };
    walk(path.join(root, 'src'));
    expect(offenders).toEqual([]);
  });
});
