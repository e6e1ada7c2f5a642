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
 * - assignment.reminder: subject, orgName (the recipient), dueAt (ISO)
 * - assignment.overdue: subject, orgName (the recipient), dueAt (ISO)
 * The assignment kinds are ready for the deadline sweep; until it moves off the deprecated
 * title/body form its rows carry their own text, which wins over the template.
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
  'assignment.reminder': {
    vi: (p) => ({
      title: clip(`Sắp đến hạn báo cáo: ${reVi(p)}`),
      body: `Hạn báo cáo${param(p, 'orgName') ? ` của ${param(p, 'orgName')}` : ''}: ${paramDate(p, 'dueAt') || 'sắp đến'}.`,
    }),
    en: (p) => ({
      title: clip(`Report due soon: ${reEn(p)}`),
      body: `Report due${param(p, 'orgName') ? ` from ${param(p, 'orgName')}` : ''}: ${paramDate(p, 'dueAt') || 'soon'}.`,
    }),
  },
  'assignment.overdue': {
    vi: (p) => ({
      title: clip(`Quá hạn báo cáo: ${param(p, 'orgName') || 'một đơn vị'}`),
      body: `${param(p, 'orgName') || 'Một đơn vị'} chưa báo cáo kết quả thực hiện ${param(p, 'subject') ? `công văn ${reVi(p)}` : 'công văn'}${paramDate(p, 'dueAt') ? ` (hạn ${paramDate(p, 'dueAt')})` : ''}.`,
    }),
    en: (p) => ({
      title: clip(`Report overdue: ${param(p, 'orgName') || 'an organisation'}`),
      body: `${param(p, 'orgName') || 'An organisation'} has not reported on ${param(p, 'subject') ? `the directive ${reEn(p)}` : 'a directive'}${paramDate(p, 'dueAt') ? ` (due ${paramDate(p, 'dueAt')})` : ''}.`,
    }),
  },
};
