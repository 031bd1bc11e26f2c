import { describe, expect, it } from 'vitest';
import { countScripts, normalizeText } from './text.js';

describe('text', () => {
  it('normalizes NBSP, ideographic spaces and runs of whitespace', () => {
    expect(normalizeText('\u00a0a\u3000 b\n\tc ')).toBe('a b c');
  });

  it('counts CJK characters and Latin words apart', () => {
    expect(countScripts('比特幣 price hit $97,120 today')).toEqual({ cjk: 3, words: 5 });
    expect(countScripts("don't re-stake — it’s 2024")).toEqual({ cjk: 0, words: 3 + 1 });
    expect(countScripts('Ünïcödé Привет мир')).toEqual({ cjk: 0, words: 3 });
    expect(countScripts('한국어 ひらがな')).toEqual({ cjk: 7, words: 0 });
  });
});
