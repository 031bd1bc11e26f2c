import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, RANGES, repairSettings, SETTINGS_VERSION } from './settings.js';

describe('repairSettings', () => {
  it('gives the defaults for nothing, garbage and non-objects', () => {
    for (const raw of [undefined, null, 42, 'dark', [], [1, 2], true]) {
      expect(repairSettings(raw)).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('keeps every valid field', () => {
    const good = {
      version: 1,
      theme: 'sepia',
      fontSize: 22,
      lineHeight: 1.5,
      contentWidth: 44,
      fontFamily: 'sans',
      outlineOpen: false,
    };
    expect(repairSettings(good)).toEqual(good);
  });

  it('replaces each invalid field by its default and keeps the others', () => {
    const out = repairSettings({
      theme: 'neon',
      fontSize: 22,
      fontFamily: 'comic',
      lineHeight: 'tall',
      outlineOpen: 'yes',
    });
    expect(out.theme).toBe(DEFAULT_SETTINGS.theme);
    expect(out.fontFamily).toBe(DEFAULT_SETTINGS.fontFamily);
    expect(out.lineHeight).toBe(DEFAULT_SETTINGS.lineHeight);
    expect(out.outlineOpen).toBe(DEFAULT_SETTINGS.outlineOpen);
    expect(out.fontSize).toBe(22);
  });

  it('clamps numbers into range and snaps them to the step', () => {
    expect(repairSettings({ fontSize: 1000 }).fontSize).toBe(RANGES.fontSize.max);
    expect(repairSettings({ fontSize: -5 }).fontSize).toBe(RANGES.fontSize.min);
    expect(repairSettings({ fontSize: 20.4 }).fontSize).toBe(20);
    expect(repairSettings({ lineHeight: 1.74 }).lineHeight).toBe(1.7);
    expect(repairSettings({ contentWidth: 41 }).contentWidth).toBe(42);
    expect(repairSettings({ contentWidth: 29 }).contentWidth).toBe(30);
  });

  it('rejects non-finite numbers and accepts numeric strings', () => {
    expect(repairSettings({ fontSize: Number.NaN }).fontSize).toBe(DEFAULT_SETTINGS.fontSize);
    expect(repairSettings({ fontSize: Infinity }).fontSize).toBe(DEFAULT_SETTINGS.fontSize);
    expect(repairSettings({ fontSize: '' }).fontSize).toBe(DEFAULT_SETTINGS.fontSize);
    expect(repairSettings({ fontSize: '24' }).fontSize).toBe(24);
  });

  it('stamps the current version and drops unknown keys', () => {
    const out = repairSettings({ version: 0, evil: '<script>', theme: 'dark' });
    expect(out.version).toBe(SETTINGS_VERSION);
    expect(Object.keys(out).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });

  it('is idempotent', () => {
    const once = repairSettings({ fontSize: 99, theme: 'x', lineHeight: 2.26 });
    expect(repairSettings(once)).toEqual(once);
  });
});
