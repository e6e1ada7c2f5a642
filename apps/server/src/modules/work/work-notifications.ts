import { param, paramDate, type NotificationParams, type NotificationTemplates } from '../notifications/index.js';

// a title is one line in the inbox and a mail subject: a long label is cut, the body keeps the rest
const clip = (s: string) => s.slice(0, 300);
const label = (p: NotificationParams, fallback: string) => param(p, 'label') || fallback;
const org = (p: NotificationParams, fallback: string) => param(p, 'orgName') || fallback;
const reasonVi = (p: NotificationParams) => (param(p, 'reason') ? ` Lý do: ${param(p, 'reason')}` : '');
const reasonEn = (p: NotificationParams) => (param(p, 'reason') ? ` Reason: ${param(p, 'reason')}` : '');
const dueVi = (p: NotificationParams) => (paramDate(p, 'dueAt') ? ` (hạn ${paramDate(p, 'dueAt')})` : '');
const dueEn = (p: NotificationParams) => (paramDate(p, 'dueAt') ? ` (due ${paramDate(p, 'dueAt')})` : '');

/**
 * What the work module tells people, in the reader's language. Params (each optional; a missing
 * one is left out): label (the item as its source names it: a directive's "V/v …", a system's
 * name — the source's own words, shown as written), orgName (the owing org), dueAt (ISO), reason.
 */
export const workNotifications: NotificationTemplates = {
  'work.submitted': {
    vi: (p) => ({ title: clip(`${org(p, 'Một đơn vị')} đã gửi báo cáo`), body: `${label(p, 'Một việc')}: báo cáo đang chờ xem xét.` }),
    en: (p) => ({ title: clip(`${org(p, 'A unit')} submitted a report`), body: `${label(p, 'A work item')}: the report awaits review.` }),
  },
  'work.accepted': {
    vi: (p) => ({ title: 'Báo cáo đã được chấp nhận', body: `${label(p, 'Việc')}: đơn vị xem xét đã chấp nhận.${reasonVi(p)}` }),
    en: (p) => ({ title: 'Report accepted', body: `${label(p, 'Work item')}: the reviewer accepted it.${reasonEn(p)}` }),
  },
  'work.returned': {
    vi: (p) => ({ title: 'Báo cáo bị trả lại', body: `${label(p, 'Việc')}: cần bổ sung và gửi lại.${reasonVi(p)}` }),
    en: (p) => ({ title: 'Report returned', body: `${label(p, 'Work item')}: to be completed and sent again.${reasonEn(p)}` }),
  },
  'work.reopened': {
    vi: (p) => ({ title: 'Việc được mở lại', body: `${label(p, 'Việc')}: đơn vị xem xét đã mở lại.${reasonVi(p)}` }),
    en: (p) => ({ title: 'Work reopened', body: `${label(p, 'Work item')}: the reviewer reopened it.${reasonEn(p)}` }),
  },
  'work.risk_accepted': {
    vi: (p) => ({ title: 'Rủi ro được chấp nhận', body: `${label(p, 'Việc')}: đơn vị xem xét chấp nhận để nguyên hiện trạng.${reasonVi(p)}` }),
    en: (p) => ({ title: 'Risk accepted', body: `${label(p, 'Work item')}: the reviewer accepted it as it stands.${reasonEn(p)}` }),
  },
  'work.assigned': {
    vi: (p) => ({ title: 'Bạn được giao một việc', body: `${org(p, 'Đơn vị')} giao bạn thực hiện: ${label(p, 'một việc')}${dueVi(p)}.` }),
    en: (p) => ({ title: 'Work assigned to you', body: `${org(p, 'Your unit')} assigned you: ${label(p, 'a work item')}${dueEn(p)}.` }),
  },
  'work.reminder': {
    vi: (p) => ({ title: clip(`Sắp đến hạn báo cáo: ${label(p, 'một việc')}`), body: `Hạn của ${org(p, 'đơn vị')}: ${paramDate(p, 'dueAt') || 'sắp đến'}.` }),
    en: (p) => ({ title: clip(`Report due soon: ${label(p, 'a work item')}`), body: `Due from ${org(p, 'the unit')}: ${paramDate(p, 'dueAt') || 'soon'}.` }),
  },
  'work.remind_ack': {
    vi: (p) => ({
      title: clip(`Sắp đến hạn xác nhận đã nhận: ${label(p, 'một việc')}`),
      body: `Hạn xác nhận của ${org(p, 'đơn vị')}: ${paramDate(p, 'dueAt') || 'sắp đến'}.`,
    }),
    en: (p) => ({
      title: clip(`Acknowledgement due soon: ${label(p, 'a work item')}`),
      body: `${org(p, 'The unit')} must acknowledge by ${paramDate(p, 'dueAt') || 'soon'}.`,
    }),
  },
  'work.remind_review': {
    vi: (p) => ({
      title: clip(`Sắp đến hạn xem xét: ${label(p, 'một việc')}`),
      body: `Hồ sơ của ${org(p, 'đơn vị')} cần được xem xét trước ${paramDate(p, 'dueAt') || 'hạn'}.`,
    }),
    en: (p) => ({
      title: clip(`Review due soon: ${label(p, 'a work item')}`),
      body: `What ${org(p, 'the unit')} submitted must be reviewed by ${paramDate(p, 'dueAt') || 'the deadline'}.`,
    }),
  },
  'work.overdue': {
    vi: (p) => ({ title: clip(`Quá hạn: ${org(p, 'một đơn vị')}`), body: `${org(p, 'Một đơn vị')} chưa hoàn thành: ${label(p, 'một việc')}${dueVi(p)}.` }),
    en: (p) => ({ title: clip(`Overdue: ${org(p, 'a unit')}`), body: `${org(p, 'A unit')} has not completed: ${label(p, 'a work item')}${dueEn(p)}.` }),
  },
};
