import { browser } from './browser.js';

/** A UI string from `_locales` (the browser picks the language); `fallback` when missing. */
export function getMessage(key: string, substitutions: string[] = [], fallback = ''): string {
  try {
    return browser.i18n.getMessage(key, substitutions) || fallback;
  } catch {
    return fallback;
  }
}

/** The UI language the browser chose for us, e.g. `zh-CN`. */
export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return 'en';
  }
}
