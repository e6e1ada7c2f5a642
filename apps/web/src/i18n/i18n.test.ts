import { ERROR_CODES, ORG_KINDS, PERMISSIONS, ROLES } from '@khien/contracts';
import { describe, expect, it } from 'vitest';
import { RESOURCES } from './resources';

type Tree = { [key: string]: string | Tree };

/** "a.b.c" → value, the way i18next reads nested resources (keySeparator "."). */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

// what i18next is given: the main files plus the feature files merged in by translation-vi.ts and translation-en.ts
const viKeys = flatten(RESOURCES.vi as Tree);
const enKeys = flatten(RESOURCES.en as Tree);

// Vite (and so vitest) inlines the source files as text; no Node APIs needed.
const sources = import.meta.glob(['../**/*.tsx', '../**/*.ts', '!../**/*.test.ts', '!../**/*.test.tsx'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** Every literal key: t('x.y'), t("x.y"), and the nav table's labelKey: 'x.y'. */
const LITERAL_KEY = /\bt\(\s*(['"])([^'"`$]+?)\1/g;
const LABEL_KEY = /\blabelKey:\s*(['"])([^'"]+?)\1/g;

function usedKeys(): Map<string, string> {
  const used = new Map<string, string>();
  for (const [file, text] of Object.entries(sources)) {
    for (const re of [LITERAL_KEY, LABEL_KEY]) {
      for (const m of text.matchAll(re)) if (m[2]) used.set(m[2], file);
    }
  }
  return used;
}

function placeholders(s: string): string[] {
  return [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

describe('translations', () => {
  it('vi and en have exactly the same keys', () => {
    const onlyVi = [...viKeys.keys()].filter((k) => !enKeys.has(k));
    const onlyEn = [...enKeys.keys()].filter((k) => !viKeys.has(k));
    expect({ onlyVi, onlyEn }).toEqual({ onlyVi: [], onlyEn: [] });
  });

  it('has no empty values', () => {
    const empty = [...viKeys, ...enKeys].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('uses the same {{placeholders}} in both languages', () => {
    const mismatched = [...viKeys].filter(([k, v]) => enKeys.has(k) && placeholders(v).join() !== placeholders(enKeys.get(k) ?? '').join()).map(([k]) => k);
    expect(mismatched).toEqual([]);
  });

  it.each([
    ['roles', ROLES],
    ['orgKinds', ORG_KINDS],
    ['permissions', PERMISSIONS],
    ['errors.codes', ERROR_CODES],
  ] as const)('labels every %s value in both languages', (prefix, values) => {
    const missing = values.flatMap((v) =>
      [
        ['vi', viKeys],
        ['en', enKeys],
      ].flatMap(([lng, keys]) => ((keys as Map<string, string>).has(`${prefix}.${v}`) ? [] : [`${lng}:${v}`])),
    );
    expect(missing).toEqual([]);
  });

  it('scans the source files', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    expect(usedKeys().size).toBeGreaterThan(100);
  });

  it('defines every key used as a literal in the source', () => {
    const missing = [...usedKeys()].filter(([key]) => !viKeys.has(key)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it('writes Vietnamese with its diacritics', () => {
    expect(viKeys.get('auth.signIn')).toBe('Đăng nhập');
    expect(viKeys.get('auth.password')).toBe('Mật khẩu');
    expect(viKeys.get('auth.totp.code')).toBe('Mã xác thực');
    expect(viKeys.get('nav.audit')).toBe('Nhật ký kiểm toán');
  });
});
