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
