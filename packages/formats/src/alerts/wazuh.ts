import { type ItemContext, type ItemResult, readBatch } from './batch.js';
import { AlertBuilder, asObj, dedupKeyOf, firstText, get, type Obj, problem, sha256Hex, text } from './build.js';
import { mapShuffleSeverity, mapWazuhLevel } from './severity.js';
import { readTime } from './time.js';
import type { AlertParse, NormalisedAlert, ParseAlertOptions } from './types.js';

/**
 * Wazuh 4.x: an alerts.json object (what integratord writes to the file it hands an integration,
 * and what custom-khien posts as is), optionally wrapped as an indexer hit { _source }.
 *
 * And the body of Wazuh's built-in `shuffle` integration (integrations/shuffle.py, 4.x), which is
 * { severity: 1|2|3, pretext: "WAZUH Alert", title: rule.description or "N/A", text: full_log,
 *   rule_id: rule.id, timestamp: alert timestamp, id: alert id, all_fields: the whole alert },
 * with the <options> JSON merged over it. Read through all_fields, it gives the same alert as the
 * alerts.json object (same dedup key, so the two intakes do not double an event).
 */

const IP_KEY = /ip|addr/i;
const MAX_WALK = 500;

/** Every IP-looking value under `data` whose key says it is an address (srcip, dstip, win.eventdata.ipAddress…). */
function collectDataIps(b: AlertBuilder, data: unknown): void {
  let seen = 0;
  const walk = (v: unknown, key: string, depth: number): void => {
    if (seen++ > MAX_WALK || depth > 6) return;
    if (typeof v === 'string') {
      if (IP_KEY.test(key)) b.addIp(v);
      return;
    }
    if (Array.isArray(v)) {
      for (const x of v.slice(0, 50)) walk(x, key, depth + 1);
      return;
    }
    const o = asObj(v);
    if (o) for (const [k, x] of Object.entries(o)) walk(x, k, depth + 1);
  };
  walk(data, '', 0);
}

/** The alert inside an indexer hit, or the object itself. */
export function unwrapHit(o: Obj): { doc: Obj; id: string | null; index: string | null } {
  const src = asObj(o._source);
  if (src) return { doc: src, id: text(o._id), index: text(o._index) };
  return { doc: o, id: null, index: null };
}

export function readWazuhAlert(item: unknown, ctx: ItemContext): ItemResult {
  const o = asObj(item);
  if (!o) return problem(ctx.index, ctx.path, 'not_an_object');
  const { doc: a } = unwrapHit(o);
  const rule = asObj(a.rule);
  if (!rule) return problem(ctx.index, ctx.path, 'not_an_alert', 'thiếu đối tượng "rule" của Wazuh', 'no Wazuh "rule" object');

  const b = new AlertBuilder('wazuh', item);
  const ruleId = text(rule.id);
  b.title = firstText(rule.description) ?? `Wazuh rule ${ruleId ?? '?'}`;
  const fullLog = text(a.full_log);
  const previous = text(a.previous_output);
  b.description = [fullLog, previous ? `previous_output:\n${previous}` : null].filter((x) => x !== null).join('\n\n');

  const t = readTime(a.timestamp ?? a['@timestamp'], { receivedAt: ctx.receivedAt });
  b.occurredAt = t.date;
  if (t.date === null && t.text !== null) b.label('time_unparsed', t.text);

  b.severity = mapWazuhLevel(rule.level);
  if (rule.level !== undefined) b.sourceSeverity = `rule.level=${text(rule.level) ?? ''}`;

  const agent = asObj(a.agent);
  b.agent = { id: text(agent?.id), name: text(agent?.name), ip: text(agent?.ip) };
  b.addIp(agent?.ip);
  b.addHostname(agent?.name);
  b.addHostname(get(a, 'predecoder', 'hostname'));
  collectDataIps(b, a.data);

  b.ruleId = ruleId;
  const groups = Array.isArray(rule.groups) ? rule.groups.map((g) => text(g)).filter((g): g is string => g !== null) : [];
  // the rule's own <group> entries come after the group of its file ("syslog"): the last is the most specific
  b.category = groups.at(-1) ?? null;

  b.label('rule.groups', groups);
  const mitre = asObj(rule.mitre);
  b.label('rule.mitre.id', mitre?.id);
  b.label('rule.mitre.tactic', mitre?.tactic);
  b.label('rule.mitre.technique', mitre?.technique);
  b.label('rule.firedtimes', rule.firedtimes);
  for (const k of ['pci_dss', 'gdpr', 'hipaa', 'nist_800_53', 'tsc', 'gpg13']) b.label(`rule.${k}`, rule[k]);
  b.label('decoder.name', get(a, 'decoder', 'name'));
  b.label('location', a.location);
  b.label('manager.name', get(a, 'manager', 'name'));
  b.label('cluster.node', get(a, 'cluster', 'node'));
  b.labelsFrom(a.data, 'data.');

  const alertId = text(a.id);
  b.dedupKey =
    alertId !== null
      ? dedupKeyOf('wazuh', b.agent.id !== null ? [alertId, b.agent.id] : [alertId])
      : `wazuh:${sha256Hex([text(a.timestamp), ruleId, b.agent.id, fullLog])}`;
  return b.build();
}

