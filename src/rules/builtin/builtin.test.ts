import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { compileRuleIndex, rulesForUrl } from '../match.js';
import { parseRules } from '../parse.js';
import { BUILTIN_RULE_FILES, BUILTIN_RULES } from './index.js';

const dir = fileURLToPath(new URL('.', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const { document } = new JSDOM('').window;
const validateSelector = (s: string): string | null => {
  try {
    document.querySelector(s);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
};

describe('built-in rules', () => {
  it.each(files)(
    '%s parses with zero errors, holds one rule, and its file name is its id',
    (file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const { rules, errors } = parseRules(text, { validateSelector });
      expect(errors).toEqual([]);
      expect(rules).toHaveLength(1);
      expect(rules[0]!.id).toBe(basename(file, '.json'));
      expect(JSON.parse(text)).toHaveProperty('rules');
    },
  );

  it('index.ts lists every file, and BUILTIN_RULES equals what parseRules makes of them', () => {
    expect(Object.keys(BUILTIN_RULE_FILES).sort()).toEqual(
      files.map((f) => basename(f, '.json')).sort(),
    );
    const parsed = files.flatMap((f) => parseRules(readFileSync(join(dir, f), 'utf8')).rules);
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect([...BUILTIN_RULES].sort(byId)).toEqual(parsed.sort(byId));
  });

  it('each applies to its own site and not to another', () => {
    const index = compileRuleIndex(BUILTIN_RULES);
    expect(rulesForUrl(index, 'https://www.jinse.cn/blockchain/1.html').map((r) => r.id)).toEqual([
      'jinse',
    ]);
    expect(rulesForUrl(index, 'https://www.coindesk.com/markets/x').map((r) => r.id)).toEqual([
      'coindesk',
    ]);
    expect(rulesForUrl(index, 'https://www.8btc.com/article/1').map((r) => r.id)).toEqual(['8btc']);
    expect(rulesForUrl(index, 'https://example.org/')).toEqual([]);
  });
});
