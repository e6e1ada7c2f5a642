import Fastify from 'fastify';
import helmet from '@fastify/helmet';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { HELMET_OPTIONS, registerSecurity } from './security.js';

async function headersOf(app: ReturnType<typeof Fastify>, url: string) {
  app.get('/ok', async () => ({ ok: true }));
  app.get('/fails', async () => {
    throw new AppError('UNAUTHENTICATED', 'no');
  });
  const res = await app.inject({ url, remoteAddress: '10.0.0.1' });
  const { date: _date, 'x-ratelimit-limit': _l, 'x-ratelimit-remaining': _r, 'x-ratelimit-reset': _t, ...rest } = res.headers;
  return { status: res.statusCode, headers: rest };
}

describe('security headers', () => {
  it.each(['/ok', '/fails', '/missing'])('match what @fastify/helmet sets, on %s', async (url) => {
    const ours = Fastify();
    await registerSecurity(ours);
    const plugin = Fastify();
    await plugin.register(helmet, HELMET_OPTIONS);
    const a = await headersOf(ours, url);
    const b = await headersOf(plugin, url);
    expect(a.status).toBe(b.status);
    expect(a.headers).toEqual(b.headers);
    expect(a.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});
