import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../lib/api-client';
import en from './en.json';
import inventoryEn from './inventory.en.json';
import inventoryVi from './inventory.vi.json';
import vi from './vi.json';
import workEn from './work.en.json';
import workVi from './work.vi.json';

/** Feature files merged under their own top-level key, so parallel work does not edit the same file. */
export const RESOURCES = {
  vi: { ...vi, inventory: inventoryVi, work: workVi },
  en: { ...en, inventory: inventoryEn, work: workEn },
};

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

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
  void i18n.use(initReactI18next).init({
    resources: { vi: { translation: RESOURCES.vi }, en: { translation: RESOURCES.en } },
    lng,
    fallbackLng: 'vi',
    supportedLngs: [...LANGUAGES],
    // Permission names contain ":" ("org:read"); they are keys, not namespaces.
    nsSeparator: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  document.documentElement.lang = lng;
  setApiLanguage(lng);
  return i18n;
}
