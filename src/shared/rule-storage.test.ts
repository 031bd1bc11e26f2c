import { RULES_VALIDATOR_VERSION } from '../rules/parse.js';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../rules/builtin/index.js';
import type { SiteRule } from '../rules/schema.js';
import { randomJson, seededRandom } from '../rules/test-random.js';
import {
  chooseStorageArea,
  emptyStoredRules,
  mergeRules,
  migrateStoredRules,
  resolveRules,
  RULES_SCHEMA_VERSION,
} from './rule-storage.js';

const rule = (id: string, extra: Partial<SiteRule> = {}): SiteRule => ({
  id,
  match: [`${id}.com`],
  enabled: true,
  remove: [],
  removeText: [],
  ...extra,
});

describe('migrateStoredRules', () => {
  it('nothing stored → empty, not migrated', () => {
    expect(migrateStoredRules(undefined)).toEqual({
      data: emptyStoredRules(),
      errors: [],
      migrated: false,
      revalidated: false,
    });
    expect(migrateStoredRules(null).migrated).toBe(false);
  });

  it('v0 (a bare array) → v1, migrated', () => {
    const r = migrateStoredRules([{ id: 'a', match: ['a.com'] }]);
    expect(r).toEqual({
      data: { schemaVersion: RULES_SCHEMA_VERSION, rules: [rule('a')], disabledBuiltins: [] },
      errors: [],
      migrated: true,
      revalidated: true,
    });
  });

  it('rules stored with the verdict of this validator are read without compiling their patterns again', () => {
    // A pattern the validator refuses, stored with a verdict: trusted (the verdict says it was
    // checked when saved), so only a save could have put it there.
    const stored = {
      schemaVersion: 1,
      rules: [{ id: 'a', match: ['a.com'], removeText: ['/(?<=x)y/'] }],
      disabledBuiltins: [],
    };
    const trusted = migrateStoredRules({ ...stored, validatedBy: RULES_VALIDATOR_VERSION });
    expect(trusted.data.rules.map((r) => r.id)).toEqual(['a']);
    expect(trusted.revalidated).toBe(false);
    // No verdict, or an older validator's: validated fully now, and to be written back.
    for (const validatedBy of [undefined, RULES_VALIDATOR_VERSION - 1]) {
      const again = migrateStoredRules({ ...stored, validatedBy });
      expect(again.data.rules).toEqual([]);
      expect(again.data.broken).toEqual(stored.rules);
      expect(again.errors[0]!.message).toMatch(/lookbehind/);
      expect(again.revalidated).toBe(true);
    }
    // Shapes are still checked under a verdict: storage is never trusted for those.
    const damaged = migrateStoredRules({
      ...stored,
      rules: [{ id: 'a', match: 'a.com' }],
      validatedBy: RULES_VALIDATOR_VERSION,
    });
    expect(damaged.data.rules).toEqual([]);
    expect(damaged.errors[0]!.field).toBe('match');
  });

  it('v0 {rules} without a version → v1, migrated', () => {
    const r = migrateStoredRules({
      rules: [{ id: 'a', match: ['a.com'] }],
      disabledBuiltins: ['jinse'],
    });
    expect(r.migrated).toBe(true);
    expect(r.data.disabledBuiltins).toEqual(['jinse']);
  });

  it('v1 reads as is; a broken rule is skipped, reported, kept verbatim, and others still load', () => {
    const bad = { id: 'bad', match: ['b.com'], removeText: ['/(a)\\1/'] };
    const r = migrateStoredRules({
      schemaVersion: 1,
      rules: [{ id: 'a', match: ['a.com'] }, bad, { id: 'c', match: ['c.com'] }],
      disabledBuiltins: ['jinse', 7, 'jinse'],
    });
    expect(r.migrated).toBe(false);
    expect(r.data.rules.map((x) => x.id)).toEqual(['a', 'c']);
    expect(r.data.broken).toEqual([bad]);
    expect(r.data.disabledBuiltins).toEqual(['jinse']);
    expect(r.errors.map((e) => [e.index, e.id, e.field])).toEqual([
      [1, 'bad', 'removeText[0]'],
      [null, null, 'disabledBuiltins[1]'],
    ]);
  });

  it('recovers a previously broken entry once it is valid, and keeps the still-broken ones', () => {
    const r = migrateStoredRules({
      schemaVersion: 1,
      rules: [{ id: 'a', match: ['a.com'] }],
      disabledBuiltins: [],
      broken: [{ id: 'fixed', match: ['f.com'] }, { id: 'a', match: ['dup.com'] }, 'junk'],
    });
    expect(r.data.rules.map((x) => x.id)).toEqual(['a', 'fixed']);
    expect(r.data.broken).toEqual([{ id: 'a', match: ['dup.com'] }, 'junk']);
    expect(r.migrated).toBe(true);
  });

  it('a newer version is read as far as possible and flagged', () => {
    const r = migrateStoredRules({
      schemaVersion: 9,
      rules: [{ id: 'a', match: ['a.com'] }],
      disabledBuiltins: [],
    });
    expect(r.data.rules.map((x) => x.id)).toEqual(['a']);
    expect(r.errors[0]!.message).toMatch(/newer version \(schemaVersion 9\)/);
  });

  it('an unknown shape is kept as broken, not thrown', () => {
    const r = migrateStoredRules('garbage');
    expect(r.data.rules).toEqual([]);
    expect(r.data.broken).toEqual(['garbage']);
    expect(r.errors).toHaveLength(1);
  });

  it('random stored values never throw, and valid rules among them always load', () => {
    const rand = seededRandom(5);
    for (let n = 0; n < 1000; n++) {
      const junk = randomJson(rand);
      expect(() => migrateStoredRules(junk)).not.toThrow();
      const list = [junk, { id: `ok-${n}`, match: ['ok.com'] }, randomJson(rand)];
      for (const stored of [list, { schemaVersion: 1, rules: list, disabledBuiltins: junk }]) {
        const r = migrateStoredRules(stored);
        expect(r.data.rules.map((x) => x.id)).toContain(`ok-${n}`);
        // Nothing is lost: every entry is either a rule or kept in broken.
        expect(r.data.rules.length + (r.data.broken?.length ?? 0)).toBe(list.length);
      }
    }
  });
});

