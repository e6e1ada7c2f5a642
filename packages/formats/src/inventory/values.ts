import type { HostOs } from './types.js';

/** Small coercions shared by the osquery and Wazuh readers. Values arrive as strings (osquery) or mixed JSON. */

export type Row = Record<string, unknown>;

/** Normalised loopback addresses: no use for identifying or routing to a host. */
export const LOOPBACK = /^(127\.|::1$)/;

/** An OS from osquery's os_version row or Wazuh's `os` object, which share these field names. */
export function hostOs(f: Row, arch: string | undefined): HostOs {
  const os: HostOs = { name: text(f.name) ?? '', version: text(f.version) ?? '', platform: text(f.platform) ?? '' };
  for (const k of ['build', 'codename', 'major', 'minor'] as const) {
    const v = text(f[k]);
    if (v) os[k] = v;
  }
  if (arch) os.arch = arch;
  return os;
}

/** A MAC in lower-case colon form (b0:7b:25:1e:4a:9c) from any common notation, or null. */
export function formatMac(mac: string | undefined | null): string | null {
  const hex = (mac ?? '').toLowerCase().replace(/[^0-9a-f]/g, '');
  return hex.length === 12 ? hex.match(/../g)!.join(':') : null;
}

export function isObject(v: unknown): v is Row {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A column as trimmed text: strings and finite numbers count; anything else (objects, booleans) is `undefined`. */
export function text(v: unknown): string | undefined {
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '' ? undefined : t;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** True when the value is present but of a type no inventory column has (object, array, boolean). */
export function wrongType(v: unknown): boolean {
  return v !== undefined && v !== null && typeof v !== 'string' && !(typeof v === 'number' && Number.isFinite(v));
}

// Windows programs report 20240131; Wazuh reports that, epoch seconds, "2022/09/27 09:16:45" or ISO.
const YYYYMMDD = /^(\d{4})(\d{2})(\d{2})$/;
const SLASHED = /^(\d{4})\/(\d{2})\/(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2}))?$/;

function validDate(d: Date): Date | null {
  const t = d.getTime();
  // before 1990 or after 2100 is a placeholder or a unit mix-up, not an install date
  return Number.isFinite(t) && t >= 631152000000 && t < 4102444800000 ? d : null;
}

/** Install or scan time from the shapes inventories use; null when absent or implausible. Times without a zone read as UTC. */
export function parseTime(v: unknown): Date | null {
  if (typeof v === 'number') return Number.isFinite(v) ? validDate(new Date(v * 1000)) : null;
  const s = text(v);
  if (s === undefined) return null;
  if (/^\d{9,10}$/.test(s)) return validDate(new Date(Number(s) * 1000));
  let m = YYYYMMDD.exec(s);
  if (m) return validDate(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
  m = SLASHED.exec(s);
  if (m) return validDate(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0))));
  if (/^\d{4}-\d{2}-\d{2}/.test(s)) return validDate(new Date(s));
  return null;
}

/** osquery's calendarTime, "Mon May  2 22:27:32 2016 UTC". */
export function parseCalendarTime(v: unknown): Date | null {
  const s = text(v);
  const m = s && /^\w{3} (\w{3}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})(?: UTC)?$/.exec(s);
  if (!m) return null;
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].indexOf(m[1]!);
  if (month < 0) return null;
  return validDate(new Date(Date.UTC(Number(m[6]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]))));
}

/** A value as it would appear in the JSON, for messages; `missing` for undefined (JSON.stringify gives undefined there). */
export function describeValue(v: unknown): string {
  return v === undefined ? 'missing' : truncate(JSON.stringify(v));
}

export function truncate(s: string, max = 80): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
