import { describe, expect, it } from 'vitest';
import {
  corpusScores,
  precisionScore,
  recallScore,
  shingleMatching,
  shingles,
  tokenAccuracy,
  tokenize,
} from './shingle-metric.js';

describe('tokenize (Python re \\w+ with UNICODE)', () => {
  it('keeps letters, digits and underscores of any script, and keeps case', () => {
    expect(tokenize('Hello, World_1! 2023年 ÉTÉ—naïve')).toEqual([
      'Hello',
      'World_1',
      '2023年',
      'ÉTÉ',
      'naïve',
    ]);
  });
  it('clumps CJK runs into one token, split by punctuation', () => {
    expect(tokenize('穩定幣,從哪裡來。比特幣')).toEqual(['穩定幣', '從哪裡來', '比特幣']);
  });
  it("splits at combining marks, as Python's \\w does", () => {
    // "e" + U+0301 COMBINING ACUTE ACCENT: Python's \w does not match the mark.
    expect(tokenize('cafe\u0301 bar')).toEqual(['cafe', 'bar']);
  });
  it('gives nothing for empty or null input', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(null)).toEqual([]);
  });
});

describe('shingles', () => {
  it('counts 4-token windows as a multiset', () => {
    const s = shingles('a b c d a b c d');
    expect(s.size).toBe(4); // abcd, bcda, cdab, dabc
    expect([...s.values()].reduce((x, y) => x + y, 0)).toBe(5);
  });
  it('makes one short shingle from 1–3 tokens and none from no tokens', () => {
    expect([...shingles('one two').entries()]).toEqual([['one\u0000two', 1]]);
    expect(shingles('  ,, ').size).toBe(0);
  });
});

describe('shingleMatching', () => {
  it('normalises tp/fp/fn by their sum (hand-computed)', () => {
    // truth: a b c d e -> {abcd, bcde}; pred: a b c d x -> {abcd, bcdx}
    // tp 1, fp 1, fn 1 -> each 1/3.
    const m = shingleMatching('a b c d e', 'a b c d x');
    expect(m.tp).toBeCloseTo(1 / 3, 12);
    expect(m.fp).toBeCloseTo(1 / 3, 12);
    expect(m.fn).toBeCloseTo(1 / 3, 12);
  });
  it('counts repeated shingles with min/max over the multiset', () => {
    // truth: "a b c d" twice as separate sentences -> abcd ×2, bcda, cdab, dabc
    // pred:  "a b c d" once -> abcd ×1: tp 1, fp 0, fn 4 -> 0.2 / 0 / 0.8
    const m = shingleMatching('a b c d a b c d', 'a b c d');
    expect(m).toEqual({ tp: 0.2, fp: 0, fn: 0.8 });
  });
  it('is all zero when both sides are empty', () => {
    expect(shingleMatching('', '')).toEqual({ tp: 0, fp: 0, fn: 0 });
  });
});

describe('precision and recall scores', () => {
  it('follow evaluate.py for the edge cases', () => {
    expect(precisionScore({ tp: 0, fp: 0, fn: 0 })).toBe(1);
    expect(recallScore({ tp: 0, fp: 0, fn: 0 })).toBe(1);
    expect(precisionScore({ tp: 0, fp: 0, fn: 1 })).toBe(0);
    expect(recallScore({ tp: 0, fp: 1, fn: 0 })).toBe(0);
    expect(precisionScore({ tp: 0.5, fp: 0.25, fn: 0.25 })).toBeCloseTo(2 / 3, 12);
    expect(recallScore({ tp: 0.5, fp: 0, fn: 0.5 })).toBeCloseTo(0.5, 12);
  });
});

describe('corpusScores', () => {
  it('averages precision and recall over pages, then takes F1 of the averages (hand-computed)', () => {
    const pages = [
      // page 1: tp 1/3, fp 1/3, fn 1/3 -> P 0.5, R 0.5
      { truth: 'a b c d e', pred: 'a b c d x' },
      // page 2: identical -> P 1, R 1, accurate
      { truth: 'x y z w', pred: 'x y z w' },
      // page 3: empty prediction -> tp 0, fp 0, fn 1: excluded from P (tp+fp = 0), R 0
      { truth: 'p q r s', pred: '' },
    ];
    const s = corpusScores(pages);
    expect(s.precision).toBeCloseTo((0.5 + 1) / 2, 12);
    expect(s.recall).toBeCloseTo((0.5 + 1 + 0) / 3, 12);
    expect(s.f1).toBeCloseTo((2 * 0.75 * 0.5) / 1.25, 12);
    expect(s.accuracy).toBeCloseTo(1 / 3, 12);
  });
  it('accuracy compares token sequences, not raw strings', () => {
    expect(tokenAccuracy('Hello,  world!', 'Hello world')).toBe(1);
    expect(tokenAccuracy('Hello world', 'hello world')).toBe(0);
  });
});
