import { directiveNotifications } from './modules/directives/index.js';
import { workNotifications } from './modules/work/index.js';
import { dutyNotifications } from './modules/duty/index.js';
import { alertNotifications } from './modules/alerts/index.js';
import type { NotificationTemplates } from './modules/notifications/index.js';

/**
 * Every module's notification templates, joined here (part of the composition root) and handed to
 * the notifications module by app.ts (the inbox) and server.ts (the mail job): the notifications
 * module imports no module that notifies, and nothing registers itself at import time.
 * A module that starts notifying adds its `xxxNotifications` here.
 */
export function allNotificationTemplates(): NotificationTemplates {
  const all: NotificationTemplates = {};
  for (const part of [directiveNotifications, workNotifications, dutyNotifications, alertNotifications]) {
    for (const [kind, template] of Object.entries(part)) {
      // two modules claiming one kind is a mistake that would show the wrong text: fail at start-up
      if (Object.hasOwn(all, kind)) throw new Error(`notification kind ${kind} has two templates`);
      all[kind] = template;
    }
  }
  return all;
}
