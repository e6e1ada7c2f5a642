import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureJson, readSharedData, toShuffleBody } from './alerts.test-support.js';
import {
  ALERT_FORMATS,
  ALERT_LIMITS,
  ALERT_SEVERITIES,
  detectAlertFormat,
  mapSeverity,
  parseAlertBody,
  parseAlertLines,
  parseSyslog,
  signStandardWebhook,
  SyslogFrameDecoder,
  syslogToAlert,
  verifyGrafanaSignature,
  verifyStandardWebhook,
  type AlertParse,
  type NormalisedAlert,
} from './index.js';

const WAZUH = JSON.parse(readSharedData('wazuh/alerts_from_wazuh_tests.jsonl').split('\n')[0]!) as Parameters<typeof toShuffleBody>[0];
const SEEDS: unknown[] = [
  WAZUH,
  toShuffleBody(WAZUH),
  fixtureJson('alertmanager-v4-firing.json'),
  fixtureJson('grafana-webhook.json'),
  fixtureJson('wazuh5-finding-hit.json'),
  fixtureJson('wazuh5-alert-draft.json'),
  fixtureJson('wazuh-shuffle-body.json'),
  fixtureJson('generic-batch.json'),
];

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function boundsHold(a: NormalisedAlert): boolean {
  const labels = Object.entries(a.labels);
  const strings = [a.title, a.description, a.dedupKey, ...labels.flat()];
  return (
    ALERT_FORMATS.includes(a.format) &&
    ALERT_SEVERITIES.includes(a.severity) &&
    (a.status === 'firing' || a.status === 'resolved') &&
    a.title.length > 0 &&
    a.title.length <= ALERT_LIMITS.title &&
    a.description.length <= ALERT_LIMITS.description &&
    a.dedupKey.length > 0 &&
    a.dedupKey.length <= ALERT_LIMITS.dedupKey &&
    labels.length <= ALERT_LIMITS.labelKeys &&
    labels.every(([k, v]) => typeof v === 'string' && k.length <= ALERT_LIMITS.labelKey && v.length <= ALERT_LIMITS.labelValue) &&
    a.ips.length <= ALERT_LIMITS.ips &&
    new Set(a.ips).size === a.ips.length &&
    a.hostnames.length <= ALERT_LIMITS.hostnames &&
    (a.occurredAt === null || Number.isFinite(a.occurredAt.getTime())) &&
    (a.agent.ip === null || typeof a.agent.ip === 'string') &&
    strings.every((s) => !LONE_SURROGATE.test(s))
  );
}

function allBoundsHold(r: AlertParse): boolean {
  return (
    Array.isArray(r.alerts) &&
    Array.isArray(r.problems) &&
    r.alerts.every(boundsHold) &&
    r.problems.every((p) => p.message.vi.length > 0 && p.message.en.length > 0 && (p.index === null || Number.isInteger(p.index)))
  );
}

/** Replaces the value at one path of a seed: random data reaches the fields each parser reads. */
function mutate(seed: unknown, pick: number, value: unknown): unknown {
  const copy = structuredClone(seed);
  const slots: [Record<string, unknown> | unknown[], string | number][] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        slots.push([v, i]);
        walk(x);
      });
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        slots.push([v as Record<string, unknown>, k]);
        walk(x);
      }
    }
  };
  walk(copy);
  if (slots.length === 0) return value;
  const [parent, key] = slots[pick % slots.length]!;
  (parent as Record<string | number, unknown>)[key] = value;
  return copy;
}

const formats = fc.constantFrom(...ALERT_FORMATS, 'auto' as const);
const nasty = fc.oneof(
  fc.jsonValue(),
  fc.string({ unit: 'binary', maxLength: 3000 }),
  fc.constantFrom('', 'N/A', '0001-01-01T00:00:00Z', '2026-02-29T00:00:00Z', '999.1.1.1', '::', '__proto__', 'x'.repeat(10_000), -1, 1e300, Number.NaN),
  fc.array(fc.constantFrom('192.0.2.1', 'fe80::1%eth0', '[2001:db8::1]:80', 'host', null), { maxLength: 200 }),
  fc.dictionary(fc.string({ maxLength: 120 }), fc.string({ maxLength: 700 }), { maxKeys: 80 }),
);

