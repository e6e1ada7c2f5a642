import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWeb } from './web.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khien-web-'));
const app = Fastify();
const SCRIPT = 'console.log("Việc cần làm");'.repeat(50);

beforeAll(async () => {
  fs.mkdirSync(path.join(dir, 'static'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Khiên</title>');
  fs.writeFileSync(path.join(dir, 'static/todo-page-Bm7r8kiL.js'), SCRIPT);
  fs.writeFileSync(path.join(dir, 'static/todo-page-Bm7r8kiL.js.gz'), zlib.gzipSync(SCRIPT));
  fs.writeFileSync(path.join(dir, 'favicon.svg'), '<svg/>');
  expect(await registerWeb(app, dir)).toBe(true);
  await app.ready();
});
afterAll(async () => {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the built web app as a phone gets it', () => {
  it('a build file is sent compressed and kept for good: its name changes with its content', async () => {
    const r = await app.inject({ url: '/static/todo-page-Bm7r8kiL.js', headers: { 'accept-encoding': 'gzip' } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.gunzipSync(r.rawPayload).toString()).toBe(SCRIPT);
  });

  it('the page and unhashed files are checked on every visit, so a deploy is seen at once', async () => {
    for (const url of ['/', '/work', '/favicon.svg']) {
      const r = await app.inject({ url });
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('a missing build file is a 404, and the compressed twins are no routes of their own', async () => {
    expect((await app.inject({ url: '/static/gone-AAAAAAAA.js' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/static/todo-page-Bm7r8kiL.js.gz' })).statusCode).toBe(404);
  });
});
