import type { AuditEntry } from '@khien/contracts';
import type { TFunction } from 'i18next';

type Translate = TFunction;

/** "org.contact_added" → "org › contact added": what an action without a name yet reads as. */
export function humanizeCode(code: string): string {
  return code
    .split('.')
    .map((part) => part.replace(/_/g, ' ').trim())
    .filter(Boolean)
    .join(' › ');
}

const MISSING = '\u0000';

/** The translation of a code under `prefix`, or a readable stand-in that says it has no name yet. */
function codeWords(t: Translate, prefix: string, code: string): { text: string; known: boolean } {
  // a prefix of codes ("org", of "org.created") is an object there, not a name
  const found: unknown = t(`${prefix}.${code}`, { returnObjects: true, defaultValue: MISSING });
  if (typeof found === 'string' && found !== MISSING) return { text: found, known: true };
  return { text: t('audit.unknownAction', { words: humanizeCode(code) }), known: false };
}

/** An action in words ("Đăng nhập"); one the translations do not know yet stays readable and says so. */
export function actionWords(t: Translate, action: string): { text: string; known: boolean } {
  return codeWords(t, 'audit.actions', action);
}

/** An object type in words ("Hệ thống thông tin"). */
export function entityTypeWords(t: Translate, entityType: string): { text: string; known: boolean } {
  return codeWords(t, 'audit.entityTypes', entityType);
}

/**
 * Who did it, as a person reads it: the name (the e-mail beside it), the token and its owner, the
 * command line and its system account, or the product's own work ("Dữ liệu mẫu").
 */
export function actorWords(
  t: Translate,
  e: Pick<AuditEntry, 'actorKind' | 'actorName' | 'actorDetail' | 'actorLabel'>,
): { name: string; detail: string | null } {
  switch (e.actorKind) {
    case 'person':
      return e.actorName ? { name: e.actorName, detail: e.actorDetail } : { name: e.actorDetail ?? e.actorLabel, detail: null };
    case 'token':
      return {
        name: e.actorName
          ? t('audit.actors.tokenOf', { person: e.actorName, name: e.actorDetail ?? '' })
          : t('audit.actors.token', { name: e.actorDetail ?? '' }),
        detail: null,
      };
    case 'cli':
      return { name: e.actorDetail ? t('audit.actors.cli', { user: e.actorDetail }) : t('audit.actors.cliUnnamed'), detail: null };
    case 'file_import':
      return { name: e.actorName ? t('audit.actors.file_importBy', { person: e.actorName }) : t('audit.actors.file_import'), detail: null };
    case 'demo_seed':
    case 'work_timers':
    case 'audit_checkpoint':
    case 'system':
      return { name: t(`audit.actors.${e.actorKind}`), detail: null };
    default:
      return { name: t('audit.actors.unknown', { label: e.actorLabel }), detail: null };
  }
}

/** The names the translations hold under a prefix (audit.actions, audit.entityTypes), flattened: the filters' choices. */
export function knownCodes(tree: unknown, prefix = ''): string[] {
  if (typeof tree === 'string') return prefix ? [prefix] : [];
  if (!tree || typeof tree !== 'object') return [];
  return Object.entries(tree as Record<string, unknown>).flatMap(([k, v]) => knownCodes(v, prefix ? `${prefix}.${k}` : k));
}
