import { describe, expect, it } from 'vitest';
import { checkRegexSafety } from './regex-safety.js';
import { randomString, seededRandom } from './test-random.js';
import {
  checkTextPattern,
  compileTextPattern,
  matchesTextPattern,
  parseTextPattern,
} from './text-pattern.js';

describe('checkRegexSafety', () => {
  it.each([
    ['(a+)+', /nested quantifier: "a\+" is repeated inside "\(a\+\)\+"/],
    ['(.*)*', /nested quantifier/],
    ['(?:\\w+\\s?)+$', /nested quantifier/],
    ['(x{2,}){3,}', /nested quantifier/],
    ['((ab)*c)+', /nested quantifier/],
    ['(a|a)*', /overlapping alternatives .* "a" and "a"/],
    ['(a|ab)+', /overlapping alternatives/],
    ['(.|\\s)*', /overlapping alternatives/],
    ['(?:\\d|[0-5])+x', /overlapping alternatives/],
    ['(\\1)(a)', /backreference "\\1"/],
    ['(?<n>a)\\k<n>', /backreference "\\k<n>"/],
    ['.*a.*b.*', /too many unbounded quantifiers/],
    ['\\s*\\s*\\s*x', /too many unbounded quantifiers/],
  ])('rejects %s', (src, expected) => {
    expect(checkRegexSafety(src, '')).toMatch(expected);
  });

  it('case-insensitive flag makes alternatives overlap', () => {
    expect(checkRegexSafety('(A|a)+', '')).toBeNull();
    expect(checkRegexSafety('(A|a)+', 'i')).toMatch(/overlapping alternatives/);
  });

  it.each([
    '^\\s*Tags?[:：]',
    '金色财经.{0,20}消息',
    '(ab)+',
    '(a|b)+',
    '(?:\\s|,)+',
    '\\d+\\.\\d+',
    '.*foo.*bar',
    '^\\[\\d{4}/\\d{1,2}/\\d{1,2} \\d{1,2}:\\d{2}:\\d{2}\\]$',
    '(?<=x)y+(?!z)',
    '[(a+)+]',
    '\\(a+\\)+',
    '(a{2}){3}',
    '\\p{Script=Han}+',
  ])('accepts %s', (src) => {
    expect(checkRegexSafety(src, 'u')).toBeNull();
  });

  it('never throws on random patterns that compile', () => {
    const rand = seededRandom(3);
    let checked = 0;
    for (let n = 0; n < 3000; n++) {
      const src = randomString(rand, 24);
      try {
        new RegExp(src, 'u');
      } catch {
        continue;
      }
      checked++;
      const verdict = checkRegexSafety(src, 'u');
      expect(verdict === null || typeof verdict === 'string').toBe(true);
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('caps the length', () => {
    expect(checkRegexSafety('a'.repeat(301), '')).toMatch(/limit is 300/);
    expect(checkRegexSafety('a'.repeat(300), '')).toBeNull();
  });
});

describe('text patterns', () => {
  it('tells plain text from /regex/flags', () => {
    expect(parseTextPattern('Tags:')).toEqual({ kind: 'plain', text: 'Tags:' });
    expect(parseTextPattern('/^ads$/i')).toEqual({ kind: 'regex', source: '^ads$', flags: 'i' });
    expect(parseTextPattern('//')).toEqual({ kind: 'plain', text: '//' });
    expect(parseTextPattern('/a/b c')).toEqual({ kind: 'plain', text: '/a/b c' });
    expect(parseTextPattern('a/b/')).toEqual({ kind: 'plain', text: 'a/b/' });
  });

  it('drops g and y when compiling, so test() is stateless', () => {
    const re = compileTextPattern('/ad/gy') as RegExp;
    expect(re.flags).toBe('');
    expect(matchesTextPattern(re, 'ad')).toBe(true);
    expect(matchesTextPattern(re, 'ad')).toBe(true);
    expect(compileTextPattern('/(a+)+/')).toBeNull();
    expect(matchesTextPattern(compileTextPattern('Ads') as string, 'no ads here')).toBe(false);
    expect(checkTextPattern('/x/v')).toMatch(/flag "v" is not allowed/);
  });
});
