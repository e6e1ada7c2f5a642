import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';

// The move of directive assignments and system checklists into the work tables (migrations 0008
// and 0009), on a database holding data written by the version before: every row arrives, the
// copy run twice adds nothing, and the old tables go only once the counts agree.

const MIGRATIONS = path.resolve(import.meta.dirname, '../db/migrations');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'khien-work-migration-'));
let pg: PGlite;

/** A migrations folder holding the first `upTo` migrations (by journal index, inclusive). */
function folderUpTo(upTo: number): string {
  const dir = path.join(tmp, `upto-${upTo}`);
  fs.mkdirSync(path.join(dir, 'meta'), { recursive: true });
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };
  const entries = journal.entries.filter((e) => e.idx <= upTo);
  for (const e of entries) fs.copyFileSync(path.join(MIGRATIONS, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
  return dir;
}

const label = (id: string) => id.replace(/-/g, '_');
const P = '10000000-0000-4000-8000-000000000001';
const W = '10000000-0000-4000-8000-000000000002';
const S1 = '10000000-0000-4000-8000-000000000003';
const S2 = '10000000-0000-4000-8000-000000000004';
const D = '20000000-0000-4000-8000-000000000001';
const SEC = '20000000-0000-4000-8000-000000000002';
const T1 = '20000000-0000-4000-8000-000000000003';
const T2 = '20000000-0000-4000-8000-000000000004';
const A1 = '30000000-0000-4000-8000-000000000001';
const A2 = '30000000-0000-4000-8000-000000000002';
const AT1 = '30000000-0000-4000-8000-000000000003';
const F1 = '40000000-0000-4000-8000-000000000001';
const F2 = '40000000-0000-4000-8000-000000000002';
const SYS = '50000000-0000-4000-8000-000000000001';
const SYS_UNCLASSIFIED = '50000000-0000-4000-8000-000000000002';

const count = async (q: string) => Number((await pg.query<{ n: number }>(q)).rows[0]!.n);

beforeAll(async () => {
  pg = await PGlite.create({ extensions: { ltree } });
  await migrate(drizzle(pg), { migrationsFolder: folderUpTo(7) });
  // what the version before wrote: a directive with two recipients, one reported on with evidence and history
  await pg.exec(`
    insert into orgs (id, parent_id, path, depth, name, kind, search_text) values
      ('${P}', null, '${label(P)}', 0, 'Tỉnh', 'province', 'tinh'),
      ('${W}', '${P}', '${label(P)}.${label(W)}', 1, 'Phường', 'ward', 'phuong'),
      ('${S1}', '${W}', '${label(P)}.${label(W)}.${label(S1)}', 2, 'Trường 1', 'school', 'truong 1'),
      ('${S2}', '${W}', '${label(P)}.${label(W)}.${label(S2)}', 2, 'Trường 2', 'school', 'truong 2');
    insert into files (id, sha256, size_bytes, mime, filename) values
      ('${F1}', 'aa', 3, 'application/pdf', 'bien-ban.pdf'), ('${F2}', 'bb', 3, 'image/png', 'anh.png');
    insert into directives (id, org_id, subject, recipients_text, copies_to, signer, contacts, status, issued_at)
      values ('${D}', '${W}', 'tăng cường', '[]', '[]', '{}', '[]', 'issued', now());
    insert into directive_sections (id, directive_id, position) values ('${SEC}', '${D}', 1);
    insert into directive_tasks (id, directive_id, section_id, position, text) values
      ('${T1}', '${D}', '${SEC}', 1, 'Rà soát'), ('${T2}', '${D}', '${SEC}', 2, 'Báo cáo');
    insert into assignments (id, directive_id, org_id, status, section_ids, tasks_total, tasks_done, due_at, reminded_at, org_kind)
      values ('${A1}', '${D}', '${S1}', 'submitted', '{${SEC}}', 2, 1, now() + interval '1 day', now(), 'school'),
             ('${A2}', '${D}', '${S2}', 'pending', '{${SEC}}', 2, 0, now() + interval '1 day', null, 'school');
    insert into assignment_tasks (id, assignment_id, directive_id, task_id, status, report)
      values ('${AT1}', '${A1}', '${D}', '${T1}', 'done', 'Đã rà soát');
    insert into assignment_evidence (assignment_task_id, file_id) values ('${AT1}', '${F1}');
    insert into assignment_events (assignment_id, actor_label, kind) values ('${A1}', 'Cán bộ', 'acknowledged'), ('${A1}', 'Cán bộ', 'submitted');
    insert into info_systems (id, org_id, name, category, level, pack_id, dossier_status, appraisal_due, submitted_on)
      values ('${SYS}', '${S1}', 'Cổng thông tin', 'portal', 2, 'vn-nd85-2016', 'submitted', current_date + 10, current_date),
             ('${SYS_UNCLASSIFIED}', '${S2}', 'Chưa phân loại', 'email', null, null, 'drafting', null, null);
    insert into system_requirements (system_id, requirement_id, status, note, evidence_file_ids) values
      ('${SYS}', 'r-1', 'met', 'Có quy chế', '["${F2}", "not-a-file"]'),
      ('${SYS}', 'r-2', 'not_applicable', 'Không có máy chủ riêng', '[]');
  `);
});
afterAll(async () => {
  await pg?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('migrating directive assignments and system checklists into work', () => {
  it('copies every row, and running the copy again adds nothing', async () => {
    await migrate(drizzle(pg), { migrationsFolder: folderUpTo(8) });
    const counts = async () => ({
      items: await count('select count(*)::int as n from work_items'),
      checks: await count('select count(*)::int as n from work_checks'),
      evidence: await count('select count(*)::int as n from work_evidence'),
      events: await count('select count(*)::int as n from work_events'),
    });
    const first = await counts();
    // 2 assignments + 1 classified system; 1 task report + 2 requirements; 1 + 1 file (the id naming no file is dropped); 2 events
    expect(first).toEqual({ items: 3, checks: 3, evidence: 2, events: 2 });
    const copies = fs
      .readFileSync(path.join(MIGRATIONS, '0008_work.sql'), 'utf8')
      .split('--> statement-breakpoint')
      .map((s) => s.trim())
      .filter((s) => /^(--[^\n]*\n)*INSERT INTO/.test(s));
    expect(copies.length).toBe(7);
    for (const statement of copies) await pg.exec(statement);
    expect(await counts()).toEqual(first);
  });

  it('keeps ids, statuses, reports, evidence and history; maps a met requirement to a done check', async () => {
    const a1 = (await pg.query<Record<string, unknown>>(`select * from work_items where id = '${A1}'`)).rows[0]!;
    expect(a1).toMatchObject({
      kind: 'directive',
      source_id: D,
      org_id: S1,
      reviewer_org_id: W,
      status: 'submitted',
      checks_total: 2,
      checks_done: 1,
      remind_step: 1,
    });
    const check = (await pg.query<Record<string, unknown>>(`select * from work_checks where id = '${AT1}'`)).rows[0]!;
    expect(check).toMatchObject({ item_id: A1, source_id: D, check_key: T1, status: 'done', report: 'Đã rà soát' });
    const sys = (await pg.query<Record<string, unknown>>(`select * from work_items where kind = 'system'`)).rows;
    expect(sys).toHaveLength(1);
    expect(sys[0]).toMatchObject({ source_id: SYS, org_id: S1, status: 'submitted', commune_org_id: W, province_org_id: P });
    expect(sys[0]!.review_due_at).not.toBeNull();
    const reqs = (
      await pg.query<{ check_key: string; status: string; reason: string | null }>(
        `select check_key, status, reason from work_checks where source_id = '${SYS}' order by check_key`,
      )
    ).rows;
    expect(reqs).toEqual([
      { check_key: 'r-1', status: 'done', reason: null },
      { check_key: 'r-2', status: 'not_applicable', reason: 'Không có máy chủ riêng' },
    ]);
    expect(await count(`select count(*)::int as n from work_evidence where file_id = '${F2}'`)).toBe(1);
  });

  it('drops the old tables only after counting that everything arrived', async () => {
    await migrate(drizzle(pg), { migrationsFolder: MIGRATIONS });
    const legacy = await pg.query<{ n: string }>(
      `select table_name as n from information_schema.tables where table_name in ('assignments', 'assignment_tasks', 'assignment_evidence', 'assignment_events', 'system_requirements')`,
    );
    expect(legacy.rows).toEqual([]);
    expect(await count('select count(*)::int as n from work_items')).toBe(3);
  });

  it('refuses to drop anything when a row is missing from the copy', async () => {
    const other = await PGlite.create({ extensions: { ltree } });
    try {
      await migrate(drizzle(other), { migrationsFolder: folderUpTo(8) });
      await other.exec(`
        insert into orgs (id, parent_id, path, depth, name, kind, search_text) values ('${P}', null, '${label(P)}', 0, 'Tỉnh', 'province', 'tinh');
        insert into directives (id, org_id, subject, recipients_text, copies_to, signer, contacts) values ('${D}', '${P}', 'x', '[]', '[]', '{}', '[]');
        insert into assignments (id, directive_id, org_id, section_ids) values ('${A1}', '${D}', '${P}', '{}');`);
      await expect(migrate(drizzle(other), { migrationsFolder: MIGRATIONS })).rejects.toThrow(/work migration incomplete/);
      expect(await other.query(`select 1 from assignments`).then((r) => r.rows.length)).toBe(1);
    } finally {
      await other.close();
    }
  });
});
