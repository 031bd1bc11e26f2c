/**
 * Read aloud (`data-testid="reader-read-aloud"`), loaded on first use: the article's paragraphs
 * spoken one after the other with the Web Speech API, in a voice for the article's language (or
 * the one the user picked), at the user's rate. The current paragraph is reported
 * (`onParagraph`) for the reader to highlight and scroll to.
 *
 * One utterance is in the engine at a time, each at most a few sentences: Chrome stops a long
 * utterance after about 15 seconds, and some engines (Chrome on Android, several Linux
 * speech-dispatcher voices) treat `pause()` as `cancel()`. So pause cancels and remembers the
 * chunk; resume speaks that chunk again from its start, the same in every browser.
 */

import { DEFAULT_READING_EXTRAS, READ_ALOUD_RATE } from '../shared/reading-extras.js';

export type ReadAloudState = 'idle' | 'playing' | 'paused';

export type ReadAloudErrorCode = 'unsupported' | 'no-voice' | 'synthesis';

/** What went wrong, with the language a voice was wanted for (`no-voice`). */
export class ReadAloudError extends Error {
  constructor(
    readonly code: ReadAloudErrorCode,
    message: string,
    readonly lang: string | null = null,
  ) {
    super(message);
    this.name = 'ReadAloudError';
  }
}

/** The speech tag for an article tag: engines know regions (`zh-TW`), not scripts (`zh-Hant`). */
export function speechLang(lang: string | null | undefined): string {
  const tag = (lang ?? '').replace(/_/g, '-').toLowerCase();
  if (/^zh-(?:hant|tw)\b/.test(tag)) return 'zh-TW';
  if (/^zh-(?:hk|mo)\b/.test(tag)) return 'zh-HK';
  if (tag === 'zh' || tag.startsWith('zh-') || tag === 'cmn' || tag.startsWith('cmn-'))
    return 'zh-CN';
  if (!tag) return 'en-US';
  const [primary, ...rest] = tag.split('-');
  const region = rest.find((p) => p.length === 2);
  return region ? `${primary}-${region.toUpperCase()}` : primary!;
}

type VoiceLike = Pick<SpeechSynthesisVoice, 'voiceURI' | 'name' | 'lang' | 'default'>;

function voiceTag(v: VoiceLike): { primary: string; region: string } {
  const parts = v.lang.replace(/_/g, '-').toLowerCase().split('-');
  let primary = parts[0] ?? '';
  // Mandarin voices may say `cmn-Hans-CN` (Android) or `cmn` (espeak).
  if (primary === 'cmn') primary = 'zh';
  const rest = parts.slice(1);
  const script = rest.find((p) => p.length === 4);
  let region = rest.find((p) => p.length === 2 || /^\d{3}$/.test(p)) ?? '';
  if (!region && script === 'hant') region = 'tw';
  if (!region && script === 'hans') region = 'cn';
  return { primary, region };
}

/** For Chinese, the regions in the order they suit a script: Taiwan's voice for Traditional. */
const ZH_REGION_ORDER: Record<string, readonly string[]> = {
  tw: ['tw', 'hk', 'mo', 'cn', 'sg', ''],
  hk: ['hk', 'mo', 'tw', 'cn', 'sg', ''],
  cn: ['cn', 'sg', '', 'tw', 'hk', 'mo'],
};

