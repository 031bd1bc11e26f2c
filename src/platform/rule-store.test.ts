import { describe, expect, it, vi } from 'vitest';
import { RULES_VALIDATOR_VERSION } from '../rules/parse.js';
import type { SiteRule } from '../rules/schema.js';
import {
  emptyStoredRules,
  RULES_STORAGE_KEY,
  storedSize,
  SYNC_QUOTA,
  type StoredRules,
} from '../shared/rule-storage.js';

// The store is tested on fake storage areas; the polyfill only loads inside an extension.
vi.mock('./browser.js', () => ({ browser: {} }));
const { createRuleStore } = await import('./rule-store.js');

/** An in-memory storage area; with `quota`, it enforces sync's limits like Chrome (whole write refused). */
class FakeArea {
  items = new Map<string, string>();
  writes = 0;
  failNextSet = false;
  constructor(private readonly quota?: { perItem: number; total: number }) {}

  async get(keys?: null | string | string[]): Promise<Record<string, unknown>> {
    const list =
      keys === null || keys === undefined
        ? [...this.items.keys()]
        : Array.isArray(keys)
          ? keys
          : [keys];
    const out: Record<string, unknown> = {};
    for (const k of list) {
      const v = this.items.get(k);
      if (v !== undefined) out[k] = JSON.parse(v);
    }
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    if (this.failNextSet) {
      this.failNextSet = false;
      throw new Error('storage is broken');
    }
    if (this.quota) {
      for (const [k, v] of Object.entries(items)) {
        if (storedSize(k, v) > this.quota.perItem)
          throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
      }
      const next = new Map(this.items);
      for (const [k, v] of Object.entries(items)) next.set(k, JSON.stringify(v));
      let total = 0;
      for (const [k, v] of next) total += new TextEncoder().encode(k + v).length;
      if (total > this.quota.total) throw new Error('QUOTA_BYTES quota exceeded');
    }
    this.writes++;
    for (const [k, v] of Object.entries(items)) this.items.set(k, JSON.stringify(v));
  }

  async remove(keys: string | string[]): Promise<void> {
    for (const k of Array.isArray(keys) ? keys : [keys]) this.items.delete(k);
  }
}

const rule = (id: string, extra: Partial<SiteRule> = {}): SiteRule => ({
  id,
  match: [`${id}.example`],
  enabled: true,
  remove: [],
  removeText: [],
  ...extra,
});

const state = (rules: SiteRule[], disabledBuiltins: string[] = []): StoredRules => ({
  ...emptyStoredRules(),
  rules,
  disabledBuiltins,
});

function setup() {
  const sync = new FakeArea({ perItem: SYNC_QUOTA.bytesPerItem, total: SYNC_QUOTA.totalBytes });
  const local = new FakeArea();
  return { sync, local, store: createRuleStore({ sync, local }) };
}

/** A rule about `bytes` long when serialized. */
function bigRule(id: string, bytes: number): SiteRule {
  const selectors: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const s = `.promo-block-${i}-${'x'.repeat(400)}`;
    selectors.push(s);
    size += s.length + 3;
  }
  return rule(id, { remove: selectors.slice(0, 200) });
}

