import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES, localeMessages } from '../shared/test-support/locale-messages.js';
import { englishReader, READER_STRINGS, readerTranslate } from './reader-strings.js';

const messages = localeMessages;

const placeholders = (s: string) => [...new Set(s.match(/\$\d/g) ?? [])].sort();

/** Every `reader_` key a module in this folder names, literally or as a template. */
function keysUsedByTheReader(): Set<string> {
  const dir = import.meta.dirname;
  const used = new Set<string>();
  const all = Object.keys(READER_STRINGS);
  for (const f of readdirSync(dir, { recursive: true }) as string[]) {
    if (!f.endsWith('.ts') || f.endsWith('.test.ts') || f.endsWith('reader-strings.ts')) continue;
    const src = readFileSync(path.join(dir, f), 'utf8');
    for (const m of src.matchAll(/'(reader_[A-Za-z_]+)'/g)) used.add(m[1]!);
    for (const m of src.matchAll(/`(reader_[A-Za-z]+_)\$\{/g))
      for (const k of all) if (k.startsWith(m[1]!)) used.add(k);
  }
  return used;
}

describe('reader strings', () => {
  it('every key is in every locale, with the same substitutions, and en is the fallback', () => {
    for (const [key, en] of Object.entries(READER_STRINGS)) {
      expect(messages.en![key]?.message, key).toBe(en);
      for (const l of LOCALES) {
        const text = messages[l]![key]?.message;
        expect(text, `${l}: ${key}`).toBeTruthy();
        expect(placeholders(text!), `${l}: ${key}`).toEqual(placeholders(en));
      }
    }
  });

  it('every reader_ key in the locale files is in the table, and the Chinese ones are translated', () => {
    for (const l of LOCALES) {
      for (const key of Object.keys(messages[l]!).filter((k) => k.startsWith('reader_')))
        expect(READER_STRINGS, `${l}: ${key}`).toHaveProperty(key);
    }
    expect(messages.zh_CN!.reader_kind_flashNews!.message).toBe('插入的快讯');
    expect(messages.zh_TW!.reader_kind_flashNews!.message).toBe('插入的快訊');
  });

  it('every key a module names exists, and every key is named by a module', () => {
    const used = keysUsedByTheReader();
    for (const key of used) expect(READER_STRINGS, key).toHaveProperty(key);
    for (const key of Object.keys(READER_STRINGS)) expect(used.has(key), key).toBe(true);
  });

  it('the reader_ keys are one block right before the options_ block in each locale file', () => {
    for (const l of LOCALES) {
      const keys = Object.keys(messages[l]!);
      const first = keys.findIndex((k) => k.startsWith('reader_'));
      const count = keys.filter((k) => k.startsWith('reader_')).length;
      expect(count, l).toBe(Object.keys(READER_STRINGS).length);
      expect(
        keys.slice(first, first + count).every((k) => k.startsWith('reader_')),
        l,
      ).toBe(true);
      expect(keys[first + count], l).toBe('options_lang');
    }
  });

  it('fills in substitutions, and falls back to English for a key the browser lacks', () => {
    expect(englishReader('reader_ruleBuiltin', ['jinse.cn'])).toBe('built-in rule for jinse.cn');
    const t = readerTranslate((key, subs) =>
      key === 'reader_ruleUser' ? `你的網站規則「${subs?.[0]}」` : '',
    );
    expect(t('reader_ruleUser', ['x'])).toBe('你的網站規則「x」');
    expect(t('reader_export')).toBe('Export');
  });
});
