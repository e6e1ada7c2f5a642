import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { DirectiveInputSchema } from '@khien/contracts';
import { parseDispatch } from '@khien/formats';
import { openDatabase, queryRows } from '../../apps/server/src/platform/db/client.js';
import type { Actor } from '../../apps/server/src/platform/policy.js';
import { createDraft } from '../../apps/server/src/modules/directives/directive-drafts.service.js';
import { issueDirective } from '../../apps/server/src/modules/directives/directive-issue.service.js';
import { rollup, rollupRows } from '../../apps/server/src/modules/directives/rollup.service.js';
import { listTodo, workJobs } from '../../apps/server/src/modules/work/index.js';
import { installJobs } from '../../apps/server/src/platform/jobs/index.js';
import { buildWorkContext } from '../../apps/server/src/work-context.js';
import { seedNationalTree } from './national-tree.js';
import { ROOT } from './process.js';

export interface Row {
  target: string;
  workload: string;
  measured: string;
  goal: string;
  ok: boolean;
}

export const ADMIN: Actor = {
  kind: 'user',
  userId: '00000000-0000-0000-0000-000000000000',
  label: 'bench',
  tokenId: null,
  grants: [{ role: 'system_admin', orgPath: null }],
  tokenLimit: null,
};
export const audit = { actor: ADMIN, ip: null, requestId: null };

export function benchParse(): Row[] {
  const dir = path.resolve(ROOT, '../shared/seeds');
  return fs.readdirSync(dir).map((f) => {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const first = performance.now();
    parseDispatch(text);
    const cold = performance.now() - first;
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) parseDispatch(text);
    const warm = (performance.now() - t0) / 200;
    return {
      target: `parse one dispatch (${f})`,
      workload: `${text.length.toLocaleString('en')} chars`,
      measured: `${warm.toFixed(2)} ms warm, ${cold.toFixed(1)} ms first call`,
      goal: '< 20 ms',
      ok: warm < 20 && cold < 20,
    };
  });
}

/** Issue one directive to every unit of the national tree, then time the roll-ups at that size. */
export async function benchIssue(databaseUrl: string | undefined, dataDir: string): Promise<Row[]> {
  const engine = databaseUrl ? 'PostgreSQL 15' : 'PGlite';
  const d = await openDatabase(databaseUrl ? { databaseUrl } : { dataDir });
  try {
    await d.migrate();
    // issuing plans the work items' timers in its transaction: their queue exists, as at start-up
    const work = buildWorkContext();
    await installJobs(d, workJobs(work, d.db));
    const tree = await seedNationalTree(d, 20);
    const input = DirectiveInputSchema.parse({
      issuerOrgId: tree.rootId,
      number: '628/A05-P3',
      subject: 'bảo đảm an toàn thông tin trong dịp Tết',
      dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      rule: { underOrgId: tree.rootId, kinds: ['police', 'agency', 'school', 'residential_group'] },
      sections: [
        {
          heading: '1. Các cơ quan, đơn vị',
          tasks: [{ text: 'Rà soát, bóc gỡ mã độc' }, { text: 'Vá lỗ hổng Microsoft mức cao' }, { text: 'Tuyên truyền người dân' }],
        },
      ],
    });
    const draft = await createDraft(d.db, ADMIN, input, audit);
    const t0 = performance.now();
    await issueDirective(d.db, work, ADMIN, draft.id, draft.version, audit);
    const issueMs = performance.now() - t0;
    const [counts] = await queryRows<{ a: number; t: number; n: number; m: number; unplaced: number }>(
      d.db,
      sql`select (select count(*)::int from work_items) as a, (select count(*)::int from work_checks) as t,
                 (select count(*)::int from notifications) as n, (select count(*)::int from mail_outbox) as m,
                 (select count(*)::int from work_items where commune_org_id is null or province_org_id is null) as unplaced`,
    );
    const workload = `${tree.orgs.toLocaleString('en')} orgs, ${Number(counts!.a).toLocaleString('en')} work items, ${engine}`;
    const goal = databaseUrl ? 5000 : 10_000;
    const rows: Row[] = [
      {
        target: 'issue one directive to every unit of the national tree',
        workload: `${workload}; ${Number(counts!.n).toLocaleString('en')} notifications + ${Number(counts!.m).toLocaleString('en')} e-mails queued`,
        measured: `${(issueMs / 1000).toFixed(2)} s${Number(counts!.unplaced) ? `; ${counts!.unplaced} without commune or province` : ''}`,
        goal: `< ${goal / 1000} s`,
        // every recipient is a unit under a commune: each must have found its commune and province
        ok: issueMs < goal && Number(counts!.n) === tree.officers && Number(counts!.unplaced) === 0,
      },
    ];
    // a realistic state: a third of the recipients reported on a task
    await d.db.execute(sql`insert into work_checks (item_id, source_id, check_key, status, report)
      select a.id, a.source_id, t.id::text, 'done', 'Đã thực hiện' from work_items a join directive_tasks t on t.directive_id = a.source_id
       where a.kind = 'directive' and a.source_id = ${draft.id} and t.position = 1 and abs(hashtext(a.id::text)) % 3 = 0`);
    await d.db.execute(sql`update work_items set status = 'in_progress', checks_done = 1 where id in (select item_id from work_checks)`);
    await d.executeSql('analyze');
    const median = async (fn: () => Promise<unknown>) => {
      await fn();
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const s = performance.now();
        await fn();
        times.push(performance.now() - s);
      }
      return times.sort((a, b) => a - b)[2]!;
    };
    for (const by of ['commune', 'province', 'kind', 'task'] as const) {
      const q = await median(() => rollupRows(d.db, draft.id, by));
      rows.push({ target: `roll-up query by ${by}`, workload, measured: `${q.toFixed(0)} ms (median of 5)`, goal: '< 200 ms', ok: q < 200 });
    }
    // the to-do page of a commune coordinator: everything owed by the commune's units, 50 a page
    const [commune] = await queryRows<{ path: string }>(
      d.db,
      sql`select o.path::text as path from orgs o where o.kind in ('commune', 'ward') and exists (select 1 from orgs c where c.parent_id = o.id)
           order by o.id limit 1 offset 100`,
    );
    const coordinator: Actor = { ...ADMIN, label: 'bench coordinator', grants: [{ role: 'commune_coordinator', orgPath: commune!.path }] };
    const page = await listTodo(work, d.db, coordinator, { state: 'open', limit: 50, offset: 0 });
    const times: number[] = [];
    for (let i = 0; i < 40; i++) {
      const s0 = performance.now();
      await listTodo(work, d.db, coordinator, { state: i % 2 ? 'open' : 'overdue', limit: 50, offset: 0 });
      times.push(performance.now() - s0);
    }
    const p95 = times.sort((a, b) => a - b)[Math.ceil(times.length * 0.95) - 1]!;
    rows.push({
      target: 'to-do page of a commune coordinator (GET /api/v1/work, service call)',
      workload: `${workload}; the commune owes ${page.total} items`,
      measured: `p95 ${p95.toFixed(1)} ms (40 calls)`,
      goal: '< 100 ms',
      ok: p95 < 100 && page.total > 0,
    });
    const full = await median(() => rollup(d.db, ADMIN, draft.id, 'commune'));
    rows.push({
      target: 'whole oversight response (roll-up + 500-row matrix + not acknowledged)',
      workload,
      measured: `${full.toFixed(0)} ms (median of 5)`,
      goal: '(no target; shown for context)',
      ok: true,
    });
    return rows;
  } finally {
    await d.close();
  }
}
