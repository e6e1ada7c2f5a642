import type { Directive, DirectiveInput, DirectiveReference, Me, OrgKind, RecipientRule } from '@khien/contracts';
import { endOfDayVn, todayVn } from '../../lib/format-date';
import { ORG_KINDS } from '../../lib/enums';
import type { ParsedDispatchDraft } from './directives-api';

/** An org a rule names; `name` is null until looked up (rules travel as ids only). */
export interface OrgRef {
  id: string;
  name: string | null;
}

export type RuleMode = 'orgs' | 'scope';

/** Both halves are kept while the person switches mode; `mode` decides what is sent. */
export interface RuleDraft {
  mode: RuleMode;
  orgs: OrgRef[];
  under: OrgRef | null;
  kinds: OrgKind[];
  directChildrenOnly: boolean;
}

export interface TaskDraft {
  key: string;
  text: string;
  /** ISO timestamp kept from the source; not edited here. */
  dueAt: string | null;
  /** in a relay: the received task this one passes on (kept, never edited) */
  parentTaskId: string | null;
}

export interface SectionDraft {
  key: string;
  heading: string;
  addressees: string;
  /** null: the directive's default recipients. */
  rule: RuleDraft | null;
  tasks: TaskDraft[];
}

export interface ContactDraft {
  key: string;
  name: string;
  phone: string;
  title: string;
}

/** The editor's state: plain strings for inputs, '' for empty, dates as YYYY-MM-DD. */
export interface DirectiveDraft {
  issuerOrg: OrgRef | null;
  number: string;
  place: string;
  issuedOn: string;
  /** the date as written when incomplete ("ngày   tháng 01 năm 2024"), kept while issuedOn is empty */
  dateText: string;
  /** the line above the issuer in the header; '' when there is none */
  governingBody: string;
  /** "Công văn", "Kế hoạch"… */
  documentType: string;
  subject: string;
  preamble: string;
  closing: string;
  /** One recipient ("Kính gửi") per line. */
  recipientsText: string;
  /** One "Nơi nhận" entry per line. */
  copiesTo: string;
  signerAuthority: string;
  signerTitle: string;
  signerName: string;
  contacts: ContactDraft[];
  alertStart: string;
  alertEnd: string;
  dueDate: string;
  /** '' or a whole number of days (1–90): recipients with units relay it within that */
  relayWithinDays: string;
  /** the documents it acts on; linked ones carry their directive's id */
  references: DirectiveReference[];
  rule: RuleDraft | null;
  sections: SectionDraft[];
}

let counter = 0;
export function newKey(): string {
  counter += 1;
  return `k${counter}`;
}

export function emptyRule(mode: RuleMode = 'orgs'): RuleDraft {
  return { mode, orgs: [], under: null, kinds: [], directChildrenOnly: false };
}

export function emptyTask(): TaskDraft {
  return { key: newKey(), text: '', dueAt: null, parentTaskId: null };
}

export function emptySection(): SectionDraft {
  return { key: newKey(), heading: '', addressees: '', rule: null, tasks: [emptyTask()] };
}

export function emptyDraft(issuerOrg: OrgRef | null = null): DirectiveDraft {
  return {
    issuerOrg,
    number: '',
    place: '',
    issuedOn: '',
    dateText: '',
    governingBody: '',
    documentType: '',
    subject: '',
    preamble: '',
    closing: '',
    recipientsText: '',
    copiesTo: '',
    signerAuthority: '',
    signerTitle: '',
    signerName: '',
    contacts: [],
    alertStart: '',
    alertEnd: '',
    dueDate: '',
    relayWithinDays: '',
    references: [],
    rule: null,
    sections: [emptySection()],
  };
}

