import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/**
 * Serves the built web app; any non-API GET that is not a file gets index.html
 * so that deep links (/orgs/…) work after a reload.
 */
export async function registerWeb(app: FastifyInstance, webDist: string): Promise<boolean> {
  const index = path.join(webDist, 'index.html');
  if (!fs.existsSync(index)) return false;
  const html = fs.readFileSync(index);
  // preCompressed: the build writes x.js.br and x.js.gz next to x.js (apps/web/vite.config.ts); they are
  // sent by Accept-Encoding, and are not routes of their own
  await app.register(fastifyStatic, {
    root: webDist,
    wildcard: false,
    index: false,
    serve: true,
    prefix: '/',
    preCompressed: true,
    globIgnore: ['**/*.br', '**/*.gz'],
  });
  const sendIndex = (_req: unknown, reply: { type: (t: string) => { send: (b: Buffer) => unknown } }) => reply.type('text/html; charset=utf-8').send(html);
  app.get('/', { config: { auth: 'public' }, schema: { hide: true } }, sendIndex);
  app.get('/*', { config: { auth: 'public' }, schema: { hide: true } }, async (req, reply) => {
    const url = req.url.split('?')[0] ?? '/';
    // a missing build file must answer 404, not the app's page
    if (url.startsWith('/api/') || url.startsWith('/static/')) {
      return reply.callNotFound();
    }
    const file = path.join(webDist, path.normalize(url).replace(/^(\.\.[/\\])+/, ''));
    if (file.startsWith(webDist) && fs.existsSync(file) && fs.statSync(file).isFile()) return reply.sendFile(path.relative(webDist, file));
    return sendIndex(req, reply);
  });
  return true;
}
