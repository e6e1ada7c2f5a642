// The example bundles are read in place; only this test touches files.
// eslint-disable-next-line no-restricted-imports
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyIndicator } from './indicators.js';
import {
  incidentStixBundle,
  INCIDENT_CORE_EXTENSION_ID,
  patternString,
  stixPattern,
  TLP2_EXTENSION_ID,
  TLP2_MARKINGS,
  uuidV5,
  type StixIncidentInput,
  type StixObject,
} from './stix.js';

const DATA = new URL('../../../../../shared/data/stix/', import.meta.url);
const EXAMPLES = ['apt1.json', 'poisonivy.json', 'indicator-for-c2-ip-address.json', 'indicators-for-C2-with-COA.json'];
const exampleObjects = EXAMPLES.flatMap((f) => (JSON.parse(readFileSync(new URL(f, DATA), 'utf8')) as { objects: Record<string, unknown>[] }).objects);

const at = (s: string) => new Date(s);
function buildInput(overrides: Partial<StixIncidentInput> = {}): StixIncidentInput {
  return {
    incident: {
      id: '7d1c3a9e-0b7f-4b8e-9d8a-2f1e6c5b4a31',
      code: 'SC-2026-0042',
      title: 'Mã độc trên máy chủ cổng thông tin',
      description: 'Phát hiện webshell trên máy chủ cổng thông tin điện tử của Sở.',
      severity: 'high',
      category: 'malware',
      status: 'open',
      detectedAt: at('2026-09-04T08:30:00Z'),
      createdAt: at('2026-09-04T09:00:00Z'),
      modifiedAt: at('2026-09-05T10:00:00Z'),
    },
    org: { id: '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b', name: 'Sở Khoa học và Công nghệ' },
    indicators: [
      { id: 'i1', type: 'ipv4', value: '203.0.113.7', note: 'máy chủ điều khiển', addedAt: at('2026-09-04T09:10:00Z') },
      { id: 'i2', type: 'domain', value: 'evil.example.com', note: null, addedAt: at('2026-09-04T09:11:00Z') },
      { id: 'i3', type: 'sha256', value: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', note: null, addedAt: at('2026-09-04T09:12:00Z') },
    ],
    confidential: false,
    ...overrides,
  };
}

const ID = /^([a-z0-9-]+)--[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const byType = (objects: StixObject[], type: string) => objects.filter((o) => o.type === type);

describe('incidentStixBundle', () => {
  const bundle = incidentStixBundle(buildInput());

  it('gives every object the common properties STIX 2.1 requires, with ids of its own type', () => {
    expect(bundle.type).toBe('bundle');
    expect(bundle.id).toMatch(ID);
    for (const o of bundle.objects) {
      expect(o.spec_version).toBe('2.1');
      expect(ID.exec(o.id)?.[1]).toBe(o.type);
      expect(o.created).toMatch(TIMESTAMP);
      // marking definitions are not versioned and have no modified (STIX 2.1 §7.2.1)
      if (o.type !== 'marking-definition') {
        expect(o.modified).toMatch(TIMESTAMP);
        expect(o.modified! >= o.created!).toBe(true);
        expect(o.object_marking_refs).toEqual([TLP2_MARKINGS.green]);
      }
    }
    expect(new Set(bundle.objects.map((o) => o.id)).size).toBe(bundle.objects.length);
    expect(bundle.objects.map((o) => o.type)).toEqual([
      'marking-definition',
      'identity',
      'incident',
      'indicator',
      'relationship',
      'indicator',
      'relationship',
      'indicator',
      'relationship',
    ]);
  });

  it('names the reporting org as an organisation and the incident with its core extension', () => {
    const [identity] = byType(bundle.objects, 'identity');
    expect(identity).toMatchObject({ name: 'Sở Khoa học và Công nghệ', identity_class: 'organization' });
    const [incident] = byType(bundle.objects, 'incident');
    expect(incident).toMatchObject({
      name: 'SC-2026-0042: Mã độc trên máy chủ cổng thông tin',
      created: '2026-09-04T09:00:00.000Z',
      modified: '2026-09-05T10:00:00.000Z',
      created_by_ref: identity!.id,
      labels: ['severity:high', 'category:malware', 'status:open'],
      x_khien_severity: 'high',
      x_khien_category: 'malware',
      x_khien_detected_at: '2026-09-04T08:30:00.000Z',
      extensions: { [INCIDENT_CORE_EXTENSION_ID]: { extension_type: 'property-extension', determination: 'suspected', investigation_status: 'open' } },
    });
    const closed = byType(incidentStixBundle(buildInput({ incident: { ...buildInput().incident, status: 'closed' } })).objects, 'incident')[0]!;
    expect((closed.extensions as Record<string, { investigation_status: string }>)[INCIDENT_CORE_EXTENSION_ID]!.investigation_status).toBe('closed');
  });

  it('relates each indicator to the incident with "indicates"', () => {
    const incident = byType(bundle.objects, 'incident')[0]!;
    const indicators = byType(bundle.objects, 'indicator');
    const relationships = byType(bundle.objects, 'relationship');
    expect(indicators.map((i) => i.pattern)).toEqual([
      "[ipv4-addr:value = '203.0.113.7']",
      "[domain-name:value = 'evil.example.com']",
      "[file:hashes.'SHA-256' = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']",
    ]);
    expect(indicators[0]).toMatchObject({
      pattern_type: 'stix',
      valid_from: '2026-09-04T09:10:00.000Z',
      description: 'máy chủ điều khiển',
      indicator_types: ['malicious-activity'],
    });
    expect(indicators[1]).not.toHaveProperty('description');
    expect(relationships.map((r) => [r.relationship_type, r.source_ref, r.target_ref])).toEqual(indicators.map((i) => ['indicates', i.id, incident.id]));
  });

  it('uses the property names of the OASIS example bundles for indicators, relationships and identities', () => {
    const known = (type: string) => new Set(exampleObjects.filter((o) => o.type === type).flatMap((o) => Object.keys(o)));
    // common properties the examples happen not to use
    const common = new Set(['object_marking_refs', 'created_by_ref']);
    for (const type of ['indicator', 'relationship', 'identity']) {
      const names = known(type);
      expect(names.size).toBeGreaterThan(0);
      for (const o of byType(bundle.objects, type)) for (const k of Object.keys(o)) expect(names.has(k) || common.has(k), `${type}.${k}`).toBe(true);
    }
    const examplePatterns = exampleObjects.filter((o) => o.type === 'indicator').map((o) => String(o.pattern));
    expect(examplePatterns).toContain("[ipv4-addr:value = '10.0.0.0']");
  });

  it('marks a confidential report TLP:AMBER and includes the TLP 2.0 definition', () => {
    const amber = incidentStixBundle(buildInput({ confidential: true }));
    expect(amber.objects[0]).toEqual({
      type: 'marking-definition',
      spec_version: '2.1',
      id: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
      created: '2022-10-01T00:00:00.000Z',
      name: 'TLP:AMBER',
      extensions: { [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: 'amber' } },
    });
    expect(amber.objects.slice(1).every((o) => JSON.stringify(o.object_marking_refs) === JSON.stringify([TLP2_MARKINGS.amber]))).toBe(true);
    expect(bundle.objects[0]).toMatchObject({ id: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb', name: 'TLP:GREEN' });
  });

  it('gives the same bundle for the same input, and other ids for another case', () => {
    expect(incidentStixBundle(buildInput())).toEqual(bundle);
    const other = incidentStixBundle(buildInput({ incident: { ...buildInput().incident, id: 'another' } }));
    expect(byType(other.objects, 'incident')[0]!.id).not.toBe(byType(bundle.objects, 'incident')[0]!.id);
    // the org and the indicators keep their ids: they are the same objects
    expect(byType(other.objects, 'identity')[0]!.id).toBe(byType(bundle.objects, 'identity')[0]!.id);
  });

  it('never lets modified precede created', () => {
    const b = incidentStixBundle(buildInput({ incident: { ...buildInput().incident, modifiedAt: at('2020-01-01T00:00:00Z') } }));
    expect(byType(b.objects, 'incident')[0]!.modified).toBe('2026-09-04T09:00:00.000Z');
  });
});

describe('stixPattern', () => {
  it.each([
    ['ipv4', '1.2.3.4', "[ipv4-addr:value = '1.2.3.4']"],
    ['ipv6', '2001:db8::1', "[ipv6-addr:value = '2001:db8::1']"],
    ['cidr', '10.0.0.0/8', "[ipv4-addr:value = '10.0.0.0/8']"],
    ['cidr', '2001:db8::/32', "[ipv6-addr:value = '2001:db8::/32']"],
    ['domain', 'evil.example.com', "[domain-name:value = 'evil.example.com']"],
    ['url', 'http://evil.example.com/a', "[url:value = 'http://evil.example.com/a']"],
    ['email', 'phish@example.vn', "[email-addr:value = 'phish@example.vn']"],
    ['md5', 'd41d8cd98f00b204e9800998ecf8427e', "[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']"],
    ['sha1', 'da39a3ee5e6b4b0d3255bfef95601890afd80709', "[file:hashes.'SHA-1' = 'da39a3ee5e6b4b0d3255bfef95601890afd80709']"],
    ['sha256', 'e3b0', "[file:hashes.'SHA-256' = 'e3b0']"],
    ['file_name', 'hóa đơn.exe', "[file:name = 'hóa đơn.exe']"],
  ])('%s %s → %s', (type, value, pattern) => {
    expect(stixPattern(type, value)).toBe(pattern);
  });

  it('escapes quotes and backslashes', () => {
    expect(stixPattern('file_name', "it's\\evil.exe")).toBe("[file:name = 'it\\'s\\\\evil.exe']");
    expect(stixPattern('url', "http://x.example/?q='a'")).toBe("[url:value = 'http://x.example/?q=\\'a\\'']");
    expect(stixPattern('something', 'x')).toBeNull();
  });

  it('reads every escaped literal back to its value', () => {
    const unescape = (lit: string) => lit.slice(1, -1).replace(/\\(.)/gu, '$1');
    fc.assert(
      fc.property(fc.string(), (s) => unescape(patternString(s)) === s && !/(^|[^\\])(\\\\)*'/.test(patternString(s).slice(1, -1))),
      { numRuns: 500 },
    );
  });

  it('has a pattern for every value classifyIndicator produces', () => {
    for (const raw of [
      '1.2.3.4',
      '2001:db8::1',
      '10.0.0.1/8',
      'evil.example.com',
      'https://evil.example.com/x',
      'a@example.vn',
      'd41d8cd98f00b204e9800998ecf8427e',
    ]) {
      const r = classifyIndicator(raw);
      expect(r.ok && stixPattern(r.type, r.value)).toBeTruthy();
    }
  });
});

describe('uuidV5', () => {
  it('matches the RFC 4122 example namespaces (python uuid.uuid5)', () => {
    const dns = Buffer.from('6ba7b8109dad11d180b400c04fd430c8', 'hex');
    expect(uuidV5('www.example.com', dns)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(uuidV5('python.org', dns)).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });
});
