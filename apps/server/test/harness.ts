import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { TOTP, Secret } from 'otpauth';
import type { OrgKind, Role } from '@khien/contracts';
import { buildApp } from '../src/app.js';
import { loadConfig, type Config } from '../src/platform/config.js';
import { openDatabase, type Database } from '../src/platform/db/client.js';
import { createOrg } from '../src/modules/orgs/index.js';
import { addGrant, createUser, usersRepo } from '../src/modules/users/index.js';
import { newTotpSecret } from '../src/platform/auth/totp.js';
import type { Actor } from '../src/platform/policy.js';
import { TEMPLATE_DB_NAME, TEMPLATE_FILE } from './template.js';

/** A fresh database cloned from the migrated template: PGlite by default, PostgreSQL with DATABASE_URL. */
export async function createTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const blob = new Blob([fs.readFileSync(TEMPLATE_FILE)]);
    return openDatabase({ memory: true, loadDataDir: blob });
  }
  const clone = await clonePostgresTemplate(url);
  const d = await openDatabase({ databaseUrl: clone.url, poolSize: 4 });
  const close = d.close.bind(d);
  d.close = async () => {
    await close();
    await clone.drop();
  };
  return d;
}

/** PostgreSQL only: a database cloned from the template, by URL, for tests that open it more than once (restarts). */
export async function clonePostgresTemplate(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `khien_t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${TEMPLATE_DB_NAME}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database if exists ${name}`);
      await a.end();
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  close(): Promise<void>;
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khien-files-'));
  // its own data folder: the audit signing key is generated there on first use, never in the repo
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khien-data-'));
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', KHIEN_FILES_DIR: filesDir, KHIEN_DATA_DIR: dataDir, ...env } as NodeJS.ProcessEnv) };
  const app = await buildApp({ database, config, logger: false, serveWeb: false });
  await app.ready();
  return {
    app,
    database,
    config,
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(filesDir, { recursive: true, force: true });
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const SYSTEM: Actor = {
  kind: 'user',
  userId: '00000000-0000-0000-0000-000000000000',
  tokenId: null,
  label: 'test',
  grants: [{ role: 'system_admin', orgPath: null }],
  tokenLimit: null,
};
const audit = { actor: SYSTEM, ip: null, requestId: null };

let counter = 0;
export async function buildOrg(t: TestApp, o: { parentId?: string | null; name?: string; kind?: OrgKind; adminCode?: string | null } = {}) {
  counter++;
  return createOrg(
    t.database.db,
    SYSTEM,
    {
      parentId: o.parentId ?? null,
      name: o.name ?? `Đơn vị ${counter}`,
      shortName: '',
      kind: o.kind ?? 'agency',
      adminCode: o.adminCode ?? null,
      contacts: [],
    },
    audit,
  );
}

export const TEST_PASSWORD = 'Kh1en-test-passw0rd!';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  totpSecret: string | null;
}

/** A user with grants; roles that require TOTP get a secret enrolled directly. */
export async function buildUser(
  t: TestApp,
  o: { homeOrgId: string; grants?: { role: Role; orgId: string | null }[]; email?: string; totp?: boolean; mustChangePassword?: boolean },
): Promise<TestUser> {
  counter++;
  const email = o.email ?? `user${counter}-${randomUUID().slice(0, 6)}@test.khien.vn`;
  const { user } = await createUser(
    t.database.db,
    null,
    {
      email,
      fullName: `Người dùng ${counter}`,
      phone: null,
      homeOrgId: o.homeOrgId,
      locale: 'vi',
      password: TEST_PASSWORD,
      mustChangePassword: o.mustChangePassword ?? false,
    },
    audit,
  );
  for (const g of o.grants ?? []) await addGrant(t.database.db, SYSTEM, user.id, g, audit);
  const needsTotp = o.totp ?? (o.grants ?? []).some((g) => ['system_admin', 'province_coordinator', 'commune_coordinator'].includes(g.role));
  let totpSecret: string | null = null;
  if (needsTotp) {
    totpSecret = newTotpSecret();
    await usersRepo.updateUserRow(t.database.db, user.id, { totpSecret, totpEnabledAt: new Date() });
  }
  return { id: user.id, email, password: TEST_PASSWORD, totpSecret };
}

export function totpCode(secret: string, at = Date.now()): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: at });
}

export interface Client {
  cookie: string;
  csrf: string;
  get(url: string): Promise<LightMyRequestResponse>;
  send(method: 'POST' | 'PATCH' | 'DELETE' | 'PUT', url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

export function clientFor(app: FastifyInstance, cookie: string, csrf: string): Client {
  return {
    cookie,
    csrf,
    get: (url) => app.inject({ method: 'GET', url, headers: { cookie } }),
    send: (method, url, body) =>
      app.inject({
        method,
        url,
        headers: { cookie, 'x-csrf-token': csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      }),
  };
}

/** Signs in through the API like the web app does, passing the TOTP step when there is one. */
export async function signIn(t: TestApp, u: TestUser, ip = '10.0.0.1'): Promise<Client> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: u.email, password: u.password }, remoteAddress: ip });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = `khien_session=${res.cookies.find((c) => c.name === 'khien_session')!.value}`;
  let body = res.json() as { step: string; me: { csrfToken: string } };
  if (body.step === 'totp_required') {
    // codes are single-use; tests sign the same person in several times within one 30 s step
    await usersRepo.updateUserRow(t.database.db, u.id, { totpLastStep: null });
    const r2 = await clientFor(t.app, cookie, body.me.csrfToken).send('POST', '/api/v1/auth/totp', { code: totpCode(u.totpSecret!) });
    if (r2.statusCode !== 200) throw new Error(`totp failed: ${r2.statusCode} ${r2.body}`);
    body = r2.json();
  }
  return clientFor(t.app, cookie, body.me.csrfToken);
}

/** A multipart upload as the web sends it: option fields first, then the one file part. */
export function postFile(
  t: TestApp,
  c: Client,
  url: string,
  file: { name: string; data: Buffer | string; type?: string },
  fields: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const boundary = 'khienupload';
  const parts = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  const payload = Buffer.concat([
    ...parts,
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
    ),
    Buffer.from(file.data),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}
