import { describe, expect, it } from 'vitest';
import { DEFAULT_READING_EXTRAS, repairReadingExtras } from './reading-extras.js';

describe('repairReadingExtras', () => {
  it('gives the defaults for nothing or garbage', () => {
    for (const raw of [undefined, null, 3, 'x', [], {}])
      expect(repairReadingExtras(raw)).toEqual(DEFAULT_READING_EXTRAS);
  });

  it('keeps valid values', () => {
    const good = {
      cjkPunctuation: 'full-width',
      readAloudVoice: 'Google 國語（臺灣）',
      readAloudRate: 1.3,
    };
    expect(repairReadingExtras({ ...good, theme: 'dark' })).toEqual(good);
  });

  it('repairs each field on its own: clamped and snapped rate, no empty or huge voice', () => {
    expect(
      repairReadingExtras({ cjkPunctuation: 'half', readAloudVoice: '  ', readAloudRate: 9 }),
    ).toEqual({ cjkPunctuation: 'as-published', readAloudVoice: null, readAloudRate: 2 });
    expect(repairReadingExtras({ readAloudRate: '0.73' }).readAloudRate).toBe(0.7);
    expect(repairReadingExtras({ readAloudRate: 0.1 }).readAloudRate).toBe(0.5);
    expect(repairReadingExtras({ readAloudRate: Number.NaN }).readAloudRate).toBe(1);
    expect(repairReadingExtras({ readAloudVoice: 'v'.repeat(501) }).readAloudVoice).toBeNull();
  });

  it('is stable: repairing twice changes nothing', () => {
    const once = repairReadingExtras({ cjkPunctuation: 'full-width', readAloudRate: 1.27 });
    expect(repairReadingExtras(once)).toEqual(once);
  });
});
