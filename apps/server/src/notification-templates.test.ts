import { describe, expect, it } from 'vitest';
import { paramDate, type NotificationParams } from './modules/notifications/index.js';
import { renderNotification } from './modules/notifications/notification-templates.js';
import { allNotificationTemplates } from './notification-templates.js';

const templates = allNotificationTemplates();
const kinds = Object.keys(templates);

// every parameter any template reads, filled in; and none at all
const FULL: NotificationParams = {
  number: '12/UBND-VP',
  subject: 'bảo đảm an toàn thông tin mạng',
  orgName: 'Sở Thông tin và Truyền thông',
  dueAt: '2026-03-31T10:00:00.000Z',
};
const EMPTY: NotificationParams = {};
const NULLS: NotificationParams = Object.fromEntries(Object.keys(FULL).map((k) => [k, null]));

// letters only Vietnamese uses (and tone marks): a vi text without one is almost surely written unaccented
const VIETNAMESE_LETTER = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;
// words that only ever appear in Vietnamese text with their accents
const UNACCENTED = /\b(cong van|bao cao|han|don vi|thong bao|da|chua|qua)\b/i;

describe('notification templates', () => {
  it('has the kinds the product sends', () => {
    expect(kinds).toEqual(expect.arrayContaining(['directive.issued', 'work.reminder', 'work.overdue', 'work.submitted', 'work.returned', 'work.accepted']));
  });

  for (const kind of kinds) {
    for (const [label, params] of [
      ['all params', FULL],
      ['no params', EMPTY],
      ['null params', NULLS],
    ] as const) {
      it(`${kind} renders in both languages with ${label}`, () => {
        const vi = templates[kind]!.vi(params);
        const en = templates[kind]!.en(params);
        for (const t of [vi, en]) {
          for (const text of [t.title, t.body]) {
            expect(text.trim()).not.toBe('');
            expect(text).not.toMatch(/undefined|null|NaN|\[object/);
            // composed, as typed on a Vietnamese keyboard and as the web's fonts expect
            expect(text).toBe(text.normalize('NFC'));
          }
        }
        expect(`${vi.title} ${vi.body}`).toMatch(VIETNAMESE_LETTER);
        expect(`${vi.title} ${vi.body}`.replace(String(params.subject ?? ''), '')).not.toMatch(UNACCENTED);
        // the English text is not the Vietnamese one
        expect(en.body).not.toBe(vi.body);
      });
    }
  }

  it('writes the issued directive as an officer expects to read it', () => {
    const p = { ...FULL, dueAt: '2026-01-14T17:00:00.000Z' };
    expect(templates['directive.issued']!.vi(p)).toEqual({
      title: 'Công văn mới: số 12/UBND-VP – V/v bảo đảm an toàn thông tin mạng',
      body: 'Sở Thông tin và Truyền thông đã ban hành công văn, hạn báo cáo 15/01/2026. Hãy xác nhận đã nhận và báo cáo kết quả.',
    });
    expect(templates['directive.issued']!.en(p).body).toBe(
      'Sở Thông tin và Truyền thông has issued a directive, report due 15/01/2026. Please acknowledge it and report on the result.',
    );
  });

  it('renders dates as dd/mm/yyyy on the calendar of Asia/Ho_Chi_Minh', () => {
    expect(paramDate({ d: '2026-01-14T16:59:59.000Z' }, 'd')).toBe('14/01/2026');
    expect(paramDate({ d: '2026-01-14T17:00:00.000Z' }, 'd')).toBe('15/01/2026');
    expect(paramDate({ d: '2026-12-31' }, 'd')).toBe('31/12/2026');
    expect(paramDate({ d: 'not a date' }, 'd')).toBe('');
    expect(paramDate({ d: 5 }, 'd')).toBe('');
    expect(paramDate({}, 'd')).toBe('');
  });

  it('shows stored text as written, and a generic line for a kind nobody registered', () => {
    expect(renderNotification(templates, { kind: 'directive.issued', params: {}, title: 'Cũ', body: 'Nội dung cũ' }, 'en')).toEqual({
      title: 'Cũ',
      body: 'Nội dung cũ',
    });
    expect(renderNotification(templates, { kind: 'gone.kind', params: {}, title: null, body: null }, 'vi')).toEqual({
      title: 'Thông báo mới',
      body: 'Bạn có một thông báo mới trên Khiên.',
    });
    expect(renderNotification(templates, { kind: 'gone.kind', params: {}, title: null, body: null }, 'en').title).toBe('New notification');
  });
});
