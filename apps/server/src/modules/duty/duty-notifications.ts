import { param, type NotificationParams, type NotificationTemplates } from '../notifications/index.js';

const AT = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
// dd/mm/yyyy HH:mm in Vietnam's time, whatever the server's zone
const when = (p: NotificationParams, key: string) => {
  const d = new Date(param(p, key));
  return Number.isNaN(d.getTime()) ? '' : AT.format(d).replace(',', '');
};

/** What the duty module tells people. Params: orgName, start and end (ISO) of the first gap, count (gaps), mandatory ('1'). */
export const dutyNotifications: NotificationTemplates = {
  'duty.coverage_gap': {
    vi: (p) => ({
      title: `Lịch trực ${param(p, 'orgName') || 'của đơn vị'} còn trống`,
      body:
        `${param(p, 'count') || '1'} khoảng không có người trực 24/7, đầu tiên từ ${when(p, 'start')} đến ${when(p, 'end')}` +
        `${param(p, 'mandatory') === '1' ? ' (trong thời gian bắt buộc trực: ngày lễ, Tết hoặc cao điểm)' : ''}. Vui lòng bổ sung người trực.`,
    }),
    en: (p) => ({
      title: `The duty roster of ${param(p, 'orgName') || 'your unit'} has gaps`,
      body:
        `${param(p, 'count') || '1'} period(s) without 24/7 duty, the first from ${when(p, 'start')} to ${when(p, 'end')}` +
        `${param(p, 'mandatory') === '1' ? ' (in a mandatory period: a holiday, Tết or a heightened alert)' : ''}. Please put someone on duty.`,
    }),
  },
};
