/**
 * The access matrix's fixtures for the incident routes. Every role of the matrix is granted in
 * commune A; a case "inside" happened to a school under commune A, "outside" under commune B.
 */
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/platform/db/client.js';
import { FileStore } from '../../src/platform/files/files.js';
import type { Fixture, MatrixContext, Where } from './inventory-matrix.js';

let n = 0;
const FULL_FORM03 = {
  reporterName: 'Nguyễn Văn An',
  reporterPhone: '0912345678',
  operatorUnit: 'Trường THCS ma trận',
  systemName: 'Cổng thông tin',
  description: 'Mã độc trên máy trạm',
  detectedAt: '2026-11-30T08:00:00+07:00',
  currentStatus: 'Đã cô lập',
  howDetected: 'Cảnh báo Wazuh',
};

export function incidentFixtures(ctx: MatrixContext): Record<string, Fixture> {
  const { freshOrg, commune } = ctx;
  const db = () => ctx.t().database.db;
  /**
   * A case at a fresh school of the commune; `anchor` stands as its province (the matrix grants every
   * role at the commune, so the commune receives the statutory reports there).
   */
  const incident = async (w: Where, o: { status?: string; anchor?: 'commune' | 'province' } = {}) => {
    const org = await freshOrg(w);
    const anchor = o.anchor === 'province' ? ctx.province() : commune(w);
    const [r] = await queryRows<{ id: string; version: number }>(
      db(),
      sql`insert into incidents (code, org_id, handler_org_id, commune_org_id, province_org_id, title, description, severity, category, status,
                                 detected_at, pack_id, pack_version)
          values (${`MT-${++n}-${Date.now()}`}, ${org}, ${org}, ${commune(w)}, ${anchor}, 'Sự cố ma trận', 'Mô tả', 'high', 'malware',
                  ${o.status ?? 'open'}, now() - interval '1 hour', 'vn-nd331-2026', '1.0.0')
          returning id, version`,
    );
    return { id: r!.id, version: Number(r!.version), org };
  };
  const report = async (w: Where, o: { status?: string; fields?: Record<string, unknown>; anchor?: 'commune' | 'province' } = {}) => {
    const c = await incident(w, { anchor: o.anchor ?? 'commune' });
    const [r] = await queryRows<{ id: string }>(
      db(),
      sql`insert into incident_reports (incident_id, kind, status, due_at, fields)
          values (${c.id}, 'initial', ${o.status ?? 'draft'}, now() + interval '23 hours', ${JSON.stringify(o.fields ?? {})}::jsonb) returning id`,
    );
    return { ...c, reportId: r!.id };
  };
  const url = (c: { id: string }, suffix = '') => `/api/v1/incidents/${c.id}${suffix}`;
  const reportUrl = (c: { id: string; reportId: string }, suffix = '') => `/api/v1/incidents/${c.id}/reports/${c.reportId}${suffix}`;
  return {
    'GET /api/v1/incidents': async (w) => ({ url: `/api/v1/incidents?communeId=${commune(w)}` }),
    'GET /api/v1/incidents/stats': async (w) => ({ url: `/api/v1/incidents/stats?orgId=${commune(w)}` }),
    'POST /api/v1/incidents': async (w) => ({
      url: '/api/v1/incidents',
      body: {
        orgId: await freshOrg(w),
        title: 'Sự cố',
        description: 'Mô tả',
        severity: 'low',
        category: 'other',
        detectedAt: new Date(Date.now() - 60_000).toISOString(),
      },
    }),
    'POST /api/v1/incidents/from-alerts': async (w) => {
      const org = await freshOrg(w);
      const [a] = await queryRows<{ id: string }>(
        db(),
        sql`insert into alerts (sender_org_id, sender_label, dedup_key, format, title, severity, org_id, commune_org_id, routed_at, routed_by, ips)
            values (${commune(w)}, 'ma trận', ${`mi${++n}`}, 'generic', 'Cảnh báo ma trận', 'high', ${org}, ${commune(w)}, now(), 'agent', '{192.0.2.9}') returning id`,
      );
      return { url: '/api/v1/incidents/from-alerts', body: { alertIds: [a!.id] } };
    },
    'GET /api/v1/incidents/:id': async (w) => ({ url: url(await incident(w)) }),
    'GET /api/v1/incidents/:id/timeline': async (w) => ({ url: url(await incident(w), '/timeline') }),
    'PATCH /api/v1/incidents/:id': async (w) => {
      const c = await incident(w);
      return { url: url(c), body: { version: c.version, severity: 'critical' } };
    },
    'POST /api/v1/incidents/:id/notes': async (w) => ({ url: url(await incident(w), '/notes'), body: { comment: 'Ghi chú' } }),
    'POST /api/v1/incidents/:id/indicators': async (w) => ({ url: url(await incident(w), '/indicators'), body: { indicators: [{ value: '198.51.100.1' }] } }),
    'DELETE /api/v1/incidents/:id/indicators/:indicatorId': async (w) => {
      const c = await incident(w);
      const [x] = await queryRows<{ id: string }>(
        db(),
        sql`insert into incident_indicators (incident_id, type, value) values (${c.id}, 'ipv4', '198.51.100.2') returning id`,
      );
      return { url: url(c, `/indicators/${x!.id}`) };
    },
    'POST /api/v1/incidents/:id/evidence': async (w) => ({ url: url(await incident(w), '/evidence'), csv: 'nhật ký' }),
    'GET /api/v1/incidents/:id/evidence/:evidenceId': async (w) => {
      const c = await incident(w);
      const f = await new FileStore(ctx.t().config.filesDir).put(db(), {
        data: Buffer.from(`chứng cứ ${++n}`),
        filename: 'log.txt',
        mime: 'text/plain',
        createdBy: null,
      });
      const [e] = await queryRows<{ id: string }>(
        db(),
        sql`insert into incident_evidence (incident_id, file_id, added_by_label) values (${c.id}, ${f.id}, 'ma trận') returning id`,
      );
      return { url: url(c, `/evidence/${e!.id}`) };
    },
    'POST /api/v1/incidents/:id/tasks': async (w) => {
      const c = await incident(w);
      return { url: url(c, '/tasks'), body: { orgId: c.org, title: 'Quét mã độc' } };
    },
    'POST /api/v1/incidents/:id/team': async (w) => ({ url: url(await incident(w), '/team'), body: { orgId: await freshOrg(w, 'agency') } }),
    // handing the case to the province needs a grant on the province: only the system admin has one here (incidents.test.ts covers the province)
    'POST /api/v1/incidents/:id/take-over': async (w, role) => {
      if (w === 'inside' && role !== 'system_admin') return null;
      const c = await incident(w, { anchor: 'province' });
      return { url: url(c, '/take-over'), body: { version: c.version } };
    },
    'POST /api/v1/incidents/:id/merge': async (w) => ({ url: url(await incident(w), '/merge'), body: { sourceIds: [(await incident(w)).id] } }),
    'POST /api/v1/incidents/:id/reopen': async (w) => {
      const c = await incident(w, { status: 'closed' });
      return { url: url(c, '/reopen'), body: { reason: 'Tái nhiễm', version: c.version } };
    },
    'POST /api/v1/incidents/:id/close': async (w) => {
      const c = await incident(w);
      await db().execute(sql`update incidents set status = 'recovered' where id = ${c.id}`);
      return { url: url(c, '/close') };
    },
    'POST /api/v1/incidents/:id/closure-review': async (w) => {
      const c = await incident(w, { status: 'closure_review' });
      return { url: url(c, '/closure-review'), body: { decision: 'accept', version: c.version } };
    },
    'GET /api/v1/incidents/:id/reports/:reportId': async (w) => ({ url: reportUrl(await report(w)) }),
    'PUT /api/v1/incidents/:id/reports/:reportId': async (w) => ({
      url: reportUrl(await report(w)),
      body: { fields: { reporterPhone: '0912345678' }, version: 1 },
    }),
    'POST /api/v1/incidents/:id/reports/:reportId/submit': async (w) => ({
      url: reportUrl(await report(w, { fields: FULL_FORM03 }), '/submit'),
      body: { version: 1 },
    }),
    'POST /api/v1/incidents/:id/reports/:reportId/review': async (w) => ({
      url: reportUrl(await report(w, { status: 'submitted', fields: FULL_FORM03 }), '/review'),
      body: { decision: 'accept', version: 1 },
    }),
    'GET /api/v1/incidents/:id/reports/:reportId/docx': async (w) => ({ url: reportUrl(await report(w), '/docx') }),
    // LibreOffice takes seconds per document: one role converts inside, every role is refused outside
    'GET /api/v1/incidents/:id/reports/:reportId/pdf': async (w, role) =>
      w === 'inside' && role !== 'auditor' ? null : { url: reportUrl(await report(w), '/pdf') },
    'GET /api/v1/incidents/:id/export.xlsx': async (w) => ({ url: url(await incident(w), '/export.xlsx') }),
    'GET /api/v1/incidents/:id/stix': async (w) => ({ url: url(await incident(w), '/stix') }),
  };
}
