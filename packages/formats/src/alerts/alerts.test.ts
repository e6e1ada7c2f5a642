import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fixtureJson, readFixture } from './alerts.test-support.js';
import {
  ALERT_SEVERITIES,
  detectAlertFormat,
  mapSeverity,
  parseAlertBody,
  parseAlertLines,
  signStandardWebhook,
  verifyGrafanaSignature,
  verifyStandardWebhook,
  type AlertParse,
  type NormalisedAlert,
} from './index.js';

function ok(r: AlertParse, n: number): NormalisedAlert[] {
  expect(r.problems).toEqual([]);
  expect(r.alerts).toHaveLength(n);
  return r.alerts;
}

describe('Alertmanager webhook v4', () => {
  const firing = fixtureJson('alertmanager-v4-firing.json');
  const resolved = fixtureJson('alertmanager-v4-resolved.json');

  it('gives one alert per alerts[] entry, with labels, times and hosts', () => {
    expect(detectAlertFormat(firing)).toBe('alertmanager');
    const [a, b] = ok(parseAlertBody(firing, 'auto'), 2) as [NormalisedAlert, NormalisedAlert];
    expect(a.format).toBe('alertmanager');
    expect(a.title).toBe('NodeFilesystemAlmostFull: Filesystem /var on 192.0.2.15:9100 has less than 5% space left');
    expect(a.severity).toBe('critical');
    expect(a.sourceSeverity).toBe('labels.severity=critical');
    expect(a.status).toBe('firing');
    expect(a.occurredAt?.toISOString()).toBe('2026-03-02T01:15:30.512Z');
    expect(a.agent).toEqual({ id: null, name: '192.0.2.15', ip: '192.0.2.15' });
    expect(a.ips).toEqual(['192.0.2.15']);
    expect(a.ruleId).toBe('NodeFilesystemAlmostFull');
    expect(a.category).toBe('node');
    expect(a.labels.mountpoint).toBe('/var');
    expect(a.labels.receiver).toBe('khien');
    expect(a.labels.ends_at).toBeUndefined();
    expect(a.description).toContain('has only 3.2% available space left');
    expect(a.description).toContain('runbook_url: https://runbooks.prometheus-operator.dev/');
    expect(a.dedupKey).toBe('alertmanager:7f3a0c9d2be41e58:2026-03-02T01:15:30.512Z');

    expect(b.severity).toBe('medium');
    expect(b.occurredAt?.toISOString()).toBe('2026-03-02T01:20:00.000Z');
    expect(b.hostnames).toEqual(['db-01.example.vn']);
    expect(b.ips).toEqual([]);
  });

  it('keeps the key for the repeat and the resolve of one firing, and changes it when it fires again', () => {
    const [first] = ok(parseAlertBody(firing, 'alertmanager'), 2);
    const again = ok(parseAlertBody(firing, 'alertmanager'), 2)[0]!;
    const [done] = ok(parseAlertBody(resolved, 'alertmanager'), 1);
    expect(again.dedupKey).toBe(first!.dedupKey);
    expect(done!.dedupKey).toBe(first!.dedupKey);
    expect(done!.status).toBe('resolved');
    expect(done!.labels.ends_at).toBe('2026-03-02T02:40:30.512Z');

    const refire = structuredClone(firing) as { alerts: { startsAt: string }[] };
    refire.alerts[0]!.startsAt = '2026-03-03T06:00:00Z';
    expect(ok(parseAlertBody(refire, 'alertmanager'), 2)[0]!.dedupKey).not.toBe(first!.dedupKey);
  });

  it('reports a bad entry by its index and reads the rest', () => {
    const body = structuredClone(firing) as { alerts: unknown[] };
    body.alerts.splice(1, 0, 'nope', {});
    const r = parseAlertBody(body, 'alertmanager');
    expect(r.alerts).toHaveLength(2);
    expect(r.problems.map((p) => [p.index, p.path, p.code])).toEqual([
      [1, 'alerts[1]', 'not_an_object'],
      [2, 'alerts[2]', 'not_an_alert'],
    ]);
  });
});

