/**
 * The reading settings issue 9 adds, to merge into `ReaderSettings` (settings.ts) when the
 * reader wires them in: the same record under SETTINGS_KEY, repaired field by field like the
 * others (`repairReadingExtras(raw)` reads the same raw object `repairSettings` gets). Kept in
 * their own file until then so this branch does not edit settings.ts under the frame work.
 */

/** "CJK punctuation: as published / full-width" (`reader/cjk-punctuation.ts`). */
export const CJK_PUNCTUATION_MODES = ['as-published', 'full-width'] as const;
export type CjkPunctuationMode = (typeof CJK_PUNCTUATION_MODES)[number];

/** Read-aloud speed (1 is the engine's normal rate). */
export const READ_ALOUD_RATE = { min: 0.5, max: 2, step: 0.1 } as const;

export interface ReadingExtras {
  cjkPunctuation: CjkPunctuationMode;
  /** A `SpeechSynthesisVoice.voiceURI`, or null for the best voice for the article's language. */
  readAloudVoice: string | null;
  readAloudRate: number;
}

export const DEFAULT_READING_EXTRAS: Readonly<ReadingExtras> = Object.freeze({
  cjkPunctuation: 'as-published',
  readAloudVoice: null,
  readAloudRate: 1,
});

/** A voiceURI is an opaque engine string; a huge one is not a voice but a corrupt record. */
const MAX_VOICE_URI = 500;

/** Valid extras from anything read out of storage. Never throws. */
export function repairReadingExtras(raw: unknown): ReadingExtras {
  const r: Record<string, unknown> =
    raw !== null && typeof raw === 'object' && !Array.isArray(raw)
      ? (raw as Record<string, unknown>)
      : {};
  const d = DEFAULT_READING_EXTRAS;
  const mode = (CJK_PUNCTUATION_MODES as readonly unknown[]).includes(r.cjkPunctuation)
    ? (r.cjkPunctuation as CjkPunctuationMode)
    : d.cjkPunctuation;
  const voice =
    typeof r.readAloudVoice === 'string' &&
    r.readAloudVoice.trim() &&
    r.readAloudVoice.length <= MAX_VOICE_URI
      ? r.readAloudVoice
      : null;
  const rateRaw = typeof r.readAloudRate === 'string' ? Number(r.readAloudRate) : r.readAloudRate;
  const rate =
    typeof rateRaw === 'number' && Number.isFinite(rateRaw)
      ? Math.round(
          Math.min(READ_ALOUD_RATE.max, Math.max(READ_ALOUD_RATE.min, rateRaw)) /
            READ_ALOUD_RATE.step,
        ) * READ_ALOUD_RATE.step
      : d.readAloudRate;
  return {
    cjkPunctuation: mode,
    readAloudVoice: voice,
    // Round away float noise (0.7000000000000001).
    readAloudRate: Math.round(rate * 100) / 100,
  };
}