describe('alert parser properties', () => {
  it('never throws and respects every bound on arbitrary JSON, in every format', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), formats, (body, format) => allBoundsHold(parseAlertBody(body, format))),
      { numRuns: 1500 },
    );
  });

  it('never throws and respects every bound on mutated real bodies', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), fc.nat(), nasty, formats, (seed, pick, value, format) =>
        allBoundsHold(parseAlertBody(mutate(seed, pick, value), format)),
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary text, lines or bytes', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 2000 }),
      fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b).toString('utf8')),
    );
    fc.assert(
      fc.property(text, formats, (s, format) => {
        const m = parseSyslog(s);
        return (
          allBoundsHold(parseAlertLines(s, format)) &&
          allBoundsHold(parseAlertBody(s, format)) &&
          boundsHold(syslogToAlert(m)) &&
          (m.format !== 'raw' || (m.parseError !== null && m.message === m.raw)) &&
          (detectAlertFormat(s) === null || detectAlertFormat(s) === 'syslog')
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('maps any value to a severity, for every format', () => {
    fc.assert(fc.property(fc.constantFrom(...ALERT_FORMATS), fc.jsonValue(), (f, v) => ALERT_SEVERITIES.includes(mapSeverity(f, v))));
  });

  it('reports every item of a batch exactly once: as an alert or as a problem with its index', () => {
    const item = fc.oneof(fc.record({ title: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '') }), fc.jsonValue({ maxDepth: 2 }));
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), (items) => {
        const r = parseAlertBody({ alerts: items }, 'generic');
        const indexes = r.problems.map((p) => p.index);
        return r.alerts.length + r.problems.length === items.length && new Set(indexes).size === indexes.length;
      }),
    );
  });

  it('gives the Alertmanager keys independently of the order of alerts[]', () => {
    const body = fixtureJson('alertmanager-v4-firing.json') as { alerts: unknown[] };
    const keys = parseAlertBody(body, 'alertmanager').alerts.map((a) => a.dedupKey);
    const reversed = parseAlertBody({ ...body, alerts: [...body.alerts].reverse() }, 'alertmanager').alerts.map((a) => a.dedupKey);
    expect(reversed.reverse()).toEqual(keys);
  });
});