describe('Grafana webhook', () => {
  const body = fixtureJson('grafana-webhook.json');

  it('reads the Grafana extras: values, silence URL, bracketed IPv6 instance', () => {
    expect(detectAlertFormat(body)).toBe('grafana');
    const [a] = ok(parseAlertBody(body, 'auto'), 1);
    expect(a!.format).toBe('grafana');
    expect(a!.title).toBe('High CPU usage: CPU above 90% on web-02');
    expect(a!.severity).toBe('high');
    expect(a!.occurredAt?.toISOString()).toBe('2026-03-02T02:51:03.157Z');
    expect(a!.agent.ip).toBe('2001:db8::25');
    expect(a!.ips).toEqual(['2001:db8::25']);
    expect(a!.labels['value.B']).toBe('93.41');
    expect(a!.labels.orgId).toBe('1');
    expect(a!.labels.grafana_folder).toBe('Hạ tầng');
    expect(a!.description).toContain('values: B=93.41, C=1');
    expect(a!.description).toContain('silenceURL: https://grafana.example.vn/alerting/silence/new');
    expect(a!.dedupKey).toBe('grafana:bc97ff14869b13e3:2026-03-02T02:51:03.157Z');
  });
});

describe('Suricata EVE', () => {
  const text = readFixture('suricata-eve.jsonl');

  it('reads alert lines, reports other event types by line, skips blank lines', () => {
    const r = parseAlertLines(text, 'auto');
    expect(r.alerts).toHaveLength(3);
    expect(r.problems.map((p) => [p.index, p.code])).toEqual([[3, 'not_an_alert']]);
    const [trojan, stream, info] = r.alerts as [NormalisedAlert, NormalisedAlert, NormalisedAlert];
    expect(trojan.title).toBe('ET MALWARE BTGrab.com Spyware Downloading Ads');
    expect(trojan.severity).toBe('critical');
    expect(trojan.sourceSeverity).toBe('alert.severity=1');
    expect(trojan.occurredAt?.toISOString()).toBe('2026-03-02T03:27:09.534Z');
    expect(trojan.ips).toEqual(['198.51.100.23', '192.0.2.50']);
    expect(trojan.hostnames).toEqual(['ids-hn-01', 'ads.example.com']);
    expect(trojan.agent.name).toBe('ids-hn-01');
    expect(trojan.ruleId).toBe('2001999');
    expect(trojan.category).toBe('A Network Trojan was detected');
    expect(trojan.dedupKey).toBe('suricata:1676750115612680:2001999:2026-03-02T03:27:09.534255+0000');
    expect(trojan.description).toContain('TCP 198.51.100.23:1041 → 192.0.2.50:80');

    expect(stream.severity).toBe('low');
    expect(stream.occurredAt?.toISOString()).toBe('2026-03-02T03:28:44.081Z');
    expect(stream.ips).toEqual(['2001:db8::ab', '2001:db8::1']);
    expect(stream.hostnames).toContain('portal.example.vn');

    expect(info.severity).toBe('medium');
    expect(info.labels['alert.metadata.signature_severity']).toBe('Informational');
  });
});

