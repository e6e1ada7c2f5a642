/**
 * What a reader checks in a parsed dispatch, field by field: the corpus test
 * asserts each one and the bench counts how many come out right. Texts are
 * compared with their spacing collapsed, since a line break inside a task is
 * layout, not content.
 */
import type { ParsedDispatch, Signer } from '../parse-dispatch.js';

export interface ExpectedReference {
  kind: string;
  documentType: string | null;
  number: string | null;
  date: string | null;
  issuer: string | null;
}

export interface ExpectedContact {
  name: string;
  phone: string;
  title: string | null;
}

export interface ExpectedSection {
  /** The Roman-numbered part a numbered section sits under, when the text has both levels. */
  part?: string;
  heading: string;
  intro?: string;
  tasks: string[];
}

/** One corpus text with every field written out by hand. */
export interface ExpectedDispatch {
  file: string;
  /** What makes this text's layout different from the others. */
  layout: string;
  number: string | null;
  date: string | null;
  place: string | null;
  issuer: string | null;
  governingBody: string | null;
  documentType: string | null;
  subject: string | null;
  recipients: string[];
  references: ExpectedReference[];
  sections: ExpectedSection[];
  closing: string;
  contacts: ExpectedContact[];
  signer: Signer;
  copiesTo: string[];
  /** Pieces the preamble must contain, e.g. a footnote resolved into it. */
  preambleIncludes?: string[];
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

export interface DispatchField {
  name: string;
  /** What the parser gave; `e` only for fields checked by inclusion. */
  actual: (p: ParsedDispatch, e: ExpectedDispatch) => unknown;
  expected: (e: ExpectedDispatch) => unknown;
  /** Texts the field is scored on; all of them when absent. */
  appliesTo?: (e: ExpectedDispatch) => boolean;
}

// `?? null` and `?? []` keep the projections readable on a parser that lacks
// the newer fields, so the bench can score an older build as well.
export const DISPATCH_FIELDS: DispatchField[] = [
  { name: 'number', actual: (p) => p.number, expected: (e) => e.number },
  { name: 'date', actual: (p) => p.date, expected: (e) => e.date },
  { name: 'place', actual: (p) => p.place, expected: (e) => e.place },
  { name: 'issuer', actual: (p) => p.issuer, expected: (e) => e.issuer },
  { name: 'governingBody', actual: (p) => p.governingBody ?? null, expected: (e) => e.governingBody },
  { name: 'documentType', actual: (p) => p.documentType ?? null, expected: (e) => e.documentType },
  { name: 'subject', actual: (p) => p.subject, expected: (e) => e.subject },
  { name: 'recipients', actual: (p) => p.recipients, expected: (e) => e.recipients },
  {
    name: 'references',
    actual: (p) => (p.references ?? []).map((r) => ({ kind: r.kind, documentType: r.documentType, number: r.number, date: r.date, issuer: r.issuer })),
    expected: (e) => e.references,
  },
  { name: 'section headings', actual: (p) => p.sections.map((s) => squash(s.heading)), expected: (e) => e.sections.map((s) => s.heading) },
  {
    name: 'section parts and intros',
    actual: (p) => p.sections.map((s) => ({ part: s.part ?? null, intro: s.intro === undefined ? null : squash(s.intro) })),
    expected: (e) => e.sections.map((s) => ({ part: s.part ?? null, intro: s.intro ?? null })),
  },
  { name: 'tasks', actual: (p) => p.sections.map((s) => s.tasks.map(squash)), expected: (e) => e.sections.map((s) => s.tasks) },
  { name: 'closing', actual: (p) => p.closing, expected: (e) => e.closing },
  {
    name: 'contacts',
    actual: (p) => p.contacts.map((c) => ({ name: c.name, phone: c.phone, title: c.title ?? null })),
    expected: (e) => e.contacts,
  },
  { name: 'signer', actual: (p) => p.signer, expected: (e) => e.signer },
  { name: 'copiesTo', actual: (p) => p.copiesTo, expected: (e) => e.copiesTo },
  {
    name: 'preamble (footnotes resolved into it)',
    actual: (p, e) => (e.preambleIncludes ?? []).filter((piece) => squash(p.preamble).includes(piece)),
    expected: (e) => e.preambleIncludes ?? [],
    appliesTo: (e) => e.preambleIncludes !== undefined,
  },
  // A footnote mark left in any field ("¹", "[2]", "[^3]") is a footnote nobody will read.
  { name: 'no stray footnote marks', actual: (p) => strayMarks(p), expected: () => [] },
];

const STRAY_MARK = /[¹²³⁴⁵⁶⁷⁸⁹⁰]|\[\^?\d{1,2}\]/g;

function strayMarks(p: ParsedDispatch): string[] {
  const { warnings: _warnings, ...fields } = p;
  return JSON.stringify(fields).match(STRAY_MARK) ?? [];
}