describe('syslog properties', () => {
  const token = fc.stringMatching(/^[A-Za-z0-9._-]{1,20}$/).filter((t) => t !== '-');
  const nilOr = (a: fc.Arbitrary<string>) => fc.option(a, { nil: null });
  const sdValue = fc.string({ maxLength: 20 }).filter((s) => !/[\r\n]/.test(s));

  it('reads back the fields of any RFC 5424 message it is given', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 191 }),
        fc.date({ min: new Date('1971-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }),
        nilOr(token),
        nilOr(token),
        nilOr(token),
        nilOr(fc.stringMatching(/^[A-Za-z0-9]{1,10}$/)),
        fc.dictionary(fc.stringMatching(/^[a-z]{1,8}@\d{1,5}$/), fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), sdValue, { maxKeys: 3 }), { maxKeys: 3 }),
        fc.string({ maxLength: 50 }).filter((s) => !/[\r\n\0]/.test(s) && !s.startsWith('CEF:') && !s.startsWith('\uFEFF')),
        (pri, date, host, app, proc, msgId, sd, msg) => {
          const esc = (v: string) => v.replace(/[\\"\]]/g, (c) => `\\${c}`);
          const sdText =
            Object.keys(sd).length === 0
              ? '-'
              : Object.entries(sd)
                  .map(
                    ([id, ps]) =>
                      `[${id}${Object.entries(ps)
                        .map(([k, v]) => ` ${k}="${esc(v)}"`)
                        .join('')}]`,
                  )
                  .join('');
          const line = `<${pri}>1 ${date.toISOString()} ${host ?? '-'} ${app ?? '-'} ${proc ?? '-'} ${msgId ?? '-'} ${sdText} \uFEFF${msg}`;
          const m = parseSyslog(line);
          expect(m).toMatchObject({
            format: 'rfc5424',
            facility: pri >> 3,
            severity: pri & 7,
            hostname: host,
            appName: app,
            procId: proc,
            msgId,
            parseError: null,
          });
          expect(m.structuredData).toEqual(sd);
          expect(m.message.replace(/[\r\n\0]+$/, '')).toBe(msg.replace(/[\r\n\0]+$/, ''));
          expect(m.timestamp?.getTime()).toBe(date.getTime());
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('syslog framing properties', () => {
  const message = fc.string({ maxLength: 40 }).map((s) => `<13>${s}`);
  const frameText = fc.tuple(fc.constantFrom('octet', 'lf', 'crlf', 'nul'), message).map(([kind, m]) => {
    if (kind === 'octet') return { bytes: Buffer.concat([Buffer.from(`${Buffer.byteLength(m)} `), Buffer.from(m)]), kind, m };
    const line = m.replace(/[\n\0]/g, ' ').replace(/\r+$/, '');
    const end = kind === 'lf' ? '\n' : kind === 'crlf' ? '\r\n' : '\0';
    return { bytes: Buffer.from(line + end), kind, m: line };
  });

  function decodeSplit(stream: Buffer, cuts: number[], max?: number): { frames: string[]; oversized: number } {
    const d = new SyslogFrameDecoder(max === undefined ? {} : { maxFrameBytes: max });
    const out = { frames: [] as string[], oversized: 0 };
    let last = 0;
    for (const c of [...cuts, stream.length]) {
      const r = d.push(stream.subarray(last, c));
      out.frames.push(...r.frames);
      out.oversized += r.oversized;
      last = c;
    }
    const r = d.end();
    out.frames.push(...r.frames);
    out.oversized += r.oversized;
    return out;
  }

  it('gives the frames that were sent, whatever the framing of each', () => {
    fc.assert(
      fc.property(fc.array(frameText, { maxLength: 12 }), (frames) => {
        const stream = Buffer.concat(frames.map((f) => f.bytes));
        const expected = frames.map((f) => f.m).filter((m, i) => frames[i]!.kind === 'octet' || m !== '');
        expect(decodeSplit(stream, []).frames).toEqual(expected);
      }),
    );
  });

  it('gives the same frames when the stream is split at every byte position', () => {
    fc.assert(
      fc.property(fc.array(frameText, { maxLength: 6 }), fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }), (frames, max) => {
        const stream = Buffer.concat(frames.map((f) => f.bytes));
        const whole = decodeSplit(stream, [], max);
        for (let cut = 1; cut < stream.length; cut++) expect(decodeSplit(stream, [cut], max)).toEqual(whole);
        const byteByByte = Array.from({ length: stream.length - 1 }, (_, i) => i + 1);
        expect(decodeSplit(stream, byteByByte, max)).toEqual(whole);
      }),
      { numRuns: 150 },
    );
  });

  it('never emits a frame over the limit (3 bytes a byte once decoded), on arbitrary bytes and splits', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.array(fc.nat({ max: 400 }), { maxLength: 10 }), fc.integer({ min: 1, max: 64 }), (bytes, cuts, max) => {
        const stream = Buffer.from(bytes);
        const sorted = [...new Set(cuts.filter((c) => c < stream.length))].sort((a, b) => a - b);
        const r = decodeSplit(stream, sorted, max);
        return r.frames.every((f) => Buffer.byteLength(f) <= max * 3) && r.oversized <= stream.length;
      }),
    );
  });
});

describe('webhook signature properties', () => {
  it('verifies what it signed, and nothing once the body, id or time changes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.string(), fc.integer({ min: 0, max: 2 ** 31 }), fc.string(), (key, id, ts, body) => {
        const secret = `whsec_${Buffer.from(key).toString('base64')}`;
        const sig = signStandardWebhook(secret, id, ts, body);
        const h = { 'webhook-id': id, 'webhook-timestamp': String(ts), 'webhook-signature': sig };
        return (
          verifyStandardWebhook(secret, h, body, { nowSeconds: ts }) &&
          !verifyStandardWebhook(secret, h, `${body}x`, { nowSeconds: ts }) &&
          !verifyStandardWebhook(secret, { ...h, 'webhook-id': `${id}x` }, body, { nowSeconds: ts }) &&
          !verifyStandardWebhook(secret, h, body, { nowSeconds: ts + 301 })
        );
      }),
    );
  });

  it('never throws on arbitrary headers and secrets', () => {
    const headers = fc.dictionary(fc.constantFrom('webhook-id', 'webhook-timestamp', 'webhook-signature', 'X-Grafana-Alerting-Signature', 'x'), fc.string());
    fc.assert(
      fc.property(fc.string(), headers, fc.string(), (secret, h, body) => {
        return (
          typeof verifyStandardWebhook(secret, h, body) === 'boolean' && typeof verifyGrafanaSignature(secret, h, body, { timestampHeader: 'x' }) === 'boolean'
        );
      }),
    );
  });
});
