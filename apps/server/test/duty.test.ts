/**
 * 24/7 duty through the API: a roster with its handover, who is on duty now, overrides and
 * swaps, a person leaving without anyone skipped, the coverage check that knows Tết, and the
 * roster as XLSX and iCalendar both ways.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { tetDate } from '@khien/formats';
import { queryRows } from '../src/platform/db/client.js';
import { warnCoverageGaps } from '../src/modules/duty/index.js';
import { buildOrg, buildUser, createTestApp, postFile, signIn, type Client, type TestApp, type TestUser } from './harness.js';

let t: TestApp;
let org: string;
let other: string;
let keeper: Client;
const people: TestUser[] = [];
let head: TestUser;
const H = 3_600_000;

beforeAll(async () => {
  t = await createTestApp();
  const province = (await buildOrg(t, { name: 'Tỉnh Trực', kind: 'province' })).id;
  const commune = (await buildOrg(t, { parentId: province, name: 'Xã Trực', kind: 'commune' })).id;
  org = (await buildOrg(t, { parentId: commune, name: 'Công an xã Trực', kind: 'police' })).id;
  other = (await buildOrg(t, { parentId: province, name: 'Xã Khác', kind: 'commune' })).id;
  for (let i = 0; i < 3; i++) people.push(await buildUser(t, { homeOrgId: org, grants: [{ role: 'duty_officer', orgId: org }] }));
  head = await buildUser(t, { homeOrgId: commune, grants: [{ role: 'commune_coordinator', orgId: commune }] });
  const officer = await buildUser(t, { homeOrgId: org, grants: [{ role: 'unit_officer', orgId: org }] });
  keeper = await signIn(t, officer);
});
afterAll(async () => t.close());

// a daily rotation handing over at 07:30 Vietnam time, started yesterday
function startOfRotation(): string {
  const now = new Date();
  const localMidnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - 7 * H;
  return new Date(localMidnight - 24 * H + 7.5 * H).toISOString();
}

describe('a rotation', () => {
  let rotationId: string;
  let version: number;
  it('is created with its people in order and hands over at 07:30 local', async () => {
    const res = await keeper.send('POST', '/api/v1/duty/rotations', {
      orgId: org,
      name: 'Trực ban ngày',
      startsAt: startOfRotation(),
      length: { kind: 'daily' },
      participantIds: people.map((p) => p.id),
    });
    expect(res.statusCode, res.body).toBe(201);
    rotationId = res.json().id;
    version = res.json().version;
    const from = startOfRotation();
    const cal = (await keeper.get(`/api/v1/duty/calendar?orgId=${org}&from=${from}&to=${new Date(Date.parse(from) + 3 * 24 * H).toISOString()}`)).json() as {
      shifts: { userId: string; start: string }[];
    };
    expect(cal.shifts.map((s) => s.userId)).toEqual(people.map((p) => p.id));
    expect(cal.shifts[0]!.start.endsWith('T00:30:00.000Z')).toBe(true);
  });

  it('"who is on duty now" names today’s person, with until when', async () => {
    const now = (await keeper.get(`/api/v1/duty/now?orgId=${org}`)).json() as {
      items: { orgId: string; source: string; people: { userId: string; until: string }[] }[];
    };
    const row = now.items.find((i) => i.orgId === org)!;
    expect(row.source).toBe('roster');
    // shift 0 was yesterday's, so today is people[1] (or people[0]/[2] right around the 07:30 handover)
    const hoursSinceStart = (Date.now() - Date.parse(startOfRotation())) / H;
    expect(row.people[0]!.userId).toBe(people[Math.floor(hoursSinceStart / 24) % 3]!.id);
  });

  it('an override puts someone else on for part of a shift, and is shown as such', async () => {
    const start = new Date(Date.now() - H).toISOString();
    const end = new Date(Date.now() + H).toISOString();
    const res = await keeper.send('POST', '/api/v1/duty/overrides', {
      orgId: org,
      rotationId,
      start,
      end,
      userId: people[2]!.id,
      replacesUserId: null,
      reason: 'Tăng cường',
    });
    expect(res.statusCode, res.body).toBe(201);
    const now = (await keeper.get(`/api/v1/duty/now?orgId=${org}`)).json() as { items: { orgId: string; people: { userId: string; overridden: boolean }[] }[] };
    expect(now.items.find((i) => i.orgId === org)!.people.some((p) => p.userId === people[2]!.id && p.overridden)).toBe(true);
    expect((await keeper.send('DELETE', `/api/v1/duty/overrides/${res.json().id}`)).statusCode).toBe(200);
  });

  it('a swap trades two shifts and is stored as two overrides', async () => {
    const res = await keeper.send('POST', `/api/v1/duty/rotations/${rotationId}/swap`, { shiftA: 3, shiftB: 4, reason: 'Đổi ca' });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { userId: string; replacesUserId: string }[];
    expect(items.map((o) => [o.userId, o.replacesUserId])).toEqual([
      [people[1]!.id, people[0]!.id],
      [people[0]!.id, people[1]!.id],
    ]);
  });

  it('someone leaving a running rotation: it continues from the next handover, nobody skipped', async () => {
    const res = await keeper.send('PATCH', `/api/v1/duty/rotations/${rotationId}`, { version, participantIds: [people[0]!.id, people[2]!.id] });
    expect(res.statusCode, res.body).toBe(200);
    const successor = res.json() as { id: string; startsAt: string; participants: { userId: string }[] };
    expect(successor.id).not.toBe(rotationId);
    // the successor starts at a 07:30 handover and with someone of the new list, in the caller's order
    expect(successor.startsAt.endsWith('T00:30:00.000Z')).toBe(true);
    expect(successor.participants.map((p) => p.userId).sort()).toEqual([people[0]!.id, people[2]!.id].sort());
    const [old] = await queryRows<{ ends_at: Date }>(t.database.db, sql`select ends_at from duty_rotations where id = ${rotationId}`);
    expect(new Date(old!.ends_at).toISOString()).toBe(successor.startsAt);
  });

  it('is kept by its own org: another commune’s officer gets 404, a reader 403', async () => {
    const outsider = await signIn(t, await buildUser(t, { homeOrgId: other, grants: [{ role: 'unit_officer', orgId: other }] }));
    expect(
      (await outsider.get(`/api/v1/duty/calendar?orgId=${org}&from=${new Date().toISOString()}&to=${new Date(Date.now() + H).toISOString()}`)).statusCode,
    ).toBe(404);
    const reader = await signIn(t, people[0]!);
    expect(
      (
        await reader.send('POST', '/api/v1/duty/overrides', {
          orgId: org,
          start: new Date().toISOString(),
          end: new Date(Date.now() + H).toISOString(),
          userId: people[0]!.id,
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('the coverage check', () => {
  it('shows the gap we leave in a Tết roster, as mandatory, and warns the org’s head once', async () => {
    const tetOrg = (await buildOrg(t, { parentId: org, name: 'Tổ trực Tết', kind: 'other' })).id;
    const tet = tetDate(new Date().getUTCFullYear() + 1);
    const tetMidnight = Date.parse(`${tet}T00:00:00Z`) - 7 * H;
    const p = people[0]!;
    await t.database.db.execute(sql`update users set home_org_id = ${tetOrg} where id = ${p.id}`);
    await t.database.db.execute(sql`insert into grants (user_id, role, org_id) values (${head.id}, 'commune_coordinator', ${tetOrg})`);
    // the roster covers the three days before Tết and mùng 1, then nothing on mùng 2
    const from = new Date(tetMidnight - 3 * 24 * H);
    const officer = await signIn(t, await buildUser(t, { homeOrgId: tetOrg, grants: [{ role: 'unit_officer', orgId: tetOrg }] }));
    for (const [s, e] of [
      [from.getTime(), tetMidnight + 24 * H],
      [tetMidnight + 48 * H, tetMidnight + 10 * 24 * H],
    ] as const) {
      const r = await officer.send('POST', '/api/v1/duty/overrides', {
        orgId: tetOrg,
        start: new Date(s).toISOString(),
        end: new Date(e).toISOString(),
        userId: p.id,
        reason: 'Trực Tết',
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    await officer.send('POST', '/api/v1/duty/rotations', {
      orgId: tetOrg,
      name: 'Trực Tết',
      startsAt: new Date(tetMidnight + 20 * 24 * H).toISOString(),
      length: { kind: 'daily' },
      participantIds: [p.id],
    });
    const res = await officer.get(`/api/v1/duty/coverage?orgId=${tetOrg}&from=${from.toISOString()}&to=${new Date(tetMidnight + 10 * 24 * H).toISOString()}`);
    expect(res.statusCode, res.body).toBe(200);
    const cov = res.json() as {
      gaps: { start: string; end: string; mandatory: boolean; reasons: { code: string }[] }[];
      holidays: { date: string; kind: string }[];
    };
    expect(cov.gaps).toHaveLength(1);
    expect(cov.gaps[0]!.start).toBe(new Date(tetMidnight + 24 * H).toISOString());
    expect(cov.gaps[0]!.end).toBe(new Date(tetMidnight + 48 * H).toISOString());
    expect(cov.gaps[0]!.mandatory).toBe(true);
    expect(cov.gaps[0]!.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['no_one', 'tet']));
    expect(cov.holidays.filter((h) => h.kind === 'tet').map((h) => h.date)).toContain(tet);
    // the daily check, run as if two weeks before: the head is told once
    const before = new Date(tetMidnight - 5 * 24 * H);
    expect((await warnCoverageGaps(t.database.db, before)).warned).toBeGreaterThanOrEqual(1);
    expect((await warnCoverageGaps(t.database.db, before)).warned).toBe(0);
    const [n] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from notifications where user_id = ${head.id} and kind = 'duty.coverage_gap'`,
    );
    expect(n!.n).toBe(1);
  });
});

describe('roster files', () => {
  it('XLSX out and back in; every bad row named with all its problems', async () => {
    const from = new Date(Date.now() - 24 * H).toISOString();
    const to = new Date(Date.now() + 6 * 24 * H).toISOString();
    const xlsx = await keeper.get(`/api/v1/duty/export.xlsx?orgId=${org}&from=${from}&to=${to}`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = wb.worksheets[0]!;
    expect(String(sheet.getRow(2).getCell(1).value)).toBe('Ngày');
    expect(String(sheet.getRow(3).getCell(4).value)).toMatch(/Người dùng/);
    // the same file imported into a fresh org whose people have the same names: the dry run finds nobody of that org
    const dry = await postFile(t, keeper, `/api/v1/duty/import?orgId=${org}&dryRun=1`, { name: 'lich.xlsx', data: xlsx.rawPayload });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, created: 0 });
    // a hand-made sheet: an impossible date and a bad time in one row, an unknown person in another
    const hand = new ExcelJS.Workbook();
    const s = hand.addWorksheet('Lịch trực');
    s.addRow(['Ngày', 'Từ', 'Đến', 'Người trực', 'Ghi chú']);
    s.addRow(['31/02/2026', '25:00', '07:30', people[0]!.email, '']);
    s.addRow(['01/03/2026', '07:30', '07:30', 'Không Có Ai', '']);
    s.addRow(['02/03/2026', '07:30', '17:00', people[1]!.email, 'Ca ngày']);
    const bad = await postFile(t, keeper, `/api/v1/duty/import?orgId=${org}&dryRun=0`, { name: 'tay.xlsx', data: Buffer.from(await hand.xlsx.writeBuffer()) });
    expect(bad.statusCode, bad.body).toBe(200);
    const problems = bad.json().problems as { row: number; column: string }[];
    expect(
      problems
        .filter((p) => p.row === 2)
        .map((p) => p.column)
        .sort(),
    ).toEqual(expect.arrayContaining(['date', 'from']));
    expect(problems.some((p) => p.row === 3 && p.column === 'person')).toBe(true);
    expect(bad.json().created).toBe(0);
  });

  it('iCalendar out (folded, CRLF) and back in as overrides', async () => {
    const from = new Date(Date.now() + 30 * 24 * H);
    const to = new Date(from.getTime() + 3 * 24 * H);
    const ics = await keeper.get(`/api/v1/duty/export.ics?orgId=${org}&from=${from.toISOString()}&to=${to.toISOString()}`);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toMatch(/text\/calendar/);
    expect(ics.body.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    const events = ics.body.match(/BEGIN:VEVENT/g)?.length ?? 0;
    expect(events).toBeGreaterThanOrEqual(3);
    const res = await postFile(t, keeper, `/api/v1/duty/import?orgId=${org}&dryRun=0`, { name: 'lich.ics', data: ics.body, type: 'text/calendar' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: false, created: events, problems: [] });
  });
});
