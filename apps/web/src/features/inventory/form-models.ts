import type { Asset, AssetKind, System, SystemCategory } from '@khien/contracts';
import { DATA_KINDS, HOSTING_KINDS, USER_KINDS, type Criticality, type DataKind, type HostingKind, type UserKind } from '../../lib/enums';
import type { AssetInput, IpRangeInput, SystemInput } from './inventory-api';
import type { ScopeOrg } from './scope';

/** Form state ⇄ request bodies for systems, assets and IP ranges; pure so the edge cases are tested. */

const orNull = (s: string): string | null => (s.trim() ? s.trim() : null);
const countOrNull = (n: number | string): number | null => (typeof n === 'number' && Number.isFinite(n) ? Math.max(0, Math.trunc(n)) : null);
function known<T extends string>(values: readonly string[], allowed: readonly T[]): T[] {
  return values.filter((v): v is T => (allowed as readonly string[]).includes(v));
}

export interface SystemForm {
  org: ScopeOrg | null;
  operatorOrg: ScopeOrg | null;
  name: string;
  purpose: string;
  category: SystemCategory | null;
  userCount: number | string;
  userKinds: UserKind[];
  dataKinds: DataKind[];
  personalDataSubjects: number | string;
  internetFacing: boolean;
  hosting: HostingKind;
  hostingProvider: string;
  notes: string;
}

export function emptySystemForm(org: ScopeOrg | null): SystemForm {
  return {
    org,
    operatorOrg: null,
    name: '',
    purpose: '',
    category: null,
    userCount: '',
    userKinds: [],
    dataKinds: [],
    personalDataSubjects: '',
    internetFacing: false,
    hosting: 'on_premise',
    hostingProvider: '',
    notes: '',
  };
}

export function systemToForm(s: System): SystemForm {
  return {
    org: { id: s.orgId, name: s.orgName },
    operatorOrg: s.operatorOrgId ? { id: s.operatorOrgId, name: s.operatorOrgName ?? '' } : null,
    name: s.name,
    purpose: s.purpose,
    category: s.category,
    userCount: s.userCount ?? '',
    userKinds: known(s.userKinds, USER_KINDS),
    dataKinds: known(s.dataKinds, DATA_KINDS),
    personalDataSubjects: s.personalDataSubjects ?? '',
    internetFacing: s.internetFacing,
    hosting: (HOSTING_KINDS as readonly string[]).includes(s.hosting) ? (s.hosting as HostingKind) : 'other',
    hostingProvider: s.hostingProvider ?? '',
    notes: s.notes,
  };
}

export type FormErrors = Partial<Record<string, 'required'>>;

export function systemFormErrors(f: SystemForm): FormErrors {
  const e: FormErrors = {};
  if (!f.org) e.orgId = 'required';
  if (!f.name.trim()) e.name = 'required';
  if (!f.category) e.category = 'required';
  return e;
}

/** The body for POST /systems (and PATCH, plus the version); call only when systemFormErrors is empty. */
export function systemFormToInput(f: SystemForm): SystemInput {
  return {
    orgId: f.org?.id ?? '',
    operatorOrgId: f.operatorOrg?.id ?? null,
    name: f.name.trim(),
    purpose: f.purpose.trim(),
    category: f.category ?? 'other',
    userCount: countOrNull(f.userCount),
    userKinds: [...f.userKinds],
    dataKinds: [...f.dataKinds],
    // only asked when personal data is kept
    personalDataSubjects: f.dataKinds.some((d) => d.startsWith('personal_')) ? countOrNull(f.personalDataSubjects) : null,
    internetFacing: f.internetFacing,
    hosting: f.hosting,
    hostingProvider: f.hosting === 'on_premise' ? null : orNull(f.hostingProvider),
    notes: f.notes.trim(),
  };
}

export type TriState = 'yes' | 'no' | 'unknown';
export const fromTri = (v: TriState): boolean | null => (v === 'unknown' ? null : v === 'yes');
export const toTri = (v: boolean | null): TriState => (v === null ? 'unknown' : v ? 'yes' : 'no');

export interface AssetForm {
  org: ScopeOrg | null;
  kind: AssetKind;
  name: string;
  hostname: string;
  location: string;
  ipAddresses: string[];
  macAddresses: string[];
  osName: string;
  osVersion: string;
  criticality: Criticality;
  avProduct: string;
  avLicensed: TriState;
  avManaged: TriState;
  firewallOn: TriState;
  /** YYYY-MM-DD or '' */
  lastPatchOn: string;
  systemIds: string[];
}

export function emptyAssetForm(org: ScopeOrg | null): AssetForm {
  return {
    org,
    kind: 'workstation',
    name: '',
    hostname: '',
    location: '',
    ipAddresses: [],
    macAddresses: [],
    osName: '',
    osVersion: '',
    criticality: 'medium',
    avProduct: '',
    avLicensed: 'unknown',
    avManaged: 'unknown',
    firewallOn: 'unknown',
    lastPatchOn: '',
    systemIds: [],
  };
}

export function assetToForm(a: Asset): AssetForm {
  return {
    org: { id: a.orgId, name: a.orgName },
    kind: a.kind,
    name: a.name,
    hostname: a.hostname ?? '',
    location: a.location,
    ipAddresses: [...a.ipAddresses],
    macAddresses: [...a.macAddresses],
    osName: a.osName ?? '',
    osVersion: a.osVersion ?? '',
    criticality: a.criticality,
    avProduct: a.avProduct ?? '',
    avLicensed: toTri(a.avLicensed),
    avManaged: toTri(a.avManaged),
    firewallOn: toTri(a.firewallOn),
    lastPatchOn: a.lastPatchOn ?? '',
    systemIds: [...a.systemIds],
  };
}

export function assetFormErrors(f: AssetForm): FormErrors {
  const e: FormErrors = {};
  if (!f.org) e.orgId = 'required';
  if (!f.name.trim()) e.name = 'required';
  return e;
}

const uniqueTrimmed = (xs: readonly string[]) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))];

export function assetFormToInput(f: AssetForm): AssetInput {
  return {
    orgId: f.org?.id ?? '',
    kind: f.kind,
    name: f.name.trim(),
    hostname: orNull(f.hostname),
    location: f.location.trim(),
    ipAddresses: uniqueTrimmed(f.ipAddresses),
    macAddresses: uniqueTrimmed(f.macAddresses),
    osName: orNull(f.osName),
    osVersion: orNull(f.osVersion),
    criticality: f.criticality,
    avProduct: orNull(f.avProduct),
    avLicensed: fromTri(f.avLicensed),
    avManaged: fromTri(f.avManaged),
    firewallOn: fromTri(f.firewallOn),
    lastPatchOn: f.lastPatchOn || null,
    systemIds: [...new Set(f.systemIds)],
  };
}

export interface IpRangeForm {
  org: ScopeOrg | null;
  range: string;
  isp: string;
  validFrom: string;
  validTo: string;
  note: string;
}

export function ipRangeFormErrors(f: IpRangeForm): FormErrors {
  const e: FormErrors = {};
  if (!f.org) e.orgId = 'required';
  if (!f.range.trim()) e.range = 'required';
  return e;
}

export function ipRangeFormToInput(f: IpRangeForm): IpRangeInput {
  return {
    orgId: f.org?.id ?? '',
    range: f.range.trim(),
    isp: f.isp.trim(),
    validFrom: f.validFrom || null,
    validTo: f.validTo || null,
    note: f.note.trim(),
  };
}
