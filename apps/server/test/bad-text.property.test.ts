/**
 * NUL characters, lone surrogates and bytes that are not UTF-8, sent to every route of the
 * OpenAPI document, one place at a time (a path parameter, a query parameter, one leaf of the
 * JSON body): the answer is always a 400 that names that place, never a 500 and never a row
 * stored with a replacement character. The routes come from the document itself, so a route
 * added tomorrow is probed tomorrow.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildOrg, buildUser, createTestApp, signIn, type Client, type TestApp } from './harness.js';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  format?: string;
}
interface Operation {
  parameters?: { in: 'path' | 'query' | 'header'; name: string; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}
interface Probe {
  label: string;
  method: string;
  url: (bad: string) => string;
  body?: (bad: string) => unknown;
  expectPath: string;
}

let t: TestApp;
let admin: Client;
let orgId: string;
const probes: Probe[] = [];
const jsonRoutes: { method: string; url: string }[] = [];

const UUID = '4b7d0c6e-8a51-4c1e-9d3a-2f1e7c6b5a40';

/**
 * A bad string as a URL can carry it: NUL as %00, a lone surrogate as the three bytes a
 * careless encoder writes for it (WTF-8, e.g. %ED%A0%80), which are not UTF-8.
 */
function urlEncode(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (pair) {
      out += encodeURIComponent(s.slice(i, i + 2));
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else out += encodeURIComponent(s[i]!);
  }
  return out;
}

/** A value that passes the field's shape where it can; the probe replaces one leaf with a bad string. */
function sample(s: JsonSchema): unknown {
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return sample(alt.find((a) => a.type !== 'null') ?? alt[0]!);
  if (s.allOf) return sample(s.allOf[0]!);
  if (s.enum) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (type === 'object' || s.properties) return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, sample(v)]));
  if (type === 'array') return s.items ? [sample(s.items)] : [];
  if (type === 'integer' || type === 'number') return 1;
  if (type === 'boolean') return true;
  if (s.format === 'uuid') return orgId;
  return 'chuỗi hợp lệ';
}

/** Every string leaf of a sample body, as a path of keys. */
function stringLeaves(s: JsonSchema, at: string[] = []): string[][] {
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return stringLeaves(alt.find((a) => a.type !== 'null') ?? alt[0]!, at);
  if (s.allOf) return stringLeaves(s.allOf[0]!, at);
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (type === 'object' || s.properties) return Object.entries(s.properties ?? {}).flatMap(([k, v]) => stringLeaves(v, [...at, k]));
  if (type === 'array' && s.items) return stringLeaves(s.items, [...at, '0']);
  if (type === 'string' || s.enum) return [at];
  return [];
}

function withLeaf(body: unknown, leaf: string[], value: string): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const k of leaf.slice(0, -1)) node = node[k] as Record<string, unknown>;
  node[leaf.at(-1)!] = value;
  return copy;
}

const badString = fc
  .tuple(
    fc.string({ maxLength: 6 }),
    fc.constantFrom('\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', 'a\u0000b', '\uDFFF\uD800'),
    fc.string({ maxLength: 6 }),
  )
  .map(([a, bad, b]) => `${a}${bad}${b}`)
  // a generated prefix may close the surrogate pair; keep only strings that really are bad
  .filter((s) => s.includes('\u0000') || !s.isWellFormed());