describe('Wazuh 5.x findings', () => {
  it('reads a findings hit as posted by the monitor template', () => {
    const body = fixtureJson('wazuh5-finding-hit.json');
    expect(detectAlertFormat(body)).toBe('wazuh5');
    const [a] = ok(parseAlertBody(body, 'auto'), 1);
    expect(a!.format).toBe('wazuh5');
    expect(a!.title).toBe('SSH login attempt with non-existent user');
    expect(a!.severity).toBe('high');
    expect(a!.sourceSeverity).toBe('wazuh.rule.level=high');
    expect(a!.occurredAt?.toISOString()).toBe('2026-03-02T02:41:07.118Z');
    expect(a!.agent).toEqual({ id: '004', name: 'web-01', ip: '192.0.2.31' });
    expect(a!.ips).toEqual(['192.0.2.31', 'fe80::a00:27ff:fe4e:66a1', '203.0.113.77']);
    expect(a!.hostnames).toEqual(['web-01', 'web-01.example.vn']);
    expect(a!.ruleId).toBe('0b9e6c1d-5f7a-4e3b-9a51-3d2c8e4f7a10');
    expect(a!.category).toBe('access-management');
    expect(a!.labels['monitor.name']).toBe('Khiên — Wazuh findings');
    expect(a!.labels['wazuh.rule.mitre.technique']).toBe('T1110');
    expect(a!.dedupKey).toBe('wazuh5:Yk3hV5UBq1cR8x2n0pLm');
    expect(a!.description).toContain('Invalid user oracle from 203.0.113.77');
  });

  it('reads the bare _source the same, keyed by the event it copies', () => {
    const hit = fixtureJson('wazuh5-finding-hit.json') as { _source: unknown };
    const [a] = ok(parseAlertBody(hit._source, 'auto'), 1);
    expect(a!.title).toBe('SSH login attempt with non-existent user');
    expect(a!.dedupKey).toBe('wazuh5:Rz9gV5UBq1cR8x2nVZ0a:0b9e6c1d-5f7a-4e3b-9a51-3d2c8e4f7a10');
  });

  it('reads the field-by-field fallback template, where absent fields render as empty strings', () => {
    const rendered = {
      _index: 'wazuh-findings-v5-security',
      _id: '',
      _source: {
        '@timestamp': '2026-03-02T02:41:07.118Z',
        message: '',
        event: { original: 'raw log', action: '' },
        source: { ip: '' },
        destination: { ip: '192.0.2.9' },
        wazuh: {
          agent: { id: '004', name: 'web-01' },
          rule: { id: 'r-1', title: 'T', level: '', description: '' },
          integration: { name: '', category: 'security' },
        },
      },
      monitor: { name: 'm' },
      trigger: { name: 't', severity: '1' },
    };
    const [a] = ok(parseAlertBody(rendered, 'auto'), 1);
    expect(a).toMatchObject({ format: 'wazuh5', title: 'T', severity: 'medium', ips: ['192.0.2.9'], category: 'security', description: 'raw log' });
    expect(a!.dedupKey).toMatch(/^wazuh5:[0-9a-f]{64}$/);
  });

  it('reads the 5.0 draft nesting (top-level agent and ECS rule)', () => {
    const body = fixtureJson('wazuh5-alert-draft.json');
    expect(detectAlertFormat(body)).toBe('wazuh5');
    const [a] = ok(parseAlertBody(body, 'auto'), 1);
    expect(a!.title).toBe('Integrity checksum changed.');
    expect(a!.agent).toEqual({ id: '007', name: 'mail-01', ip: '198.51.100.40' });
    expect(a!.severity).toBe('medium');
    expect(a!.sourceSeverity).toBe('event.severity=7');
    expect(a!.occurredAt?.toISOString()).toBe('2025-01-15T01:30:00.000Z');
    expect(a!.category).toBe('syscheck');
  });
});

describe('Wazuh shuffle body (hand-made fixture)', () => {
  it('reads it through all_fields', () => {
    const body = fixtureJson('wazuh-shuffle-body.json');
    expect(detectAlertFormat(body)).toBe('wazuh_shuffle');
    const [a] = ok(parseAlertBody(body, 'auto'), 1);
    expect(a!.format).toBe('wazuh_shuffle');
    expect(a!.dedupKey).toBe('wazuh:1772420744.20345:002');
    expect(a!.severity).toBe('medium');
    expect(a!.occurredAt?.toISOString()).toBe('2026-03-02T03:05:44.671Z');
    expect(a!.agent).toEqual({ id: '002', name: 'app-02', ip: '192.0.2.42' });
    expect(a!.category).toBe('syscheck_file');
  });
});

