import { ALERT_SEVERITY_VALUES, type AlertSeverityValue } from '@khien/contracts';
import { foldVietnamese, parseIpRange, rangeContains } from '@khien/formats';

/** A rule as stored: what to match and what to do. Pure: the same alert and rules always route the same way. */
export interface RuleRow {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  match: {
    format?: string;
    severityAtLeast?: string;
    ruleId?: string;
    category?: string;
    textContains?: string;
    hostPattern?: string;
    ipCidr?: string;
    labelKey?: string;
    labelValue?: string;
  };
  action: { routeToOrgId?: string; setSeverity?: string };
}

export interface RuleSubject {
  format: string;
  severity: AlertSeverityValue;
  ruleId: string | null;
  category: string | null;
  title: string;
  description: string;
  host: string | null;
  hostnames: string[];
  ips: string[];
  labels: Record<string, string>;
}

const rank = (s: string) => {
  const i = ALERT_SEVERITY_VALUES.indexOf(s as AlertSeverityValue);
  return i < 0 ? ALERT_SEVERITY_VALUES.length : i;
};

function wildcard(pattern: string): RegExp {
  const body = pattern
    .toLowerCase()
    .split('*')
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`);
}

function inCidr(ip: string, cidr: string): boolean {
  const parsed = parseIpRange(cidr, { hostBits: 'normalise' });
  return parsed.ok && rangeContains(parsed.range, ip);
}

/** Does the rule match the alert? Every condition given must hold; a rule with no condition matches nothing. */
export function ruleMatches(rule: RuleRow, a: RuleSubject): boolean {
  if (!rule.enabled) return false;
  const m = rule.match;
  const conditions = Object.values(m).filter((v) => v !== undefined && v !== '');
  if (conditions.length === 0) return false;
  if (m.format && m.format !== a.format) return false;
  if (m.severityAtLeast && rank(a.severity) > rank(m.severityAtLeast)) return false;
  if (m.ruleId && m.ruleId !== a.ruleId) return false;
  if (m.category && foldVietnamese(m.category) !== foldVietnamese(a.category ?? '')) return false;
  if (m.textContains && !foldVietnamese(`${a.title} ${a.description}`).includes(foldVietnamese(m.textContains))) return false;
  if (m.hostPattern) {
    const re = wildcard(m.hostPattern);
    if (![a.host, ...a.hostnames].some((h) => h && re.test(h.toLowerCase()))) return false;
  }
  if (m.ipCidr && !a.ips.some((ip) => inCidr(ip, m.ipCidr!))) return false;
  if (m.labelKey) {
    const v = a.labels[m.labelKey];
    if (v === undefined) return false;
    if (m.labelValue && v !== m.labelValue) return false;
  }
  return true;
}

/** The first enabled matching rule that routes, and the severity after every matching rule that sets one. */
export function applyRules(
  rules: readonly RuleRow[],
  a: RuleSubject,
): { routeRule: RuleRow | null; severity: AlertSeverityValue; severityRule: RuleRow | null } {
  let routeRule: RuleRow | null = null;
  let severity = a.severity;
  let severityRule: RuleRow | null = null;
  for (const r of [...rules].sort((x, y) => x.position - y.position || x.id.localeCompare(y.id))) {
    if (!ruleMatches(r, a)) continue;
    if (r.action.setSeverity && !severityRule) {
      severity = r.action.setSeverity as AlertSeverityValue;
      severityRule = r;
    }
    if (r.action.routeToOrgId && !routeRule) routeRule = r;
  }
  return { routeRule, severity, severityRule };
}