beforeAll(async () => {
  t = await createTestApp();
  orgId = (await buildOrg(t, { name: 'Tỉnh Ký Tự', kind: 'province' })).id;
  const u = await buildUser(t, { homeOrgId: orgId, grants: [{ role: 'system_admin', orgId: null }] });
  admin = await signIn(t, u);
  const doc = t.app.swagger() as unknown as { paths: Record<string, Record<string, Operation>> };
  for (const [route, ops] of Object.entries(doc.paths)) {
    if (!route.startsWith('/api/v1/')) continue;
    for (const [method, op] of Object.entries(ops)) {
      const params = op.parameters ?? [];
      const pathParams = params.filter((p) => p.in === 'path');
      const fill = (name: string | null, bad: string) =>
        route.replace(/\{(\w+)\}/g, (_, n: string) => (n === name ? urlEncode(bad) : n === 'kind' ? 'assets' : n === 'packId' ? 'x' : UUID));
      for (const p of pathParams) {
        probes.push({ label: `${method} ${route} path ${p.name}`, method, url: (bad) => fill(p.name, bad), expectPath: `params.${p.name}` });
      }
      for (const q of params.filter((p) => p.in === 'query')) {
        probes.push({
          label: `${method} ${route} query ${q.name}`,
          method,
          url: (bad) => `${fill(null, '')}?${encodeURIComponent(q.name)}=${urlEncode(bad)}`,
          expectPath: `querystring.${q.name}`,
        });
      }
      const json = op.requestBody?.content['application/json']?.schema;
      if (json) {
        jsonRoutes.push({ method, url: fill(null, '') });
        const base = sample(json);
        for (const leaf of stringLeaves(json)) {
          probes.push({
            label: `${method} ${route} body ${leaf.join('.')}`,
            method,
            url: () => fill(null, ''),
            body: (bad) => withLeaf(base, leaf, bad),
            expectPath: ['body', ...leaf].join('.'),
          });
        }
      }
    }
  }
});
afterAll(async () => t.close());

describe('bad text at every route of the OpenAPI document', () => {
  it('finds the routes to probe', () => {
    // the document lists ~80 operations; if this drops, the document (not the guard) broke
    expect(probes.length).toBeGreaterThan(150);
    expect(jsonRoutes.length).toBeGreaterThan(25);
  });

  it('NUL and lone surrogates anywhere: 400 naming the place, never a 500', async () => {
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(badString, async (bad) => {
        for (const p of probes) {
          const res = p.method === 'get' ? await admin.get(p.url(bad)) : await admin.send(p.method.toUpperCase() as 'POST', p.url(bad), p.body?.(bad));
          const err = res.statusCode === 400 ? (res.json() as { error: { details?: { path: string; code?: string }[] } }).error : null;
          const named = err?.details?.[0];
          // in a URL a lone surrogate can only arrive as bytes that are not UTF-8; in a path the router refuses those itself
          const routerRefused = p.expectPath.startsWith('params.') && res.statusCode === 400 && res.json().error.code === 'BAD_REQUEST';
          const guarded = named?.path === p.expectPath && ['nul', 'lone_surrogate', 'invalid_utf8'].includes(named.code ?? '');
          if (res.statusCode !== 400 || !(guarded || routerRefused)) {
            failures.push(`${p.label} ${JSON.stringify(bad)}: ${res.statusCode} ${res.body.slice(0, 160)}`);
          }
        }
      }),
      { numRuns: 3 },
    );
    expect(failures).toEqual([]);
  });

  it('a JSON body that is not UTF-8 is refused, not stored as U+FFFD', async () => {
    const failures: string[] = [];
    for (const r of jsonRoutes) {
      const res = await t.app.inject({
        method: r.method.toUpperCase() as 'POST',
        url: r.url,
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' },
        payload: Buffer.concat([Buffer.from('{"name":"Tr'), Buffer.from([0xc6, 0x28, 0xff]), Buffer.from('ng"}')]),
      });
      const code = res.statusCode === 400 ? (res.json() as { error: { details?: { message: string }[] } }).error.details?.[0]?.message : null;
      if (code !== 'invalid_utf8') failures.push(`${r.method} ${r.url}: ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
    expect(failures).toEqual([]);
    // and what was refused is not there under any spelling
    const list = await admin.get(`/api/v1/orgs?under=${orgId}&q=tr`);
    expect(list.body).not.toContain('\uFFFD');
  });

  it('multipart fields and file names follow the same rule', async () => {
    const boundary = 'khienbad';
    const payload = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="orgId"\r\n\r\n${orgId}\u0000\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nipspace\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\nDải IP\n192.0.2.1\n\r\n--${boundary}--\r\n`,
    );
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/inventory/imports',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ path: 'fields.orgId', code: 'nul' });
  });
});
