import { describe, expect, it } from 'vitest';
import {
  EMPTY_POSITIONS,
  MAX_POSITIONS,
  positionKey,
  progressFraction,
  recallPosition,
  rememberPosition,
  repairPositions,
  scrollTopFor,
} from './reading-position.js';

describe('positionKey', () => {
  it('drops the fragment and tracking parameters and orders the rest', () => {
    expect(positionKey('https://farm.example/a?id=2&utm_source=x&b=1#top')).toBe(
      'https://farm.example/a?b=1&id=2',
    );
    expect(positionKey('https://FARM.example/a?fbclid=1')).toBe('https://farm.example/a');
  });

  it('has no key for what is not a web page', () => {
    expect(positionKey('not a url')).toBeNull();
    expect(positionKey('javascript:alert(1)')).toBeNull();
    expect(positionKey('chrome-extension://x/reader.html')).toBeNull();
  });
});

describe('remember and recall', () => {
  it('remembers per page and restores across tracking variants', () => {
    let p = rememberPosition(EMPTY_POSITIONS, 'https://a.example/1?utm_medium=feed', 0.4, 1000);
    p = rememberPosition(p, 'https://a.example/2', 0.9, 2000);
    expect(recallPosition(p, 'https://a.example/1#section')).toBe(0.4);
    expect(recallPosition(p, 'https://a.example/2')).toBe(0.9);
    expect(recallPosition(p, 'https://a.example/3')).toBeNull();
    // Pure: the empty record is untouched.
    expect(EMPTY_POSITIONS.pages).toEqual({});
  });

  it('forgets a page scrolled back to the top, and clamps', () => {
    let p = rememberPosition(EMPTY_POSITIONS, 'https://a.example/1', 0.5, 1);
    p = rememberPosition(p, 'https://a.example/1', 0, 2);
    expect(recallPosition(p, 'https://a.example/1')).toBeNull();
    p = rememberPosition(p, 'https://a.example/1', 7, 3);
    expect(recallPosition(p, 'https://a.example/1')).toBe(1);
    expect(rememberPosition(p, 'https://a.example/1', Number.NaN, 4)).toBe(p);
    expect(rememberPosition(p, 'nope', 0.5, 4)).toBe(p);
  });

  it('keeps only the last 200 pages read, dropping the least recent', () => {
    let p = EMPTY_POSITIONS;
    for (let i = 0; i < MAX_POSITIONS + 5; i++) {
      p = rememberPosition(p, `https://a.example/${i}`, 0.5, i);
      // Page 0 is read again and again: it stays.
      p = rememberPosition(p, 'https://a.example/0', 0.5, i + 0.5);
    }
    expect(Object.keys(p.pages)).toHaveLength(MAX_POSITIONS);
    expect(recallPosition(p, 'https://a.example/0')).toBe(0.5);
    expect(recallPosition(p, 'https://a.example/1')).toBeNull();
    expect(recallPosition(p, `https://a.example/${MAX_POSITIONS + 4}`)).toBe(0.5);
  });
});

describe('repairPositions', () => {
  it('keeps valid entries and drops the rest; never throws', () => {
    const p = repairPositions({
      version: 0,
      pages: {
        'https://a.example/1': { fraction: 0.3, at: 5 },
        'https://a.example/2': { fraction: '0.3', at: 5 },
        'https://a.example/3': { fraction: 2, at: 6 },
        'not a url': { fraction: 0.3, at: 5 },
        'https://a.example/4': null,
      },
    });
    expect(p.pages).toEqual({
      'https://a.example/1': { fraction: 0.3, at: 5 },
      'https://a.example/3': { fraction: 1, at: 6 },
    });
    for (const bad of [undefined, null, 'x', [], { pages: [] }, { pages: 3 }])
      expect(repairPositions(bad).pages).toEqual({});
  });

  it('bounds a hand-edited record too', () => {
    const pages = Object.fromEntries(
      Array.from({ length: 250 }, (_, i) => [`https://a.example/${i}`, { fraction: 0.5, at: i }]),
    );
    const p = repairPositions({ pages });
    expect(Object.keys(p.pages)).toHaveLength(MAX_POSITIONS);
    expect(p.pages['https://a.example/249']).toBeDefined();
    expect(p.pages['https://a.example/0']).toBeUndefined();
  });
});

describe('progress', () => {
  it('is the fraction of the scroll range, and 1 for an article that fits', () => {
    expect(progressFraction(0, 3000, 1000)).toBe(0);
    expect(progressFraction(1000, 3000, 1000)).toBe(0.5);
    expect(progressFraction(2500, 3000, 1000)).toBe(1);
    expect(progressFraction(0, 800, 1000)).toBe(1);
  });

  it('turns a fraction back into a scrollTop for the current layout', () => {
    expect(scrollTopFor(0.5, 3000, 1000)).toBe(1000);
    expect(scrollTopFor(0.5, 5000, 1000)).toBe(2000);
    expect(scrollTopFor(2, 800, 1000)).toBe(0);
  });
});
