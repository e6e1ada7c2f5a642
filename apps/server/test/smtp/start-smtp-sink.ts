import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseMail } from './mime.js';
import type { SinkRecord } from './smtp-sink.js';

export interface ReceivedMail {
  /** envelope MAIL FROM */
  from: string;
  /** envelope RCPT TO */
  to: string[];
  /** the message source as received, read as UTF-8 */
  raw: string;
  source: Buffer;
  headers: Map<string, string>;
  /** Subject with RFC 2047 encoded-words decoded */
  subject: string;
  /** the text/plain body, transfer- and charset-decoded */
  text: string;
}

export interface SmtpSink {
  /** smtp://user:pass@127.0.0.1:<port>: any login is accepted */
  url: string;
  port: number;
  messages(): Promise<ReceivedMail[]>;
  stop(): Promise<void>;
}

const SCRIPT = path.join(import.meta.dirname, 'smtp-sink.ts');
// `--import tsx` resolves from the working directory: the server package finds the workspace's tsx
const SERVER_DIR = path.resolve(import.meta.dirname, '../..');
const START_TIMEOUT_MS = 20_000;

/** Starts smtp-sink.ts in a child process (a real SMTP server over TCP, not a mock) and waits until it listens. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'khien-smtp-'));
  const file = path.join(dir, 'messages.jsonl');
  await fs.writeFile(file, '');
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, file], { cwd: SERVER_DIR, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr = (stderr + c).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) => {
      let stdout = '';
      const timer = setTimeout(() => reject(new Error(`smtp sink did not start within ${START_TIMEOUT_MS} ms: ${stderr}`)), START_TIMEOUT_MS);
      child.stdout.setEncoding('utf8').on('data', (c: string) => {
        stdout += c;
        const m = /LISTENING (\d+)/.exec(stdout);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
      child.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`smtp sink exited (${code ?? signal}) before listening: ${stderr}`));
      });
    });
  } catch (err) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await fs.rm(dir, { recursive: true, force: true });
    throw err;
  }

  let stopped = false;
  return {
    url: `smtp://khien:any-password@127.0.0.1:${port}`,
    port,
    async messages() {
      const lines = (await fs.readFile(file, 'utf8')).split('\n').filter((l) => l.trim() !== '');
      return lines.map((line) => {
        const r = JSON.parse(line) as SinkRecord;
        const source = Buffer.from(r.rawBase64, 'base64');
        return { from: r.from, to: r.to, raw: source.toString('utf8'), source, ...parseMail(source) };
      });
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
