import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The extension's locales, and each one's `_locales/<l>/messages.json` (for the string tests). */
export const LOCALES = ['en', 'zh_CN', 'zh_TW'] as const;

const root = path.resolve(import.meta.dirname, '..', '..', '..');

export const localeMessages: Record<
  (typeof LOCALES)[number],
  Record<string, { message?: string }>
> = Object.fromEntries(
  LOCALES.map((l) => [
    l,
    JSON.parse(readFileSync(path.join(root, '_locales', l, 'messages.json'), 'utf8')) as Record<
      string,
      { message?: string }
    >,
  ]),
) as Record<(typeof LOCALES)[number], Record<string, { message?: string }>>;
