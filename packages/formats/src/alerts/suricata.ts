import { type ItemContext, type ItemResult, readBatch } from './batch.js';
import { AlertBuilder, asObj, dedupKeyOf, firstText, get, problem, sha256Hex, text } from './build.js';
import { mapSuricataSeverity } from './severity.js';
import { readTime } from './time.js';
import type { AlertParse, ParseAlertOptions } from './types.js';

/**
 * Suricata EVE JSON, event_type "alert" (doc/userguide/output/eve/eve-json-format.rst):
 * { timestamp: "2024-01-01T00:00:00.123456+0000", flow_id, in_iface, event_type, src_ip, src_port,
 *   dest_ip, dest_port, proto, app_proto, host?, alert: { action, gid, signature_id, rev, signature,
 *   category, severity, metadata? } }. Other event types (flow, dns, http, stats…) are not alerts:
 * an eve.json read line by line reports them as not_an_alert, which the server may ignore by code.
 */

export function readSuricataEvent(item: unknown, ctx: ItemContext): ItemResult {
  const e = asObj(item);
  if (!e) return problem(ctx.index, ctx.path, 'not_an_object');
  const eventType = text(e.event_type);
  const alert = asObj(e.alert);
  if (eventType !== 'alert' || !alert)
    return problem(ctx.index, ctx.path, 'not_an_alert', `event_type "${eventType ?? ''}" không phải "alert"`, `event_type "${eventType ?? ''}" is not "alert"`);

  const b = new AlertBuilder('suricata', item);
  const sid = text(alert.signature_id);
  b.title = firstText(alert.signature) ?? `Suricata signature ${sid ?? '?'}`;
  const category = text(alert.category);
  const proto = text(e.proto);
  const end = (ip: unknown, port: unknown) => `${text(ip) ?? '?'}${text(port) !== null ? `:${text(port)}` : ''}`;
  b.description = [
    category,
    `${proto ?? ''} ${end(e.src_ip, e.src_port)} → ${end(e.dest_ip, e.dest_port)}`.trim(),
    text(alert.action) !== null ? `action: ${text(alert.action)}` : null,
  ]
    .filter((x) => x !== null)
    .join('\n');

  const ts = text(e.timestamp);
  const t = readTime(e.timestamp, { receivedAt: ctx.receivedAt });
  b.occurredAt = t.date;
  if (t.date === null && t.text !== null) b.label('time_unparsed', t.text);

  b.severity = mapSuricataSeverity(alert);
  if (alert.severity !== undefined) b.sourceSeverity = `alert.severity=${text(alert.severity) ?? ''}`;

  const sensor = text(e.host);
  b.agent = { id: null, name: sensor, ip: null };
  b.addIp(e.src_ip);
  b.addIp(e.dest_ip);
  b.addIp(get(alert, 'source', 'ip'));
  b.addIp(get(alert, 'target', 'ip'));
  b.addHostname(sensor);
  b.addHostname(get(e, 'http', 'hostname'));
  b.addHostname(get(e, 'tls', 'sni'));

  b.ruleId = sid;
  b.category = category;
  for (const k of ['proto', 'app_proto', 'in_iface', 'src_port', 'dest_port', 'community_id', 'flow_id']) b.label(k, e[k]);
  for (const k of ['action', 'gid', 'rev']) b.label(`alert.${k}`, alert[k]);
  b.labelsFrom(alert.metadata, 'alert.metadata.');

  const flowId = text(e.flow_id);
  b.dedupKey =
    flowId !== null && sid !== null
      ? dedupKeyOf('suricata', [flowId, sid, ts ?? ''])
      : `suricata:${sha256Hex([ts, sid, text(e.src_ip), text(e.src_port), text(e.dest_ip), text(e.dest_port)])}`;
  return b.build();
}

export function parseSuricataBody(body: unknown, opts?: ParseAlertOptions): AlertParse {
  if (Array.isArray(body)) return readBatch(body, opts, (i) => `[${i}]`, readSuricataEvent);
  return readBatch(
    [body],
    opts,
    () => '',
    readSuricataEvent,
    () => null,
  );
}
