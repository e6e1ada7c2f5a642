import { type ItemContext, type ItemResult, readBatch } from './batch.js';
import { AlertBuilder, canonicalIp, firstText, problem, sha256Hex } from './build.js';
import { mapCefSeverity, mapSyslogSeverity } from './severity.js';
import { parseSyslog } from './syslog.js';
import { readTime } from './time.js';
import type { AlertParse, NormalisedAlert, ParseAlertOptions, ParseSyslogOptions, SyslogMessage } from './types.js';

const FACILITIES = [
  'kern', 'user', 'mail', 'daemon', 'auth', 'syslog', 'lpr', 'news', 'uucp', 'cron', 'authpriv', 'ftp', 'ntp', 'security', 'console', 'solaris-cron',
  'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7',
]; // prettier-ignore

// CEF keys that hold addresses and host names (ArcSight "Implementing ArcSight CEF", key names table)
const CEF_IP_KEYS = ['src', 'dst', 'dvc', 'sourceTranslatedAddress', 'destinationTranslatedAddress', 'deviceTranslatedAddress', 'c6a1', 'c6a2', 'c6a3', 'c6a4'];
const CEF_HOST_KEYS = ['shost', 'dhost', 'dvchost', 'deviceExternalId'];

const V4_IN_TEXT = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])/g;
const V6_IN_TEXT = /(?<![0-9A-Fa-f:])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?![0-9A-Fa-f:])/g;

/** Addresses written in free text ("Invalid user paco from 172.17.1.1 port 56404"), validated one by one. */
function ipsInText(b: AlertBuilder, s: string): void {
  const head = s.slice(0, 8000);
  let found = 0;
  for (const re of [V4_IN_TEXT, V6_IN_TEXT])
    for (const m of head.matchAll(re)) {
      // "::" alone and times like 12:29:18 are not addresses worth keeping
      if (m[0] === '::' || ++found > 20) continue;
      b.addIp(m[0]);
    }
}

/** A syslog message as an alert: one line, one alert, firing (syslog has no resolve). */
export function syslogToAlert(m: SyslogMessage, opts: ParseSyslogOptions = {}): NormalisedAlert {
  const b = new AlertBuilder('syslog', m.raw);
  const cef = m.cef;
  if (m.timestampText !== null && m.timestamp === null) b.label('time_unparsed', m.timestampText);
  b.occurredAt = m.timestamp;
  if (cef) {
    b.severity = mapCefSeverity(cef.severity);
    b.sourceSeverity = `cef.severity=${cef.severity}`;
    const rt = cef.extensions.rt ?? cef.extensions.end ?? cef.extensions.start;
    if (b.occurredAt === null && rt !== undefined) {
      const t = readTime(rt, { epoch: true, receivedAt: opts.receivedAt, assumeOffsetMinutes: opts.assumeOffsetMinutes });
      b.occurredAt = t.date;
      if (t.date === null && t.text !== null) b.label('time_unparsed', t.text);
    }
  } else if (m.severity !== null) {
    b.severity = mapSyslogSeverity(m.severity);
    b.sourceSeverity = `severity=${m.severity}`;
  }

  const firstLine = m.message.split('\n', 1)[0]!.trim();
  b.title = cef ? (firstText(cef.name, `${cef.vendor} ${cef.product} ${cef.signatureId}`) ?? '') : firstLine;
  if (b.title === '') b.title = `${m.appName ?? 'syslog'} message from ${m.hostname ?? 'unknown host'}`;
  b.description = m.message;

  const hostIp = canonicalIp(m.hostname);
  b.agent = { id: null, name: m.hostname, ip: hostIp };
  b.addIp(hostIp);
  b.addHostname(m.hostname);
  if (cef) {
    for (const k of CEF_IP_KEYS) b.addIp(cef.extensions[k]);
    for (const k of CEF_HOST_KEYS) b.addHostname(cef.extensions[k]);
  }
  ipsInText(b, cef ? (cef.extensions.msg ?? '') : m.message);

  b.ruleId = cef ? firstText(cef.signatureId) : m.msgId;
  b.category = cef ? firstText(cef.extensions.cat, `${cef.vendor} ${cef.product}`.trim()) : m.appName;

  if (m.parseError !== null) b.label('parse_error', m.parseError);
  b.label('syslog.format', m.format);
  if (m.facility !== null) b.label('syslog.facility', FACILITIES[m.facility] ?? String(m.facility));
  b.label('syslog.app', m.appName);
  b.label('syslog.procid', m.procId);
  b.label('syslog.msgid', m.msgId);
  if (cef) {
    b.label('cef.vendor', cef.vendor);
    b.label('cef.product', cef.product);
    b.label('cef.version', cef.version);
    for (const [k, v] of Object.entries(cef.extensions)) b.label(`cef.${k}`, v);
  }
  for (const [id, params] of Object.entries(m.structuredData)) for (const [k, v] of Object.entries(params)) b.label(`sd.${id}.${k}`, v);

  b.dedupKey = `syslog:${sha256Hex([m.hostname, m.appName, m.msgId, m.timestamp?.toISOString() ?? m.timestampText, m.message])}`;
  return b.build();
}

function readSyslogItem(item: unknown, ctx: ItemContext): ItemResult {
  if (typeof item !== 'string') return problem(ctx.index, ctx.path, 'invalid_field', 'phải là một dòng syslog (chuỗi)', 'must be a syslog line (a string)');
  return syslogToAlert(parseSyslog(item, { receivedAt: ctx.receivedAt }), { receivedAt: ctx.receivedAt });
}

/** A text body (one syslog line a line, blank lines skipped) or an array of lines. */
export function parseSyslogBody(body: unknown, opts?: ParseAlertOptions): AlertParse {
  if (typeof body === 'string') {
    const lines = body.split(/\r?\n/);
    const kept: number[] = [];
    lines.forEach((l, i) => {
      if (l.trim() !== '') kept.push(i);
    });
    if (kept.length === 0) return { alerts: [], problems: [problem(null, '', 'empty_body')] };
    return readBatch(
      kept.map((i) => lines[i]),
      opts,
      () => '',
      readSyslogItem,
      (j) => kept[j]!,
    );
  }
  if (Array.isArray(body)) return readBatch(body, opts, (i) => `[${i}]`, readSyslogItem);
  return { alerts: [], problems: [problem(null, '', 'invalid_field', 'phải là văn bản syslog', 'must be syslog text')] };
}
