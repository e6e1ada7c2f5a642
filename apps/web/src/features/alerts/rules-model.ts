import type { AlertSeverityValue, RoutingRule } from '@khien/contracts';
import type { AlertFormat } from './alert-model';
import type { RuleBody } from './alerts-api';

/** The routing rules' form and list, without React: what the dialog edits and what a row says. */

export const TEXT_MATCH_FIELDS = ['ruleId', 'category', 'textContains', 'hostPattern', 'ipCidr', 'labelKey', 'labelValue'] as const;
export type TextMatchField = (typeof TEXT_MATCH_FIELDS)[number];

export interface RuleForm {
  name: string;
  enabled: boolean;
  format: AlertFormat | null;
  severityAtLeast: AlertSeverityValue | null;
  text: Record<TextMatchField, string>;
  routeTo: { id: string; name: string } | null;
  setSeverity: AlertSeverityValue | null;
}

const emptyText = (): Record<TextMatchField, string> => ({
  ruleId: '',
  category: '',
  textContains: '',
  hostPattern: '',
  ipCidr: '',
  labelKey: '',
  labelValue: '',
});

export function emptyRuleForm(): RuleForm {
  return { name: '', enabled: true, format: null, severityAtLeast: null, text: emptyText(), routeTo: null, setSeverity: null };
}

export function ruleFormOf(rule: RoutingRule): RuleForm {
  const text = emptyText();
  for (const k of TEXT_MATCH_FIELDS) text[k] = rule.match[k] ?? '';
  return {
    name: rule.name,
    enabled: rule.enabled,
    format: rule.match.format ?? null,
    severityAtLeast: rule.match.severityAtLeast ?? null,
    text,
    routeTo: rule.action.routeToOrgId ? { id: rule.action.routeToOrgId, name: rule.routeToOrgName ?? '' } : null,
    setSeverity: rule.action.setSeverity ?? null,
  };
}

export type RuleFormError = 'name_required' | 'condition_required' | 'route_or_severity_required' | 'label_key_required';

export function ruleFormErrors(f: RuleForm): RuleFormError[] {
  const out: RuleFormError[] = [];
  if (!f.name.trim()) out.push('name_required');
  // the server refuses a rule that would catch every alert (alert_rule_matches_nothing)
  if (!f.format && !f.severityAtLeast && TEXT_MATCH_FIELDS.every((k) => !f.text[k].trim())) out.push('condition_required');
  if (!f.routeTo && !f.setSeverity) out.push('route_or_severity_required');
  // a label's value alone matches nothing: the server compares it with one key's value
  if (f.text.labelValue.trim() && !f.text.labelKey.trim()) out.push('label_key_required');
  return out;
}

/** Empty fields are left out: an absent condition matches every alert. */
export function ruleBody(f: RuleForm, orgId: string, position?: number): RuleBody {
  const match: RuleBody['match'] = {};
  if (f.format) match.format = f.format;
  if (f.severityAtLeast) match.severityAtLeast = f.severityAtLeast;
  for (const k of TEXT_MATCH_FIELDS) {
    const v = f.text[k].trim();
    if (v) match[k] = v;
  }
  const action: RuleBody['action'] = {};
  if (f.routeTo) action.routeToOrgId = f.routeTo.id;
  if (f.setSeverity) action.setSeverity = f.setSeverity;
  return { orgId, name: f.name.trim(), enabled: f.enabled, match, action, ...(position === undefined ? {} : { position }) };
}

/** The rule's conditions as (field, value) pairs, in the form's order, for the list's one-line summary. */
export function matchPairs(match: RoutingRule['match']): { field: 'format' | 'severityAtLeast' | TextMatchField; value: string }[] {
  const out: { field: 'format' | 'severityAtLeast' | TextMatchField; value: string }[] = [];
  if (match.format) out.push({ field: 'format', value: match.format });
  if (match.severityAtLeast) out.push({ field: 'severityAtLeast', value: match.severityAtLeast });
  for (const k of TEXT_MATCH_FIELDS) {
    const v = match[k];
    if (v) out.push({ field: k, value: v });
  }
  return out;
}

/** Rules in the order they are tried (the server's `position`, ties by name). */
export function orderRules(rules: readonly RoutingRule[]): RoutingRule[] {
  return [...rules].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name, 'vi'));
}

/**
 * Moving a rule one place up or down. The server stores each rule's position as sent and moves no
 * other rule, so the list is numbered 0, 1, 2 … again in its new order and only the rules whose
 * number changed are sent (usually the two that trade places; more when positions were tied).
 */
export function movePatches(ordered: readonly RoutingRule[], index: number, delta: -1 | 1): { rule: RoutingRule; position: number }[] {
  const to = index + delta;
  if (index < 0 || index >= ordered.length || to < 0 || to >= ordered.length) return [];
  const next = [...ordered];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next.flatMap((rule, position) => (rule.position === position ? [] : [{ rule, position }]));
}

/** The sample pasted into the test box: JSON, an array of alerts or one alert; null when it does not parse. */
export function parseSample(text: string): { ok: true; value: unknown } | { ok: false } {
  if (!text.trim()) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