const KIND_SET: ReadonlySet<string> = new Set(ORG_KINDS);
const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** Directive.rule and sections[].rule arrive as `unknown`; keep only what a RecipientRule may hold. */
export function ruleFromUnknown(value: unknown): RecipientRule | null {
  if (!value || typeof value !== 'object') return null;
  const r = value as Record<string, unknown>;
  const orgIds = Array.isArray(r.orgIds) ? r.orgIds.filter(isString) : [];
  const kinds = Array.isArray(r.kinds) ? (r.kinds.filter((k) => typeof k === 'string' && KIND_SET.has(k)) as OrgKind[]) : [];
  const underOrgId = isString(r.underOrgId) ? r.underOrgId : undefined;
  if (orgIds.length === 0 && !underOrgId) return null;
  return {
    ...(orgIds.length > 0 ? { orgIds } : {}),
    ...(underOrgId ? { underOrgId } : {}),
    ...(kinds.length > 0 ? { kinds } : {}),
    directChildrenOnly: r.directChildrenOnly === true,
  };
}

export function ruleToDraft(rule: RecipientRule | null): RuleDraft | null {
  if (!rule) return null;
  const orgs = (rule.orgIds ?? []).map((id) => ({ id, name: null }));
  return {
    mode: orgs.length > 0 ? 'orgs' : 'scope',
    orgs,
    under: rule.underOrgId ? { id: rule.underOrgId, name: null } : null,
    kinds: rule.kinds ?? [],
    directChildrenOnly: rule.directChildrenOnly,
  };
}

/** The rule to send, or null while it names nobody (validation reports that). */
export function draftToRule(draft: RuleDraft | null): RecipientRule | null {
  if (!draft) return null;
  if (draft.mode === 'orgs') return draft.orgs.length > 0 ? { orgIds: draft.orgs.map((o) => o.id), directChildrenOnly: false } : null;
  if (!draft.under) return null;
  return { underOrgId: draft.under.id, directChildrenOnly: draft.directChildrenOnly, ...(draft.kinds.length > 0 ? { kinds: draft.kinds } : {}) };
}

const lines = (items: readonly string[]) => items.join('\n');
const toLines = (text: string) =>
  text
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
const orNull = (s: string) => (s.trim() ? s.trim() : null);
const dateOf = (timestamp: string | null) => (timestamp ? todayVn(new Date(timestamp)) : '');

type SourceShape = Omit<DirectiveInput, 'issuerOrgId' | 'sections'> & {
  sections: { heading: string; addressees: string | null; rule: unknown; tasks: { text: string; dueAt: string | null; parentTaskId: string | null }[] }[];
};

function fromShape(src: SourceShape, issuerOrg: OrgRef | null, rule: unknown): DirectiveDraft {
  return {
    issuerOrg,
    number: src.number ?? '',
    place: src.place ?? '',
    issuedOn: src.issuedOn ?? '',
    dateText: src.dateText ?? '',
    governingBody: src.governingBody ?? '',
    documentType: src.documentType ?? '',
    subject: src.subject,
    preamble: src.preamble,
    closing: src.closing,
    recipientsText: lines(src.recipientsText),
    copiesTo: lines(src.copiesTo),
    signerAuthority: src.signer.authority ?? '',
    signerTitle: src.signer.title ?? '',
    signerName: src.signer.name ?? '',
    contacts: src.contacts.map((c) => ({ key: newKey(), name: c.name, phone: c.phone, title: c.title ?? '' })),
    alertStart: src.alertStart ?? '',
    alertEnd: src.alertEnd ?? '',
    dueDate: dateOf(src.dueAt),
    relayWithinDays: src.relayWithinDays ? String(src.relayWithinDays) : '',
    references: src.references,
    rule: ruleToDraft(ruleFromUnknown(rule)),
    sections: src.sections.map((s) => ({
      key: newKey(),
      heading: s.heading,
      addressees: s.addressees ?? '',
      rule: ruleToDraft(ruleFromUnknown(s.rule)),
      tasks: s.tasks.map((t) => ({ key: newKey(), text: t.text, dueAt: t.dueAt, parentTaskId: t.parentTaskId })),
    })),
  };
}

export function fromParsed(parsed: ParsedDispatchDraft['draft']): DirectiveDraft {
  const issuer = parsed.issuerOrgId ? { id: parsed.issuerOrgId, name: null } : null;
  return fromShape(parsed, issuer, parsed.rule);
}

