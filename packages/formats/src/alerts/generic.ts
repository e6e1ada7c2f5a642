import { type ItemContext, type ItemResult, joinPath, readBatch } from './batch.js';
import { AlertBuilder, asObj, dedupKeyOf, firstText, problem, sha256Hex, text } from './build.js';
import { mapGenericSeverity } from './severity.js';
import { readTime } from './time.js';
import type { AlertParse, ParseAlertOptions } from './types.js';

/**
 * Khiên's own JSON alert, for senders with no format of their own (scripts, small tools):
 * { id?, source?, title, description?, severity?, occurredAt? | time?, status?, host?: { name?, ip?, agentId? },
 *   ips?, hostnames?, ruleId?, category?, labels? } — one object, an array of them, or { alerts: [...] }.
 * Only `title` is required; a field of the wrong type is ignored rather than failing the alert,
 * except the title, without which there is nothing to show a person.
 */

export function readGenericItem(item: unknown, ctx: ItemContext): ItemResult {
  const o = asObj(item);
  if (!o) return problem(ctx.index, ctx.path, 'not_an_object');
  if (o.title === undefined || o.title === null) return problem(ctx.index, joinPath(ctx.path, 'title'), 'missing_field', 'title');
  const title = typeof o.title === 'string' ? o.title.trim() : '';
  if (title === '')
    return problem(ctx.index, joinPath(ctx.path, 'title'), 'invalid_field', '"title" phải là chuỗi văn bản không rỗng', '"title" must be a non-empty string');

  const b = new AlertBuilder('generic', item);
  b.title = title;
  if (typeof o.description === 'string') b.description = o.description;

  const timeField = o.occurredAt !== undefined ? 'occurredAt' : o.time !== undefined ? 'time' : o.timestamp !== undefined ? 'timestamp' : null;
  if (timeField !== null) {
    const t = readTime(o[timeField], { epoch: true, receivedAt: ctx.receivedAt });
    b.occurredAt = t.date;
    if (t.date === null && t.text !== null) b.label('time_unparsed', t.text);
  }

  if (o.severity !== undefined && o.severity !== null) {
    b.severity = mapGenericSeverity(o.severity);
    b.sourceSeverity = `severity=${text(o.severity) ?? JSON.stringify(o.severity)?.slice(0, 50) ?? ''}`;
  }
  const status = text(o.status)?.toLowerCase();
  b.status = status === 'resolved' || status === 'ok' || status === 'closed' ? 'resolved' : 'firing';

  const host = asObj(o.host);
  const hostName = firstText(host?.name, host?.hostname, typeof o.host === 'string' ? o.host : undefined);
  b.agent = { id: firstText(host?.agentId, host?.id), name: hostName, ip: text(host?.ip) };
  b.addIp(host?.ip);
  b.addHostname(hostName);
  if (Array.isArray(o.ips)) for (const ip of o.ips.slice(0, 1000)) b.addIp(ip);
  if (Array.isArray(o.hostnames)) for (const h of o.hostnames.slice(0, 1000)) b.addHostname(h);
  b.ruleId = text(o.ruleId);
  b.category = text(o.category);

  const source = text(o.source);
  if (source !== null) b.label('source', source);
  b.labelsFrom(o.labels);

  const id = text(o.id);
  b.dedupKey =
    id !== null
      ? dedupKeyOf('generic', [id])
      : `generic:${sha256Hex([source, title.toLowerCase(), hostName?.toLowerCase() ?? text(host?.ip), b.occurredAt?.toISOString() ?? null])}`;
  return b.build();
}

/** A generic body: one alert, a top-level array, or { alerts: [...] }. */
export function parseGenericBody(body: unknown, opts?: ParseAlertOptions): AlertParse {
  if (Array.isArray(body)) return readBatch(body, opts, (i) => `[${i}]`, readGenericItem);
  const o = asObj(body);
  if (o && Array.isArray(o.alerts) && o.title === undefined) return readBatch(o.alerts, opts, (i) => `alerts[${i}]`, readGenericItem);
  return readBatch(
    [body],
    opts,
    () => '',
    readGenericItem,
    () => null,
  );
}
