import { sql } from 'drizzle-orm';
import { ASSET_KINDS, CRITICALITIES, HOSTING_KINDS, SYSTEM_CATEGORIES, type AssetKind } from '@khien/contracts';
import { foldVietnamese, parseIpRange, type IpRange } from '@khien/formats';
import type { Db } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors.js';
import type { Words } from '../../../platform/words.js';
import { normaliseAddresses } from '../assets.service.js';
import type { TableKind } from './columns.js';

/** One problem of one row as kept with the import: a code, and the sentence in both languages (said in the reader's when read). */
export interface RowError {
  row: number;
  field: string | null;
  code: string;
  text: Words;
}

/** What is wrong with one cell (or the row, when `field` is null). */
export class RowProblem extends Error {
  constructor(
    readonly field: string | null,
    readonly code: string,
    readonly text: Words,
  ) {
    super(text.vi);
  }
}

/** Every problem of one row: a row with a bad kind and an impossible date names both. */
export class RowProblems extends Error {
  constructor(readonly problems: RowProblem[]) {
    super(problems.map((p) => p.text.vi).join('; '));
  }
}

/** Reads a row's cells one by one, noting each cell's problem and going on, so that all of them are named. */
class RowCheck {
  readonly problems: RowProblem[] = [];
  take<T>(read: () => T, fallback: T): T {
    try {
      return read();
    } catch (err) {
      if (!(err instanceof RowProblem)) throw err;
      this.problems.push(err);
      return fallback;
    }
  }
  done(): void {
    if (this.problems.length > 0) throw new RowProblems(this.problems);
  }
}

/** The orgs of the import's subtree, by official code and by exact name (names may repeat: then a code is needed). */
export class OrgResolver {
  private byCode = new Map<string, string>();
  private byName = new Map<string, string[]>();
  constructor(readonly rootId: string) {}

  static async load(db: Db, rootPath: string, rootId: string): Promise<OrgResolver> {
    const r = new OrgResolver(rootId);
    const rows = await queryRows<{ id: string; name: string; admin_code: string | null }>(
      db,
      sql`select id, name, admin_code from orgs where path <@ ${rootPath}::ltree`,
    );
    for (const o of rows) {
      if (o.admin_code) r.byCode.set(o.admin_code.trim().toLowerCase(), o.id);
      const key = o.name.normalize('NFC').trim().toLowerCase();
      r.byName.set(key, [...(r.byName.get(key) ?? []), o.id]);
    }
    return r;
  }

  resolve(value: string, field: string): string {
    const v = value.trim();
    if (v === '') return this.rootId;
    const byCode = this.byCode.get(v.toLowerCase());
    if (byCode) return byCode;
    const named = this.byName.get(v.normalize('NFC').toLowerCase()) ?? [];
    if (named.length === 1) return named[0]!;
    if (named.length > 1)
      throw new RowProblem(field, 'org_ambiguous', {
        vi: `Có ${named.length} đơn vị tên "${v}" trong phạm vi nhập; hãy dùng mã đơn vị`,
        en: `${named.length} orgs are named "${v}" under the chosen org; use the org's code`,
      });
    throw new RowProblem(field, 'org_not_found', { vi: `Không có đơn vị "${v}" trong phạm vi nhập`, en: `No org "${v}" under the chosen org` });
  }
}

const YES = new Set(['co', 'yes', 'y', 'true', '1', 'x', 'bat', 'on', 'da']);
const NO = new Set(['khong', 'no', 'n', 'false', '0', 'tat', 'off', 'chua']);

export function yesNo(v: string, field: string): boolean | null {
  if (v.trim() === '') return null;
  const f = foldVietnamese(v).trim();
  if (YES.has(f)) return true;
  if (NO.has(f)) return false;
  throw new RowProblem(field, 'yes_no_invalid', { vi: `"${v}" không phải có/không`, en: `"${v}" is not yes or no` });
}

