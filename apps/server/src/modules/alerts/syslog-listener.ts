import net from 'node:net';
import dgram from 'node:dgram';
import { parseSyslog, syslogToAlert, SyslogFrameDecoder, type NormalisedAlert } from '@khien/formats';
import type { Db } from '../../platform/db/client.js';
import { ingestAlerts, type Sender } from './alerts-intake.service.js';

/** Lines wait at most this long, or until this many, before one insert: throughput without a slow first alert. */
const FLUSH_MS = 50;
const FLUSH_LINES = 1_000;
/** A connection whose lines are not yet stored past this many is paused: TCP itself tells the sender to wait. */
const PAUSE_AT = 5_000;
const MAX_FRAME_BYTES = 64 * 1024;
/** Devices in Vietnam log their local time (UTC+7) when RFC 3164 gives no zone. */
const LOCAL_OFFSET_MINUTES = 420;

export interface SyslogListener {
  tcpPort: number;
  udpPort: number;
  /** lines stored so far, and lines lost (UDP datagrams that could not be stored; TCP loses none) */
  stats: { stored: number; failed: number; oversized: number };
  close(): Promise<void>;
}

/**
 * Syslog over TCP (octet counting and newline framing, per frame) and UDP on one port. Every
 * line is kept: a line that is not syslog is stored as raw text with its parse error, not
 * dropped. Lines are stored in batches; a TCP sender outrunning the database is paused (its
 * socket stops reading) until its lines are stored — back-pressure, not an unbounded buffer.
 */
export async function startSyslog(
  db: Db,
  opts: { host: string; port: number; sender: Omit<Sender, 'label'>; onStored?: () => void; onError?: (err: unknown) => void },
): Promise<SyslogListener> {
  const stats = { stored: 0, failed: 0, oversized: 0 };
  const pending: { alert: NormalisedAlert; from: string }[] = [];
  let timer: NodeJS.Timeout | null = null;
  const paused = new Set<net.Socket>();

  /**
   * One writer at a time, taking everything that waits (up to 5,000 lines an insert): under load
   * the batches grow by themselves, at rest a line waits at most FLUSH_MS.
   */
  let writing: Promise<void> | null = null;
  const write = async () => {
    while (pending.length) {
      const batch = pending.splice(0, PAUSE_AT);
      // one insert per sending address, so each alert names the device it came from
      const byFrom = new Map<string, NormalisedAlert[]>();
      for (const p of batch) byFrom.set(p.from, [...(byFrom.get(p.from) ?? []), p.alert]);
      for (const [from, alerts] of byFrom) {
        try {
          await ingestAlerts(db, { ...opts.sender, label: `syslog ${from}` }, alerts);
          stats.stored += alerts.length;
        } catch (err) {
          stats.failed += alerts.length;
          opts.onError?.(err);
        }
      }
      opts.onStored?.();
      if (pending.length < PAUSE_AT) {
        for (const s of paused) s.resume();
        paused.clear();
      }
    }
  };
  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!writing) writing = write().finally(() => (writing = null));
    return writing;
  };

  const accept = (line: string, from: string, socket: net.Socket | null) => {
    if (line.trim() === '') return;
    const receivedAt = new Date();
    const m = parseSyslog(line, { receivedAt, assumeOffsetMinutes: LOCAL_OFFSET_MINUTES });
    pending.push({ alert: syslogToAlert(m, { receivedAt, assumeOffsetMinutes: LOCAL_OFFSET_MINUTES }), from });
    if (pending.length >= FLUSH_LINES) void flush();
    else if (!timer && !writing) timer = setTimeout(() => void flush(), FLUSH_MS);
    if (socket && pending.length >= PAUSE_AT && !paused.has(socket)) {
      socket.pause();
      paused.add(socket);
    }
  };

  const sockets = new Set<net.Socket>();
  const tcp = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const decoder = new SyslogFrameDecoder({ maxFrameBytes: MAX_FRAME_BYTES });
    const from = socket.remoteAddress?.replace(/^::ffff:/, '') ?? 'unknown';
    socket.setTimeout(10 * 60_000, () => socket.destroy());
    socket.on('data', (chunk) => {
      const out = decoder.push(chunk);
      stats.oversized += out.oversized;
      for (const f of out.frames) accept(f, from, socket);
    });
    socket.on('end', () => {
      const out = decoder.end();
      for (const f of out.frames) accept(f, from, null);
      void flush();
    });
    socket.on('error', () => socket.destroy());
  });
  tcp.maxConnections = 1_000;
  await new Promise<void>((resolve, reject) => {
    tcp.once('error', reject);
    tcp.listen(opts.port, opts.host, () => resolve());
  });
  const tcpPort = (tcp.address() as net.AddressInfo).port;
  const udp = dgram.createSocket(opts.host.includes(':') ? 'udp6' : 'udp4');
  udp.on('message', (msg, rinfo) => {
    // one datagram, one message (RFC 5426); a trailing newline is not part of it
    accept(
      msg
        .subarray(0, MAX_FRAME_BYTES)
        .toString('utf8')
        .replace(/[\r\n\0]+$/, ''),
      rinfo.address,
      null,
    );
  });
  udp.on('error', (err) => opts.onError?.(err));
  await new Promise<void>((resolve, reject) => {
    udp.once('error', reject);
    // the same port number as TCP, as syslog senders expect (514 / 6514 pairs)
    udp.bind(tcpPort, opts.host, () => resolve());
  });
  return {
    tcpPort,
    udpPort: udp.address().port,
    stats,
    async close() {
      await new Promise<void>((resolve) => udp.close(() => resolve()));
      const closed = new Promise<void>((resolve) => tcp.close(() => resolve()));
      // a sender that keeps its connection open would hold the close forever: what it sent is decoded already
      for (const s of sockets) s.end();
      setTimeout(() => sockets.forEach((s) => s.destroy()), 1_000).unref();
      await closed;
      await flush();
      // lines that came while the last batch was written
      if (pending.length) await flush();
    },
  };
}
