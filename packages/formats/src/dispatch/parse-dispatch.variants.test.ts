import { describe, expect, it } from 'vitest';
import { parseDispatch, type ParsedDispatch } from './index.js';
import {
  readSeed,
  rewrap,
  SEED_NAMES,
  withCrlf,
  withInterleavedHeader,
  withMoreMarkdown,
  withNbspAndTabs,
  withNfd,
  withOcrSlips,
  withOneLineHeader,
  withoutMarkdown,
  withSideBySideHeader,
} from './seed-variants.test-support.js';

/** Everything a reader would act on; texts compared with spacing collapsed. */
function keyFields(p: ParsedDispatch) {
  const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
  return {
    number: p.number,
    place: p.place,
    date: p.date,
    issuer: p.issuer,
    subject: p.subject,
    recipients: p.recipients,
    preamble: squash(p.preamble),
    sections: p.sections.map((s) => ({ heading: s.heading, addressees: s.addressees, tasks: s.tasks })),
    closing: p.closing,
    contacts: p.contacts,
    signer: p.signer,
    copiesTo: p.copiesTo,
  };
}

type Variant = [label: string, damage: (text: string) => string];

const VARIANTS: Variant[] = [
  ['Windows line endings', withCrlf],
  ['decomposed Unicode (NFD)', withNfd],
  ['Markdown markers stripped', withoutMarkdown],
  ['Markdown markers added', withMoreMarkdown],
  ['re-wrapped at 60 columns', (t) => rewrap(t, 60)],
  ['re-wrapped at 72 columns', (t) => rewrap(t, 72)],
  ['re-wrapped at 40 columns', (t) => rewrap(t, 40)],
  ['OCR-slipped keywords and a date without diacritics', withOcrSlips],
  ['NBSP and tab indents', withNbspAndTabs],
  ['everything at once', (t) => withCrlf(withNfd(rewrap(withOcrSlips(withSideBySideHeader(t)), 60)))],
];

// Only meaningful for seeds that have a header block (Quảng Ngãi has none).
const HEADER_LAYOUTS: Variant[] = [
  ['header columns side by side', withSideBySideHeader],
  ['header columns interleaved line by line', withInterleavedHeader],
  ['each header column on one line', withOneLineHeader],
];

describe.each(SEED_NAMES)('variants of %s', (name) => {
  const original = readSeed(name);
  const expected = keyFields(parseDispatch(original));
  // A variant that leaves this seed unchanged (no Markdown to strip, no
  // header to rearrange) would test nothing, so it is left out.
  const variants = [...VARIANTS, ...HEADER_LAYOUTS].filter(([, damage]) => damage(original) !== original);

  it('has most variants apply to it', () => {
    expect(variants.length).toBeGreaterThanOrEqual(VARIANTS.length - 1);
  });

  it.each(variants)('%s gives the same draft', (_label, damage) => {
    expect(keyFields(parseDispatch(damage(original)))).toEqual(expected);
  });

  it('keeps the date as written when only the layout changes', () => {
    const p = parseDispatch(rewrap(withSideBySideHeader(original), 60));
    expect(p.dateText).toBe(parseDispatch(original).dateText);
  });
});

describe('the national title never leaks into the header fields', () => {
  it.each(HEADER_LAYOUTS)('%s', (_label, layout) => {
    const p = parseDispatch(layout(readSeed('cao-lanh-2024')));
    const fields = [p.issuer, p.subject, p.place, p.number].join(' ');
    expect(fields).not.toMatch(/CỘNG HO|Độc lập|Hạnh phúc/i);
  });
});
