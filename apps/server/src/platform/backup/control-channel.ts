import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { BackupError } from './backup-format.js';
import type { BackupSummary } from './write-backup.js';

/**
 * The running embedded server's control channel: a Unix domain socket in the data folder.
 * Only the server may open the PGlite folder (lock.ts), so a backup taken while it runs must be
 * taken by the server; the CLI asks for one here and receives the archive as a stream.
 *
 * Who may ask: whoever can open the socket. It lives in <dataDir>/run, a folder of mode 0700
 * owned by the server's user, and is itself 0600, so only that user (and root, who can read the
 * data folder anyway) gets in; nothing listens on the network. The folder is made private
 * before the socket exists, so there is no moment in which the socket is open to others.
 *
 * Protocol: the client sends one JSON line `{"op":"backup","label":"cli:<user>"}`; the server
 * answers with frames of [type byte][u32 big-endian length][payload]: 'D' archive bytes,
 * then 'F' the summary as JSON, or 'E' `{"message"}` at any point. A connection that closes
 * before 'F' is a failed backup.
 */
export const CONTROL_DIR = 'run';
export const CONTROL_SOCKET = 'control.sock';
// sun_path holds 108 bytes on Linux, with the terminating zero
const MAX_SOCKET_PATH = 107;
const MAX_REQUEST_BYTES = 4096;
const MAX_FRAME_BYTES = 16 * 1024 * 1024;
const FRAME = { data: 0x44, done: 0x46, error: 0x45 } as const;

export function controlSocketPath(dataDir: string): string {
  return path.join(path.resolve(dataDir), CONTROL_DIR, CONTROL_SOCKET);
}

export interface ControlHandlers {
  /** Writes the archive into `sink` and resolves with its summary; `label` names who asked, for the audit log. */
  backup(sink: Writable, label: string): Promise<BackupSummary>;
}

export interface ControlChannel {
  path: string;
  close(): Promise<void>;
}

function frame(type: number, payload: Buffer): Buffer[] {
  const head = Buffer.alloc(5);
  head[0] = type;
  head.writeUInt32BE(payload.length, 1);
  return [head, payload];
}

/** The sink a backup writes into: each chunk becomes a 'D' frame, written before the next is taken. */
function dataFrames(conn: net.Socket): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (let i = 0; i < chunk.length; i += MAX_FRAME_BYTES) {
        const [head, payload] = frame(FRAME.data, chunk.subarray(i, i + MAX_FRAME_BYTES));
        conn.write(head!);
        if (i + MAX_FRAME_BYTES >= chunk.length) conn.write(payload!, (err) => done(err ?? null));
        else conn.write(payload!);
      }
    },
  });
}

function safeLabel(value: unknown): string {
  // self-declared, so only a name for the log: whoever can connect is the data folder's owner anyway
  return typeof value === 'string' && /^[\w.:@-]{1,64}$/.test(value) ? `${value} (control socket)` : 'control socket';
}

/** A private folder for the socket; refuses one that is a link or belongs to someone else. */
function privateRunDir(dataDir: string): string {
  const dir = path.join(path.resolve(dataDir), CONTROL_DIR);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = fs.lstatSync(dir);
  if (!st.isDirectory() || (process.getuid && st.uid !== process.getuid())) throw new Error(`${dir} is not a folder owned by this user`);
  fs.chmodSync(dir, 0o700);
  return dir;
}

/**
 * Listens on <dataDir>/run/control.sock. Call it only while holding the data folder's lock:
 * a socket file found there is then a dead server's and is removed.
 */
