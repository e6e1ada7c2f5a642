import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const ARTIFACTS = path.join(ROOT, 'e2e/artifacts');
export const ADMIN = { email: 'admin@khien.local', password: 'Điện Biên trực 24/7 an toàn' };

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  /** the demo users' shared password, as printed once by the first start or `khien demo seed` */
  demoPassword: string;
  stop(): Promise<void>;
}

/**
 * The built product as a person gets it: `khien serve` in a child process, on a fresh
 * embedded data folder (with its first-start demo province), or on a fresh PostgreSQL
 * database when DATABASE_URL is set (seeded with `khien demo seed`).
 */
export async function startProduct(): Promise<RunningServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', KHIEN_ADMIN_PASSWORD: ADMIN.password };
  let cleanup: () => Promise<void> = async () => undefined;
  let seedOutput = '';
  const bin = path.join(ROOT, 'apps/server/bin/khien.mjs');
  if (process.env.DATABASE_URL) {
    const name = `khien_e2e_${randomUUID().slice(0, 8)}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = `/${name}`;
    env.DATABASE_URL = u.toString();
    const seed = spawnSync(process.execPath, [bin, 'demo', 'seed'], { cwd: ROOT, env, encoding: 'utf8' });
    if (seed.status !== 0) throw new Error(`demo seed failed: ${seed.stderr}`);
    seedOutput = seed.stdout;
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khien-e2e-'));
    delete env.DATABASE_URL;
    env.KHIEN_DATA_DIR = dir;
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const child: ChildProcess = spawn(process.execPath, [bin, 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      // the start-up block, in the CLI's language (Vietnamese, or English with an English LANG)
      const m = /(?:đang chạy tại|is running at) (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}:\n${out}`)));
  });
  const demoPassword = /(?:Mật khẩu chung của người dùng mẫu|The demo users' shared password): (\S+)/.exec(seedOutput + out)?.[1];
  if (!demoPassword) throw new Error(`no demo password in:\n${seedOutput}${out}`);
  return {
    url,
    demoPassword,
    async stop() {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      await cleanup();
    },
  };
}
