import { sql } from 'drizzle-orm';
import { parseAlertBody, tetDate } from '@khien/formats';
import type { AuditContext } from '../platform/audit/audit.js';
import { queryRows, type Db } from '../platform/db/client.js';
import { demoDuty } from '../modules/duty/index.js';
import { ingestAlerts, processDueAlerts } from '../modules/alerts/index.js';
import { DEMO_ACTOR as actor } from './demo-inventory.js';

const H = 3_600_000;
const DAY = 24 * H;

/** Today's 07:30 in Vietnam (UTC+7), the usual handover, as an instant. */
function handoverToday(now: number): Date {
  const local = new Date(now + 7 * H);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), 7, 30) - 7 * H);
}

/**
 * The demo province's duty and alerts on the first start: the monitoring centre's 24/7 roster,
 * which leaves mùng 1–2 of the next Tết uncovered (so the coverage check has a gap to show), a
 * school's weekly roster; then four alerts as the monitoring centre's Wazuh and Suricata would
 * send them — one for the school's PC by its Wazuh agent, one to an address in the provincial
 * office's IP space, one for a ward's PC by host name, one the inventory does not know — routed
 * and told like any other.
 */
export async function seedDemoAlerts(db: Db, ids: { province: string; soc: string; school: string; provincePath: string }, audit: AuditContext): Promise<void> {
  const a = { ...audit, actor };
  const people = await queryRows<{ id: string; email: string }>(
    db,
    sql`select id, email from users where email in ('truc.soc@khien.local', 'cntt.thcs.trancan@khien.local')`,
  );
  const who = (email: string) => people.find((p) => p.email === email)!.id;
  const now = Date.now();
  const start = new Date(handoverToday(now).getTime() - 7 * DAY);
  const tet = Date.parse(`${tetDate(new Date(now + 7 * H).getUTCFullYear() + 1)}T00:00:00Z`) - 7 * H;
  await demoDuty.createRotation(
    db,
    actor,
    ids.soc,
    {
      name: 'Trực 24/7 Trung tâm Giám sát',
      startsAt: start.toISOString(),
      length: { kind: 'daily' },
      participantIds: [who('truc.soc@khien.local')],
      endsAt: new Date(tet + 7.5 * H).toISOString(),
    },
    a,
  );
  await demoDuty.createRotation(
    db,
    actor,
    ids.soc,
    {
      name: 'Trực 24/7 sau Tết',
      startsAt: new Date(tet + 2 * DAY + 7.5 * H).toISOString(),
      length: { kind: 'daily' },
      participantIds: [who('truc.soc@khien.local')],
    },
    a,
  );
  await demoDuty.createRotation(
    db,
    actor,
    ids.school,
    { name: 'Trực phòng máy', startsAt: start.toISOString(), length: { kind: 'weekly' }, participantIds: [who('cntt.thcs.trancan@khien.local')] },
    a,
  );

  // the school's PC as a Wazuh inventory import records it: agent 001 of the province's manager
  const [pc] = await queryRows<{ id: string }>(
    db,
    sql`insert into assets (org_id, kind, name, hostname, ip_addresses, os_name, source) values (${ids.school}, 'workstation', 'Máy tính phòng tin học 01', 'thcs-trancan-pc01', '{10.10.5.21}', 'Windows 10 Pro', 'wazuh') returning id`,
  );
  await db.execute(sql`insert into asset_identities (scope_org_id, key, asset_id) values (${ids.school}, 'wazuh-agent:001', ${pc!.id})`);

  const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+0000');
  const bodies: [string, unknown][] = [
    [
      'wazuh',
      {
        timestamp: iso(now - 4 * 60_000),
        rule: { level: 12, description: 'Phát hiện mã độc trên máy phòng tin học', id: '62123', groups: ['windows', 'malware'] },
        agent: { id: '001', name: 'thcs-trancan-pc01', ip: '10.10.5.21' },
        manager: { name: 'wazuh-manager' },
        id: `${Math.floor(now / 1000)}.1001`,
        full_log: 'Microsoft Defender Antivirus has detected malware: Trojan:Win32/Emotet',
        location: 'EventChannel',
      },
    ],
    [
      'suricata',
      {
        timestamp: iso(now - 20 * 60_000),
        flow_id: 1234567890123,
        event_type: 'alert',
        src_ip: '192.0.2.5',
        src_port: 49812,
        dest_ip: '203.0.113.66',
        dest_port: 443,
        proto: 'TCP',
        alert: { action: 'allowed', signature_id: 2030358, signature: 'ET MALWARE Botnet C2 beacon', category: 'A Network Trojan was detected', severity: 1 },
      },
    ],
    [
      'generic',
      {
        id: 'demo-ml-1',
        title: 'Máy văn thư gửi thư rác hàng loạt',
        severity: 'high',
        host: { name: 'ml-vt-01' },
        occurredAt: new Date(now - 2 * H).toISOString(),
      },
    ],
    [
      'generic',
      { id: 'demo-unknown-1', title: 'Quét cổng từ một máy lạ trong mạng tỉnh', severity: 'medium', host: { name: 'may-la-07' }, ips: ['10.99.0.7'] },
    ],
  ];
  const sender = { orgId: ids.province, orgPath: ids.provincePath, tokenId: null, label: 'Trung tâm Giám sát (mẫu)' };
  for (const [format, body] of bodies) await ingestAlerts(db, sender, parseAlertBody(body, format as 'generic').alerts, new Date(now - 5 * 60_000));
  await processDueAlerts(db);
}
