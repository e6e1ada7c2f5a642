import { renderNotification, toLocale, type NotificationTemplates, type NotificationText } from './notification-templates.js';
import type { ClaimedMail } from './mail-outbox.repo.js';

/** What rendering a mail needs besides the row: the templates and where the web app is reached from outside. */
export interface MailRendering {
  templates: NotificationTemplates;
  /** KHIEN_PUBLIC_URL, no trailing slash; undefined: mails carry no link */
  publicUrl: string | undefined;
}

/** A subject is one header line: folded whitespace, no line breaks a title might carry. */
export function mailSubject(title: string): string {
  return title.replace(/\s+/g, ' ').trim();
}

/**
 * A link goes along only as a full address a mail reader can open: the web app's path under
 * KHIEN_PUBLIC_URL. Without that setting the server does not know its own public address
 * (behind a proxy, several names), and a bare path means nothing in a mail reader.
 */
export function absoluteLink(link: string | null, publicUrl: string | undefined): string | null {
  if (!link) return null;
  if (/^https?:\/\//i.test(link)) return link;
  return publicUrl && link.startsWith('/') ? `${publicUrl}${link}` : null;
}

export function mailText(body: string, link: string | null): string {
  return link ? `${body}\n\n${link}\n` : `${body}\n`;
}

/** The subject and text of one claimed mail, in its recipient's language as of now. */
export function renderMail(m: ClaimedMail, r: MailRendering): { subject: string; text: string } {
  // a row older than templates was rendered when queued, link and all
  if (m.kind === null) return { subject: m.subject ?? '', text: m.textBody ?? '' };
  const t: NotificationText = renderNotification(r.templates, { kind: m.kind, params: m.params, title: m.subject, body: m.textBody }, toLocale(m.locale));
  return { subject: mailSubject(t.title), text: mailText(t.body, absoluteLink(m.link, r.publicUrl)) };
}
