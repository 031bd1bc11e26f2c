import { describe, expect, it } from 'vitest';
import { stages, stat, type OpenSample } from './open-bench.js';

const sample = (ms: number, marks: [string, number][]): OpenSample => ({
  ms,
  container: 'shadow',
  marks: marks.map(([name, at]) => ({ name, ms: at })),
});

describe('stages', () => {
  it('gives the median time between consecutive steps, the probe placed by its time', () => {
    const rows = stages([
      sample(30, [
        ['open', 10],
        ['extracted', 20],
        ['painted', 34],
      ]),
      sample(50, [
        ['open', 20],
        ['extracted', 44],
        ['painted', 52],
      ]),
      sample(40, [
        ['open', 12],
        ['extracted', 30],
        ['painted', 41],
      ]),
    ]);
    expect(rows.map((r) => [r.from, r.to, r.medianMs, r.n])).toEqual([
      ['toggle message sent', 'open', 12, 3],
      ['open', 'extracted', 18, 3],
      ['extracted', 'painted (probe rAF)', 10, 3],
      ['painted (probe rAF)', 'painted', 2, 3],
    ]);
  });

  it('counts a step only in the runs that had it (the injection mark is on first opens only)', () => {
    const rows = stages([
      sample(20, [
        ['injected', 5],
        ['open', 8],
      ]),
      sample(10, [['open', 2]]),
    ]);
    expect(rows.find((r) => r.to === 'injected')).toMatchObject({ medianMs: 5, n: 1 });
    expect(rows.find((r) => r.from === 'toggle message sent' && r.to === 'open')).toMatchObject({
      medianMs: 2,
      n: 1,
    });
  });
});

describe('stat', () => {
  it('takes median, min, max and count', () => {
    expect(stat([5, 1, 9, 3])).toEqual({ median: 4, min: 1, max: 9, n: 4 });
  });
});