describe('mergeRules / resolveRules', () => {
  const builtin = [rule('x'), rule('y'), rule('z')];
  it('user rule with a built-in id overrides it in place; disabled built-ins are listed but off', () => {
    const user = [rule('mine'), rule('y', { notes: 'override' })];
    expect(
      resolveRules(builtin, user, ['z', 'y']).map((r) => [r.rule.id, r.origin, r.rule.enabled]),
    ).toEqual([
      ['x', 'builtin', true],
      ['y', 'override', true],
      ['z', 'builtin', false],
      ['mine', 'user', true],
    ]);
    expect(mergeRules(builtin, user, []).map((r) => r.notes ?? r.id)).toEqual([
      'x',
      'override',
      'z',
      'mine',
    ]);
    expect(builtin[2]!.enabled).toBe(true);
  });

  it('works with the real built-ins', () => {
    expect(mergeRules(BUILTIN_RULES, [], ['jinse']).find((r) => r.id === 'jinse')?.enabled).toBe(
      false,
    );
  });
});

describe('chooseStorageArea', () => {
  it('uses sync under the per-item quota, local above it', () => {
    expect(chooseStorageArea({ ...emptyStoredRules(), rules: [rule('a')] })).toBe('sync');
    const big = Array.from({ length: 60 }, (_, i) => rule(`r${i}`, { notes: 'x'.repeat(200) }));
    expect(chooseStorageArea({ ...emptyStoredRules(), rules: big })).toBe('local');
  });
});