describe('generic JSON alerts', () => {
  it('reads a batch, reporting the item without a title by index', () => {
    const r = parseAlertBody(fixtureJson('generic-batch.json'), 'auto');
    expect(r.problems.map((p) => [p.index, p.path, p.code])).toEqual([[2, 'alerts[2].title', 'missing_field']]);
    expect(r.problems[0]!.message.vi).toBe('Thiếu trường bắt buộc "title"');
    const [backup, ups, upsResolved] = r.alerts as [NormalisedAlert, NormalisedAlert, NormalisedAlert];
    expect(backup.dedupKey).toBe('generic:backup-7731');
    expect(backup.severity).toBe('high');
    expect(backup.occurredAt?.toISOString()).toBe('2026-03-01T19:14:00.000Z');
    expect(backup.ips).toEqual(['192.0.2.60', '2001:db8::60']);
    expect(backup.labels).toMatchObject({ source: 'backup-check.sh', team: 'ops', retry: '2', critical_path: 'true' });
    expect(ups.severity).toBe('high');
    expect(ups.occurredAt?.toISOString()).toBe('2026-03-02T00:40:00.000Z');
    expect(ups.dedupKey).toMatch(/^generic:[0-9a-f]{64}$/);
    expect(upsResolved.status).toBe('resolved');
    expect(upsResolved.severity).toBe('info');
    expect(upsResolved.occurredAt).toBeNull();
    expect(upsResolved.labels.time_unparsed).toBe('yesterday at noon');
  });

  it('reads a top-level array and a single object; the same content hashes alike', () => {
    const one = { title: 'Disk full', host: { name: 'a' }, occurredAt: '2026-01-01T00:00:00Z' };
    const r1 = parseAlertBody(one, 'generic');
    const r2 = parseAlertBody([one, one], 'generic');
    expect(ok(r2, 2)[0]!.dedupKey).toBe(ok(r1, 1)[0]!.dedupKey);
    expect(parseAlertBody({ ...one, title: '  ' }, 'generic').problems[0]!.code).toBe('invalid_field');
    expect(parseAlertBody({ ...one, title: 42 }, 'generic').problems[0]!.index).toBeNull();
  });

  it('reads the time forms: Z, +07:00, +0700, +07, epoch seconds and millis', () => {
    const times = [
      '2026-01-01T07:00:00+07:00',
      '2026-01-01T07:00:00+0700',
      '2026-01-01T07:00:00+07',
      '2026-01-01T00:00:00Z',
      1767225600,
      1767225600000,
      '1767225600',
    ];
    for (const t of times)
      expect(ok(parseAlertBody({ title: 't', time: t }, 'generic'), 1)[0]!.occurredAt?.toISOString(), String(t)).toBe('2026-01-01T00:00:00.000Z');
    for (const t of ['2026-02-30T00:00:00Z', '2026-01-01T25:00:00Z', '2026-01-01T00:00:00+25:00', '0001-01-01T00:00:00Z', true]) {
      const a = ok(parseAlertBody({ title: 't', occurredAt: t }, 'generic'), 1)[0]!;
      expect(a.occurredAt, String(t)).toBeNull();
      expect(a.labels.time_unparsed, String(t)).toBeDefined();
    }
  });

  it('caps a batch at 1,000 items with one batch_too_large problem', () => {
    const r = parseAlertBody({ alerts: Array.from({ length: 1005 }, (_, i) => ({ title: `a${i}` })) }, 'generic');
    expect(r.alerts).toHaveLength(1000);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ index: null, code: 'batch_too_large' });
    expect(r.problems[0]!.message.en).toContain('5 were ignored');
  });

  it('bounds labels, strings and keys', () => {
    const labels = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`k${i}${'x'.repeat(150)}`, 'v'.repeat(900)]));
    const [a] = ok(parseAlertBody({ id: 'i'.repeat(300), title: '🙂'.repeat(400), description: 'd'.repeat(9000), labels }, 'generic'), 1);
    expect(Object.keys(a!.labels)).toHaveLength(50);
    expect(a!.labels.labels_truncated).toBe('31');
    for (const [k, v] of Object.entries(a!.labels)) {
      expect(k.length).toBeLessThanOrEqual(100);
      expect(v.length).toBeLessThanOrEqual(500);
    }
    expect(a!.title.length).toBeLessThanOrEqual(500);
    expect(a!.title.endsWith('🙂')).toBe(true);
    expect(a!.description).toHaveLength(8000);
    expect(a!.dedupKey.length).toBeLessThanOrEqual(200);
  });
});