export function fromDirective(d: Directive): DirectiveDraft {
  const byPosition = (a: { position: number }, b: { position: number }) => a.position - b.position;
  const sections = [...d.sections].sort(byPosition).map((s) => ({ ...s, tasks: [...s.tasks].sort(byPosition) }));
  return fromShape({ ...d, sections, rule: null }, { id: d.issuerOrgId, name: d.issuerOrgName }, d.rule);
}

export function toInput(d: DirectiveDraft): DirectiveInput {
  return {
    issuerOrgId: d.issuerOrg?.id ?? '',
    number: orNull(d.number),
    place: orNull(d.place),
    issuedOn: d.issuedOn || null,
    dateText: d.issuedOn ? null : orNull(d.dateText),
    governingBody: orNull(d.governingBody),
    documentType: orNull(d.documentType),
    subject: d.subject.trim(),
    preamble: d.preamble.trim(),
    closing: d.closing.trim(),
    recipientsText: toLines(d.recipientsText),
    copiesTo: toLines(d.copiesTo),
    signer: { authority: orNull(d.signerAuthority), title: orNull(d.signerTitle), name: orNull(d.signerName) },
    contacts: d.contacts.filter((c) => c.name.trim() || c.phone.trim()).map((c) => ({ name: c.name.trim(), phone: c.phone.trim(), title: orNull(c.title) })),
    references: d.references,
    relayWithinDays: relayDays(d.relayWithinDays),
    alertStart: d.alertStart || null,
    alertEnd: d.alertEnd || null,
    dueAt: d.dueDate ? endOfDayVn(d.dueDate) : null,
    rule: draftToRule(d.rule),
    sections: d.sections.map((s) => ({
      heading: s.heading.trim(),
      addressees: orNull(s.addressees),
      rule: draftToRule(s.rule),
      tasks: s.tasks.map((t) => ({ text: t.text.trim(), dueAt: t.dueAt, parentTaskId: t.parentTaskId })),
    })),
  };
}

/** The days typed, when they are a whole number the server takes (1–90); otherwise none (validation says why). */
function relayDays(text: string): number | null {
  const n = Number(text.trim());
  return text.trim() && Number.isInteger(n) && n >= 1 && n <= 90 ? n : null;
}

export type DraftErrorCode = 'required' | 'ruleEmpty' | 'ruleScope' | 'alertRange' | 'relayDays';

/** Problems keyed by the DirectiveInput path the server would also use ("sections.0.tasks.1.text"). */
export function validateDraft(d: DirectiveDraft): Record<string, DraftErrorCode> {
  const errors: Record<string, DraftErrorCode> = {};
  if (!d.issuerOrg) errors.issuerOrgId = 'required';
  if (!d.subject.trim()) errors.subject = 'required';
  const checkRule = (path: string, rule: RuleDraft | null) => {
    if (rule && !draftToRule(rule)) errors[path] = rule.mode === 'orgs' ? 'ruleEmpty' : 'ruleScope';
  };
  checkRule('rule', d.rule);
  d.sections.forEach((s, i) => {
    checkRule(`sections.${i}.rule`, s.rule);
    s.tasks.forEach((t, j) => {
      if (!t.text.trim()) errors[`sections.${i}.tasks.${j}.text`] = 'required';
    });
  });
  if (d.alertStart && d.alertEnd && d.alertEnd < d.alertStart) errors.alertEnd = 'alertRange';
  if (d.relayWithinDays.trim() && relayDays(d.relayWithinDays) === null) errors.relayWithinDays = 'relayDays';
  return errors;
}

/** A copy of `items` with the element at `from` moved to `to` (out-of-range moves change nothing). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= items.length || to < 0 || to >= items.length) return [...items];
  const out = [...items];
  const [item] = out.splice(from, 1);
  if (item !== undefined) out.splice(to, 0, item);
  return out;
}

/** Coordinators issue dispatches: default the issuer to the first org where the caller coordinates, else their home org. */
export function defaultIssuer(me: Pick<Me, 'grants' | 'homeOrgId'>): OrgRef | null {
  const grant = me.grants.find((g) => g.orgId && (g.role === 'province_coordinator' || g.role === 'commune_coordinator'));
  if (grant?.orgId) return { id: grant.orgId, name: grant.orgName };
  return me.homeOrgId ? { id: me.homeOrgId, name: null } : null;
}
