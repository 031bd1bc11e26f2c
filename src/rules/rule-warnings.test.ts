import { describe, expect, it } from 'vitest';
import { importUboFilters } from './import-ubo.js';
import { normalizeHostPattern } from './match.js';
import { parseRules } from './parse.js';
import { removesWholePage } from './rule-warnings.js';

describe('rules that reach far are kept and reported as warnings', () => {
  it.each([
    '*',
    'html',
    'body',
    ':root',
    'BODY',
    'body.home',
    'html > body',
    'div *',
    '*:not(.a)',
    '.a, body',
  ])('"%s" removes the page', (selector) => expect(removesWholePage(selector)).toBe(true));

  it.each([
    '.ad',
    '*.ad',
    '*[data-ad]',
    'body > .ad',
    'div.body',
    '.html',
    'bodyx',
    '[title="a, body"]',
    'p:has(> body)',
  ])('"%s" does not', (selector) => expect(removesWholePage(selector)).toBe(false));

  it('names every-site rules and page-wide selectors, with positions, and keeps the rules', () => {
    const text = JSON.stringify(
      {
        rules: [
          { id: 'fine', match: ['a.com'], remove: ['.ad'] },
          { id: 'generic', match: ['b.com', '*'], removeText: ['Ad:'] },
          { id: 'wipe', match: ['c.com'], remove: ['.x', 'body'] },
        ],
      },
      null,
      2,
    );
    const r = parseRules(text);
    expect(r.rules.map((x) => x.id)).toEqual(['fine', 'generic', 'wipe']);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      expect.objectContaining({
        index: 1,
        id: 'generic',
        field: 'match[1]',
        code: 'every-site',
        message: 'applies to every site (match "*")',
        line: expect.any(Number) as number,
      }),
      expect.objectContaining({ index: 2, id: 'wipe', field: 'remove[1]', code: 'removes-page' }),
    ]);
    expect(text.split('\n')[r.warnings![1]!.line! - 1]).toContain('"body"');
    expect(parseRules([{ id: 'fine', match: ['a.com'] }]).warnings).toBeUndefined();
  });

  it('uBO generic lines and page-wide selectors carry their line numbers', () => {
    const r = importUboFilters('! list\n##.ad\nexample.com##.x\nexample.com##body\n');
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => [w.line, w.code, w.message])).toEqual([
      [2, 'every-site', 'applies to every site (match "*")'],
      [4, 'removes-page', '"body" removes the whole page (html, body, :root or every element)'],
    ]);
  });
});

describe('host patterns are real host names', () => {
  it.each([
    '__proto__',
    'constructor_',
    'a_b.com',
    '-a.com',
    'a-.com',
    'exa mple.com',
    `${'a'.repeat(64)}.com`,
  ])('"%s" is refused', (host) => {
    expect(normalizeHostPattern(host)).toEqual({
      error: expect.stringMatching(/not a host/) as string,
    });
    expect(parseRules([{ id: 'x', match: [host] }]).errors[0]?.field).toBe('match[0]');
  });

  it.each([
    ['Example.COM.', 'example.com'],
    ['*.example.com', '*.example.com'],
    ['localhost', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['金色财经.中国', new URL('http://金色财经.中国/').hostname],
    ['xn--fiqs8s', 'xn--fiqs8s'],
    ['*', '*'],
  ])('"%s" is the host %s', (host, value) => {
    expect(normalizeHostPattern(host)).toEqual({ value });
  });
});
