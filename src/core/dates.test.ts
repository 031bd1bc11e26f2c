import { describe, expect, it } from 'vitest';
import { parseDate } from './dates.js';

describe('parseDate', () => {
  it('reads the farm and CMS formats', () => {
    expect(parseDate('2023/7/12 10:49:49').iso).toBe('2023-07-12T10:49:49.000Z');
    expect(parseDate('4/27/2021 12:48:57 PM').iso).toBe('2021-04-27T12:48:57.000Z');
    expect(parseDate('4/27/2021 12:08:57 AM').iso).toBe('2021-04-27T00:08:57.000Z');
    expect(parseDate('2023-07-12 10:49').iso).toBe('2023-07-12T10:49:00.000Z');
    expect(parseDate('2023年7月12日').iso).toBe('2023-07-12T00:00:00.000Z');
    expect(parseDate('2020-01-01T10:00:00+01:00').iso).toBe('2020-01-01T09:00:00.000Z');
  });

  it('treats placeholders as no date', () => {
    expect(parseDate('1900/1/1 0:00:00')).toEqual({ iso: null, placeholder: true });
    expect(parseDate('1970-01-01T00:00:00Z')).toEqual({ iso: null, placeholder: true });
  });

  it('returns null for text that is no date', () => {
    expect(parseDate('yesterday-ish').iso).toBeNull();
    expect(parseDate('13/45/2020').iso).toBeNull();
  });
});
