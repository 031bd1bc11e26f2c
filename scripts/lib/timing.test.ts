import { describe, expect, it } from 'vitest';
import { formatTable, clip, width } from './format-table.js';
import { iterationsFor, median, timePair } from './timing.js';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('iterationsFor', () => {
  const o = { warmup: 1, budgetMs: 1000, minIterations: 5, maxIterations: 50 };
  it('fits the budget within the bounds', () => {
    expect(iterationsFor(100, o)).toBe(10);
    expect(iterationsFor(1000, o)).toBe(5);
    expect(iterationsFor(0.001, o)).toBe(50);
  });
});

describe('timePair', () => {
  it('runs both sides the same number of times, interleaved, and reports medians and their ratio', () => {
    const calls: string[] = [];
    const t = timePair(
      () => calls.push('b'),
      () => calls.push('p'),
      { warmup: 1, budgetMs: 0, minIterations: 4, maxIterations: 4 },
    );
    expect(t.bare).toHaveLength(4);
    expect(t.pipeline).toHaveLength(4);
    // warm-up b p, then b p / p b alternating
    expect(calls.join('')).toBe('bp' + 'bppbbppb');
    expect(t.ratio).toBeCloseTo(t.pipelineMedian / t.bareMedian, 12);
  });
});

describe('formatTable', () => {
  it('pads columns, right-aligns numbers and counts CJK as two columns', () => {
    const out = formatTable(
      ['name', 'ms'],
      [
        ['穩定幣', '1.50'],
        ['ab', '10.25'],
      ],
    ).split('\n');
    expect(out[0]).toBe('name       ms');
    expect(out[2]).toBe('穩定幣   1.50');
    expect(out[3]).toBe('ab      10.25');
    expect(width('穩定幣')).toBe(6);
  });
  it('writes Markdown with escaped pipes', () => {
    expect(formatTable(['a', 'n'], [['x|y', 1]], true)).toBe(
      '| a | n |\n| --- | ---: |\n| x\\|y | 1 |',
    );
  });
  it('clips long text on one line', () => {
    expect(clip('a\nb c', 3)).toBe('a b…');
  });
});
