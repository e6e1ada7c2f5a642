import { param, type NotificationParams, type NotificationTemplates } from '../notifications/index.js';

const SEVERITY_VI: Record<string, string> = { critical: 'Nghiêm trọng', high: 'Cao', medium: 'Trung bình', low: 'Thấp', info: 'Thông tin' };
const SEVERITY_EN: Record<string, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Info' };
const clip = (s: string) => s.slice(0, 300);
const sevVi = (p: NotificationParams) => SEVERITY_VI[param(p, 'severity')] ?? param(p, 'severity');
const sevEn = (p: NotificationParams) => SEVERITY_EN[param(p, 'severity')] ?? param(p, 'severity');
const org = (p: NotificationParams, fallback: string) => param(p, 'orgName') || fallback;

/** What the alerts module tells people. Params: title (the sender's words, as written), severity, orgName, step, label (the chain step). */
export const alertNotifications: NotificationTemplates = {
  'alert.new': {
    vi: (p) => ({
      title: clip(`[${sevVi(p)}] Cảnh báo mới: ${param(p, 'title')}`),
      body: `${org(p, 'Đơn vị')} có cảnh báo mới cần xác nhận: ${param(p, 'title')}.`,
    }),
    en: (p) => ({
      title: clip(`[${sevEn(p)}] New alert: ${param(p, 'title')}`),
      body: `${org(p, 'A unit')} has a new alert to acknowledge: ${param(p, 'title')}.`,
    }),
  },
  'alert.escalated': {
    vi: (p) => ({
      title: clip(`[${sevVi(p)}] Cảnh báo chưa được xác nhận: ${param(p, 'title')}`),
      body: `${org(p, 'Một đơn vị')} chưa xác nhận cảnh báo đúng hạn; chuyển lên: ${param(p, 'label') || 'cấp trên'}. ${param(p, 'title')}`,
    }),
    en: (p) => ({
      title: clip(`[${sevEn(p)}] Alert not acknowledged: ${param(p, 'title')}`),
      body: `${org(p, 'A unit')} did not acknowledge an alert in time; escalated to: ${param(p, 'label') || 'the next level'}. ${param(p, 'title')}`,
    }),
  },
  'alert.reraised': {
    vi: (p) => ({
      title: clip(`Cảnh báo vẫn chưa xử lý xong: ${param(p, 'title')}`),
      body: `${org(p, 'Đơn vị')} đã xác nhận nhưng chưa đóng cảnh báo này. Vui lòng xử lý hoặc ghi chú.`,
    }),
    en: (p) => ({
      title: clip(`Alert still open: ${param(p, 'title')}`),
      body: `${org(p, 'The unit')} acknowledged this alert but has not closed it. Please resolve it or add a note.`,
    }),
  },
};
