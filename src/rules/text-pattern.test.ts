import { describe, expect, it, vi } from 'vitest';
import { re2PatternEngine } from './linear-regex.js';
import {
  checkTextPattern,
  compileTextPattern,
  compileTitlePattern,
  isLiteralRegex,
  matchesTextPattern,
  needsPatternEngine,
  parseTextPattern,
  PATTERN_WINDOW,
  PatternBudget,
  patternEngine,
  registerPatternEngine,
} from './text-pattern.js';

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
    expect(compileTextPattern('/(a)\\1/')).toBeNull();
    expect(matchesTextPattern(compileTextPattern('Ads') as string, 'no ads here')).toBe(false);
    expect(checkTextPattern('/x/v')).toMatch(/flag "v" is not allowed/);
    expect(checkTextPattern('/x/ii')).toMatch(/repeat a flag/);
    expect(checkTextPattern('/(/')).toMatch(/does not compile/);
    expect(checkTextPattern(`/${'a'.repeat(301)}/`)).toMatch(/limit is 300/);
    expect(checkTextPattern('  ')).toBe('pattern is empty');
  });

  it('names the position of what the linear engine cannot run', () => {
    expect(checkTextPattern('/ab(c)\\1/')).toBe(
      'backreference "\\1" is not supported (patterns run in linear time: no backreferences), at character 6 of the regex',
    );
    expect(checkTextPattern('/x(?<!y)/')).toMatch(/lookbehind "\(\?<!" .* at character 2 /);
  });

  it('compiles each pattern once and gives back the same object', () => {
    expect(compileTextPattern('/^Read more/i')).toBe(compileTextPattern('/^Read more/i'));
  });

  it('matches only the first PATTERN_WINDOW characters of a long text', () => {
    const long = `${'x'.repeat(PATTERN_WINDOW - 3)}abcdef`;
    expect(matchesTextPattern('abc', long)).toBe(true);
    expect(matchesTextPattern('abcd', long)).toBe(false);
    expect(matchesTextPattern(compileTextPattern('/abc$/') as RegExp, long)).toBe(true);
  });

  it('title patterns are global: every occurrence goes', () => {
    expect('a - X - X'.replace(compileTitlePattern(' - X')!, '')).toBe('a');
    expect('a (1) (2)'.replace(compileTitlePattern('/ \\(\\d\\)/')!, '')).toBe('a');
    expect('a.b'.replace(compileTitlePattern('.')!, '')).toBe('ab');
  });

  it('skips regexes (never falls back to RegExp) when no engine is loaded', () => {
    const engine = patternEngine();
    registerPatternEngine(undefined as never);
    try {
      expect(compileTextPattern('/never-compiled-before\\d*/')).toBeNull();
      expect(compileTitlePattern('/never-compiled-before\\d*/')).toBeNull();
      expect(compileTextPattern('plain text still works')).toBe('plain text still works');
    } finally {
      registerPatternEngine(engine ?? re2PatternEngine);
    }
    expect(compileTextPattern('/never-compiled-before\\d*/')).toBeInstanceOf(RegExp);
  });

  it('a budget stops matching once its time is spent, and counts what it skipped', () => {
    let clock = 0;
    const budget = new PatternBudget(50, () => clock);
    const slow = (): boolean => {
      clock += 20; // each match "takes" 20 ms on the fake clock
      return true;
    };
    expect([budget.run(slow), budget.run(slow), budget.run(slow)]).toEqual([true, true, true]);
    expect(budget.exhausted).toBe(true); // 60 ms spent
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(budget.run(slow)).toBe(false);
    expect(matchesTextPattern('a', 'a', budget)).toBe(false);
    expect(budget.skipped).toBe(2);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
    expect(matchesTextPattern('a', 'a', new PatternBudget(50, () => clock))).toBe(true);
  });

  it('runs literal regexes (anchored escaped text, as "Hide blocks like this" writes) natively', () => {
    for (const source of [
      '^Sponsored: trade with zero fees$',
      '^a\\.b\\/c \\(d\\)',
      'plain',
      '^中文$',
    ]) {
      expect(isLiteralRegex(source), source).toBe(true);
    }
    for (const source of [
      'a+',
      '^a.b',
      '(a)',
      'a|b',
      '[a]',
      '\\d',
      '\\s',
      'a{2}',
      'a?',
      'a$b',
      'a^',
    ]) {
      expect(isLiteralRegex(source), source).toBe(false);
    }
    const engine = patternEngine();
    registerPatternEngine(undefined as never);
    try {
      const re = compileTextPattern('/^Sponsored: zero fees \\(promo\\)$/u') as RegExp;
      expect(re).toBeInstanceOf(RegExp);
      expect(matchesTextPattern(re, 'Sponsored: zero fees (promo)')).toBe(true);
      expect(matchesTextPattern(re, 'x Sponsored: zero fees (promo)')).toBe(false);
    } finally {
      registerPatternEngine(engine ?? re2PatternEngine);
    }
    expect(needsPatternEngine([{ removeText: ['/^Sponsored: zero fees$/u'] }])).toBe(false);
  });

  it('says when rules need the engine', () => {
    expect(needsPatternEngine([{ removeText: ['Ads:'], title: ' - X' }])).toBe(false);
    expect(needsPatternEngine([{ removeText: ['Ads:', '/^Ads?:/'] }])).toBe(true);
    expect(needsPatternEngine([{ title: '/ - X+$/' }])).toBe(true);
    expect(needsPatternEngine([])).toBe(false);
  });
});
