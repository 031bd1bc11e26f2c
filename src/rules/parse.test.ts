import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parseJson } from './json-parse.js';
import { formatRuleError, parseRules, type RuleError } from './parse.js';
import { SITE_RULE_FIELDS } from './schema.js';
import { selectorValidator } from './selector-validator.js';
import { randomJson, randomString, seededRandom } from './test-random.js';

const { document } = new JSDOM('').window;
const validateSelector = (s: string): string | null => {
  try {
    document.querySelector(s);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
};

const GOOD = { id: 'good', match: ['example.com'], remove: ['.ad'] };

function fields(errors: RuleError[]): string[] {
  return errors.map((e) => `${e.index}:${e.id}:${e.field}`);
}

describe('parseRules: shapes', () => {
  it('accepts {"rules": [...]}, a bare array, and JSON text of either', () => {
    const expected = [
      { id: 'good', match: ['example.com'], enabled: true, remove: ['.ad'], removeText: [] },
    ];
    for (const input of [
      { rules: [GOOD] },
      [GOOD],
      JSON.stringify({ rules: [GOOD] }),
      JSON.stringify([GOOD]),
    ]) {
      expect(parseRules(input)).toEqual({ rules: expected, errors: [] });
    }
  });

  it('fills defaults, keeps optional fields, treats null as absent', () => {
    const { rules, errors } = parseRules([
      {
        id: 'all-fields',
        match: ['*', '*.Example.ORG', 'bücher.example.'],
        enabled: false,
        article: ' article.body ',
        remove: [],
        removeText: ['Tags:', '/^ads?$/i'],
        title: '/_AIGPT$/',
        byline: '.author',
        notes: 'n',
      },
      { id: 'nulls', match: ['a.com'], article: null, enabled: null },
    ]);
    expect(errors).toEqual([]);
    expect(rules[0]).toEqual({
      id: 'all-fields',
      match: ['*', '*.example.org', 'xn--bcher-kva.example'],
      enabled: false,
      article: 'article.body',
      remove: [],
      removeText: ['Tags:', '/^ads?$/i'],
      title: '/_AIGPT$/',
      byline: '.author',
      notes: 'n',
    });
    expect(rules[1]).toEqual({
      id: 'nulls',
      match: ['a.com'],
      enabled: true,
      remove: [],
      removeText: [],
    });
  });

  it('rejects a top level that is not a rules list', () => {
    for (const input of [null, 3, 'true', { rule: [] }, { rules: {} }, '"x"']) {
      const r = parseRules(input);
      expect(r.rules).toEqual([]);
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]!.index).toBeNull();
      expect(r.errors[0]!.message).toMatch(/expected \{"rules": \[\.\.\.\]\} or an array/);
    }
  });

  it('refuses comments and trailing commas (strict JSON), with the position', () => {
    const comment = parseRules('{\n  // mine\n  "rules": []\n}');
    expect(comment.errors).toEqual([
      expect.objectContaining({
        line: 2,
        column: 3,
        message: expect.stringMatching(/^JSON syntax error/) as string,
      }),
    ]);
    const text = '{"rules": [{"id": "a", "match": ["a.com"]},]}';
    const trailing = parseRules(text);
    expect(trailing.rules).toEqual([]);
    // At the "]" where a value should follow the comma.
    expect(trailing.errors[0]).toMatchObject({ line: 1, column: text.indexOf(',]') + 2 });
  });

  it('over the rule limit: reads the first 2000 and says how many to remove', () => {
    const list = Array.from({ length: 2003 }, (_, i) => ({ id: `r${i}`, match: ['a.com'] }));
    const r = parseRules(list);
    expect(r.rules).toHaveLength(2000);
    expect(r.overLimit).toEqual({ total: 2003, limit: 2000 });
    expect(parseRules(list.slice(0, 2000)).overLimit).toBeUndefined();
    expect(r.errors).toEqual([
      expect.objectContaining({
        index: null,
        message: '2003 rules; only the first 2000 are read (the limit): remove 3 or split the file',
      }),
    ]);
  });

  it('reports JSON syntax errors with line and column', () => {
    const r = parseRules('{\n  "rules": [\n    {"id": "a",}\n  ]\n}');
    expect(r.rules).toEqual([]);
    expect(r.errors).toEqual([
      expect.objectContaining({
        index: null,
        line: 3,
        column: 16,
        message: expect.stringMatching(/JSON syntax error/),
      }),
    ]);
    expect(formatRuleError(r.errors[0]!)).toMatch(/^\(line 3:16\): JSON syntax error/);
  });
});