export async function openControlChannel(opts: {
  dataDir: string;
  handlers: ControlHandlers;
  log: (message: string, err?: unknown) => void;
}): Promise<ControlChannel> {
  const socketPath = path.join(privateRunDir(opts.dataDir), CONTROL_SOCKET);
  if (Buffer.byteLength(socketPath) > MAX_SOCKET_PATH) throw new Error(`control socket path longer than ${MAX_SOCKET_PATH} bytes: ${socketPath}`);
  fs.rmSync(socketPath, { force: true });
  let busy = false;
  const connections = new Set<net.Socket>();
  const server = net.createServer((conn) => {
    connections.add(conn);
    conn.on('close', () => connections.delete(conn));
    conn.on('error', () => conn.destroy());
    void serve(conn);
  });

  async function serve(conn: net.Socket): Promise<void> {
    const fail = (message: string): void => {
      conn.end(Buffer.concat(frame(FRAME.error, Buffer.from(JSON.stringify({ message })))));
    };
    let request: { op?: unknown; label?: unknown };
    // a client that connects and says nothing is dropped; the backup itself may take as long as it needs
    conn.setTimeout(30_000, () => conn.destroy());
    try {
      request = await readRequestLine(conn);
    } catch {
      return fail('Yêu cầu không hợp lệ / bad request');
    } finally {
      conn.setTimeout(0);
    }
    if (request.op !== 'backup') return fail(`Không biết thao tác "${String(request.op)}" / unknown operation`);
    if (busy) return fail('Máy chủ đang sao lưu, hãy thử lại sau / a backup is already running');
    busy = true;
    try {
      const summary = await opts.handlers.backup(dataFrames(conn), safeLabel(request.label));
      conn.end(Buffer.concat(frame(FRAME.done, Buffer.from(JSON.stringify(summary)))));
    } catch (err) {
      opts.log('backup over the control channel failed', err);
      if (!conn.destroyed) fail(err instanceof BackupError ? err.message : `Sao lưu thất bại / backup failed: ${(err as Error).message}`);
    } finally {
      busy = false;
    }
  }

  server.listen(socketPath);
  await once(server, 'listening');
  fs.chmodSync(socketPath, 0o600);
  return {
    path: socketPath,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const c of connections) c.destroy();
      await closed;
      fs.rmSync(socketPath, { force: true });
    },
  };
}

function readRequestLine(conn: net.Socket): Promise<{ op?: unknown; label?: unknown }> {
  return new Promise((resolve, reject) => {
    let buf = Buffer.alloc(0);
    const stop = (err: Error | null, line?: Buffer) => {
      conn.off('data', onData);
      conn.off('end', onEnd);
      // the client sends nothing after its line: leave the rest unread
      conn.pause();
      if (err) return reject(err);
      try {
        resolve(JSON.parse(line!.toString('utf8')) as { op?: unknown; label?: unknown });
      } catch (e) {
        reject(e as Error);
      }
    };
    const onData = (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      const nl = buf.indexOf(0x0a);
      if (nl !== -1) stop(null, buf.subarray(0, nl));
      else if (buf.length > MAX_REQUEST_BYTES) stop(new Error('request too long'));
    };
    const onEnd = () => stop(new Error('no request line'));
    conn.on('data', onData);
    conn.on('end', onEnd);
  });
}

/**
 * Asks the server on `socketPath` for a backup and writes the archive into `sink` (ended at the
 * end). Rejects with code ENOENT or ECONNREFUSED when no server listens, for the caller to fall back.
 */
export async function requestBackup(socketPath: string, sink: Writable, label: string): Promise<BackupSummary> {
  const conn = net.createConnection(socketPath);
  // rejects with the socket's error (ENOENT, ECONNREFUSED, EACCES) when it cannot connect
  await once(conn, 'connect');
  conn.write(`${JSON.stringify({ op: 'backup', label })}\n`);
  let buf: Buffer = Buffer.alloc(0);
  try {
    for await (const chunk of conn as AsyncIterable<Buffer>) {
      buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
      while (buf.length >= 5) {
        const length = buf.readUInt32BE(1);
        if (length > MAX_FRAME_BYTES) throw new BackupError('Kênh điều khiển trả lời sai giao thức / control channel protocol error');
        if (buf.length < 5 + length) break;
        const type = buf[0];
        const payload = buf.subarray(5, 5 + length);
        buf = buf.subarray(5 + length);
        if (type === FRAME.data) {
          if (!sink.write(payload)) await once(sink, 'drain');
        } else if (type === FRAME.done) {
          sink.end();
          await once(sink, 'finish');
          return JSON.parse(payload.toString('utf8')) as BackupSummary;
        } else if (type === FRAME.error) {
          throw new BackupError((JSON.parse(payload.toString('utf8')) as { message: string }).message);
        } else throw new BackupError('Kênh điều khiển trả lời sai giao thức / control channel protocol error');
      }
    }
  } finally {
    conn.destroy();
  }
  throw new BackupError('Máy chủ đóng kết nối trước khi sao lưu xong / the server closed the connection before the backup was complete');
}
