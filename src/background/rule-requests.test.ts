import { describe, expect, it, vi } from 'vitest';
import type { SiteRule } from '../rules/schema.js';

// The handlers on a store over in-memory areas (the polyfill only loads inside an extension).
const memory = () => {
  const items: Record<string, unknown> = {};
  return {
    items,
    async get(keys?: null | string | string[]) {
      const list = keys == null ? Object.keys(items) : Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(
        list.filter((k) => k in items).map((k) => [k, structuredClone(items[k])]),
      );
    },
    async set(v: Record<string, unknown>) {
      Object.assign(items, structuredClone(v));
    },
    async remove(keys: string | string[]) {
      for (const k of Array.isArray(keys) ? keys : [keys]) delete items[k];
    },
  };
};
vi.mock('../platform/browser.js', () => ({ browser: {} }));
vi.mock('../platform/rule-store.js', async (importActual) => {
  const actual = await importActual<typeof import('../platform/rule-store.js')>();
  const store = actual.createRuleStore({ sync: memory(), local: memory() });
  return { ...actual, ruleStore: () => store, onRulesChanged: () => () => undefined };
});
const { addFromReader, removeFromReader } = await import('./rule-requests.js');
const { ruleStore } = await import('../platform/rule-store.js');

const hideRule = (over: Partial<SiteRule> = {}): SiteRule => ({
  id: 'hide-news-example-abc',
  match: ['news.example'],
  enabled: true,
  remove: [],
  removeText: ['/^Sponsored:/u'],
  ...over,
});

describe('rules from the reader', () => {
  it('adds a rule for the sender page host, and undoes it', async () => {
    const added = await addFromReader(hideRule(), 'https://www.news.example/a.html');
    expect(added).toEqual({ ok: true, rule: hideRule() });
    expect((await ruleStore().load()).data.rules.map((r) => r.id)).toEqual([
      'hide-news-example-abc',
    ]);
    // The same id again gets a free one: nothing is overwritten.
    const again = await addFromReader(hideRule(), 'https://news.example/b.html');
    expect(again.ok && again.rule.id).toBe('hide-news-example-abc-2');
    expect(
      await removeFromReader('hide-news-example-abc-2', 'https://news.example/b.html'),
    ).toMatchObject({ ok: true });
    expect(
      await removeFromReader('hide-news-example-abc', 'https://news.example/b.html'),
    ).toMatchObject({ ok: true });
    expect((await ruleStore().load()).data.rules).toEqual([]);
  });

  it('refuses rules for another site, for every site, invalid rules, and undoing other rules', async () => {
    expect((await addFromReader(hideRule(), 'https://other.example/')).ok).toBe(false);
    expect((await addFromReader(hideRule({ match: ['*'] }), 'https://news.example/')).ok).toBe(
      false,
    );
    expect(
      (await addFromReader(hideRule({ id: 'not-from-reader' }), 'https://news.example/')).ok,
    ).toBe(false);
    expect(
      (await addFromReader(hideRule({ removeText: ['/(a)\\1$/'] }), 'https://news.example/')).ok,
    ).toBe(false);
    expect(
      (
        await addFromReader(
          { id: 'hide-x', match: ['news.example'], script: 'x' },
          'https://news.example/',
        )
      ).ok,
    ).toBe(false);
    await ruleStore().save({
      schemaVersion: 1,
      rules: [hideRule({ id: 'mine' }), hideRule({ id: 'hide-other', match: ['other.example'] })],
      disabledBuiltins: [],
    });
    expect((await removeFromReader('mine', 'https://news.example/')).ok).toBe(false);
    expect((await removeFromReader('hide-other', 'https://news.example/')).ok).toBe(false);
    expect((await ruleStore().load()).data.rules.map((r) => r.id)).toEqual(['mine', 'hide-other']);
  });
});
