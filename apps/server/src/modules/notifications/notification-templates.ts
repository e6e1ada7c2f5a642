/** A notification's parameters: what its template needs, stored as jsonb with the row. */
export type NotificationParams = Record<string, string | number | boolean | null>;

export interface NotificationText {
  title: string;
  body: string;
}

/** One kind's text in both languages, rendered when it is read or mailed, never stored. */
export interface NotificationTemplate {
  vi(p: NotificationParams): NotificationText;
  en(p: NotificationParams): NotificationText;
}

/** Kind → template; each module that notifies exports its own, the composition root joins them. */
export type NotificationTemplates = Record<string, NotificationTemplate>;

export type NotificationLocale = 'vi' | 'en';

/** users.locale is free text in the database: anything but 'en' reads Vietnamese, the product's first language. */
export function toLocale(locale: string | null | undefined): NotificationLocale {
  return locale === 'en' ? 'en' : 'vi';
}

/** A parameter as text: a missing one is empty, never the words "undefined" or "null". */
export function param(p: NotificationParams, key: string): string {
  const v = p[key];
  return v === null || v === undefined ? '' : String(v);
}

const DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });

/** An ISO date parameter as dd/mm/yyyy on the calendar of Asia/Ho_Chi_Minh (a due date at 17:00Z is already the next day there); '' when absent or unreadable. */
export function paramDate(p: NotificationParams, key: string): string {
  const v = p[key];
  if (typeof v !== 'string' || v === '') return '';
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? '' : DAY.format(d);
}

const GENERIC: Record<NotificationLocale, NotificationText> = {
  vi: { title: 'Thông báo mới', body: 'Bạn có một thông báo mới trên Khiên.' },
  en: { title: 'New notification', body: 'You have a new notification in Khiên.' },
};

export interface StoredNotification {
  kind: string;
  params: NotificationParams | null;
  /** text written before notifications had templates (or by a caller still on the deprecated form); null otherwise */
  title: string | null;
  body: string | null;
}

/**
 * The text a person reads. Stored text wins: it is all an old row has, and its params are empty,
 * so a template would render blanks. Otherwise the kind's template in the reader's language; a
 * kind nobody registered (a module removed, a typo) still shows a generic line rather than failing the page.
 */
export function renderNotification(templates: NotificationTemplates, n: StoredNotification, locale: NotificationLocale): NotificationText {
  if (n.title !== null) return { title: n.title, body: n.body ?? '' };
  const template = Object.hasOwn(templates, n.kind) ? templates[n.kind] : undefined;
  if (template) return template[locale](n.params ?? {});
  return { title: GENERIC[locale].title, body: n.body ?? GENERIC[locale].body };
}
