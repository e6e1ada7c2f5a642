import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Vite's build names: `todo-page-Bm7r8kiL.js`, `index-DkxE1m2_.css` (8 characters of hash). */
const HASHED = /-[A-Za-z0-9_-]{8}\.(js|css|woff2?|png|svg)(\.(gz|br))?$/;

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
    // build files carry their content's hash in the name: a phone keeps them and never asks again;
    // other files (the favicon…) are checked each time
    cacheControl: false,
    setHeaders: (res, file) => {
      res.header('cache-control', HASHED.test(path.basename(file)) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  // the page that names the current build's files is checked on every visit, so a deploy is seen at once
  const sendIndex = (_req: unknown, reply: { header: (k: string, v: string) => { type: (t: string) => { send: (b: Buffer) => unknown } } }) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
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
