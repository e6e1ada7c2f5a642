import { sql } from 'drizzle-orm';
import { ASSET_KINDS, CRITICALITIES, HOSTING_KINDS, SYSTEM_CATEGORIES, type AssetKind } from '@khien/contracts';
import { foldVietnamese, parseIpRange, type IpRange } from '@khien/formats';
import type { Db } from '../../../platform/db/client.js';
import { queryRows } from '../../../platform/db/client.js';
import { normaliseAddresses } from '../assets.service.js';
import type { TableKind } from './columns.js';

export interface RowError {
  row: number;
  field: string | null;
  message: string;
}

export class RowProblem extends Error {
  constructor(
    readonly field: string | null,
    message: string,
  ) {
    super(message);
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
      throw new RowProblem(field, `Có ${named.length} đơn vị tên "${v}" trong phạm vi nhập; hãy dùng mã đơn vị / several orgs have this name; use the code`);
    throw new RowProblem(field, `Không có đơn vị "${v}" trong phạm vi nhập / no such org under the chosen org`);
  }
}

const YES = new Set(['co', 'yes', 'y', 'true', '1', 'x', 'bat', 'on', 'da']);
const NO = new Set(['khong', 'no', 'n', 'false', '0', 'tat', 'off', 'chua']);

export function yesNo(v: string, field: string): boolean | null {
  if (v.trim() === '') return null;
  const f = foldVietnamese(v).trim();
  if (YES.has(f)) return true;
  if (NO.has(f)) return false;
  throw new RowProblem(field, `"${v}" không phải có/không / expected yes or no`);
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
  else throw new RowProblem(field, `Ngày "${v}" không đúng dạng dd/mm/yyyy / expected dd/mm/yyyy`);
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d || y < 1990 || y > 2100)
    throw new RowProblem(field, `Ngày "${v}" không tồn tại / no such date`);
  return dt.toISOString().slice(0, 10);
}

export function intCell(v: string, field: string): number | null {
  const s = v.trim().replace(/[.,\s](?=\d{3}(\D|$))/g, '');
  if (s === '') return null;
  if (!/^\d{1,10}$/.test(s) || Number(s) > 1_000_000_000) throw new RowProblem(field, `"${v}" không phải số nguyên không âm / expected a whole number`);
  return Number(s);
}

function enumCell<T extends string>(v: string, field: string, values: readonly T[], labels: Record<string, T>, fallback: T | null): T {
  const s = v.trim();
  if (s === '') {
    if (fallback !== null) return fallback;
    throw new RowProblem(field, 'Bắt buộc / required');
  }
  const f = foldVietnamese(s)
    .replace(/[\s_-]+/g, ' ')
    .trim();
  const direct = values.find((x) => x.replace(/_/g, ' ') === f);
  if (direct) return direct;
  const labelled = labels[f];
  if (labelled) return labelled;
  throw new RowProblem(field, `"${v}" không phải giá trị hợp lệ (${values.join(', ')}) / not one of the accepted values`);
}

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
  if (required && s === '') throw new RowProblem(field, 'Bắt buộc / required');
  if (s.length > max) throw new RowProblem(field, `Dài quá ${max} ký tự / longer than ${max} characters`);
  return s;
}

/** One table row → a checked value; the first problem is thrown as a RowProblem naming its column. */
export function rowValue(kind: TableKind, get: (key: string) => string, header: (key: string) => string, orgs: OrgResolver): RowValue {
  const org = () => orgs.resolve(get('org'), header('org'));
  if (kind === 'assets') {
    const split = (s: string) => s.split(/[\s,;]+/).filter(Boolean);
    let addr: { ips: string[]; macs: string[] };
    try {
      addr = normaliseAddresses(split(get('ips')).slice(0, 64), split(get('macs')).slice(0, 64));
    } catch (err) {
      const path = (err as { details?: { path: string }[] }).details?.[0]?.path ?? '';
      throw new RowProblem(header(path.startsWith('mac') ? 'macs' : 'ips'), (err as Error).message);
    }
    return {
      kind,
      value: {
        orgId: org(),
        name: bounded(get('name'), header('name'), 300, true),
        kind: enumCell(get('kind'), header('kind'), ASSET_KINDS, ASSET_KIND_LABELS, null),
        hostname: bounded(get('hostname'), header('hostname'), 255) || null,
        serial: bounded(get('serial'), header('serial'), 100) || null,
        location: bounded(get('location'), header('location'), 500),
        ipAddresses: addr.ips,
        macAddresses: addr.macs,
        osName: bounded(get('os'), header('os'), 200) || null,
        osVersion: bounded(get('osVersion'), header('osVersion'), 200) || null,
        criticality: enumCell(get('criticality'), header('criticality'), CRITICALITIES, CRIT_LABELS, 'medium'),
        avProduct: bounded(get('avProduct'), header('avProduct'), 200) || null,
        avLicensed: yesNo(get('avLicensed'), header('avLicensed')),
        avManaged: yesNo(get('avManaged'), header('avManaged')),
        firewallOn: yesNo(get('firewallOn'), header('firewallOn')),
        lastPatchOn: dateCell(get('lastPatchOn'), header('lastPatchOn')),
      },
    };
  }
  if (kind === 'systems') {
    const operator = get('operator').trim();
    return {
      kind,
      value: {
        orgId: org(),
        operatorOrgId: operator ? orgs.resolve(operator, header('operator')) : null,
        name: bounded(get('name'), header('name'), 300, true),
        category: enumCell(get('category'), header('category'), SYSTEM_CATEGORIES, CATEGORY_LABELS, null),
        purpose: bounded(get('purpose'), header('purpose'), 4000),
        userCount: intCell(get('userCount'), header('userCount')),
        personalDataSubjects: intCell(get('personalDataSubjects'), header('personalDataSubjects')),
        internetFacing: yesNo(get('internetFacing'), header('internetFacing')) ?? false,
        hosting: enumCell(get('hosting'), header('hosting'), HOSTING_KINDS, HOSTING_LABELS, 'on_premise'),
        hostingProvider: bounded(get('hostingProvider'), header('hostingProvider'), 300) || null,
        notes: bounded(get('notes'), header('notes'), 4000),
      },
    };
  }
  const rangeText = bounded(get('range'), header('range'), 100, true);
  const parsed = parseIpRange(rangeText);
  if (!parsed.ok) throw new RowProblem(header('range'), `Dải IP không hợp lệ: ${parsed.reason} / invalid IP range`);
  const validFrom = dateCell(get('validFrom'), header('validFrom'));
  const validTo = dateCell(get('validTo'), header('validTo'));
  if (validFrom && validTo && validTo < validFrom) throw new RowProblem(header('validTo'), 'Ngày hết hiệu lực trước ngày bắt đầu / valid-to before valid-from');
  return {
    kind,
    value: {
      orgId: org(),
      range: parsed.range,
      isp: bounded(get('isp'), header('isp'), 200),
      validFrom,
      validTo,
      note: bounded(get('note'), header('note'), 2000),
    },
  };
}