export function readShuffleBody(item: unknown, ctx: ItemContext): ItemResult {
  const o = asObj(item);
  if (!o) return problem(ctx.index, ctx.path, 'not_an_object');
  const all = asObj(o.all_fields);
  if (all && asObj(all.rule)) {
    const r = readWazuhAlert(all, ctx);
    if ('code' in r) return r;
    return fromShuffle(r, o);
  }
  // all_fields stripped (by <options>, or a proxy): what the top-level fields alone say
  const b = new AlertBuilder('wazuh_shuffle', item);
  const title = text(o.title);
  b.title = title !== null && title !== 'N/A' ? title : `Wazuh rule ${text(o.rule_id) ?? '?'}`;
  b.description = typeof o.text === 'string' ? o.text : '';
  const t = readTime(o.timestamp, { receivedAt: ctx.receivedAt });
  b.occurredAt = t.date;
  if (t.date === null && t.text !== null) b.label('time_unparsed', t.text);
  b.severity = mapShuffleSeverity(o.severity);
  if (o.severity !== undefined) b.sourceSeverity = `severity=${text(o.severity) ?? ''}`;
  b.ruleId = text(o.rule_id);
  const id = text(o.id);
  if (id === null && b.ruleId === null)
    return problem(ctx.index, ctx.path, 'not_an_alert', 'không có "id", "rule_id" hay "all_fields"', 'no "id", "rule_id" or "all_fields"');
  b.dedupKey = id !== null ? dedupKeyOf('wazuh', [id]) : `wazuh:${sha256Hex([text(o.timestamp), b.ruleId, b.description])}`;
  return b.build();
}

function fromShuffle(a: NormalisedAlert, body: Obj): NormalisedAlert {
  const id = text(body.id);
  const alertId = text(get(body, 'all_fields', 'id'));
  // the body's id is the alert's id; should <options> have overridden it, keep the body's, as the sender asked
  const dedupKey = id !== null && id !== alertId ? dedupKeyOf('wazuh', a.agent.id !== null ? [id, a.agent.id] : [id]) : a.dedupKey;
  return { ...a, format: 'wazuh_shuffle', dedupKey, raw: body };
}

/** Unwraps search answers ({ hits: { hits: [...] } }) and arrays into items. */
export function itemsOf(body: unknown): { items: unknown[]; pathOf: (i: number) => string; single: boolean } {
  if (Array.isArray(body)) return { items: body, pathOf: (i) => `[${i}]`, single: false };
  const hits = get(body, 'hits', 'hits');
  if (Array.isArray(hits)) return { items: hits, pathOf: (i) => `hits.hits[${i}]`, single: false };
  return { items: [body], pathOf: () => '', single: true };
}

export function parseWazuhBody(body: unknown, opts?: ParseAlertOptions): AlertParse {
  const { items, pathOf, single } = itemsOf(body);
  return readBatch(items, opts, pathOf, readWazuhAlert, single ? () => null : (i) => i);
}

export function parseShuffleBody(body: unknown, opts?: ParseAlertOptions): AlertParse {
  const { items, pathOf, single } = itemsOf(body);
  return readBatch(items, opts, pathOf, readShuffleBody, single ? () => null : (i) => i);
}
