import { type ItemContext, type ItemResult, merge, readBatch } from './batch.js';
import { AlertBuilder, asObj, canonicalIp, dedupKeyOf, firstText, type Obj, problem, sha256Hex, text } from './build.js';
import { mapSeverityWord } from './severity.js';
import { readTime } from './time.js';
import type { AlertParse, ParseAlertOptions } from './types.js';

/**
 * Prometheus Alertmanager webhook, payload version 4 (docs/configuration.md `<webhook_config>`):
 * { version: "4", groupKey, truncatedAlerts, status, receiver, groupLabels, commonLabels, commonAnnotations,
 *   externalURL, alerts: [{ status, labels, annotations, startsAt, endsAt, generatorURL, fingerprint }] }.
 * Grafana's webhook contact point sends the same shape (version "1") with more per alert; grafana.ts adds that.
 *
 * One notification carries the group's alerts, firing and resolved together; each becomes an alert.
 * The dedup key is fingerprint + startsAt: the repeats of one firing keep startsAt, so they keep the key,
 * and so does the resolved notification (the server marks that alert resolved); the same labels firing
 * again after a resolve start a new startsAt, so a new alert.
 */

/** "host:9100", "[::1]:9100", "10.0.0.1:9100" → the host part. */
export function hostOfInstance(v: unknown): string | null {
  const s = text(v);
  if (s === null) return null;
  const bracket = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracket) return bracket[1]!;
  const m = /^([^:/\s]+):\d{1,5}$/.exec(s);
  return m ? m[1]! : s;
}

function stringMap(v: unknown): Obj {
  return asObj(v) ?? {};
}

/** Labels in byte order, as a stand-in for Alertmanager's fingerprint when a sender leaves it out. */
function labelsKey(labels: Obj): string {
  return sha256Hex(
    Object.keys(labels)
      .sort()
      .map((k) => `${k}=${text(labels[k]) ?? ''}`),
  ).slice(0, 16);
}

export interface PromAlertExtras {
  /** Extra description lines and labels a sender adds (Grafana's values, silenceURL…). */
  extend?: (b: AlertBuilder, alert: Obj, body: Obj) => void;
  ruleIdOf?: (alert: Obj, labels: Obj) => string | null;
}

