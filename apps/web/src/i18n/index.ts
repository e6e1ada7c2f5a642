import i18n, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../lib/api-client';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * One chunk per language (20 KB gzipped each), the feature files merged in (translation-vi.ts,
 * translation-en.ts): a page loads the language it shows.
 */
const TRANSLATIONS: Record<Language, () => Promise<ResourceKey>> = {
  vi: () => import('./translation-vi').then((m) => m.TRANSLATION),
  en: () => import('./translation-en').then((m) => m.TRANSLATION),
};

/**
 * i18next reads a language through this when it first needs it: at start, and in changeLanguage
 * before it switches, so the page keeps its words until the other language's chunk is here.
 * Until the first one is, useTranslation suspends (App's Suspense).
 */
const chunkBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, _namespace, callback) {
    if (!isLanguage(language)) return callback(null, {});
    TRANSLATIONS[language]().then(
      (translation) => callback(null, translation),
      (err: unknown) => callback(err instanceof Error ? err : new Error(String(err)), false),
    );
  },
};

const STORAGE_KEY = 'khien.language';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language the person picked in the header, if any (it wins over the account's locale). */
export function getStoredLanguage(): Language | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

function applyLanguage(lng: Language): void {
  document.documentElement.lang = lng;
  setApiLanguage(lng);
  void i18n.changeLanguage(lng);
}

export function chooseLanguage(lng: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
  applyLanguage(lng);
}

/** Use the account's locale unless the person already chose a language on this device. */
export function adoptAccountLanguage(locale: string): void {
  if (!getStoredLanguage() && isLanguage(locale) && locale !== i18n.language) applyLanguage(locale);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'vi';
}

export function initI18n(): typeof i18n {
  const lng = getStoredLanguage() ?? 'vi';
  void i18n
    .use(chunkBackend)
    .use(initReactI18next)
    .init({
      lng,
      // vi and en hold the same keys (i18n.test.ts): a fallback would only load the other language's chunk too
      fallbackLng: false,
      supportedLngs: [...LANGUAGES],
      // Permission names contain ":" ("org:read"); they are keys, not namespaces.
      nsSeparator: false,
      interpolation: { escapeValue: false },
      returnNull: false,
      // start reading the language's chunk now, not on the next tick
      initAsync: false,
    });
  document.documentElement.lang = lng;
  setApiLanguage(lng);
  return i18n;
}
