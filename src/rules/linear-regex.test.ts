import { describe, expect, it } from 'vitest';
import { compileLinearRegex, LinearRegExp, validateTextPattern } from './linear-regex.js';
import { CATASTROPHIC } from './catastrophic-patterns.js';
import { randomString, seededRandom } from './test-random.js';

/**
 * Reads of the text (`charCodeAt`/`codePointAt`) while `run` goes: RE2 reads each character a
 * bounded number of times, a backtracking engine re-reads it again and again. Counting reads is
 * a step count that does not depend on the machine's speed.
 */
function readsDuring(run: () => void): number {
  const proto = String.prototype;
  const charCodeAt = proto.charCodeAt;
  const codePointAt = proto.codePointAt;
  let reads = 0;
  proto.charCodeAt = function (this: string, i: number) {
    reads++;
    return charCodeAt.call(this, i);
  };
  proto.codePointAt = function (this: string, i: number) {
    reads++;
    return codePointAt.call(this, i);
  };
  try {
    run();
  } finally {
    proto.charCodeAt = charCodeAt;
    proto.codePointAt = codePointAt;
  }
  return reads;
}

const REFUSED: [pattern: string, message: RegExp][] = [
  ['/(a)\\1/', /^backreference "\\1" is not supported .* at character 4/],
  ['/(\\w+)\\s\\1/', /backreference "\\1"/],
  ['/(?<n>\\w+)\\k<n>/', /backreference "\\k<n>"/],
  ['/(?=a)a*b/', /lookahead "\(\?=" is not supported .* at character 1 of the regex/],
  ['/x(?!y).*y/', /lookahead "\(\?!" .* at character 2/],
  ['/(?<=a)b/', /lookbehind "\(\?<=" is not supported/],
  ['/(?<!a)b+$/', /lookbehind "\(\?<!"/],
  ['/(a+){1001}/', /linear-time engine refuses it: invalid repeat count/],
  ['/((a{1,100}){1,100}){1,100}/', /linear-time engine refuses it: invalid repeat count/],
  ['/(a{1,1000}){1,1000}/', /linear-time engine refuses it: expression too large/],
];

