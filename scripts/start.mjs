#!/usr/bin/env node
// `npm start`: build the web app when its sources are newer than the build, then serve. With
// KHIEN_WEB_DIST set, that folder is served as it is and nothing is built.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const web = path.join(root, 'apps/web');
const built = path.join(web, 'dist/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** The language `khien` will speak (apps/server/src/platform/words.ts, cliLanguage): --lang, else the locale. */
function english() {
  const i = process.argv.indexOf('--lang');
  const chosen = i >= 0 ? process.argv[i + 1] : process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG;
  return /^en/i.test(chosen ?? '');
}

if (!process.env.KHIEN_WEB_DIST) {
  const sources = Math.max(newestMtime(path.join(web, 'src')), fs.statSync(path.join(web, 'index.html')).mtimeMs);
  if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < sources) {
    process.stdout.write(english() ? 'Building the web app…\n' : 'Đang dựng giao diện web…\n');
    const r = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
}

const child = spawn(process.execPath, [path.join(root, 'apps/server/bin/khien.mjs'), 'serve', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
// SIGINT and SIGTERM go on to the server, which stops cleanly (and ignores the same signal twice, as
// when a terminal's Ctrl-C reaches both processes); this process ends when it has, with its code
let forwarded = false;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    child.kill(sig);
    if (forwarded) return;
    forwarded = true;
    // the server gives itself 10 s; past 15 s it is stuck, and must not outlive `npm start`
    setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
  });
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
