import { sql } from 'drizzle-orm';
import type { AuditContext } from '../platform/audit/audit.js';
import { queryRows, type Db } from '../platform/db/client.js';
import { demoIncidents } from '../modules/incidents/index.js';
import { buildWorkContext } from '../work-context.js';
import { DEMO_ACTOR } from './demo-inventory.js';

// the cases' timelines and the alerts' are read by people: the seed signs in words
const actor = { ...DEMO_ACTOR, label: 'Dữ liệu mẫu' };

const H = 3_600_000;

/**
 * The demo province's incidents on the first start, opened through the same services as the API:
 * the school's Wazuh alert promoted to a case (its 24 h / 72 h reports counting down, the
 * provincial response team invited, a task for the school), and a ward's defaced web portal
 * reported by hand 30 hours ago with personal data exposed — its initial notice already overdue,
 * so the list shows a breach first.
 */
export async function seedDemoIncidents(db: Db, ids: { school: string; ward: string; team: string }, audit: AuditContext): Promise<void> {
  const a = { ...audit, actor };
  const deps = { db, work: buildWorkContext() };
  const [alert] = await queryRows<{ id: string }>(
    db,
    sql`select id from alerts where org_id = ${ids.school} and status <> 'promoted' order by received_at limit 1`,
  );
  if (alert) {
    const id = await demoIncidents.fromAlerts(deps, actor, { alertIds: [alert.id], title: 'Máy tính phòng tin học nhiễm mã độc', category: 'malware' }, a);
    await demoIncidents.inviteTeam(deps, actor, id, ids.team, 'Đề nghị hỗ trợ phân tích mẫu mã độc', a);
    await demoIncidents.addTask(
      deps,
      actor,
      id,
      { orgId: ids.school, title: 'Cô lập máy, quét mã độc và gửi nhật ký', dueAt: new Date(Date.now() + 24 * H).toISOString() },
      a,
    );
  }
  await demoIncidents.createIncident(
    deps,
    actor,
    {
      orgId: ids.ward,
      title: 'Trang thông tin điện tử phường bị thay đổi giao diện',
      description: 'Trang chủ hiển thị nội dung lạ; danh sách hộ nghèo (họ tên, số định danh) bị đăng công khai.',
      severity: 'high',
      category: 'defacement',
      detectedAt: new Date(Date.now() - 30 * H).toISOString(),
      serious: true,
      personalData: true,
      nationalSecurity: false,
      systemIds: [],
      assetIds: [],
      indicators: [{ value: '185.220.101[.]45', note: 'Địa chỉ truy cập trang quản trị' }],
      alertIds: [],
    },
    a,
  );
}