/** The voices that can read `lang`, best first (region match first, the engine's default next). */
export function voicesFor<V extends VoiceLike>(voices: readonly V[], lang: string): V[] {
  const [primary = '', regionRaw = ''] = speechLang(lang).toLowerCase().split('-');
  const order = primary === 'zh' ? (ZH_REGION_ORDER[regionRaw] ?? ZH_REGION_ORDER.cn!) : null;
  const rank = (v: V) => {
    const t = voiceTag(v);
    const regionRank = order
      ? order.indexOf(t.region) === -1
        ? order.length
        : order.indexOf(t.region)
      : t.region === regionRaw
        ? 0
        : 1;
    return regionRank * 2 + (v.default ? 0 : 1);
  };
  return voices
    .filter((v) => voiceTag(v).primary === primary)
    .map((v, i) => ({ v, i, r: rank(v) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.v);
}

/** The user's voice when it is installed, else the best one for the language, else null. */
export function pickVoice<V extends VoiceLike>(
  voices: readonly V[],
  lang: string,
  voiceURI?: string | null,
): V | null {
  if (voiceURI) {
    const chosen = voices.find((v) => v.voiceURI === voiceURI);
    if (chosen) return chosen;
  }
  return voicesFor(voices, lang)[0] ?? null;
}

/** A language's name in the UI language, for the no-voice message (`Chinese (Taiwan)`). */
export function languageName(lang: string, uiLang: string): string {
  try {
    return new Intl.DisplayNames([uiLang], { type: 'language' }).of(lang) ?? lang;
  } catch {
    return lang;
  }
}

/** Blocks that are read, in document order; hidden and removed blocks are not. */
const READ = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, figcaption, pre, td, th, dt, dd';

/** The elements read aloud, each once (a `<p>` in an `<li>` is read as the `<li>`). */
export function paragraphsToRead(content: Element): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const el of content.querySelectorAll<HTMLElement>(READ)) {
    if (el.closest('[hidden], [data-cr-removed], [aria-hidden="true"]')) continue;
    // The outermost readable block speaks for what it holds.
    if (out.some((o) => o.contains(el))) continue;
    if (!(el.textContent ?? '').trim()) continue;
    out.push(el);
  }
  return out;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/**
 * How long a chunk may be: about ten seconds of speech. CJK is read at about five characters a
 * second, Latin text at about fifteen.
 */
function maxChunk(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  return cjk * 2 > text.length ? 60 : 200;
}

/** Cuts at sentence ends; a sentence too long for one chunk is cut at clause marks, then hard. */
export function splitForSpeech(text: string, max = maxChunk(text)): string[] {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean) return [];
  if (clean.length <= max) return [clean];
  // After a sentence end and its closing quotes (`。」`), or a full stop before a space.
  const sentences = clean.split(
    /(?<=[。！？!?…][」』”’"'）)]*)(?![」』”’"'）)。！？!?…])|(?<=\.)\s+/u,
  );
  const pieces: string[] = [];
  for (const s of sentences) {
    if (s.length <= max) {
      pieces.push(s);
      continue;
    }
    for (const clause of s.split(/(?<=[，,；;：:、])/u)) {
      for (let i = 0; i < clause.length; i += max) pieces.push(clause.slice(i, i + max));
    }
  }
  // Short sentences share a chunk: fewer gaps between utterances.
  const chunks: string[] = [];
  for (const p of pieces.map((x) => x.trim()).filter(Boolean)) {
    const last = chunks[chunks.length - 1];
    const joiner = last && /[A-Za-z0-9.,;:!?'")]$/.test(last) ? ' ' : '';
    if (last !== undefined && last.length + joiner.length + p.length <= max)
      chunks[chunks.length - 1] = last + joiner + p;
    else chunks.push(p);
  }
  return chunks;
}

export interface ReadAloudOptions {
  /** `window.speechSynthesis` (undefined where the browser has none). */
  synth: SpeechSynthesis | undefined;
  /** `window.SpeechSynthesisUtterance`. */
  Utterance: typeof SpeechSynthesisUtterance | undefined;
  /** The article's language (`zh-Hant`, `zh-Hans`, `en`…). */
  lang: string | null;
  /** The user's chosen voice (`voiceURI`), or null for the language's best. */
  voiceURI?: string | null;
  rate?: number;
  /** Called with the paragraph being read, and null when reading ends or stops. */
  onParagraph?(el: HTMLElement | null): void;
  onState?(state: ReadAloudState): void;
  /** A failure while reading (not the ones `play()` rejects with). */
  onError?(error: ReadAloudError): void;
  /** How long to wait for the voice list (Chrome fills it after `voiceschanged`). */
  voicesTimeoutMs?: number;
}

export interface ReadAloud {
  readonly state: ReadAloudState;
  /**
   * Starts (from `from`, or the first paragraph), or resumes when paused. Rejects with a
   * `ReadAloudError` when the browser cannot speak or has no voice for the language.
   */
  play(from?: Element | null): Promise<void>;
  pause(): void;
  stop(): void;
  setRate(rate: number): void;
  setVoice(voiceURI: string | null): void;
}

interface Chunk {
  el: HTMLElement;
  text: string;
}

function clampRate(rate: number | undefined): number {
  const r =
    typeof rate === 'number' && Number.isFinite(rate) ? rate : DEFAULT_READING_EXTRAS.readAloudRate;
  return Math.min(READ_ALOUD_RATE.max, Math.max(READ_ALOUD_RATE.min, r));
}

/** Resolves with the voice list, waiting for `voiceschanged` when it starts out empty. */
export function loadVoices(
  synth: SpeechSynthesis,
  timeoutMs = 1500,
): Promise<SpeechSynthesisVoice[]> {
  const now = synth.getVoices();
  if (now.length) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      synth.removeEventListener?.('voiceschanged', done);
      resolve(synth.getVoices());
    };
    const timer = setTimeout(done, timeoutMs);
    synth.addEventListener?.('voiceschanged', done);
  });
}

