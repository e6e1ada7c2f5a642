import { DirectiveInputSchema } from '@khien/contracts';
import type { AuditContext } from '../platform/audit/audit.js';
import type { Db } from '../platform/db/client.js';
import { demoCreateDraft as createDraft, demoIssueDirective as issueDirective } from '../modules/directives/index.js';
import { buildWorkContext } from '../work-context.js';
import { DEMO_ACTOR as actor } from './demo-inventory.js';

const DAY = 86_400_000;

/**
 * The demo province's own work on the first start, so that every role lands on something: the
 * provincial police's dispatch (after the real 907/CAT-PA05 of 27/02/2026) issued to the communes,
 * wards and schools, due in ten days, and a second one still a draft. Made as the province's
 * coordinator would, through the same services as the web (audit rows, work items, timers).
 */
export async function seedDemoDirectives(db: Db, ids: { issuer: string; province: string }, audit: AuditContext): Promise<void> {
  const work = buildWorkContext();
  const now = Date.now();
  const issued = await createDraft(
    db,
    actor,
    DirectiveInputSchema.parse({
      issuerOrgId: ids.issuer,
      number: '907/CAT-PA05',
      place: 'Điện Biên',
      issuedOn: new Date(now).toISOString().slice(0, 10),
      subject: 'thông báo nguy cơ mất an toàn, an ninh mạng năm 2026',
      preamble:
        'Trước tình hình tội phạm sử dụng công nghệ cao, tấn công mạng, phát tán mã độc, lộ lọt bí mật nhà nước và dữ liệu cá nhân có chiều hướng gia tăng, Công an tỉnh đề nghị các đơn vị thực hiện các nội dung sau:',
      closing:
        'Quá trình thực hiện, nếu phát hiện dấu hiệu tấn công mạng, sự cố an toàn thông tin, báo cáo ngay về Công an tỉnh (qua Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao).',
      recipientsText: ['UBND các xã, phường', 'Các trường học trên địa bàn tỉnh'],
      copiesTo: ['Ban Giám đốc Công an tỉnh (để b/c)', 'Lưu: VT, PA05'],
      signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: null },
      contacts: [{ name: 'Thường trực Phòng An ninh mạng', phone: '0215 3825 000' }],
      alertStart: null,
      alertEnd: null,
      dueAt: new Date(now + 10 * DAY).toISOString(),
      rule: null,
      sections: [
        {
          heading: '1. UBND các xã, phường',
          addressees: 'UBND các xã, phường',
          rule: { underOrgId: ids.province, directChildrenOnly: false, kinds: ['commune', 'ward'] },
          tasks: [
            { text: 'Tổ chức quán triệt, tuyên truyền nội dung văn bản đến cán bộ, công chức và Nhân dân trên địa bàn', dueAt: null },
            { text: 'Rà soát tài khoản thư điện tử công vụ và phần mềm quản lý văn bản; đổi mật khẩu, bật xác thực hai yếu tố', dueAt: null },
            { text: 'Sao lưu dữ liệu quan trọng và báo cáo ngay khi phát hiện dấu hiệu tấn công mạng, lộ lọt thông tin', dueAt: null },
          ],
        },
        {
          heading: '2. Các trường học',
          addressees: 'Các trường học trên địa bàn tỉnh',
          rule: { underOrgId: ids.province, directChildrenOnly: false, kinds: ['school'] },
          tasks: [
            { text: 'Rà soát, gỡ bỏ phần mềm không rõ nguồn gốc trên máy tính của nhà trường', dueAt: null },
            { text: 'Tuyên truyền cho học sinh, phụ huynh về thủ đoạn lừa đảo qua mạng', dueAt: null },
          ],
        },
      ],
    }),
    audit,
  );
  await issueDirective(db, work, actor, issued.id, issued.version, audit);
  await createDraft(
    db,
    actor,
    DirectiveInputSchema.parse({
      issuerOrgId: ids.issuer,
      number: null,
      place: 'Điện Biên',
      issuedOn: null,
      subject: 'tăng cường bảo đảm an ninh mạng dịp Tết Nguyên đán Đinh Mùi 2027',
      preamble: '',
      closing: '',
      recipientsText: [],
      copiesTo: [],
      signer: { authority: null, title: null, name: null },
      contacts: [],
      alertStart: null,
      alertEnd: null,
      dueAt: null,
      rule: { underOrgId: ids.province, directChildrenOnly: true },
      sections: [{ heading: '', addressees: null, rule: null, tasks: [{ text: 'Bố trí trực 24/7 trong các ngày nghỉ Tết', dueAt: null }] }],
    }),
    audit,
  );
}
