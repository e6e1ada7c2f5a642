/**
 * Real senders, not hand-written bodies: util-linux `logger` over TCP (octet counting and newline
 * framing) and UDP, rsyslog forwarding with octet-counted framing, and Debian's Prometheus
 * Alertmanager firing its webhook (version 4) at the intake. `.ci/run` installs all three.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/platform/db/client.js';
import { processDueAlerts, startSyslog, type SyslogListener } from '../src/modules/alerts/index.js';
import { createTestApp, type TestApp } from './harness.js';
import { buildAlertsTree, pathOf, type AlertsTree } from './support/alerts-testbed.js';

const run = promisify(execFile);
let t: TestApp;
let tree: AlertsTree;
let syslog: SyslogListener;
let tmp: string;
const children: ChildProcess[] = [];

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function until<T>(what: string, f: () => Promise<T | null | undefined | false>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const byMessage = (text: string) => async () => {
  const [r] = await queryRows<{
    format: string;
    title: string;
    severity: string;
    host: string | null;
    labels: Record<string, string>;
    raw: unknown;
    sender_label: string;
  }>(
    t.database.db,
    sql`select format, title, severity, host, labels, raw, sender_label from alerts where title like ${`%${text}%`} or description like ${`%${text}%`} limit 1`,
  );
  return r;
};

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'khien-senders-'));
  t = await createTestApp();
  tree = await buildAlertsTree(t, 'snd');
  syslog = await startSyslog(t.database.db, {
    host: '127.0.0.1',
    port: 0,
    sender: { orgId: tree.province, orgPath: await pathOf(t, tree.province), tokenId: null },
  });
});
afterAll(async () => {
  for (const c of children) c.kill('SIGTERM');
  await syslog?.close();
  await t?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('util-linux logger', () => {
  it('RFC 5424 over TCP with octet counting', async () => {
    await run('logger', [
      '-n',
      '127.0.0.1',
      '-P',
      String(syslog.tcpPort),
      '-T',
      '--octet-count',
      '--rfc5424',
      '--msgid',
      'KHIEN',
      '-p',
      'auth.crit',
      '-t',
      'sshd',
      'Đăng nhập thất bại nhiều lần từ 198.51.100.7 octet-5424',
    ]);
    const a = await until('the octet-counted line', byMessage('octet-5424'));
    expect(a.format).toBe('syslog');
    expect(a.severity).toBe('critical');
    expect(a.sender_label).toBe('syslog 127.0.0.1');
  });
  it('RFC 3164 over TCP with newline framing', async () => {
    await run('logger', [
      '-n',
      '127.0.0.1',
      '-P',
      String(syslog.tcpPort),
      '-T',
      '--rfc3164',
      '-p',
      'daemon.warning',
      '-t',
      'named',
      'truy vấn DNS lạ newline-3164',
    ]);
    const a = await until('the newline-framed line', byMessage('newline-3164'));
    expect(a.severity).toBe('medium');
  });
  it('RFC 5424 over UDP', async () => {
    await run('logger', ['-n', '127.0.0.1', '-P', String(syslog.udpPort), '-d', '--rfc5424', '-p', 'local0.err', 'mã độc udp-5424']);
    const a = await until('the UDP datagram', byMessage('udp-5424'));
    expect(a.severity).toBe('high');
  });
  it('a line that is not syslog is kept as raw text with the parse error', async () => {
    const sock = net.connect(syslog.tcpPort, '127.0.0.1');
    await new Promise<void>((r) => sock.on('connect', () => r()));
    sock.end('đây không phải syslog not-syslog-line\n');
    const a = await until('the raw line', byMessage('not-syslog-line'));
    expect(a.labels['parse_error']).toMatch(/./);
    expect(a.title).toContain('đây không phải syslog');
  });
});

describe('rsyslog forwarding with octet-counted framing', () => {
  it('delivers what it received to the listener', async () => {
    const inPort = await freePort();
    const conf = path.join(tmp, 'rsyslog.conf');
    fs.writeFileSync(
      conf,
      [
        `global(workDirectory="${tmp}")`,
        'module(load="imudp")',
        `input(type="imudp" address="127.0.0.1" port="${inPort}")`,
        `action(type="omfwd" target="127.0.0.1" port="${syslog.tcpPort}" protocol="tcp" TCP_Framing="octet-counted" template="RSYSLOG_SyslogProtocol23Format")`,
        '',
      ].join('\n'),
    );
    const rsyslog = spawn('/usr/sbin/rsyslogd', ['-n', '-f', conf, '-i', path.join(tmp, 'rsyslog.pid')], { stdio: ['ignore', 'ignore', 'pipe'] });
    children.push(rsyslog);
    let stderr = '';
    rsyslog.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    // rsyslog takes a moment to bind; logger over UDP does not wait, so send until one arrives
    const found = await until(
      `rsyslog to forward (stderr: ${stderr})`,
      async () => {
        await run('logger', ['-n', '127.0.0.1', '-P', String(inPort), '-d', '--rfc3164', '-p', 'auth.alert', '-t', 'kernel', 'qua rsyslog via-rsyslog']);
        return byMessage('via-rsyslog')();
      },
      30_000,
    );
    expect(found.format).toBe('syslog');
    expect(found.severity).toBe('critical');
  });
});

describe('Prometheus Alertmanager', () => {
  it('fires its webhook at the intake; the alert is routed by its instance to the school', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const amPort = await freePort();
    const conf = path.join(tmp, 'alertmanager.yml');
    fs.writeFileSync(
      conf,
      [
        'route:',
        '  receiver: khien',
        '  group_by: [alertname, instance]',
        '  group_wait: 1s',
        '  group_interval: 2s',
        '  repeat_interval: 1h',
        'receivers:',
        '  - name: khien',
        '    webhook_configs:',
        `      - url: ${address}/api/v1/alerts/intake/alertmanager`,
        '        send_resolved: true',
        '        http_config:',
        '          authorization:',
        '            type: Bearer',
        `            credentials: ${tree.token}`,
        '',
      ].join('\n'),
    );
    const am = spawn(
      'prometheus-alertmanager',
      [`--config.file=${conf}`, `--storage.path=${path.join(tmp, 'am')}`, `--web.listen-address=127.0.0.1:${amPort}`, '--cluster.listen-address='],
      { stdio: 'ignore' },
    );
    children.push(am);
    const alert = [
      { labels: { alertname: 'MayChuQuaTai', severity: 'critical', instance: 'pc-thcs-snd:9100' }, annotations: { summary: 'CPU 100% trên máy phòng máy' } },
    ];
    await until('Alertmanager to take the alert', async () => {
      try {
        return (
          await fetch(`http://127.0.0.1:${amPort}/api/v2/alerts`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(alert),
          })
        ).ok;
      } catch {
        return false;
      }
    });
    const row = await until('the webhook to reach us', async () => {
      const rows = await queryRows<{ id: string; format: string; severity: string }>(
        t.database.db,
        sql`select id, format, severity from alerts where format = 'alertmanager'`,
      );
      return rows[0];
    });
    expect(row).toMatchObject({ format: 'alertmanager', severity: 'critical' });
    await processDueAlerts(t.database.db);
    const [routed] = await queryRows<{ org_id: string; routed_by: string }>(t.database.db, sql`select org_id, routed_by from alerts where id = ${row.id}`);
    expect(routed).toEqual({ org_id: tree.school, routed_by: 'hostname' });
  }, 60_000);
});
