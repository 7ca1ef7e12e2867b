import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import commonEn from './locales/en.json';
import commonPt from './locales/pt-BR.json';
import reportsEn from './reports/locales/en.json';
import reportsPt from './reports/locales/pt-BR.json';

export const LANGUAGES = ['en', 'pt-BR'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'rastro.lang';

export function isLanguage(v: unknown): v is Language {
  return v === 'en' || v === 'pt-BR';
}

// The user's explicit choice wins over the tenant's locale; it is kept per browser.
export function savedLanguage(): Language | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLanguage(v) ? v : null;
  } catch {
    return null;
  }
}

export function chooseLanguage(lang: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  void i18n.changeLanguage(lang);
}

function initialLanguage(): Language {
  const saved = savedLanguage();
  if (saved) return saved;
  const nav = typeof navigator !== 'undefined' ? navigator.language : 'en';
  return nav.toLowerCase().startsWith('pt') ? 'pt-BR' : 'en';
}

void i18n.use(initReactI18next).init({
  resources: {
    en: { common: commonEn, reports: reportsEn },
    'pt-BR': { common: commonPt, reports: reportsPt },
  },
  lng: initialLanguage(),
  fallbackLng: 'en',
  ns: ['common', 'reports'],
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // React escapes already.
  returnNull: false,
});

// Keep <html lang> right for screen readers and axe.
i18n.on('languageChanged', (lng) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
});
if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;

export default i18n;
