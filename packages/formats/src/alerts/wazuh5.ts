import { type ItemContext, type ItemResult, readBatch } from './batch.js';
import { AlertBuilder, asObj, dedupKeyOf, firstText, get, problem, sha256Hex, text } from './build.js';
import { mapWazuh5Level } from './severity.js';
import { readTime } from './time.js';
import { itemsOf, unwrapHit } from './wazuh.js';
import type { AlertParse, ParseAlertOptions } from './types.js';

/**
 * Wazuh 5.x has no alerts.json and no integratord: the engine indexes events into wazuh-events-v5-*,
 * Security Analytics detectors write the events that match a rule as findings into wazuh-findings-v5-*,
 * and the dashboard's Alerting plugin posts what a monitor's message template says to a webhook channel.
 *
 * The shape read here is the finding document of the Wazuh Common Schema (wazuh-indexer-plugins
 * wcs/stateless/events/findings): `@timestamp`, `message`, `event.*`, `wazuh.agent.{id,name,host.*}`,
 * `wazuh.rule.{id,title,level(keyword),description,category,tags,mitre.*}`, `wazuh.integration.*`,
 * ECS `source/destination/host/related`. Earlier 5.0 drafts (wazuh-alerts-5.x) nested the agent and
 * the rule at the top level (`agent.*`, ECS `rule.*`); both nestings are accepted because the 5.x schema
 * was still moving when this was written. Taken bare, as an indexer hit { _index, _id, _source }
 * (what integrations/wazuh5/monitor-webhook.json posts, with { monitor, trigger } beside it),
 * as an array, or as a search answer { hits: { hits } }.
 */

function values(v: unknown): unknown[] {
  return Array.isArray(v) ? v.slice(0, 100) : [v];
}

export function readWazuh5Finding(item: unknown, ctx: ItemContext): ItemResult {
  const o = asObj(item);
  if (!o) return problem(ctx.index, ctx.path, 'not_an_object');
  const { doc: d, id: hitId, index: hitIndex } = unwrapHit(o);
  const wz = asObj(d.wazuh);
  const wRule = asObj(wz?.rule);
  const eRule = asObj(d.rule);
  const wAgent = asObj(wz?.agent);
  const eAgent = asObj(d.agent);
  if (!wz && !eRule) return problem(ctx.index, ctx.path, 'not_an_alert', 'thiếu đối tượng "wazuh" hoặc "rule"', 'no "wazuh" or "rule" object');

  const b = new AlertBuilder('wazuh5', item);
  const original = firstText(get(d, 'event', 'original'), d.message);
  const ruleDescription = firstText(wRule?.description, eRule?.description);
  b.title = firstText(wRule?.title, wRule?.name, eRule?.name, ruleDescription, d.message) ?? 'Wazuh finding';
  b.description = [ruleDescription !== b.title ? ruleDescription : null, original].filter((x) => x !== null).join('\n\n');

  const t = readTime(d['@timestamp'] ?? get(d, 'event', 'created'), { receivedAt: ctx.receivedAt, epoch: true });
  b.occurredAt = t.date;
  if (t.date === null && t.text !== null) b.label('time_unparsed', t.text);

  // uncertain: the drafts carried no rule level; event.severity then is read as a 4.x level, the only numeric scale Wazuh had
  const levelField =
    wRule?.level !== undefined
      ? 'wazuh.rule.level'
      : eRule?.level !== undefined
        ? 'rule.level'
        : get(d, 'event', 'severity') !== undefined
          ? 'event.severity'
          : null;
  const level = wRule?.level ?? eRule?.level ?? get(d, 'event', 'severity');
  b.severity = mapWazuh5Level(level);
  if (levelField !== null) b.sourceSeverity = `${levelField}=${text(level) ?? ''}`;

  const agentId = firstText(wAgent?.id, eAgent?.id);
  const agentName = firstText(wAgent?.name, eAgent?.name);
  const agentIps = [...values(get(wAgent, 'host', 'ip')), ...values(get(eAgent, 'host', 'ip'))];
  b.agent = { id: agentId, name: agentName, ip: agentIps.map((x) => text(x)).find((x) => x !== null) ?? null };
  for (const ip of agentIps) b.addIp(ip);
  for (const path of [
    ['source', 'ip'],
    ['destination', 'ip'],
    ['client', 'ip'],
    ['server', 'ip'],
    ['host', 'ip'],
    ['related', 'ip'],
  ])
    for (const ip of values(get(d, ...path))) b.addIp(ip);
  b.addHostname(agentName);
  for (const path of [
    ['wazuh', 'agent', 'host', 'hostname'],
    ['agent', 'host', 'hostname'],
    ['host', 'hostname'],
    ['host', 'name'],
    ['related', 'hosts'],
  ])
    for (const h of values(get(d, ...path))) b.addHostname(h);

  b.ruleId = firstText(wRule?.id, wRule?.uuid, eRule?.id, eRule?.uuid);
  const eventCategory = values(get(d, 'event', 'category'));
  b.category = firstText(wRule?.category, eRule?.category, get(wz, 'integration', 'category'), eventCategory[0]);

  b.label('wazuh.integration.name', get(wz, 'integration', 'name'));
  b.label('wazuh.integration.category', get(wz, 'integration', 'category'));
  b.label('wazuh.rule.tags', wRule?.tags);
  b.label('wazuh.rule.mitre.tactic', get(wRule, 'mitre', 'tactic', 'id'));
  b.label('wazuh.rule.mitre.technique', get(wRule, 'mitre', 'technique', 'id'));
  b.label('wazuh.rule.status', wRule?.status);
  b.label('wazuh.cluster.node', get(wz, 'cluster', 'node'));
  b.label('event.action', get(d, 'event', 'action'));
  b.label('event.category', eventCategory);
  b.label('event.outcome', get(d, 'event', 'outcome'));
  b.label('user.name', get(d, 'user', 'name'));
  b.label('index', hitIndex);
  b.label('monitor.name', get(o, 'monitor', 'name'));
  b.label('trigger.name', get(o, 'trigger', 'name'));
  b.label('trigger.severity', get(o, 'trigger', 'severity'));

  const eventId = text(get(d, 'event', 'id'));
  const docId = text(get(d, 'event', 'doc_id'));
  if (hitId !== null) b.dedupKey = dedupKeyOf('wazuh5', [hitId]);
  else if (eventId !== null) b.dedupKey = dedupKeyOf('wazuh5', [eventId, b.ruleId ?? '']);
  else if (docId !== null) b.dedupKey = dedupKeyOf('wazuh5', [docId, b.ruleId ?? '']);
  else b.dedupKey = `wazuh5:${sha256Hex([text(d['@timestamp']), b.ruleId, agentId, original])}`;
  return b.build();
}

export function parseWazuh5Body(body: unknown, opts?: ParseAlertOptions): AlertParse {
  const { items, pathOf, single } = itemsOf(body);
  return readBatch(items, opts, pathOf, readWazuh5Finding, single ? () => null : (i) => i);
}
