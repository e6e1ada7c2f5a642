import type { IncidentFormField, IncidentReportKind } from '@khien/contracts';
import { REPORT_KINDS } from './report-docx.js';
import type { IncidentCaseSheet, IncidentReportDoc } from './types.js';

/** 20/3/2026 14:30 in Vietnam. */
export const DETECTED_AT = '2026-03-20T07:30:00.000Z';

/** A value for every field, in Vietnamese with diacritics, each one different so it can be found in the output. */
export function sampleValue(field: IncidentFormField, i: number): unknown {
  switch (field.input) {
    case 'boolean':
      return true;
    case 'level':
      return 3;
    case 'number':
      return 12_345 + i;
    case 'datetime':
      return DETECTED_AT;
    case 'text':
      return `Nội dung mục ${i + 1}: máy chủ cổng thông tin điện tử phường Mường Lay bị chèn mã độc, đã cô lập.`;
    default:
      return `Giá trị ${i + 1} Trường THCS Sông Đà`;
  }
}

export function filledFields(kind: IncidentReportKind): Record<string, unknown> {
  return Object.fromEntries(REPORT_KINDS[kind].fields.map((f, i) => [f.key, sampleValue(f, i)]));
}

export function buildIncidentReport(kind: IncidentReportKind, overrides: Partial<IncidentReportDoc> = {}): IncidentReportDoc {
  return {
    kind,
    incidentCode: 'SC-2026-0042',
    parentBody: 'Ủy ban nhân dân tỉnh Điện Biên',
    issuingBody: 'Ủy ban nhân dân phường Mường Lay',
    place: 'Mường Lay',
    date: new Date(DETECTED_AT),
    recipients: ['Công an tỉnh Điện Biên (Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao)'],
    copiesTo: ['Như trên', 'Sở Khoa học và Công nghệ tỉnh Điện Biên'],
    signerTitle: 'Chủ tịch',
    signerName: 'Lò Văn Thắng',
    fields: filledFields(kind),
    generatedAt: new Date('2026-03-20T09:00:00.000Z'),
    confidential: false,
    deadline: { dueAt: new Date('2026-03-21T07:30:00.000Z'), basis: 'Điều 31 Nghị định số 331/2026/NĐ-CP' },
    ...overrides,
  };
}

export function buildCaseSheet(overrides: Partial<IncidentCaseSheet> = {}): IncidentCaseSheet {
  return {
    code: 'SC-2026-0042',
    title: 'Cổng thông tin điện tử phường bị thay đổi giao diện',
    orgName: 'Ủy ban nhân dân phường Mường Lay',
    status: 'Đã ngăn chặn',
    severity: 'Cao',
    category: 'Thay đổi giao diện',
    detectedAt: new Date(DETECTED_AT),
    reportedAt: new Date('2026-03-20T08:00:00.000Z'),
    packTitle: 'Nghị định 331/2026/NĐ-CP',
    systems: [
      { name: 'Cổng thông tin điện tử phường', level: 2 },
      { name: 'Hệ thống thư điện tử công vụ', level: null },
    ],
    indicators: [
      { type: 'IPv4', value: '203.0.113.7', note: 'Địa chỉ tấn công', addedAt: new Date(DETECTED_AT) },
      { type: 'Tên miền', value: 'xn--mng-lay-example.invalid', note: null, addedAt: new Date('2026-03-20T08:15:00.000Z') },
    ],
    timeline: [
      { at: new Date(DETECTED_AT), actor: 'Nguyễn Thị Hương', kind: 'Mở hồ sơ', comment: 'Phát hiện trang chủ bị thay đổi.' },
      { at: new Date('2026-03-20T08:30:00.000Z'), actor: 'Lò Văn Thắng', kind: 'Ghi chú', comment: null },
      { at: new Date('2026-03-20T09:00:00.000Z'), actor: 'Hệ thống', kind: 'Chuyển trạng thái', comment: 'Đã ngăn chặn' },
    ],
    tasks: [
      {
        title: 'Khôi phục giao diện từ bản sao lưu',
        orgName: 'Trung tâm Chuyển đổi số tỉnh',
        dueAt: new Date('2026-03-21T10:00:00.000Z'),
        status: 'Đang thực hiện',
      },
    ],
    reports: [
      { kind: 'Báo cáo ban đầu', status: 'Đã gửi', dueAt: new Date('2026-03-21T07:30:00.000Z'), submittedAt: new Date('2026-03-20T10:00:00.000Z') },
      { kind: 'Báo cáo kết thúc', status: 'Bản nháp', dueAt: null, submittedAt: null },
    ],
    ...overrides,
  };
}
