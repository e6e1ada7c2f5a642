import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const backend = 'http://127.0.0.1:3000';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/**
 * A .gz and a .br next to every script and stylesheet, compressed once at build time at the
 * highest levels: the server (platform/http/web.ts, preCompressed) sends them to browsers that
 * accept them, and spends no CPU per request. A phone on a weak link downloads a quarter of the bytes.
 */
/** What every page runs: React, the router, i18next, TanStack Query. */
const FRAMEWORK =
  /node_modules\/(react|react-dom|scheduler|react-router|i18next|react-i18next|@tanstack\/[^/]+|use-sync-external-store|clsx|@mantine\/store)\//;
/** Mantine's components and what they are built on (not the dates or charts packages: those stay with the forms and pages that use them). */
const MANTINE =
  /node_modules\/(@mantine\/(core|hooks)|@floating-ui\/[^/]+|react-remove-scroll|react-remove-scroll-bar|react-transition-group|use-sidecar|react-style-singleton|use-callback-ref|get-nonce|detect-node-es|tslib|tabbable|@babel\/runtime)\//;
/**
 * A module used by this many pages (lazy chunks) or more goes into a shared chunk (below). A share
 * of the pages, really: 16 of the 40 lazy chunks before the duty and alert pages (issue 14), whose
 * six chunks then pulled Modal, Tooltip and List into what even the sign-in page loads (+11 KB
 * gzipped); 20 keeps the split every older page had.
 */
const WIDELY_USED = 20;

function precompress(): Plugin {
  return {
    name: 'khien-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      const files = Object.keys(bundle).filter((f) => /\.(js|css)$/.test(f));
      await Promise.all(
        files.map(async (f) => {
          const file = path.join(dir, f);
          const raw = await fs.readFile(file);
          const params = { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length };
          await fs.writeFile(`${file}.gz`, await gzip(raw, { level: 9 }));
          await fs.writeFile(`${file}.br`, await brotli(raw, { params }));
        }),
      );
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
  resolve: {
    // @mantine/dates is hoisted to the repo root with its own @mantine/core; one copy of
    // each Mantine package keeps a single MantineProvider context.
    dedupe: ['react', 'react-dom', '@mantine/core', '@mantine/hooks'],
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/healthz': { target: backend },
      '/metrics': { target: backend },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No inline module-preload polyfill: the page must run under `script-src 'self'`.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // not "assets": /assets/:id is a page of the app (the asset registry)
    assetsDir: 'static',
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Left alone, the split makes a chunk for every set of pages that shares a module: a page
        // then needs 50 to 90 files of 1–2 KB, and over HTTP/1.1 on a 150 ms link their round trips
        // cost more than their bytes. Three shared chunks instead: the framework (stable across
        // releases, so it stays cached), Mantine's widely used components, and the app's widely
        // used code; the rest stays with the pages that use it.
        codeSplitting: {
          groups: [
            { name: 'framework', test: FRAMEWORK, priority: 30 },
            { name: 'mantine', test: MANTINE, minShareCount: WIDELY_USED, priority: 20 },
            { name: 'shared', minShareCount: WIDELY_USED, priority: 10 },
          ],
        },
      },
    },
  },
});