export function dateCell(v: string, field: string): string | null {
  const s = v.trim();
  if (s === '') return null;
  // an Excel date cell read without its style is the day serial (1900 system: day 0 is 30/12/1899)
  if (/^\d{5}(\.\d+)?$/.test(s)) {
    const serial = Math.floor(Number(s));
    if (serial > 32_874 && serial < 73_051) return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
  }
  let y: number, m: number, d: number;
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const isoDate = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (vn) [d, m, y] = [Number(vn[1]), Number(vn[2]), Number(vn[3])];
  else if (isoDate) [y, m, d] = [Number(isoDate[1]), Number(isoDate[2]), Number(isoDate[3])];
  else throw new RowProblem(field, 'date_format', { vi: `Ngày "${v}" không đúng dạng dd/mm/yyyy`, en: `Date "${v}" is not written dd/mm/yyyy` });
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d)
    throw new RowProblem(field, 'date_impossible', { vi: `Ngày "${v}" không tồn tại`, en: `There is no such date as "${v}"` });
  if (y < 1990 || y > 2100)
    throw new RowProblem(field, 'date_out_of_range', { vi: `Ngày "${v}" nằm ngoài khoảng 1990–2100`, en: `Date "${v}" is outside 1990–2100` });
  return dt.toISOString().slice(0, 10);
}

export function intCell(v: string, field: string): number | null {
  const s = v.trim().replace(/[.,\s](?=\d{3}(\D|$))/g, '');
  if (s === '') return null;
  if (!/^\d{1,10}$/.test(s) || Number(s) > 1_000_000_000)
    throw new RowProblem(field, 'not_a_count', { vi: `"${v}" không phải số nguyên không âm`, en: `"${v}" is not a whole number` });
  return Number(s);
}

function enumCell<T extends string>(v: string, field: string, values: readonly T[], labels: Record<string, T>, fallback: T | null): T {
  const s = v.trim();
  if (s === '') {
    if (fallback !== null) return fallback;
    throw new RowProblem(field, 'required', REQUIRED);
  }
  const f = foldVietnamese(s)
    .replace(/[\s_-]+/g, ' ')
    .trim();
  const direct = values.find((x) => x.replace(/_/g, ' ') === f);
  if (direct) return direct;
  const labelled = labels[f];
  if (labelled) return labelled;
  throw new RowProblem(field, 'not_in_list', {
    vi: `"${v}" không phải giá trị hợp lệ (${values.join(', ')})`,
    en: `"${v}" is not one of the accepted values (${values.join(', ')})`,
  });
}

const REQUIRED: Words = { vi: 'Bắt buộc, đang để trống', en: 'Required, and empty' };

const ASSET_KIND_LABELS: Record<string, AssetKind> = {
  'may chu': 'server',
  'may tram': 'workstation',
  'may tinh de ban': 'workstation',
  'may tinh': 'workstation',
  pc: 'workstation',
  'may xach tay': 'laptop',
  'may tinh xach tay': 'laptop',
  'thiet bi mang': 'network_device',
  router: 'network_device',
  switch: 'network_device',
  'tuong lua': 'network_device',
  camera: 'camera',
  'bang dien tu': 'billboard',
  'bang quang cao dien tu': 'billboard',
  'man hinh led': 'billboard',
  khac: 'other',
};
const CRIT_LABELS: Record<string, (typeof CRITICALITIES)[number]> = {
  thap: 'low',
  'trung binh': 'medium',
  cao: 'high',
  'rat cao': 'critical',
  'dac biet': 'critical',
};
const CATEGORY_LABELS: Record<string, (typeof SYSTEM_CATEGORIES)[number]> = {
  'cong thong tin': 'portal',
  'cong thong tin dien tu': 'portal',
  'trang thong tin dien tu': 'portal',
  'thu dien tu': 'email',
  'thu cong vu': 'email',
  'quan ly van ban': 'document_management',
  'quan ly van ban va dieu hanh': 'document_management',
  'dich vu cong': 'public_service',
  'mot cua': 'public_service',
  'mot cua dien tu': 'public_service',
  'ket noi csdl dan cu': 'population_db_connected',
  'co so du lieu dan cu': 'population_db_connected',
  'mang noi bo': 'internal_network',
  lan: 'internal_network',
  'tai chinh ke toan': 'finance_accounting',
  'ke toan': 'finance_accounting',
  'camera giam sat': 'camera_surveillance',
  'trung tam du lieu': 'data_centre',
  khac: 'other',
};
const HOSTING_LABELS: Record<string, (typeof HOSTING_KINDS)[number]> = {
  'tai don vi': 'on_premise',
  'tai cho': 'on_premise',
  'trung tam du lieu tinh': 'provincial_data_centre',
  'trung tam du lieu quoc gia': 'national_data_centre',
  'dien toan dam may': 'commercial_cloud',
  cloud: 'commercial_cloud',
  'nha cung cap': 'vendor_hosted',
  'thue ngoai': 'vendor_hosted',
  khac: 'other',
};