describe('catastrophic patterns', () => {
  it('the list holds at least 40 shapes besides those refused', () => {
    expect(CATASTROPHIC.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CATASTROPHIC)(
    '/%s/%s runs in linear steps on a 5,000-character adversarial block',
    (source, flags, text) => {
      expect(validateTextPattern(`/${source}/${flags}`)).toBeNull();
      const re = compileLinearRegex(source, flags) as LinearRegExp;
      const short = text(14);
      // Same answer as RegExp where RegExp still finishes (a short text).
      expect(re.test(short)).toBe(new RegExp(source, flags).test(short));
      let small = 0;
      let big = 0;
      let answer: boolean | undefined;
      small = readsDuring(() => {
        answer = re.test(text(5000));
      });
      big = readsDuring(() => void re.test(text(10_000)));
      expect(typeof answer).toBe('boolean');
      // Each character is read a few times at most, and twice the text costs twice the reads.
      expect(small).toBeLessThanOrEqual(8 * 5000);
      expect(big).toBeLessThanOrEqual(2 * small + 64);
    },
  );

  it.each(REFUSED)('%s is refused when saved', (pattern, message) => {
    expect(validateTextPattern(pattern)).toMatch(message);
  });
});

/** Patterns that keep the matches they had with `RegExp`. */
const SAFE: [source: string, flags: string][] = [
  ['^\\s*Tags?[:：]', ''],
  ['金色财经.{0,20}消息', ''],
  ['(ab)+', ''],
  ['(a|b)+', ''],
  ['(?:\\s|,)+', ''],
  ['\\d+\\.\\d+', ''],
  ['.*foo.*bar', ''],
  ['^\\[\\d{4}/\\d{1,2}/\\d{1,2} \\d{1,2}:\\d{2}:\\d{2}\\]$', ''],
  ['[(a+)+]', ''],
  ['\\(a+\\)+', ''],
  ['(a{2}){3}', ''],
  ['\\p{Script=Han}+', 'u'],
  ['^原文(?:标题|作者|来源|標題|作者|來源)[:：]', ''],
  ['^Read more:', 'i'],
  ['sponsored', 'i'],
  ['^\\s*$', ''],
  ['\\bBTC\\b', ''],
  ['^【.*?】', ''],
  ['\\u3000', ''],
  ['\\x41\\u0042', ''],
  ['a[^]c', ''],
  ['a[\\s\\S]c', ''],
  ['a.c', ''],
  ['a.c', 's'],
  ['a\\sb', ''],
  ['a\\Sb', ''],
  ['^b$', 'm'],
  ['(?<year>\\d{4})-(?<month>\\d\\d)', ''],
  ['\\cJ', ''],
  ['a{2,}', ''],
  ['x{,5}', ''],
  ['\\/\\/', ''],
  ['[\\]a]+', ''],
  ['[a-z]+\\d*', 'i'],
  ['免责声明[:：]', ''],
  ['\\u{1F600}', 'u'],
  ['^(?:[^"\\\\]|\\\\.)*$', ''],
  ['\\$\\d+(?:\\.\\d{2})?', ''],
  ['(?:https?|ftp):\\/\\/\\S+', ''],
  ['é', 'i'],
  ['\\s+-\\s+Coin News$', ''],
  ['[\\d\\-]+', ''],
];

const SAMPLES = [
  '',
  'Tags: bitcoin',
  '  tag：比特币',
  '金色财经报道，据最新消息',
  'abab ab ba',
  ', , ,',
  'price 1.25 and 3.5',
  'foo then bar',
  '[2024/1/5 12:30:45]',
  '(aa)+ (a+)+',
  'aaaaaaa',
  '中文字符 and latin',
  '原文标题：某某',
  '原文來源:某某',
  'READ MORE: next',
  'This is Sponsored content',
  '   ',
  'BTC rises; XBTC no',
  '【快讯】比特币上涨',
  'wide\u3000space',
  'AB',
  'a\nc abc a\rc a\u2028c',
  'a\u00a0b a\tb a b axb',
  'a\nb\nc',
  '2024-05 and 1999-12',
  'line\nfeed',
  'x{,5} x',
  'http://example.com/a b',
  ']a]',
  'ABC123 xyz',
  '免责声明：本文',
  'smile 😀 here',
  'say "hi \\" there"',
  'cost $12.50 or $3',
  'Title - Coin News',
  'ÉCOLE école',
  '12-34-56',
];

describe('safe patterns', () => {
  it('the list holds at least 40', () => {
    expect(SAFE.length).toBeGreaterThanOrEqual(40);
  });

  it.each(SAFE)('/%s/%s finds the same matches as RegExp', (source, flags) => {
    expect(validateTextPattern(`/${source}/${flags}`)).toBeNull();
    const linear = compileLinearRegex(source, flags) as LinearRegExp;
    const native = new RegExp(source, flags);
    for (const s of SAMPLES) {
      const a = linear.exec(s);
      const b = native.exec(s);
      expect([a?.index, a?.[0]], `${JSON.stringify(s)}`).toEqual([b?.index, b?.[0]]);
      expect(linear.test(s)).toBe(b !== null);
    }
  });

  it('agrees with RegExp on random patterns and texts', () => {
    const rand = seededRandom(11);
    let compared = 0;
    for (let n = 0; n < 2000; n++) {
      const source = randomString(rand, 8);
      let native: RegExp;
      try {
        native = new RegExp(source);
      } catch {
        continue;
      }
      const linear = compileLinearRegex(source, '');
      if (typeof linear === 'string') continue;
      for (let k = 0; k < 4; k++) {
        const s = randomString(rand, 12);
        const a = linear.exec(s);
        const b = native.exec(s);
        expect([a?.index, a?.[0]], `/${source}/ on ${JSON.stringify(s)}`).toEqual([
          b?.index,
          b?.[0],
        ]);
      }
      compared++;
    }
    expect(compared).toBeGreaterThan(200);
  });
});

describe('LinearRegExp', () => {
  it('is a RegExp that String#replace and String#match use, global or not', () => {
    const re = compileLinearRegex('\\s*-\\s*Coin News', 'g') as LinearRegExp;
    expect(re).toBeInstanceOf(RegExp);
    expect(re.source).toBe('\\s*-\\s*Coin News');
    expect(re.flags).toBe('g');
    expect('A - Coin News and B - Coin News'.replace(re, '')).toBe('A and B');
    expect('x - Coin News'.match(re)).toEqual([' - Coin News']);
    const once = compileLinearRegex('(?<n>\\d)', '') as LinearRegExp;
    expect('a1b2'.replace(once, '[$<n>]')).toBe('a[1]b2');
    expect(
      [...'a1b2'.matchAll(compileLinearRegex('\\d', 'g') as RegExp)].map((m) => m.index),
    ).toEqual([1, 3]);
  });

  it('refuses split (the built-in algorithm would build a native RegExp)', () => {
    const re = compileLinearRegex(',', '') as LinearRegExp;
    expect(() => 'a,b'.split(re)).toThrow(/not supported/);
  });
});