export function createReadAloud(content: Element, opts: ReadAloudOptions): ReadAloud {
  const { synth, Utterance } = opts;
  let state: ReadAloudState = 'idle';
  let rate = clampRate(opts.rate);
  let voiceURI = opts.voiceURI ?? null;
  let chunks: Chunk[] = [];
  let index = 0;
  let voice: SpeechSynthesisVoice | null = null;
  let lastEl: HTMLElement | null = null;
  // Chrome: an utterance only referenced by the engine can be garbage-collected mid-speech and
  // never fire `end`; holding it here keeps the events coming.
  let current: SpeechSynthesisUtterance | null = null;
  /** Bumped on every cancel, so events of a cancelled utterance are ignored. */
  let generation = 0;
  const lang = speechLang(opts.lang);

  const setState = (s: ReadAloudState) => {
    if (state === s) return;
    state = s;
    opts.onState?.(s);
  };
  const report = (el: HTMLElement | null) => {
    if (el === lastEl) return;
    lastEl = el;
    opts.onParagraph?.(el);
  };

  const cancel = () => {
    generation++;
    if (current) current.onstart = current.onend = current.onerror = null;
    current = null;
    synth?.cancel();
  };

  const finish = () => {
    cancel();
    index = 0;
    chunks = [];
    report(null);
    setState('idle');
  };

  const speakCurrent = () => {
    const chunk = chunks[index];
    if (!synth || !Utterance || !chunk) {
      finish();
      return;
    }
    const gen = generation;
    const u = new Utterance(chunk.text);
    u.lang = voice?.lang ?? lang;
    if (voice) u.voice = voice;
    u.rate = rate;
    u.onstart = () => {
      if (gen === generation) report(chunk.el);
    };
    u.onend = () => {
      if (gen !== generation) return;
      index++;
      speakCurrent();
    };
    u.onerror = (e: SpeechSynthesisErrorEvent) => {
      if (gen !== generation) return;
      // Our own cancel (pause, stop) arrives as `interrupted` or `canceled`.
      if (e.error === 'interrupted' || e.error === 'canceled') return;
      finish();
      opts.onError?.(new ReadAloudError('synthesis', e.error || 'speech failed'));
    };
    current = u;
    report(chunk.el);
    synth.speak(u);
  };

  const chunksFrom = (from: Element | null | undefined): { list: Chunk[]; start: number } => {
    const list = paragraphsToRead(content).flatMap((el) =>
      splitForSpeech(el.textContent ?? '').map((text) => ({ el, text })),
    );
    const at = from ? list.findIndex((c) => c.el === from || c.el.contains(from)) : 0;
    return { list, start: Math.max(0, at) };
  };

  return {
    get state() {
      return state;
    },
    async play(from) {
      if (!synth || !Utterance) {
        throw new ReadAloudError('unsupported', 'this browser has no speech synthesis');
      }
      if (state === 'playing') return;
      if (state === 'paused' && !from) {
        setState('playing');
        speakCurrent();
        return;
      }
      const voices = await loadVoices(synth, opts.voicesTimeoutMs);
      voice = pickVoice(voices, lang, voiceURI);
      if (!voice) {
        throw new ReadAloudError('no-voice', `no voice for ${lang}`, lang);
      }
      cancel();
      const { list, start } = chunksFrom(from);
      chunks = list;
      index = start;
      if (!chunks.length) {
        finish();
        return;
      }
      setState('playing');
      speakCurrent();
    },
    pause() {
      if (state !== 'playing') return;
      cancel();
      setState('paused');
    },
    stop() {
      if (state === 'idle') return;
      finish();
    },
    setRate(next) {
      rate = clampRate(next);
      // Takes effect at once: the current chunk starts again at the new rate.
      if (state === 'playing') {
        cancel();
        speakCurrent();
      }
    },
    setVoice(next) {
      voiceURI = next;
      if (!synth) return;
      const chosen = pickVoice(synth.getVoices(), lang, voiceURI);
      if (chosen) voice = chosen;
      if (state === 'playing') {
        cancel();
        speakCurrent();
      }
    },
  };
}