export interface AssetRowValue {
  orgId: string;
  name: string;
  kind: AssetKind;
  hostname: string | null;
  serial: string | null;
  location: string;
  ipAddresses: string[];
  macAddresses: string[];
  osName: string | null;
  osVersion: string | null;
  criticality: (typeof CRITICALITIES)[number];
  avProduct: string | null;
  avLicensed: boolean | null;
  avManaged: boolean | null;
  firewallOn: boolean | null;
  lastPatchOn: string | null;
}
export interface SystemRowValue {
  orgId: string;
  operatorOrgId: string | null;
  name: string;
  category: (typeof SYSTEM_CATEGORIES)[number];
  purpose: string;
  userCount: number | null;
  personalDataSubjects: number | null;
  internetFacing: boolean;
  hosting: (typeof HOSTING_KINDS)[number];
  hostingProvider: string | null;
  notes: string;
}
export interface IpRowValue {
  orgId: string;
  range: IpRange;
  isp: string;
  validFrom: string | null;
  validTo: string | null;
  note: string;
}
export type RowValue = { kind: 'assets'; value: AssetRowValue } | { kind: 'systems'; value: SystemRowValue } | { kind: 'ipspace'; value: IpRowValue };

function bounded(v: string, field: string, max: number, required = false): string {
  const s = v.trim();
  if (required && s === '') throw new RowProblem(field, 'required', REQUIRED);
  if (s.length > max)
    throw new RowProblem(field, 'too_long', { vi: `Dài quá ${max} ký tự (đang có ${s.length})`, en: `Longer than ${max} characters (${s.length})` });
  return s;
}

/** An address list the asset form would refuse, as the cell's problem (the IPs and the MACs each on their own). */
function addresses(raw: string[], kind: 'ips' | 'macs', field: string): string[] {
  try {
    const n = kind === 'ips' ? normaliseAddresses(raw, []) : normaliseAddresses([], raw);
    return kind === 'ips' ? n.ips : n.macs;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const value = String(err.params?.value ?? '');
    throw kind === 'ips'
      ? new RowProblem(field, 'ip_invalid', { vi: `"${value}" không phải địa chỉ IP hợp lệ`, en: `"${value}" is not a valid IP address` })
      : new RowProblem(field, 'mac_invalid', {
          vi: `"${value}" không phải địa chỉ MAC hợp lệ (aa:bb:cc:dd:ee:ff)`,
          en: `"${value}" is not a valid MAC address (aa:bb:cc:dd:ee:ff)`,
        });
  }
}

/**
 * One table row → a checked value. Every cell is read even after a bad one, and all of the row's
 * problems are thrown together as RowProblems, each naming its column.
 */