describe('parseAlertBody and parseAlertLines at the edges', () => {
  it('reports what it cannot read, bilingually', () => {
    expect(parseAlertBody(null, 'auto').problems[0]!.code).toBe('empty_body');
    expect(parseAlertBody({ foo: 1 }, 'auto').problems[0]).toEqual({
      index: null,
      path: '',
      code: 'format_unknown',
      message: { vi: 'Không nhận ra định dạng cảnh báo', en: 'Alert format not recognised' },
    });
    const r = parseAlertLines('{"title":"a"}\n\n{oops\n42\n', 'generic');
    expect(r.alerts).toHaveLength(1);
    expect(r.problems.map((p) => [p.index, p.code])).toEqual([
      [2, 'invalid_json'],
      [3, 'not_an_object'],
    ]);
    expect(parseAlertLines('\n \n', 'auto').problems[0]!.code).toBe('empty_body');
  });

  it('reads syslog lines among JSON lines in auto mode, and text bodies as syslog', () => {
    const r = parseAlertLines('<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - su failed\n{"title":"x"}', 'auto');
    expect(r.alerts.map((a) => a.format)).toEqual(['syslog', 'generic']);
    expect(detectAlertFormat('<13>May 11 12:29:18 host app: hi')).toBe('syslog');
    expect(detectAlertFormat('hello')).toBeNull();
    expect(ok(parseAlertBody('<13>May 11 12:29:18 host app: one\n\n<13>May 11 12:29:19 host app: two\n', 'syslog'), 2)[1]!.title).toBe('two');
  });
});

describe('severity tables', () => {
  it('orders the severities highest first', () => {
    expect(ALERT_SEVERITIES).toEqual(['critical', 'high', 'medium', 'low', 'info']);
  });

  it('maps each format as documented', () => {
    const wazuh = Array.from({ length: 17 }, (_, l) => mapSeverity('wazuh', l));
    expect(wazuh).toEqual([
      'info',
      'info',
      'info',
      'info',
      'low',
      'low',
      'low',
      'medium',
      'medium',
      'medium',
      'high',
      'high',
      'high',
      'critical',
      'critical',
      'critical',
      'critical',
    ]);
    expect([1, 2, 3, 4].map((s) => mapSeverity('suricata', s))).toEqual(['high', 'medium', 'low', 'info']);
    expect(mapSeverity('suricata', { severity: 1, category: 'Malware Command and Control Activity Detected' })).toBe('critical');
    expect(Array.from({ length: 8 }, (_, s) => mapSeverity('syslog', s))).toEqual([
      'critical',
      'critical',
      'critical',
      'high',
      'medium',
      'low',
      'info',
      'info',
    ]);
    expect(['critical', 'page', 'P1', 'error', 'major', 'warning', 'warn', 'minor', 'none', 'info', 'weird', undefined].map((v) => mapSeverity('alertmanager', v))).toEqual([
      'critical', 'critical', 'critical', 'high', 'high', 'medium', 'medium', 'low', 'info', 'info', 'medium', 'medium',
    ]); // prettier-ignore
    expect([1, 2, 3, 4, 5, 'low', 'CRITICAL'].map((v) => mapSeverity('generic', v))).toEqual(['critical', 'high', 'medium', 'low', 'info', 'low', 'critical']);
    expect([1, 2, 3].map((v) => mapSeverity('wazuh_shuffle', v))).toEqual(['low', 'medium', 'high']);
    expect(['informational', 'low', 'medium', 'high', 'critical', 12].map((v) => mapSeverity('wazuh5', v))).toEqual([
      'info',
      'low',
      'medium',
      'high',
      'critical',
      'high',
    ]);
  });
});

