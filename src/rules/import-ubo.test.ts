import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { LinearRegExp } from './linear-regex.js';
import { compileTextPattern } from './text-pattern.js';
import { importUboFilters } from './import-ubo.js';
import { formatRuleError, parseRules, type RuleError } from './parse.js';
import { randomString, seededRandom } from './test-random.js';

const { document } = new JSDOM('').window;
const validateSelector = (s: string): string | null => {
  try {
    document.querySelector(s);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
};

const FILTERS = `! Title: my list
[Adblock Plus 2.0]

example.com##.ad-box
www.Example.com##.ad-box
example.com###sidebar > .promo
b.com,a.com##.sel
a.com,b.com##.sel
a.com , b.com##.other
example.com##p:has-text(/^广告$/)
##div:has-text(Sponsored)
example.com#?#section:-abp-contains(Read more:)
example.com#@#.ad-box
example.com##+js(set-constant, x, 1)
||ads.example.com^
/banner/*$image
example.com##.a:upward(2)
~news.example.com##.x
example.*##.x
example.com##p:has-text(/(a)\\1/)
example.com##div[
example.com##
`;

describe('importUboFilters', () => {
  const { rules, errors } = importUboFilters(FILTERS, { validateSelector });

  it('groups cosmetic lines by host set', () => {
    expect(rules).toEqual([
      {
        id: 'ubo-example-com',
        match: ['example.com'],
        enabled: true,
        remove: ['.ad-box', '#sidebar > .promo'],
        removeText: ['/^广告$/', 'Read more:'],
        notes:
          'Imported from uBlock Origin filters (lines 4, 6, 10, 12). :has-text() element parts not used (text is matched in every block): p, section.',
      },
      {
        id: 'ubo-www-example-com',
        match: ['www.example.com'],
        enabled: true,
        remove: ['.ad-box'],
        removeText: [],
        notes: 'Imported from uBlock Origin filters (line 5).',
      },
      {
        id: 'ubo-a-com-and-1-more',
        match: ['a.com', 'b.com'],
        enabled: true,
        remove: ['.sel', '.other'],
        removeText: [],
        notes: 'Imported from uBlock Origin filters (lines 7, 8, 9).',
      },
      {
        id: 'ubo-generic',
        match: ['*'],
        enabled: true,
        remove: [],
        removeText: ['Sponsored'],
        notes:
          'Imported from uBlock Origin filters (line 11). :has-text() element parts not used (text is matched in every block): div.',
      },
    ]);
  });

  it('reports each unsupported line with its number', () => {
    const source = FILTERS.split('\n');
    const why = (e: RuleError) => {
      const quoted = `: ${source[e.line! - 1]!.trim()}`;
      expect(e.message.endsWith(quoted)).toBe(true);
      return e.message.slice(0, -quoted.length);
    };
    expect(errors.map((e) => [e.line, why(e)])).toEqual([
      [13, 'exception filters (#@#) are not supported'],
      [14, 'scriptlet and HTML filters are not supported'],
      [15, 'network filter: only cosmetic lines (example.com##selector) can become rules'],
      [16, 'network filter: only cosmetic lines (example.com##selector) can become rules'],
      [17, 'procedural operator :upward() is not supported'],
      [18, 'excluded hosts ("~news.example.com") are not supported'],
      [19, 'entity hosts ("example.*") are not supported'],
      [20, expect.stringMatching(/^backreference "\\1" is not supported/)],
      [21, expect.stringMatching(/^invalid CSS selector/)],
      [22, 'no selector after ##'],
    ]);
    expect(formatRuleError(errors[0]!)).toMatch(
      /^\(line 13:1\): exception filters .*: example\.com#@#\.ad-box$/,
    );
  });

  it('produces rules that parseRules accepts unchanged, with ids that avoid existing ones', () => {
    const reparsed = parseRules(rules, { validateSelector });
    expect(reparsed.rules).toEqual(rules);
    expect(reparsed.errors).toEqual([]);
    const again = importUboFilters('example.com##.x', { existingIds: ['ubo-example-com'] });
    expect(again.rules.map((r) => r.id)).toEqual(['ubo-example-com-2']);
  });

  it('never throws and never loses a good line among random lines', () => {
    const rand = seededRandom(42);
    for (let n = 0; n < 400; n++) {
      const lines = Array.from({ length: 8 }, () => randomString(rand, 30));
      const host = `good${n}.example`;
      lines.splice(Math.floor(rand() * 8), 0, `${host}##.keep-${n}`);
      let r: ReturnType<typeof importUboFilters> | undefined;
      expect(() => (r = importUboFilters(lines.join('\n'), { validateSelector }))).not.toThrow();
      const kept = r!.rules.find((x) => x.match.includes(host));
      expect(kept?.remove).toContain(`.keep-${n}`);
      for (const e of r!.errors) expect(e.line).toBeGreaterThan(0);
    }
  });
});

describe('importUboFilters: :has-text regexes run in linear time', () => {
  it("accepts issue 12's catastrophic shapes as linear-time patterns and refuses backreferences", () => {
    const lines = [
      'example.com##p:has-text(/(a{1,10}){1,10}b/)',
      'example.com##p:has-text(/a*a*b/)',
      'example.com##div:has-text(/[\\s\\S]*[\\s\\S]*z/)',
      'example.com##p:has-text(/.*Read more.*:/)',
      'example.com##p:has-text(/(\\w+)\\s\\1/)',
    ];
    const r = importUboFilters(lines.join('\n'));
    expect(r.rules).toHaveLength(1);
    expect(r.rules[0]!.removeText).toEqual([
      '/(a{1,10}){1,10}b/',
      '/a*a*b/',
      '/[\\s\\S]*[\\s\\S]*z/',
      '/.*Read more.*:/',
    ]);
    expect(r.errors.map((e) => [e.line, e.message.split(':')[0]])).toEqual([
      [5, 'backreference "\\1" is not supported (patterns run in linear time'],
    ]);
    for (const p of r.rules[0]!.removeText!) {
      const re = compileTextPattern(p) as RegExp;
      expect(re).toBeInstanceOf(LinearRegExp);
      expect(re.test('a'.repeat(5000))).toBe(false);
    }
  });
});
