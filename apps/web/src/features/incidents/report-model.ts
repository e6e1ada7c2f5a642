import type { IncidentReportKind } from '@khien/contracts';
import { joinVn, splitVn } from './incident-model';

/**
 * The report forms' pure parts: one field list per kind (packages/contracts incident-forms.ts),
 * grouped by section in the reader's language, values as the inputs hold them and back, and the
 * required fields still empty named by their labels.
 */

export type FieldInput = 'line' | 'text' | 'datetime' | 'level' | 'boolean' | 'number';
export interface Localised {
  vi: string;
  en: string;
}
export interface FormField {
  key: string;
  section: Localised;
  label: Localised;
  input: FieldInput;
  required: boolean;
}
export type Lang = 'vi' | 'en';

export interface FormLists {
  form03: readonly FormField[];
  full: readonly FormField[];
  personalData: readonly FormField[];
  closure: readonly FormField[];
}

/** The initial and the 5-day reports are form 03; the full (72 h) report adds what was learnt. */
export function fieldsForKind(kind: IncidentReportKind, lists: FormLists): readonly FormField[] {
  switch (kind) {
    case 'initial':
    case 'five_day':
      return lists.form03;
    case 'full':
      return lists.full;
    case 'personal_data':
      return lists.personalData;
    case 'closure':
      return lists.closure;
  }
}

export interface Section {
  title: string;
  fields: FormField[];
}

/** Sections in the order their first field comes, fields in list order (the form's own order). */
export function groupBySection(fields: readonly FormField[], lang: Lang): Section[] {
  const out: Section[] = [];
  const byTitle = new Map<string, Section>();
  for (const f of fields) {
    const title = f.section[lang] || f.section.vi;
    let section = byTitle.get(title);
    if (!section) {
      section = { title, fields: [] };
      byTitle.set(title, section);
      out.push(section);
    }
    section.fields.push(f);
  }
  return out;
}

/** What the inputs hold: text for text, line and number (typed), a boolean, a level 1–5 as text, a date and a time. */
export type InputValue = string | boolean | { date: string; time: string };
export type FormValues = Record<string, InputValue>;

export function toFormValues(fields: readonly FormField[], saved: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const f of fields) {
    const v = saved[f.key];
    switch (f.input) {
      case 'boolean':
        out[f.key] = v === true;
        break;
      case 'datetime':
        out[f.key] = typeof v === 'string' ? splitVn(v) : { date: '', time: '' };
        break;
      case 'level':
      case 'number':
        out[f.key] = typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
        break;
      default:
        out[f.key] = typeof v === 'string' ? v : '';
    }
  }
  return out;
}

/**
 * The body's `fields`: empty inputs left out (every field is optional while drafting), a line kept
 * on one line, numbers as integers; a value the person typed but that is not one (a date without a
 * time, "abc" in a number) is named in `invalid` rather than silently dropped.
 */
export function fromFormValues(fields: readonly FormField[], values: FormValues): { fields: Record<string, unknown>; invalid: string[] } {
  const out: Record<string, unknown> = {};
  const invalid: string[] = [];
  for (const f of fields) {
    const v = values[f.key];
    if (v === undefined) continue;
    if (f.input === 'boolean') {
      if (typeof v === 'boolean') out[f.key] = v;
      continue;
    }
    if (f.input === 'datetime') {
      if (typeof v !== 'object') continue;
      if (!v.date && !v.time.trim()) continue;
      const iso = joinVn(v.date, v.time);
      if (iso) out[f.key] = iso;
      else invalid.push(f.key);
      continue;
    }
    if (typeof v !== 'string') continue;
    const text = f.input === 'line' ? v.replace(/\s*[\r\n]+\s*/g, ' ').trim() : v.trim();
    if (!text) continue;
    if (f.input === 'level' || f.input === 'number') {
      const n = Number(text);
      const ok = /^\d+$/.test(text) && Number.isSafeInteger(n) && (f.input === 'number' || (n >= 1 && n <= 5));
      if (ok) out[f.key] = n;
      else invalid.push(f.key);
      continue;
    }
    out[f.key] = text;
  }
  return { fields: out, invalid };
}

/** Whether the form differs from what was saved (the submit saves first then). */
export function isDirty(fields: readonly FormField[], saved: Record<string, unknown>, values: FormValues): boolean {
  const now = fromFormValues(fields, values).fields;
  const before = fromFormValues(fields, toFormValues(fields, saved)).fields;
  return JSON.stringify(now, Object.keys(now).sort()) !== JSON.stringify(before, Object.keys(before).sort());
}

/**
 * The required keys a 422 on submit names: `details` as field errors (`fields.reporterName`) or as
 * a list of keys (`{ missing: [...] }`), whichever the server sends; only keys of this form.
 */
export function missingFromError(details: unknown, fields: readonly FormField[]): string[] {
  const known = new Set(fields.map((f) => f.key));
  const keys: string[] = [];
  const add = (k: unknown) => {
    if (typeof k === 'string' && known.has(k) && !keys.includes(k)) keys.push(k);
  };
  const fromPath = (path: unknown) => {
    const parts = Array.isArray(path) ? path.map(String) : typeof path === 'string' ? path.split('.') : [];
    add(parts[0] === 'fields' ? parts[1] : parts[0]);
  };
  if (Array.isArray(details)) {
    for (const d of details) {
      if (typeof d === 'string') add(d);
      else if (d && typeof d === 'object' && 'path' in d) fromPath((d as { path: unknown }).path);
    }
  } else if (details && typeof details === 'object') {
    const m = (details as { missing?: unknown }).missing;
    if (Array.isArray(m)) m.forEach(add);
  }
  return keys;
}

/** The missing keys as the form's labels, in form order; a key the form does not know is said as written. */
export function missingLabels(missing: readonly string[], fields: readonly FormField[], lang: Lang): string[] {
  const set = new Set(missing);
  const known = fields.filter((f) => set.has(f.key)).map((f) => f.label[lang] || f.label.vi);
  const unknown = missing.filter((k) => !fields.some((f) => f.key === k));
  return [...known, ...unknown];
}
