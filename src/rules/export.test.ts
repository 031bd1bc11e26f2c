import { describe, expect, it } from 'vitest';
import { RULES_SCHEMA_URL } from './json-schema.js';
import { applyImportPlan, detectImportFormat, exportRules, planImport } from './export.js';
import { parseRules } from './parse.js';
import type { SiteRule } from './schema.js';
import { randomJson, randomString, seededRandom } from './test-random.js';

const A: SiteRule = { id: 'a', match: ['a.com'], enabled: true, remove: ['.x'], removeText: [] };
const B: SiteRule = {
  id: 'b',
  match: ['b.com'],
  enabled: false,
  remove: [],
  removeText: ['/^ad$/i'],
  notes: 'n',
};

describe('exportRules', () => {
  it('writes {"$schema", "rules": [...]} pretty, in schema order, without empty lists', () => {
    const text = exportRules([B, A]);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual({
      $schema: RULES_SCHEMA_URL,
      rules: [
        { id: 'b', match: ['b.com'], enabled: false, removeText: ['/^ad$/i'], notes: 'n' },
        { id: 'a', match: ['a.com'], enabled: true, remove: ['.x'] },
      ],
    });
    expect(text).toContain('\n  "rules": [\n    {\n      "id": "b",');
  });

  it('round-trips through parseRules (what the CLI --rules and the options page read)', () => {
    expect(parseRules(exportRules([A, B]))).toEqual({ rules: [A, B], errors: [] });
  });
});

describe('planImport', () => {
  it('plans adds, replaces and unchanged rules, and applies them without deleting anything', () => {
    const incoming = exportRules([
      { ...A },
      { ...B, notes: 'changed' },
      { id: 'c', match: ['*'], enabled: true },
    ]);
    const plan = planImport([A, B, { id: 'keep', match: ['k.com'], enabled: true }], incoming);
    expect(plan.format).toBe('json');
    expect(plan.errors).toEqual([]);
    expect(plan.unchanged.map((r) => r.id)).toEqual(['a']);
    expect(plan.replace.map((r) => [r.before.notes, r.after.notes])).toEqual([['n', 'changed']]);
    expect(plan.add.map((r) => r.id)).toEqual(['c']);
    const after = applyImportPlan([A, B, { id: 'keep', match: ['k.com'], enabled: true }], plan);
    expect(after.map((r) => r.id)).toEqual(['a', 'b', 'keep', 'c']);
    expect(after[1]!.notes).toBe('changed');
  });

  it('reads uBO lines, giving new ids, and reports bad lines', () => {
    expect(detectImportFormat('  {"rules": []}')).toBe('json');
    expect(detectImportFormat('example.com##.ad')).toBe('ubo');
    const plan = planImport(
      [{ id: 'ubo-example-com', match: ['x.com'], enabled: true }],
      'example.com##.ad\n||x^',
    );
    expect(plan.format).toBe('ubo');
    expect(plan.add.map((r) => [r.id, r.remove])).toEqual([['ubo-example-com-2', ['.ad']]]);
    expect(plan.errors.map((e) => e.line)).toEqual([2]);
  });

  it('a broken file plans nothing and leaves the existing rules as they were', () => {
    const existing = [A, B];
    const snapshot = JSON.stringify(existing);
    const plan = planImport(
      existing,
      '{"rules": [ {"id": "a", "match": ["a.com"], "remove": [".y"]}',
    );
    expect(plan.add).toEqual([]);
    expect(plan.replace).toEqual([]);
    expect(plan.errors[0]!.message).toMatch(/JSON syntax error/);
    expect(applyImportPlan(existing, plan)).toEqual(existing);
    expect(JSON.stringify(existing)).toBe(snapshot);
  });

  it('never throws and never drops an existing rule on random input', () => {
    const rand = seededRandom(99);
    const existing = [A, B];
    for (let n = 0; n < 500; n++) {
      const input =
        rand() < 0.5 ? (JSON.stringify(randomJson(rand)) ?? '') : randomString(rand, 60);
      let plan: ReturnType<typeof planImport> | undefined;
      expect(() => (plan = planImport(existing, input))).not.toThrow();
      const after = applyImportPlan(existing, plan!);
      for (const r of existing) expect(after.some((x) => x.id === r.id)).toBe(true);
    }
  });
});

describe('planImport: over the rule limit', () => {
  it('says so in the plan (the UI does not offer to confirm), with the counts', () => {
    const list = Array.from({ length: 2001 }, (_, i) => ({ id: `r${i}`, match: ['a.com'] }));
    const plan = planImport([], JSON.stringify({ rules: list }));
    expect(plan.overLimit).toEqual({ total: 2001, limit: 2000 });
    expect(plan.errors[0]!.message).toMatch(/remove 1 or split the file/);
    expect(planImport([], JSON.stringify({ rules: list.slice(1) })).overLimit).toBeUndefined();
  });
});
