import { createHash } from 'node:crypto';
import { parseIpAddress } from '../ip/address.js';
import { ALERT_LIMITS, type AlertFormat, type AlertProblem, type AlertProblemCode, type AlertSeverity, type NormalisedAlert } from './types.js';

/** A JSON object (not an array, not null), or undefined. */
export type Obj = Record<string, unknown>;

export function asObj(v: unknown): Obj | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
}

/** Sets an own property even for "__proto__", which plain assignment would turn into a prototype change. */
export function setOwn(o: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Walks a dotted path through objects: get(o, 'rule', 'level'). */
export function get(o: unknown, ...path: string[]): unknown {
  let cur: unknown = o;
  for (const k of path) {
    const obj = asObj(cur);
    if (!obj || !Object.hasOwn(obj, k)) return undefined;
    cur = obj[k];
  }
  return cur;
}

/** A string or a finite number as trimmed text; anything else (objects, booleans, '') is null. */
export function text(v: unknown): string | null {
  if (typeof v === 'string') {
    const s = v.trim();
    return s === '' ? null : s;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/** The first of several candidates that is text. */
export function firstText(...vs: unknown[]): string | null {
  for (const v of vs) {
    const t = text(v);
    if (t !== null) return t;
  }
  return null;
}

/**
 * Cuts to max UTF-16 units without splitting a surrogate pair, so the result is always valid text
 * (a lone surrogate would make the server's JSON or the database reject the row).
 */
export function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return s.slice(0, end);
}

export function sha256Hex(parts: readonly (string | null | undefined)[]): string {
  const h = createHash('sha256');
  // unit separator between parts: ("ab","c") and ("a","bc") must not hash alike
  for (const p of parts) h.update(`${p ?? ''}\u001f`);
  return h.digest('hex');
}

/** A dedup key: `${prefix}:${parts…}`, or the prefix and a hash of them when that would exceed 200 chars. */
export function dedupKeyOf(prefix: string, parts: readonly string[]): string {
  const plain = `${prefix}:${parts.join(':')}`;
  return plain.length <= ALERT_LIMITS.dedupKey ? plain : `${prefix}:h:${sha256Hex(parts)}`;
}

/** Canonical form of one address (IPv4 dotted, IPv6 RFC 5952, no zone), accepting "a.b.c.d:port" and "[v6]:port". */
export function canonicalIp(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const s = v.trim();
  if (s === '' || s.length > 100) return null;
  const direct = parseIpAddress(s);
  if (direct.ok) return direct.ip.address;
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(s) ?? /^\[([0-9A-Fa-f:.]+(?:%[^\]]+)?)\](?::\d{1,5})?$/.exec(s);
  if (withPort) {
    const r = parseIpAddress(withPort[1]!);
    if (r.ok) return r.ip.address;
  }
  return null;
}

const HOSTNAME = /^[a-z0-9_](?:[a-z0-9_.-]*[a-z0-9_])?$/;

/** Lower-case host name without trailing dot, or null when the text is not a plausible name (spaces, slashes, an IP). */
export function canonicalHostname(v: unknown): string | null {
  const t = text(v);
  if (t === null || t.length > ALERT_LIMITS.hostname + 1) return null;
  const s = t.toLowerCase().replace(/\.$/, '');
  if (!HOSTNAME.test(s) || canonicalIp(s) !== null || s === '-') return null;
  return s;
}

/** Collects the pieces of one alert and applies every bound once, in build(). */
export class AlertBuilder {
  readonly format: AlertFormat;
  dedupKey = '';
  title = '';
  description = '';
  severity: AlertSeverity = 'medium';
  sourceSeverity = '';
  occurredAt: Date | null = null;
  status: 'firing' | 'resolved' = 'firing';
  agent: { id: string | null; name: string | null; ip: string | null } = { id: null, name: null, ip: null };
  ruleId: string | null = null;
  category: string | null = null;
  raw: unknown;
  private readonly ipSet = new Set<string>();
  private readonly hostSet = new Set<string>();
  private readonly labelMap = new Map<string, string>();
  private droppedLabels = 0;

  constructor(format: AlertFormat, raw: unknown) {
    this.format = format;
    this.raw = raw;
  }

  addIp(v: unknown): string | null {
    const ip = canonicalIp(v);
    if (ip !== null && this.ipSet.size < ALERT_LIMITS.ips) this.ipSet.add(ip);
    return ip;
  }

  addHostname(v: unknown): void {
    const h = canonicalHostname(v);
    if (h !== null && this.hostSet.size < ALERT_LIMITS.hostnames) this.hostSet.add(h);
  }

  /** First writer wins: system labels (time_unparsed…) are set before the sender's own. */
  label(key: string, value: unknown): void {
    const k = cut(key.trim(), ALERT_LIMITS.labelKey);
    if (k === '' || this.labelMap.has(k)) return;
    let v: string | null;
    if (typeof value === 'string') v = value;
    else if (typeof value === 'number' || typeof value === 'boolean') v = String(value);
    else if (Array.isArray(value))
      v = value
        .map((x) => text(x) ?? '')
        .filter((x) => x !== '')
        .join(',');
    else v = null;
    if (v === null || v === '') return;
    // one slot kept for labels_truncated, so a reader knows the list is not whole
    if (this.labelMap.size >= ALERT_LIMITS.labelKeys - 1) {
      this.droppedLabels++;
      return;
    }
    this.labelMap.set(k, cut(v, ALERT_LIMITS.labelValue));
  }

  /** Every primitive member of an object as `${prefix}${key}`. */
  labelsFrom(o: unknown, prefix = ''): void {
    const obj = asObj(o);
    if (!obj) return;
    for (const [k, v] of Object.entries(obj)) this.label(prefix + k, v);
  }

  build(): NormalisedAlert {
    const labels: Record<string, string> = Object.fromEntries(this.labelMap);
    if (this.droppedLabels > 0) labels.labels_truncated = String(this.droppedLabels);
    const agentIp = canonicalIp(this.agent.ip);
    const title = cut(this.title.replace(/\s+/g, ' ').trim(), ALERT_LIMITS.title);
    return {
      format: this.format,
      dedupKey: cut(this.dedupKey, ALERT_LIMITS.dedupKey),
      title: title === '' ? `${this.format} alert` : title,
      description: cut(this.description, ALERT_LIMITS.description),
      severity: this.severity,
      sourceSeverity: cut(this.sourceSeverity, ALERT_LIMITS.sourceSeverity),
      occurredAt: this.occurredAt,
      status: this.status,
      agent: {
        id: this.agent.id === null ? null : cut(this.agent.id, ALERT_LIMITS.field),
        name: this.agent.name === null ? null : cut(this.agent.name, ALERT_LIMITS.field),
        ip: agentIp,
      },
      ips: [...this.ipSet],
      hostnames: [...this.hostSet],
      ruleId: this.ruleId === null ? null : cut(this.ruleId, ALERT_LIMITS.field),
      category: this.category === null ? null : cut(this.category, ALERT_LIMITS.field),
      labels,
      raw: this.raw,
    };
  }
}

const MESSAGES: Record<AlertProblemCode, (detail: string) => { vi: string; en: string }> = {
  format_unknown: () => ({ vi: 'Không nhận ra định dạng cảnh báo', en: 'Alert format not recognised' }),
  not_an_object: (d) => ({ vi: `Mục này phải là một đối tượng JSON${d ? ` (${d})` : ''}`, en: `This item must be a JSON object${d ? ` (${d})` : ''}` }),
  invalid_json: (d) => ({ vi: `Dòng này không phải JSON hợp lệ${d ? `: ${d}` : ''}`, en: `This line is not valid JSON${d ? `: ${d}` : ''}` }),
  batch_too_large: (d) => ({ vi: `Lô quá lớn: chỉ đọc ${d}`, en: `Batch too large: only ${d} read` }),
  missing_field: (d) => ({ vi: `Thiếu trường bắt buộc "${d}"`, en: `Required field "${d}" is missing` }),
  invalid_field: (d) => ({ vi: `Trường ${d}`, en: `Field ${d}` }),
  not_an_alert: (d) => ({ vi: `Không phải cảnh báo: ${d}`, en: `Not an alert: ${d}` }),
  empty_body: () => ({ vi: 'Nội dung trống', en: 'The body is empty' }),
};

export function problem(index: number | null, path: string, code: AlertProblemCode, detail = '', detailEn?: string): AlertProblem {
  const vi = MESSAGES[code](detail).vi;
  const en = MESSAGES[code](detailEn ?? detail).en;
  return { index, path, code, message: { vi: cut(vi, 1000), en: cut(en, 1000) } };
}
