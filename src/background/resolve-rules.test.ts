import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../rules/builtin/index.js';
import { resolveRules } from './resolve-rules.js';

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
