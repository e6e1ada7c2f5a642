import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CPE_ATTRIBUTES, cpeFromPackage, cpeValueToText, formatCpe, parseCpe, purlFor, textToCpeValue, type Cpe } from './index.js';

const printable = fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 12 });
/** A canonical attribute value: ANY, NA, escaped text, maybe with edge wildcards. */
const value = fc.oneof(
  fc.constantFrom('*', '-'),
  printable.map((t) => textToCpeValue(t)!),
  fc.tuple(fc.constantFrom('', '*', '?', '??'), printable, fc.constantFrom('', '*', '?')).map(([a, t, b]) => {
    const body = textToCpeValue(t)!;
    // only a value that is exactly "-" needs its hyphen escaped (else it reads as NA)
    return `${a}${body === '\\-' && a + b !== '' ? '-' : body}${b}`;
  }),
);
const cpeArb: fc.Arbitrary<Cpe> = fc
  .tuple(fc.constantFrom('a', 'o', 'h', '*', '-'), fc.array(value, { minLength: 10, maxLength: 10 }))
  .map(([part, values]) => Object.fromEntries([['part', part], ...CPE_ATTRIBUTES.map((a, i) => [a, values[i]!])]) as unknown as Cpe);

const PIECES = ['cpe:2.3:', 'a', ':', '\\', '*', '?', '-', '.', 'microsoft', '1.0', '\\:', '\\*', ' ', 'ệ', '/'];
const cpeish = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((a) => a.join(''));

describe('cpe properties', () => {
  it('parseCpe never throws on arbitrary text', () => {
    fc.assert(
      // a boolean predicate, not expect(): thousands of runs stay fast
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), cpeish), (s) => {
        const r = parseCpe(s);
        return typeof (r.ok ? r.cpe.product : r.reason) === 'string';
      }),
      { numRuns: 3000 },
    );
  });

  it('format(parse(x)) round-trips canonical formatted strings, and parse(format(c)) gives c back', () => {
    fc.assert(
      fc.property(cpeArb, (cpe) => {
        const s = formatCpe(cpe);
        const r = parseCpe(s);
        expect(r.ok ? r.cpe : r.reason).toEqual(cpe);
        expect(r.ok && formatCpe(r.cpe)).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('format∘parse is idempotent on whatever parses', () => {
    fc.assert(
      fc.property(cpeish, (s) => {
        const r = parseCpe(s);
        if (!r.ok) return;
        const once = formatCpe(r.cpe);
        const again = parseCpe(once);
        expect(again.ok && formatCpe(again.cpe)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });

  it('textToCpeValue and cpeValueToText are inverse on printable text', () => {
    fc.assert(
      fc.property(printable, (t) => {
        expect(cpeValueToText(textToCpeValue(t)!)).toBe(t);
      }),
    );
  });

  it('cpeFromPackage never throws and yields a valid CPE or null', () => {
    fc.assert(
      fc.property(fc.record({ vendor: fc.option(fc.string()), product: fc.string(), version: fc.option(fc.string()) }), (p) => {
        const c = cpeFromPackage(p);
        if (c === null) return;
        const r = parseCpe(c);
        expect(r.ok ? formatCpe(r.cpe) : r.reason).toBe(c);
      }),
      { numRuns: 2000 },
    );
  });

  it('purlFor never throws and yields only permitted characters', () => {
    fc.assert(
      fc.property(
        fc.record({
          type: fc.constantFrom('deb', 'rpm', 'generic', 'npm', 'pypi', 'x y'),
          namespace: fc.option(fc.string()),
          name: fc.string(),
          version: fc.option(fc.string()),
          arch: fc.option(fc.string()),
        }),
        (p) => {
          const purl = purlFor(p);
          if (purl !== null) expect(purl).toMatch(/^pkg:[a-z][a-z0-9.+-]*\/[A-Za-z0-9.\-_~:%/@?=&#]+$/);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
