import type { i18n as I18n } from 'i18next';
import { isApiError } from './api-client';

/**
 * The server's domain reason in the current language: errors.reason.<reason> with the error's
 * params; null when the error has no reason or this language has no sentence for it, so the caller
 * falls back to what it showed before (the code's sentence, the server's message).
 */
export function reasonText(i18n: I18n, error: unknown): string | null {
  if (!isApiError(error) || !error.reason) return null;
  const key = `errors.reason.${error.reason}`;
  const lng = i18n.resolvedLanguage ?? i18n.language;
  // this language's own resources: the fallback language's sentence would be in the wrong language
  if (typeof i18n.getResource(lng, 'translation', key) !== 'string') return null;
  return i18n.t(key, { ...error.params, lng });
}
