// `npm start` (scripts/start.mjs → khien serve) stops on SIGTERM and on a terminal's Ctrl-C (SIGINT to
// the whole process group) within seconds, exit code 0, no server left running, the embedded
// database's lock released: the next start on the same data folder comes up.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khien-start-'));
const dataDir = path.join(dir, 'data');
// a stand-in for apps/web/dist: KHIEN_WEB_DIST set, start.mjs builds nothing
const webDist = path.join(dir, 'web');
fs.mkdirSync(webDist);
fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><div id="root"></div>');
// a failed expectation must not leave a server running: each start is its own process group
const groups: number[] = [];
afterAll(() => {
  for (const pgid of groups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** `npm start` in its own process group, as a terminal runs it; resolves once it serves. */
async function start(): Promise<{ parent: ChildProcess; url: string; out: () => string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(await freePort()),
    KHIEN_DATA_DIR: dataDir,
    KHIEN_WEB_DIST: webDist,
    KHIEN_ADMIN_PASSWORD: 'Điện Biên trực 24/7 an toàn',
    LOG_LEVEL: 'warn',
    LANG: 'C.UTF-8',
    LC_ALL: '',
  };
  delete env.DATABASE_URL;
  const parent = spawn(process.execPath, [path.join(ROOT, 'scripts/start.mjs')], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  groups.push(parent.pid!);
  let out = '';
  parent.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  parent.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 90 s:\n${out}`)), 90_000);
    const look = () => {
      const m = /đang chạy tại (http:\/\/\S+)/.exec(out);
      // the block's last line: the whole block is out
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    parent.stdout!.on('data', look);
    parent.on('exit', (code) => reject(new Error(`exited ${code} before serving:\n${out}`)));
  });
  return { parent, url, out: () => out };
}

async function stopWith(run: { parent: ChildProcess; url: string; out: () => string }, send: () => void) {
  expect((await fetch(`${run.url}/healthz`)).status).toBe(200);
  // the server's pid, from the embedded database's lock file
  const server = Number(fs.readFileSync(path.join(dataDir, 'khien.lock'), 'utf8').trim());
  expect(alive(server)).toBe(true);
  expect(server).not.toBe(run.parent.pid);
  const t0 = Date.now();
  const exited = new Promise<number | null>((resolve) => run.parent.once('exit', (code) => resolve(code)));
  send();
  const code = await exited;
  expect(code, run.out()).toBe(0);
  expect(Date.now() - t0).toBeLessThan(8_000);
  expect(alive(server)).toBe(false);
  expect(fs.existsSync(path.join(dataDir, 'khien.lock'))).toBe(false);
}

describe('npm start', () => {
  it('stops on SIGTERM, and a second start on the same data folder then stops on Ctrl-C', async () => {
    const first = await start();
    // the first start tells how to sign in, apart from any log
    expect(first.out()).toContain('admin@khien.local');
    expect(first.out()).toContain('Mật khẩu chung của người dùng mẫu:');
    await stopWith(first, () => process.kill(first.parent.pid!, 'SIGTERM'));

    const second = await start();
    expect(second.out()).not.toContain('Mật khẩu chung');
    // Ctrl-C in a terminal: SIGINT to every process of the group, npm start and the server alike
    await stopWith(second, () => process.kill(-second.parent.pid!, 'SIGINT'));
  }, 240_000);
});
