import { describe, expect, it, vi } from 'vitest';
import { BUILTIN_RULES } from '../rules/builtin/index.js';
import type { SiteRule } from '../rules/schema.js';
import {
  injectPatternEngine,
  PATTERN_ENGINE_SCRIPT,
  patternEngineScripts,
  resolveRules,
} from './resolve-rules.js';

describe('resolveRules', () => {
  it('sends only the built-in rules whose hosts match the tab', () => {
    const rule = BUILTIN_RULES.find(
      (r) => r.enabled && r.match.some((m) => /^[a-z0-9.-]+$/.test(m)),
    );
    expect(rule, 'a built-in rule with a plain host pattern').toBeDefined();
    if (!rule) return;
    const host = rule.match.find((m) => /^[a-z0-9.-]+$/.test(m))!;
    const got = resolveRules(`https://${host}/article/1.html`);
    expect(got).toContain(rule);
    expect(got.every((r) => r.enabled)).toBe(true);
    expect(got.length).toBeLessThan(BUILTIN_RULES.length);
  });

  it('sends nothing for a host no rule names', () => {
    expect(resolveRules('http://127.0.0.1:8080/page.html')).toEqual([]);
  });

  it('without a URL, sends every enabled rule (the core filters by host)', () => {
    expect(resolveRules(undefined)).toEqual(BUILTIN_RULES.filter((r) => r.enabled));
  });
});

describe('resolveRules with user rules (merged by mergeRules)', () => {
  it('a user rule for the tab host applies; one for another host does not', async () => {
    const { mergeRules } = await import('../shared/rule-storage.js');
    const mine = {
      id: 'mine',
      match: ['127.0.0.1'],
      enabled: true,
      remove: ['.x'],
      removeText: [],
    };
    const other = {
      id: 'other',
      match: ['other.example'],
      enabled: true,
      remove: ['.y'],
      removeText: [],
    };
    const all = mergeRules(BUILTIN_RULES, [mine, other], []);
    expect(resolveRules('http://127.0.0.1:8080/page.html', all)).toEqual([mine]);
  });

  it('a built-in turned off does not apply; a user rule with its id replaces it', async () => {
    const { mergeRules } = await import('../shared/rule-storage.js');
    const rule = BUILTIN_RULES.find((r) => r.enabled && /^[a-z0-9.-]+$/.test(r.match[0] ?? ''))!;
    const url = `https://${rule.match[0]}/a.html`;
    expect(resolveRules(url, mergeRules(BUILTIN_RULES, [], [rule.id]))).not.toContainEqual(
      expect.objectContaining({ id: rule.id }),
    );
    const override = { ...rule, remove: ['.only-mine'] };
    const got = resolveRules(url, mergeRules(BUILTIN_RULES, [override], [rule.id]));
    expect(got.filter((r) => r.id === rule.id)).toEqual([override]);
  });
});

describe('the host index is compiled once per rule set', () => {
  it('a toggle with the same rules compiles nothing; a changed rule set compiles once', async () => {
    const { mergeRules } = await import('../shared/rule-storage.js');
    const { ruleIndexCompilations } = await import('./resolve-rules.js');
    const mine: SiteRule = { id: 'mine', match: ['mine.example'], enabled: true, remove: ['.x'] };
    // Each toggle merges afresh (a new array of the same rules, a fresh copy of a disabled one).
    const merged = () => mergeRules(BUILTIN_RULES, [mine], ['jinse']);
    resolveRules('https://mine.example/a', merged());
    const before = ruleIndexCompilations();
    for (let i = 0; i < 5; i++) {
      expect(resolveRules('https://mine.example/a', merged()).map((r) => r.id)).toEqual(['mine']);
    }
    expect(ruleIndexCompilations()).toBe(before);
    const changed = { ...mine, match: ['other.example'] };
    expect(
      resolveRules('https://mine.example/a', mergeRules(BUILTIN_RULES, [changed], [])),
    ).toEqual([]);
    expect(ruleIndexCompilations()).toBe(before + 1);
  });
});

describe('patternEngineScripts', () => {
  it('asks for the regex engine only when the rules sent to the tab hold a regex', () => {
    const plain: SiteRule = { id: 'p', match: ['a.example'], enabled: true, removeText: ['Ad:'] };
    const regex: SiteRule = { ...plain, id: 'r', removeText: ['/^Ads?:/i'] };
    const title: SiteRule = { ...plain, id: 't', removeText: [], title: '/ - A+$/' };
    expect(patternEngineScripts([plain])).toEqual([]);
    expect(patternEngineScripts([plain, regex])).toEqual([PATTERN_ENGINE_SCRIPT]);
    expect(patternEngineScripts([title])).toEqual([PATTERN_ENGINE_SCRIPT]);
    // A literal regex ("Hide blocks like this" writes them) runs without the engine.
    expect(patternEngineScripts([{ ...plain, removeText: ['/^Sponsored: x\\.y$/u'] }])).toEqual([]);
    // The built-in rules of a site without regexes load nothing.
    expect(patternEngineScripts(resolveRules('https://www.coindesk.com/x'))).toEqual([]);
  });
});

describe('injectPatternEngine', () => {
  const regex: SiteRule = {
    id: 'r',
    match: ['a.example'],
    enabled: true,
    removeText: ['/^Ads?:/'],
  };
  it('injects the engine only for rules that need it, and never fails the toggle', async () => {
    const injected: string[][] = [];
    const inject = (files: string[]) => {
      injected.push(files);
      return Promise.resolve();
    };
    await injectPatternEngine([{ ...regex, removeText: ['Ads:'] }], inject);
    expect(injected).toEqual([]);
    await injectPatternEngine([regex], inject);
    expect(injected).toEqual([[PATTERN_ENGINE_SCRIPT]]);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(
      injectPatternEngine([regex], () => Promise.reject(new Error('no such file'))),
    ).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
