/**
 * Reading settings: one record in `storage.local` under SETTINGS_KEY. Stored values are never
 * trusted: `repairSettings` turns anything (missing, old, hand-edited, corrupt) into valid settings,
 * keeping every field that is valid and falling back to the default for each one that is not.
 */

export const SETTINGS_KEY = 'reader.settings';
export const SETTINGS_VERSION = 1;

export const THEMES = ['system', 'light', 'sepia', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const FONT_FAMILIES = ['serif', 'sans'] as const;
export type FontFamily = (typeof FONT_FAMILIES)[number];

export interface ReaderSettings {
  version: number;
  theme: Theme;
  /** Body text size in CSS px. */
  fontSize: number;
  /** Unitless line height. */
  lineHeight: number;
  /** Content column width in em. */
  contentWidth: number;
  fontFamily: FontFamily;
  /** Whether the outline sidebar is shown (on wide windows; narrow windows use a drawer). */
  outlineOpen: boolean;
}

interface NumberRange {
  min: number;
  max: number;
  step: number;
}

export const RANGES = {
  fontSize: { min: 14, max: 32, step: 1 },
  lineHeight: { min: 1.2, max: 2.4, step: 0.1 },
  contentWidth: { min: 28, max: 60, step: 2 },
} as const satisfies Record<string, NumberRange>;

export const DEFAULT_SETTINGS: Readonly<ReaderSettings> = Object.freeze({
  version: SETTINGS_VERSION,
  theme: 'system',
  fontSize: 19,
  lineHeight: 1.8,
  contentWidth: 38,
  fontFamily: 'serif',
  outlineOpen: true,
});

function oneOf<T extends string>(values: readonly T[], value: unknown, fallback: T): T {
  return typeof value === 'string' && (values as readonly string[]).includes(value)
    ? (value as T)
    : fallback;
}

/** A finite number (or numeric string) clamped into the range and snapped to its step. */
function inRange(range: NumberRange, value: unknown, fallback: number): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) return fallback;
  const clamped = Math.min(range.max, Math.max(range.min, n));
  const snapped = range.min + Math.round((clamped - range.min) / range.step) * range.step;
  // Round away float noise (1.2 + 6 * 0.1 = 1.8000000000000003).
  return Math.round(Math.min(range.max, snapped) * 1000) / 1000;
}

/** Valid settings from anything read out of storage. Never throws. */
export function repairSettings(raw: unknown): ReaderSettings {
  const r: Record<string, unknown> =
    raw !== null && typeof raw === 'object' && !Array.isArray(raw)
      ? (raw as Record<string, unknown>)
      : {};
  const d = DEFAULT_SETTINGS;
  return {
    version: SETTINGS_VERSION,
    theme: oneOf(THEMES, r.theme, d.theme),
    fontSize: inRange(RANGES.fontSize, r.fontSize, d.fontSize),
    lineHeight: inRange(RANGES.lineHeight, r.lineHeight, d.lineHeight),
    contentWidth: inRange(RANGES.contentWidth, r.contentWidth, d.contentWidth),
    fontFamily: oneOf(FONT_FAMILIES, r.fontFamily, d.fontFamily),
    outlineOpen: typeof r.outlineOpen === 'boolean' ? r.outlineOpen : d.outlineOpen,
  };
}
