import { asObj, text } from './build.js';
import type { AlertFormat, AlertSeverity } from './types.js';

/**
 * The per-format severity tables (docs/alerts-intake.md repeats them for people).
 * A value the table does not know maps to 'medium': a person should look, rather than the alert
 * being buried as info or paging someone as critical.
 */

function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(v)) return Number(v);
  return null;
}

/**
 * Wazuh 4.x rule.level 0–15 (16 is allowed in custom rules). Wazuh's rules classification:
 * 13 unusual error of high importance, 14 high-importance security event, 15 severe attack → critical;
 * 10 multiple user-generated errors (brute force), 11 integrity-checking warning, 12 high-importance event → high;
 * 7 "bad word" match, 8 first time seen, 9 error from an invalid source → medium;
 * 4–6 low-priority errors and low-relevance attacks → low; 0–3 ignored / notifications / successful events → info.
 */
export function mapWazuhLevel(v: unknown): AlertSeverity {
  const n = toNumber(v);
  if (n === null) return 'medium';
  if (n >= 13) return 'critical';
  if (n >= 10) return 'high';
  if (n >= 7) return 'medium';
  if (n >= 4) return 'low';
  return 'info';
}

/** The `severity` Wazuh's shuffle.py computes from rule.level: 1 (≤4), 2 (5–7), 3 (≥8). Used only without all_fields.rule.level. */
export function mapShuffleSeverity(v: unknown): AlertSeverity {
  const n = toNumber(v);
  if (n === 3) return 'high';
  if (n === 2) return 'medium';
  if (n === 1) return 'low';
  return 'medium';
}

const WORDS: Record<string, AlertSeverity> = {
  critical: 'critical',
  crit: 'critical',
  page: 'critical',
  p1: 'critical',
  fatal: 'critical',
  emergency: 'critical',
  emerg: 'critical',
  alert: 'critical',
  disaster: 'critical',
  'very-high': 'critical',
  very_high: 'critical',
  'very high': 'critical',
  high: 'high',
  error: 'high',
  err: 'high',
  major: 'high',
  p2: 'high',
  severe: 'high',
  warning: 'medium',
  warn: 'medium',
  medium: 'medium',
  moderate: 'medium',
  average: 'medium',
  p3: 'medium',
  low: 'low',
  minor: 'low',
  notice: 'low',
  p4: 'low',
  info: 'info',
  informational: 'info',
  information: 'info',
  none: 'info',
  debug: 'info',
  ok: 'info',
  p5: 'info',
};

/** Alertmanager / Grafana labels.severity, and the words every other table also accepts. */
export function mapSeverityWord(v: unknown): AlertSeverity {
  const t = text(v);
  if (t === null) return 'medium';
  const key = t.toLowerCase();
  // own keys only: "__proto__" or "constructor" from a sender must not reach Object.prototype
  return Object.hasOwn(WORDS, key) ? WORDS[key]! : 'medium';
}

/**
 * Suricata alert.severity: 1 → high, 2 → medium, 3 → low, 4 and above → info (rules may set up to 255).
 * Severity 1 whose category names a trojan or malware (ET's "A Network Trojan was detected") → critical:
 * a machine is probably already compromised, which is worse than an attempt.
 * The value is the number, or the alert object { severity, category }.
 */
export function mapSuricataSeverity(v: unknown): AlertSeverity {
  const o = asObj(v);
  const n = toNumber(o ? o.severity : v);
  const category = o ? (text(o.category) ?? '') : '';
  if (n === null) return 'medium';
  if (n <= 1) return /trojan|malware/i.test(category) ? 'critical' : 'high';
  if (n === 2) return 'medium';
  if (n === 3) return 'low';
  return 'info';
}

/** Syslog PRI severity 0–7 (RFC 5424 §6.2.1): 0–2 emergency/alert/critical, 3 error, 4 warning, 5 notice, 6–7 info/debug. */
export function mapSyslogSeverity(v: unknown): AlertSeverity {
  const n = toNumber(v);
  if (n === null) return typeof v === 'string' ? mapSeverityWord(v) : 'medium';
  if (n <= 2) return 'critical';
  if (n === 3) return 'high';
  if (n === 4) return 'medium';
  if (n === 5) return 'low';
  return 'info';
}

/** ArcSight CEF severity 0–10 or the words Low / Medium / High / Very-High (and Unknown → medium). */
export function mapCefSeverity(v: unknown): AlertSeverity {
  const n = toNumber(v);
  if (n === null) {
    const t = text(v)?.toLowerCase();
    if (t === 'very-high' || t === 'veryhigh' || t === 'very high') return 'critical';
    if (t === 'high') return 'high';
    if (t === 'low') return 'low';
    return 'medium';
  }
  if (n >= 9) return 'critical';
  if (n >= 7) return 'high';
  if (n >= 4) return 'medium';
  return 'low';
}

/**
 * The generic format: the five words (and the synonyms above), or 1..5 counting down from
 * 1 = critical to 5 = info (a priority, as people write P1…P5).
 */
export function mapGenericSeverity(v: unknown): AlertSeverity {
  const n = toNumber(v);
  if (n !== null) {
    if (n === 1) return 'critical';
    if (n === 2) return 'high';
    if (n === 3) return 'medium';
    if (n === 4) return 'low';
    if (n === 5) return 'info';
    return 'medium';
  }
  return mapSeverityWord(v);
}

/**
 * Wazuh 5.x wazuh.rule.level is a keyword: informational / low / medium / high / critical.
 * A number (documents written before the keyword, or a rule.level carried over) reads as a 4.x level.
 */
export function mapWazuh5Level(v: unknown): AlertSeverity {
  return toNumber(v) !== null ? mapWazuhLevel(v) : mapSeverityWord(v);
}

/** The table of each format, applied to that format's own severity field (see the functions above). */
export function mapSeverity(format: AlertFormat, value: unknown): AlertSeverity {
  switch (format) {
    case 'wazuh':
      return mapWazuhLevel(value);
    case 'wazuh_shuffle':
      return mapShuffleSeverity(value);
    case 'wazuh5':
      return mapWazuh5Level(value);
    case 'alertmanager':
    case 'grafana':
      return mapSeverityWord(value);
    case 'suricata':
      return mapSuricataSeverity(value);
    case 'syslog':
      return mapSyslogSeverity(value);
    case 'generic':
      return mapGenericSeverity(value);
    default:
      return 'medium';
  }
}
