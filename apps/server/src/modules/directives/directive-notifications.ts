import { param, paramDate, type NotificationParams, type NotificationTemplates } from '../notifications/index.js';

// a title is one line in the inbox and a mail subject: a long subject (trích yếu) is cut, the body keeps the rest
const TITLE_MAX = 300;
const clip = (s: string) => s.slice(0, TITLE_MAX);

/** "số 12/UBND – " when the directive has a number, nothing otherwise. */
const numberVi = (p: NotificationParams) => (param(p, 'number') ? `số ${param(p, 'number')} – ` : '');
const numberEn = (p: NotificationParams) => (param(p, 'number') ? `no. ${param(p, 'number')} – ` : '');
/** "V/v <trích yếu>" (về việc: the subject line of a Vietnamese dispatch), or a plain word when there is none. */
const reVi = (p: NotificationParams) => (param(p, 'subject') ? `V/v ${param(p, 'subject')}` : 'công văn');
const reEn = (p: NotificationParams) => (param(p, 'subject') ? `Re: ${param(p, 'subject')}` : 'a directive');

/**
 * The directives module's notification kinds. Params (every one optional: a missing one is left out, never printed):
 * - directive.issued: number, subject, orgName (the issuer), dueAt (ISO)
 * An assignment's reminders, escalations and reviews are work items' (modules/work/work-notifications.ts).
 */
export const directiveNotifications: NotificationTemplates = {
  'directive.issued': {
    vi: (p) => ({
      title: clip(`Công văn mới: ${numberVi(p)}${reVi(p)}`),
      body: `${param(p, 'orgName') || 'Một đơn vị'} đã ban hành công văn${paramDate(p, 'dueAt') ? `, hạn báo cáo ${paramDate(p, 'dueAt')}` : ''}. Hãy xác nhận đã nhận và báo cáo kết quả.`,
    }),
    en: (p) => ({
      title: clip(`New directive: ${numberEn(p)}${reEn(p)}`),
      body: `${param(p, 'orgName') || 'An organisation'} has issued a directive${paramDate(p, 'dueAt') ? `, report due ${paramDate(p, 'dueAt')}` : ''}. Please acknowledge it and report on the result.`,
    }),
  },
};