describe('rule store', () => {
  it('empty storage loads as no user rules, in sync', async () => {
    const { store } = setup();
    const got = await store.load();
    expect(got.data).toEqual(emptyStoredRules());
    expect(got.errors).toEqual([]);
    expect(got.area).toBe('sync');
    expect(got.localReason).toBeNull();
  });

  it('small rules are saved to sync and read back', async () => {
    const { store, sync, local } = setup();
    const data = state([rule('a'), rule('b', { removeText: ['/^Ad:/u'] })], ['jinse']);
    expect(await store.save(data)).toEqual({ ok: true, area: 'sync', localReason: null });
    expect(sync.items.has(RULES_STORAGE_KEY)).toBe(true);
    expect(local.items.size).toBe(0);
    const got = await store.load();
    expect(got.data.rules).toEqual(data.rules);
    expect(got.data.disabledBuiltins).toEqual(['jinse']);
    expect(got.area).toBe('sync');
  });

  it('rules larger than one sync item are split into parts, each within QUOTA_BYTES_PER_ITEM', async () => {
    const { store, sync } = setup();
    const rules = Array.from({ length: 8 }, (_, i) => bigRule(`big-${i}`, 3000));
    expect(storedSize(RULES_STORAGE_KEY, state(rules))).toBeGreaterThan(SYNC_QUOTA.bytesPerItem);
    const saved = await store.save(state(rules));
    expect(saved).toEqual({ ok: true, area: 'sync', localReason: null });
    const parts = [...sync.items.keys()].filter((k) => k.startsWith(`${RULES_STORAGE_KEY}.`));
    expect(parts.length).toBeGreaterThan(1);
    for (const [k, v] of sync.items)
      expect(new TextEncoder().encode(k + v).length).toBeLessThanOrEqual(8192);
    expect((await store.load()).data.rules).toEqual(rules);
  });

  it('a rule too big for one sync item falls back to local, with the reason', async () => {
    const { store, sync, local } = setup();
    const data = state([rule('small'), bigRule('huge', 20_000)]);
    const saved = await store.save(data);
    expect(saved).toEqual({ ok: true, area: 'local', localReason: 'too-large' });
    expect(sync.writes).toBe(0);
    expect(local.items.has(RULES_STORAGE_KEY)).toBe(true);
    const got = await store.load();
    expect(got.area).toBe('local');
    expect(got.localReason).toBe('too-large');
    expect(got.data.rules).toEqual(data.rules);
  });

  it('more than the sync total quota falls back to local', async () => {
    const { store } = setup();
    const rules = Array.from({ length: 40 }, (_, i) => bigRule(`r-${i}`, 3000));
    const saved = await store.save(state(rules));
    expect(saved.ok && saved.area).toBe('local');
    expect((await store.load()).data.rules.map((r) => r.id)).toEqual(rules.map((r) => r.id));
  });

  it('when sync refuses the write, the rules go to local (sync-failed) and the old sync data stays unused', async () => {
    const { store, sync } = setup();
    await store.save(state([rule('old')]));
    sync.failNextSet = true;
    const saved = await store.save(state([rule('old'), rule('new')]));
    expect(saved).toEqual({ ok: true, area: 'local', localReason: 'sync-failed' });
    const got = await store.load();
    expect(got.data.rules.map((r) => r.id)).toEqual(['old', 'new']);
    expect(got.localReason).toBe('sync-failed');
    // Back under quota and sync working: the next save returns to sync and wins over local.
    expect((await store.save(state([rule('x')]))).ok).toBe(true);
    const again = await store.load();
    expect(again.area).toBe('sync');
    expect(again.data.rules.map((r) => r.id)).toEqual(['x']);
  });

  it('all or nothing: an invalid state is refused and nothing is written', async () => {
    const { store, sync, local } = setup();
    await store.save(state([rule('a')]));
    const before = new Map(sync.items);
    const bad = state([rule('a'), rule('b', { removeText: ['/(a)\\1$/'] })]);
    const saved = await store.save(bad);
    expect(saved.ok).toBe(false);
    if (!saved.ok)
      expect(saved.errors.some((e) => e.id === 'b' && /backreference/.test(e.message))).toBe(true);
    expect(sync.items).toEqual(before);
    expect(local.items.size).toBe(0);
    // Duplicate ids are refused too.
    expect((await store.save(state([rule('a'), rule('a')]))).ok).toBe(false);
    expect((await store.load()).data.rules.map((r) => r.id)).toEqual(['a']);
  });

  it('all or nothing: a failed write leaves the previous rules in charge', async () => {
    const { store, sync, local } = setup();
    await store.save(state([rule('a'), rule('b')]));
    sync.failNextSet = true;
    local.failNextSet = true;
    const saved = await store.save(state([rule('c')]));
    expect(saved.ok).toBe(false);
    expect((await store.load()).data.rules.map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('old generations are cleaned up after a save', async () => {
    const { store, sync } = setup();
    const rules = Array.from({ length: 6 }, (_, i) => bigRule(`g-${i}`, 3000));
    await store.save(state(rules));
    const first = [...sync.items.keys()];
    await store.save(state(rules.slice(0, 2)));
    const second = [...sync.items.keys()];
    expect(second.filter((k) => first.includes(k) && k !== RULES_STORAGE_KEY)).toEqual([]);
    expect((await store.load()).data.rules).toHaveLength(2);
  });

  it('a broken stored rule is skipped and flagged; the other rules load; saving keeps it in broken', async () => {
    const { store, sync } = setup();
    // Written by hand (an older version, a sync from elsewhere): one rule is broken.
    const bad = { id: 'bad', match: ['bad.example'], remove: ['div[['], removeText: ['/(x)\\1/'] };
    await sync.set({
      [RULES_STORAGE_KEY]: {
        schemaVersion: 1,
        disabledBuiltins: [],
        savedAt: 5,
        parts: { gen: 'g', count: 1 },
      },
      [`${RULES_STORAGE_KEY}.g.0`]: [rule('good'), bad, rule('also-good')],
    });
    const got = await store.load();
    expect(got.data.rules.map((r) => r.id)).toEqual(['good', 'also-good']);
    expect(got.errors.some((e) => e.id === 'bad')).toBe(true);
    expect(got.data.broken).toEqual([bad]);
    expect((await store.save({ ...got.data, rules: [...got.data.rules, rule('third')] })).ok).toBe(
      true,
    );
    const again = await store.load();
    expect(again.data.broken).toEqual([bad]);
    expect(again.data.rules.map((r) => r.id)).toEqual(['good', 'also-good', 'third']);
  });

  it('a missing part is flagged and the other parts still load', async () => {
    const { store, sync } = setup();
    await sync.set({
      [RULES_STORAGE_KEY]: {
        schemaVersion: 1,
        disabledBuiltins: [],
        savedAt: 5,
        parts: { gen: 'g', count: 2 },
      },
      [`${RULES_STORAGE_KEY}.g.1`]: [rule('second')],
    });
    const got = await store.load();
    expect(got.data.rules.map((r) => r.id)).toEqual(['second']);
    expect(got.errors.some((e) => /part 1 of 2/.test(e.message))).toBe(true);
  });

  it('migrates an older shape (a bare array in one item) and writes it back', async () => {
    const { store, sync } = setup();
    await sync.set({ [RULES_STORAGE_KEY]: [{ id: 'legacy', match: ['legacy.example'] }] });
    const got = await store.load();
    expect(got.data.rules.map((r) => r.id)).toEqual(['legacy']);
    const index = (await sync.get(RULES_STORAGE_KEY))[RULES_STORAGE_KEY] as Record<string, unknown>;
    expect(index.schemaVersion).toBe(1);
    expect(index.parts).toBeDefined();
    expect((await store.load()).data.rules.map((r) => r.id)).toEqual(['legacy']);
  });

  it('stores the verdict with the rules; unstamped rules are validated once and written back', async () => {
    const { store, sync, local } = setup();
    expect((await store.save(state([rule('a')]))).ok).toBe(true);
    const index = (await sync.get(RULES_STORAGE_KEY))[RULES_STORAGE_KEY] as Record<string, unknown>;
    expect(index.validatedBy).toBe(RULES_VALIDATOR_VERSION);
    let writes = sync.writes;
    await store.load();
    expect(sync.writes).toBe(writes); // stamped: read as is

    // Rules written by a version before the verdict (same schema, no `validatedBy`).
    await sync.set({ [RULES_STORAGE_KEY]: { ...index, validatedBy: undefined } });
    writes = sync.writes;
    expect((await store.load()).data.rules.map((r) => r.id)).toEqual(['a']);
    expect(sync.writes).toBeGreaterThan(writes);
    const stamped = (await sync.get(RULES_STORAGE_KEY))[RULES_STORAGE_KEY] as Record<
      string,
      unknown
    >;
    expect(stamped.validatedBy).toBe(RULES_VALIDATOR_VERSION);

    // The local record carries it too.
    const big = state([bigRule('big', 9000)]);
    expect((await store.save(big)).ok).toBe(true);
    const rec = (await local.get(RULES_STORAGE_KEY))[RULES_STORAGE_KEY] as Record<string, unknown>;
    expect(rec.validatedBy).toBe(RULES_VALIDATOR_VERSION);
  });

  it('never writes over rules stored by a newer version', async () => {
    const { store, sync } = setup();
    const newer = {
      schemaVersion: 99,
      rules: [{ id: 'a', match: ['a.example'] }],
      disabledBuiltins: [],
    };
    await sync.set({ [RULES_STORAGE_KEY]: newer });
    const writes = sync.writes;
    const got = await store.load();
    expect(got.data.rules.map((r) => r.id)).toEqual(['a']);
    expect(got.errors.some((e) => /newer version/.test(e.message))).toBe(true);
    expect(sync.writes).toBe(writes);
  });

  it('update applies a change to the stored state in one save', async () => {
    const { store } = setup();
    await store.save(state([rule('a')]));
    const r = await store.update((s) => ({ ...s, rules: [...s.rules, rule('b')] }));
    expect(r.ok).toBe(true);
    expect((await store.load()).data.rules.map((x) => x.id)).toEqual(['a', 'b']);
  });

  it('random garbage in storage never throws and never loses the good rules', async () => {
    const garbage: unknown[] = [
      42,
      'x',
      null,
      [],
      {},
      { parts: 3 },
      [1, 2],
      { schemaVersion: 1, rules: 'no' },
    ];
    for (const g of garbage) {
      const { store, sync } = setup();
      await sync.set({ [RULES_STORAGE_KEY]: g });
      const got = await store.load();
      expect(Array.isArray(got.data.rules)).toBe(true);
    }
  });
});
