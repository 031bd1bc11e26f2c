import { describe, expect, it } from 'vitest';
import { exportRules } from '../rules/export.js';
import { parseRules } from '../rules/parse.js';
import type { SiteRule } from '../rules/schema.js';
import { randomJson, seededRandom } from '../rules/test-random.js';
import { emptyStoredRules, type StoredRules } from '../shared/rule-storage.js';
import { applyImportToState, buildImportView, exportFile } from './import-model.js';

const rule = (id: string, extra: Partial<SiteRule> = {}): SiteRule => ({
  id,
  match: [`${id}.example`],
  enabled: true,
  remove: [],
  removeText: [],
  ...extra,
});
const state = (rules: SiteRule[]): StoredRules => ({ ...emptyStoredRules(), rules });

describe('import view', () => {
  it('shows what a JSON import adds and replaces, and applying it keeps every other rule', () => {
    const s = state([rule('a'), rule('b'), rule('c')]);
    const text = exportRules([rule('b', { remove: ['.new'] }), rule('c'), rule('d')]);
    const view = buildImportView(s, text);
    expect(view.adds).toEqual([{ label: 'd (d.example)', replacesBuiltin: false }]);
    expect(view.replaces).toEqual(['b (b.example)']);
    expect(view.unchanged).toEqual(['c']);
    expect(view.canConfirm).toBe(true);
    expect(view.format).toBe('json');
    expect(view.risks).toEqual([]);
    expect(view.limit).toEqual({ incoming: 3, total: 4, max: 2000, excess: 0 });
    const next = applyImportToState(s, view.plan);
    expect(next.rules.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(next.rules[1]!.remove).toEqual(['.new']);
  });

  it('uBO lines: good ones become rules, bad ones are reported with their line numbers', () => {
    const text = [
      '! a comment',
      'example.com##.promo-box',
      'example.com#@#.ad',
      'example.com##p:has-text(/^Sponsored/)',
      '||ads.example^',
    ].join('\n');
    const view = buildImportView(state([]), text);
    expect(view.plan.format).toBe('ubo');
    expect(view.plan.add).toHaveLength(1);
    expect(view.plan.add[0]!.remove).toEqual(['.promo-box']);
    expect(view.plan.add[0]!.removeText).toEqual(['/^Sponsored/']);
    expect(view.errors).toHaveLength(2);
    expect(view.errors[0]).toMatch(/line 3/);
    expect(view.errors[1]).toMatch(/line 5/);
  });

  it('a bad import offers nothing to confirm', () => {
    for (const text of ['{"rules": [', '{"rules": [{"id": "x"}]}', '', '||only.network^']) {
      const view = buildImportView(state([rule('a')]), text);
      expect(view.canConfirm, text).toBe(false);
      expect(applyImportToState(state([rule('a')]), view.plan).rules).toEqual([rule('a')]);
    }
  });

  it('a built-in id in an import is shown as replacing the built-in rule', () => {
    const view = buildImportView(state([]), exportRules([rule('jinse')]), {
      builtinIds: new Set(['jinse']),
    });
    expect(view.adds[0]!.replacesBuiltin).toBe(true);
  });

  it('names rules for every site and page-wide removals, from JSON and from uBO lines', () => {
    const json = buildImportView(
      state([]),
      exportRules([rule('all', { match: ['*'] }), rule('wipe', { remove: ['.a', 'html'] })]),
    );
    expect(json.risks).toEqual([
      { ruleId: 'all', kind: 'every-site', subject: '*', lines: [] },
      { ruleId: 'wipe', kind: 'page-wide', subject: 'html', lines: [] },
    ]);
    expect(json.canConfirm).toBe(true);
    const ubo = buildImportView(state([]), 'a.example##.x\n##.ad\nb.example##body\n');
    expect(ubo.risks).toEqual([
      {
        ruleId: 'ubo-generic',
        kind: 'every-site',
        subject: '*',
        lines: [{ line: 2, text: '##.ad' }],
      },
      {
        ruleId: 'ubo-b-example',
        kind: 'page-wide',
        subject: 'body',
        lines: [{ line: 3, text: 'b.example##body' }],
      },
    ]);
  });

  it('an import past the rules limit cannot be confirmed and says how many are too many', () => {
    const file = (n: number) =>
      exportRules(Array.from({ length: n }, (_, i) => rule(`n-${i}`, { removeText: ['x'] })));
    const existing = state([rule('a'), rule('b'), rule('c')]);
    const over = buildImportView(existing, file(2400));
    // The parser reads 2,000; the 400 it cut off count too.
    expect(over.plan.add).toHaveLength(2000);
    expect(over.limit).toEqual({ incoming: 2400, total: 2403, max: 2000, excess: 403 });
    expect(over.canConfirm).toBe(false);
    const fits = buildImportView(existing, file(1997));
    expect(fits.limit.excess).toBe(0);
    expect(fits.canConfirm).toBe(true);
    expect(buildImportView(existing, file(1998)).canConfirm).toBe(false);
    // uBO lines: one rule per host, 2,100 hosts.
    const lines = Array.from({ length: 2100 }, (_, i) => `h${i}.example##.ad`).join('\n');
    const ubo = buildImportView(state([]), lines);
    expect(ubo.limit).toEqual({ incoming: 2100, total: 2100, max: 2000, excess: 100 });
    expect(ubo.canConfirm).toBe(false);
  });

  it('random input never throws and never loses an existing rule', () => {
    const rand = seededRandom(4);
    const existing = state([rule('keep-a'), rule('keep-b')]);
    for (let i = 0; i < 200; i++) {
      const value = randomJson(rand, 4);
      const text = i % 2 ? JSON.stringify(value) : String(value);
      const view = buildImportView(existing, text);
      const next = applyImportToState(existing, view.plan);
      for (const id of ['keep-a', 'keep-b']) expect(next.rules.some((r) => r.id === id)).toBe(true);
      expect(parseRules(next.rules).errors).toEqual([]);
    }
  });

  it('the export file is the user rules in the rules-file format, named by date', () => {
    const f = exportFile(state([rule('a')]), new Date('2026-11-29T05:00:00Z'));
    expect(f.name).toBe('crypto-reader-rules-2026-11-29.json');
    expect(parseRules(f.text)).toEqual({ rules: [rule('a')], errors: [] });
  });
});