describe('parseRules: errors', () => {
  it('drops a bad rule whole, keeps good ones, names rule and field', () => {
    const text = JSON.stringify(
      {
        rules: [
          GOOD,
          { id: 'Bad_Id', match: [] },
          { id: 'half', match: ['a.com'], remove: ['.ok', 'p['], removeText: [1, '/(?=x)y/'] },
          { id: 'types', match: 'a.com', enabled: 'yes', title: 5, extra: true },
          'not a rule',
          { match: ['https://www.b.com/page'] },
          { ...GOOD, remove: ['.other'] },
        ],
      },
      null,
      2,
    );
    const { rules, errors } = parseRules(text, { validateSelector });
    expect(rules.map((r) => r.id)).toEqual(['good']);
    expect(fields(errors)).toEqual([
      '1:Bad_Id:id',
      '1:Bad_Id:match',
      '2:half:remove[1]',
      '2:half:removeText[0]',
      '2:half:removeText[1]',
      '3:types:extra',
      '3:types:match',
      '3:types:enabled',
      '3:types:title',
      '4:null:',
      '5:null:id',
      '5:null:match[0]',
      '6:good:id',
    ]);
    const msg = errors.map(formatRuleError).join('\n');
    expect(msg).toMatch(/rule 2 "half", remove\[1\] \(line \d+:\d+\): invalid CSS selector "p\["/);
    expect(msg).toMatch(/removeText\[1\].*lookahead "\(\?=" is not supported/);
    expect(msg).toMatch(/is a URL; write only the host, e.g. "www.b.com"/);
    expect(msg).toMatch(/duplicate id "good" \(rule 0 has it too\)/);
    expect(errors.every((e) => e.line !== undefined)).toBe(true);
  });

  it('checks regex flags, compilation and length', () => {
    const { errors } = parseRules([
      { id: 'a', match: ['*'], removeText: ['/x/gq'] },
      { id: 'b', match: ['*'], removeText: ['/(/'] },
      { id: 'c', match: ['*'], removeText: [`/${'a'.repeat(301)}/`] },
      { id: 'd', match: ['*'], removeText: ['/x/ii'] },
      { id: 'e', match: ['*'], removeText: ['   '] },
      { id: 'f', match: ['*'], removeText: ['/x/gimsuy', '/not a regex', 'a/b/'] },
    ]);
    expect(errors.map((e) => [e.id, e.message])).toEqual([
      ['a', expect.stringMatching(/flag "q" is not allowed/)],
      ['b', expect.stringMatching(/does not compile/)],
      ['c', expect.stringMatching(/limit is 300/)],
      ['d', expect.stringMatching(/repeat a flag/)],
      ['e', 'pattern is empty'],
    ]);
  });

  it('never calls a rule valid when the selector callback throws', () => {
    const { rules, errors } = parseRules([GOOD], {
      validateSelector: () => {
        throw new Error('boom');
      },
    });
    expect(rules).toEqual([]);
    expect(errors[0]!.message).toMatch(/boom/);
  });

  it('survives getters that throw', () => {
    const evil = Object.defineProperty({ id: 'e', match: ['a.com'] }, 'remove', {
      enumerable: true,
      get() {
        throw new Error('nope');
      },
    });
    const r = parseRules([GOOD, evil]);
    expect(r.errors.length).toBeGreaterThan(0);
  });
});

describe('parseRules: random input', () => {
  it('never throws on random JSON values or strings, and never loses a good rule', () => {
    const rand = seededRandom(20261129);
    for (let n = 0; n < 600; n++) {
      const junk = randomJson(rand);
      // A random rules list with good rules at random places among random entries.
      const list: unknown[] = Array.isArray(junk) ? [...junk] : [junk];
      const goodIds: string[] = [];
      for (let k = 0; k < 3; k++) {
        const id = `good-${n}-${k}`;
        goodIds.push(id);
        list.splice(Math.floor(rand() * (list.length + 1)), 0, { ...GOOD, id });
      }
      const withGood = [{ rules: list }, JSON.stringify(list)];
      for (const input of [junk, JSON.stringify(junk), randomString(rand, 40), ...withGood]) {
        let result: ReturnType<typeof parseRules> | undefined;
        expect(() => (result = parseRules(input, { validateSelector }))).not.toThrow();
        for (const rule of result!.rules)
          for (const f of Object.keys(rule)) expect(SITE_RULE_FIELDS).toContain(f);
        for (const e of result!.errors) expect(typeof e.message).toBe('string');
        if (withGood.includes(input as never)) {
          const ids = result!.rules.map((r) => r.id);
          for (const id of goodIds) expect(ids).toContain(id);
        }
      }
    }
  }, 120_000);

  it('agrees with JSON.parse on random texts', () => {
    const rand = seededRandom(7);
    for (let n = 0; n < 3000; n++) {
      const base = JSON.stringify(randomJson(rand)) ?? 'null';
      // Mutate: cut, insert a random character, or keep.
      const at = Math.floor(rand() * (base.length + 1));
      const r = rand();
      const text =
        r < 0.3
          ? base
          : r < 0.6
            ? base.slice(0, at)
            : base.slice(0, at) + randomString(rand, 2) + base.slice(at);
      let native: { ok: boolean; value?: unknown };
      try {
        native = { ok: true, value: JSON.parse(text) };
      } catch {
        native = { ok: false };
      }
      const ours = parseJson(text);
      expect(ours.ok, text).toBe(native.ok);
      if (ours.ok) expect(ours.value).toEqual(native.value);
    }
  });
});

describe('selectorValidator', () => {
  it('accepts what the DOM parses and explains what it does not', () => {
    const v = selectorValidator(document);
    expect(v('div.a > p:not(.b), [data-x="1"]')).toBeNull();
    expect(v('p[')).toBe('it does not parse');
    expect(
      parseRules([{ id: 'x', match: ['*'], byline: 'a..b' }], { validateSelector: v }).errors[0]!
        .message,
    ).toBe('invalid CSS selector "a..b": it does not parse');
  });
});