describe('Standard Webhooks', () => {
  // the signing test vector of the spec's reference libraries (libraries/go/webhook_test.go TestWebhookSign)
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
  const ts = 1614265330;
  const body = '{"test": 2432232314}';

  it('matches the published test vector', () => {
    expect(signStandardWebhook(secret, id, ts, body)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
    expect(signStandardWebhook('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', id, ts, body)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('verifies its own signatures within tolerance, among several, and nothing else', () => {
    const sig = signStandardWebhook(secret, id, ts, body);
    const headers = { 'Webhook-Id': id, 'webhook-timestamp': String(ts), 'webhook-signature': `v1,bm9wZQ== ${sig}` };
    expect(verifyStandardWebhook(secret, headers, body, { nowSeconds: ts + 299 })).toBe(true);
    expect(verifyStandardWebhook(secret, headers, body, { nowSeconds: ts + 301 })).toBe(false);
    expect(verifyStandardWebhook(secret, headers, `${body} `, { nowSeconds: ts })).toBe(false);
    expect(verifyStandardWebhook('whsec_c2VjcmV0', headers, body, { nowSeconds: ts })).toBe(false);
    expect(verifyStandardWebhook(secret, { ...headers, 'webhook-signature': sig.replace('v1,', 'v2,') }, body, { nowSeconds: ts })).toBe(false);
    expect(verifyStandardWebhook(secret, { ...headers, 'webhook-id': undefined, 'Webhook-Id': undefined }, body, { nowSeconds: ts })).toBe(false);
    expect(verifyStandardWebhook('not base64!', headers, body, { nowSeconds: ts })).toBe(false);
    expect(() => signStandardWebhook('not base64!', id, ts, body)).toThrow(TypeError);
  });
});

describe('Grafana HMAC signature', () => {
  const body = readFixture('grafana-webhook.json');
  const hex = (s: string) => createHmac('sha256', 'grafana-secret').update(s).digest('hex');

  it('checks the body, or timestamp:body when a timestamp header is configured', () => {
    expect(verifyGrafanaSignature('grafana-secret', { 'x-grafana-alerting-signature': hex(body) }, body)).toBe(true);
    expect(verifyGrafanaSignature('grafana-secret', { 'X-Grafana-Alerting-Signature': hex(body).toUpperCase() }, body)).toBe(true);
    expect(verifyGrafanaSignature('other', { 'x-grafana-alerting-signature': hex(body) }, body)).toBe(false);
    expect(verifyGrafanaSignature('grafana-secret', {}, body)).toBe(false);
    const headers = { 'x-sig': hex(`1772420000:${body}`), 'x-ts': '1772420000' };
    expect(verifyGrafanaSignature('grafana-secret', headers, body, { header: 'X-Sig', timestampHeader: 'X-Ts' })).toBe(true);
    expect(
      verifyGrafanaSignature('grafana-secret', headers, body, { header: 'X-Sig', timestampHeader: 'X-Ts', toleranceSeconds: 60, nowSeconds: 1772420100 }),
    ).toBe(false);
    expect(verifyGrafanaSignature('grafana-secret', { 'x-sig': hex(body) }, body, { header: 'X-Sig', timestampHeader: 'X-Ts' })).toBe(false);
  });
});
