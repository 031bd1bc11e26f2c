import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES, localeMessages } from '../shared/test-support/locale-messages.js';
import { SITE_RULE_FIELDS } from '../rules/schema.js';
import { englishOptions, OPTIONS_STRINGS } from './options-strings.js';

const messages = localeMessages;

/** Every key the options page's modules name: literal keys, and the per-field ones. */
function keysUsedByThePage(): string[] {
  const dir = import.meta.dirname;
  const used = new Set<string>();
  for (const f of readdirSync(dir)) {
    if (!f.endsWith('.ts') || f.endsWith('.test.ts') || f === 'options-strings.ts') continue;
    const src = readFileSync(path.join(dir, f), 'utf8');
    for (const m of src.matchAll(/'(options_[A-Za-z]+)'/g)) used.add(m[1]!);
    if (src.includes('`options_field_${f}`'))
      for (const field of SITE_RULE_FIELDS) used.add(`options_field_${field}`);
    if (src.includes('`options_fieldHelp_${f}`'))
      for (const field of SITE_RULE_FIELDS) used.add(`options_fieldHelp_${field}`);
  }
  return [...used].sort();
}

const placeholders = (s: string) => [...new Set(s.match(/\$\d/g) ?? [])].sort();

describe('options page strings', () => {
  it('every key the page uses is in the table and in every locale, with the same substitutions', () => {
    const used = keysUsedByThePage();
    expect(used.length).toBeGreaterThan(100);
    expect(used).toContain('options_field_removeText');
    for (const key of used) {
      expect(OPTIONS_STRINGS, key).toHaveProperty(key);
      const en = OPTIONS_STRINGS[key as keyof typeof OPTIONS_STRINGS];
      for (const l of LOCALES) {
        const text = messages[l]![key]?.message;
        expect(text, `${l}: ${key}`).toBeTruthy();
        expect(placeholders(text!), `${l}: ${key}`).toEqual(placeholders(en));
      }
    }
  });

  it('every string in the table is used, and the English fallback is the en locale', () => {
    const used = new Set(keysUsedByThePage());
    for (const [key, text] of Object.entries(OPTIONS_STRINGS)) {
      expect(used.has(key), key).toBe(true);
      expect(messages.en![key]?.message, key).toBe(text);
    }
  });

  it('the language key names the locale, for <html lang>', () => {
    expect(messages.en!.options_lang!.message).toBe('en');
    expect(messages.zh_CN!.options_lang!.message).toBe('zh-CN');
    expect(messages.zh_TW!.options_lang!.message).toBe('zh-TW');
  });

  it('the options keys are one block in each locale file (one hunk to merge)', () => {
    for (const l of LOCALES) {
      const keys = Object.keys(messages[l]!);
      const first = keys.findIndex((k) => k.startsWith('options_'));
      const count = keys.filter((k) => k.startsWith('options_')).length;
      expect(
        keys.slice(first, first + count).every((k) => k.startsWith('options_')),
        l,
      ).toBe(true);
    }
  });

  it('substitutions are filled in as i18n.getMessage does', () => {
    expect(englishOptions('options_countMatch', [2, 10, 'jinse'])).toBe(
      '2 of 10 rules match “jinse”.',
    );
  });
});