export function readPromAlert(format: 'alertmanager' | 'grafana', body: Obj, extras: PromAlertExtras = {}) {
  return (item: unknown, ctx: ItemContext): ItemResult => {
    const a = asObj(item);
    if (!a) return problem(ctx.index, ctx.path, 'not_an_object');
    const labels = stringMap(a.labels);
    const annotations = stringMap(a.annotations);
    const common = stringMap(body.commonAnnotations);
    if (Object.keys(labels).length === 0 && text(a.fingerprint) === null)
      return problem(ctx.index, ctx.path, 'not_an_alert', 'cảnh báo không có "labels" lẫn "fingerprint"', 'an alert with neither "labels" nor "fingerprint"');

    const b = new AlertBuilder(format, item);
    const startsAt = readTime(a.startsAt, { receivedAt: ctx.receivedAt });
    b.occurredAt = startsAt.date;
    if (startsAt.date === null && startsAt.text !== null) b.label('time_unparsed', startsAt.text);
    const status = (text(a.status) ?? text(body.status) ?? 'firing').toLowerCase();
    b.status = status === 'resolved' ? 'resolved' : 'firing';
    const endsAt = readTime(a.endsAt, { receivedAt: ctx.receivedAt });
    // firing alerts carry Go's zero time 0001-01-01T00:00:00Z (or a provisional end): only a resolve has a real one
    if (b.status === 'resolved' && endsAt.date !== null) b.label('ends_at', endsAt.date.toISOString());
    const truncated = typeof body.truncatedAlerts === 'number' ? body.truncatedAlerts : 0;
    if (truncated > 0) b.label('truncated_alerts', truncated);

    const alertname = text(labels.alertname);
    const summary = firstText(annotations.summary, annotations.title, common.summary);
    b.title = alertname !== null && summary !== null && !summary.includes(alertname) ? `${alertname}: ${summary}` : (summary ?? alertname ?? `${format} alert`);
    const lines: string[] = [];
    const main = firstText(annotations.description, annotations.message, common.description);
    if (main !== null) lines.push(main);
    for (const [k, v] of Object.entries(annotations)) {
      if (['summary', 'title', 'description', 'message'].includes(k)) continue;
      const t = text(v);
      if (t !== null) lines.push(`${k}: ${t}`);
    }
    const generator = text(a.generatorURL);
    if (generator !== null) lines.push(`generatorURL: ${generator}`);

    const sevKey = labels.severity !== undefined ? 'severity' : labels.priority !== undefined ? 'priority' : null;
    const sevValue = sevKey !== null ? labels[sevKey] : annotations.severity;
    b.severity = mapSeverityWord(sevValue);
    if (sevValue !== undefined) b.sourceSeverity = `${sevKey !== null ? 'labels' : 'annotations'}.${sevKey ?? 'severity'}=${text(sevValue) ?? ''}`;

    const instanceHost = hostOfInstance(labels.instance);
    const hostName = firstText(labels.hostname, labels.host, labels.nodename, labels.node, instanceHost);
    b.agent = { id: null, name: hostName, ip: canonicalIp(instanceHost) ?? canonicalIp(labels.ip) };
    for (const v of Object.values(labels)) b.addIp(v);
    b.addIp(instanceHost);
    for (const k of ['hostname', 'host', 'nodename', 'node']) b.addHostname(labels[k]);
    b.addHostname(instanceHost);

    b.ruleId = extras.ruleIdOf ? extras.ruleIdOf(a, labels) : alertname;
    b.category = firstText(labels.category, labels.job, labels.team);
    extras.extend?.(b, a, body);
    b.description = lines.concat(b.description === '' ? [] : [b.description]).join('\n');

    b.labelsFrom(labels);
    b.label('receiver', body.receiver);

    const fingerprint = text(a.fingerprint) ?? labelsKey(labels);
    b.dedupKey = dedupKeyOf(format, [fingerprint, startsAt.date?.toISOString() ?? startsAt.text ?? '']);
    return b.build();
  };
}

function isPromBody(o: Obj): boolean {
  return Array.isArray(o.alerts);
}

/** One notification, or an array of them (a relay that batches); index = position in alerts[]. */
export function parsePromBody(format: 'alertmanager' | 'grafana', body: unknown, opts: ParseAlertOptions | undefined, extras?: PromAlertExtras): AlertParse {
  if (Array.isArray(body)) {
    const out: AlertParse = { alerts: [], problems: [] };
    body.slice(0, 100).forEach((b, i) => {
      const o = asObj(b);
      if (!o || !isPromBody(o)) out.problems.push(problem(i, `[${i}]`, 'missing_field', 'alerts'));
      else
        merge(
          out,
          readBatch(o.alerts as unknown[], opts, (j) => `[${i}].alerts[${j}]`, readPromAlert(format, o, extras)),
        );
    });
    if (body.length > 100) out.problems.push(problem(null, '', 'batch_too_large', `100 trên ${body.length} thông báo`, `100 of ${body.length} notifications`));
    return out;
  }
  const o = asObj(body);
  if (!o) return { alerts: [], problems: [problem(null, '', 'not_an_object')] };
  if (!isPromBody(o)) return { alerts: [], problems: [problem(null, 'alerts', 'missing_field', 'alerts')] };
  return readBatch(o.alerts as unknown[], opts, (j) => `alerts[${j}]`, readPromAlert(format, o, extras));
}

export function parseAlertmanagerBody(body: unknown, opts?: ParseAlertOptions): AlertParse {
  return parsePromBody('alertmanager', body, opts);
}