export function rowValue(kind: TableKind, get: (key: string) => string, header: (key: string) => string, orgs: OrgResolver): RowValue {
  const c = new RowCheck();
  const org = () => c.take(() => orgs.resolve(get('org'), header('org')), orgs.rootId);
  if (kind === 'assets') {
    const split = (s: string) => s.split(/[\s,;]+/).filter(Boolean);
    const value: AssetRowValue = {
      orgId: org(),
      name: c.take(() => bounded(get('name'), header('name'), 300, true), ''),
      kind: c.take(() => enumCell(get('kind'), header('kind'), ASSET_KINDS, ASSET_KIND_LABELS, null), 'other'),
      hostname: c.take(() => bounded(get('hostname'), header('hostname'), 255), '') || null,
      serial: c.take(() => bounded(get('serial'), header('serial'), 100), '') || null,
      location: c.take(() => bounded(get('location'), header('location'), 500), ''),
      ipAddresses: c.take(() => addresses(split(get('ips')).slice(0, 64), 'ips', header('ips')), []),
      macAddresses: c.take(() => addresses(split(get('macs')).slice(0, 64), 'macs', header('macs')), []),
      osName: c.take(() => bounded(get('os'), header('os'), 200), '') || null,
      osVersion: c.take(() => bounded(get('osVersion'), header('osVersion'), 200), '') || null,
      criticality: c.take(() => enumCell(get('criticality'), header('criticality'), CRITICALITIES, CRIT_LABELS, 'medium'), 'medium'),
      avProduct: c.take(() => bounded(get('avProduct'), header('avProduct'), 200), '') || null,
      avLicensed: c.take(() => yesNo(get('avLicensed'), header('avLicensed')), null),
      avManaged: c.take(() => yesNo(get('avManaged'), header('avManaged')), null),
      firewallOn: c.take(() => yesNo(get('firewallOn'), header('firewallOn')), null),
      lastPatchOn: c.take(() => dateCell(get('lastPatchOn'), header('lastPatchOn')), null),
    };
    c.done();
    return { kind, value };
  }
  if (kind === 'systems') {
    const operator = get('operator').trim();
    const value: SystemRowValue = {
      orgId: org(),
      operatorOrgId: operator ? c.take(() => orgs.resolve(operator, header('operator')), null) : null,
      name: c.take(() => bounded(get('name'), header('name'), 300, true), ''),
      category: c.take(() => enumCell(get('category'), header('category'), SYSTEM_CATEGORIES, CATEGORY_LABELS, null), 'other'),
      purpose: c.take(() => bounded(get('purpose'), header('purpose'), 4000), ''),
      userCount: c.take(() => intCell(get('userCount'), header('userCount')), null),
      personalDataSubjects: c.take(() => intCell(get('personalDataSubjects'), header('personalDataSubjects')), null),
      internetFacing: c.take(() => yesNo(get('internetFacing'), header('internetFacing')), null) ?? false,
      hosting: c.take(() => enumCell(get('hosting'), header('hosting'), HOSTING_KINDS, HOSTING_LABELS, 'on_premise'), 'on_premise'),
      hostingProvider: c.take(() => bounded(get('hostingProvider'), header('hostingProvider'), 300), '') || null,
      notes: c.take(() => bounded(get('notes'), header('notes'), 4000), ''),
    };
    c.done();
    return { kind, value };
  }
  const range = c.take(() => {
    const parsed = parseIpRange(bounded(get('range'), header('range'), 100, true));
    if (!parsed.ok)
      throw new RowProblem(header('range'), 'ip_range_invalid', {
        vi: `Dải IP "${get('range').trim()}" không hợp lệ (${parsed.reason})`,
        en: `"${get('range').trim()}" is not a valid IP range (${parsed.reason})`,
      });
    return parsed.range;
  }, null);
  const validFrom = c.take(() => dateCell(get('validFrom'), header('validFrom')), null);
  const validTo = c.take(() => dateCell(get('validTo'), header('validTo')), null);
  if (validFrom && validTo && validTo < validFrom)
    c.problems.push(
      new RowProblem(header('validTo'), 'valid_to_before_from', {
        vi: 'Ngày hết hiệu lực trước ngày bắt đầu',
        en: 'The end of validity comes before its start',
      }),
    );
  const value = {
    orgId: org(),
    validFrom,
    validTo,
    isp: c.take(() => bounded(get('isp'), header('isp'), 200), ''),
    note: c.take(() => bounded(get('note'), header('note'), 2000), ''),
  };
  c.done();
  return { kind, value: { ...value, range: range! } };
}
