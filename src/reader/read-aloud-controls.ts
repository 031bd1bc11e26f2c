/**
 * The read-aloud bar (`data-testid="reader-read-aloud"`): play/pause, stop, the voice (the
 * voices for the article's language, or the default) and the speed. The speech code is loaded on
 * the first play (`load` is `() => import('./read-aloud.js')`). The paragraph being read gets
 * the `cr-reading` class and is scrolled into view; a missing voice or engine is said in words.
 * The reader calls `stop()` when it closes.
 */
import { DEFAULT_READING_EXTRAS, READ_ALOUD_RATE } from '../shared/reading-extras.js';
import { h } from './dom.js';
import type { ReadAloud, ReadAloudError, ReadAloudState } from './read-aloud.js';
import type { ReaderTranslate } from './reader-strings.js';

type ReadAloudModule = Pick<
  typeof import('./read-aloud.js'),
  'createReadAloud' | 'voicesFor' | 'languageName' | 'speechLang'
>;

export interface ReadAloudControlsOptions {
  doc: Document;
  t: ReaderTranslate;
  /** The article content element (`.cr-content`). */
  content: HTMLElement;
  /** The article's language (`articleLang`). */
  lang: string | null;
  uiLang: string;
  voiceURI: string | null;
  rate: number;
  /** Saves the user's choice (`readAloudVoice`, `readAloudRate` in the reading settings). */
  onSettingsChange(next: { readAloudVoice: string | null; readAloudRate: number }): void;
  /** Where to start: e.g. the first paragraph in view (default: the beginning). */
  startAt?(): Element | null;
  load?(): Promise<ReadAloudModule>;
}

export interface ReadAloudControls {
  root: HTMLElement;
  stop(): void;
}

export function buildReadAloudControls(opts: ReadAloudControlsOptions): ReadAloudControls {
  const { doc, t } = opts;
  const win = doc.defaultView;
  const load = opts.load ?? (() => import('./read-aloud.js'));
  let voiceURI = opts.voiceURI;
  let rate = opts.rate || DEFAULT_READING_EXTRAS.readAloudRate;
  let reader: ReadAloud | null = null;
  let mod: ReadAloudModule | null = null;
  let reading: HTMLElement | null = null;

  const play = h(
    doc,
    'button',
    {
      type: 'button',
      class: 'cr-ra-play',
      'aria-pressed': 'false',
      'data-testid': 'reader-read-aloud-play',
    },
    [t('reader_readAloudPlay')],
  );
  const stop = h(
    doc,
    'button',
    {
      type: 'button',
      class: 'cr-ra-stop',
      disabled: true,
      'data-testid': 'reader-read-aloud-stop',
    },
    [t('reader_readAloudStop')],
  );
  const voiceSelect = h(doc, 'select', { class: 'cr-ra-voice' }, [
    h(doc, 'option', { value: '' }, [t('reader_readAloudVoiceDefault')]),
  ]);
  const rateInput = h(doc, 'input', {
    type: 'range',
    class: 'cr-ra-rate',
    min: READ_ALOUD_RATE.min,
    max: READ_ALOUD_RATE.max,
    step: READ_ALOUD_RATE.step,
    value: rate,
  });
  const status = h(doc, 'p', { class: 'cr-ra-status', role: 'status', 'aria-live': 'polite' });
  const root = h(
    doc,
    'div',
    {
      class: 'cr-read-aloud',
      role: 'group',
      'aria-label': t('reader_readAloud'),
      'data-testid': 'reader-read-aloud',
    },
    [
      play,
      stop,
      h(doc, 'label', {}, [t('reader_readAloudVoice'), ' ', voiceSelect]),
      h(doc, 'label', {}, [t('reader_readAloudRate'), ' ', rateInput]),
      status,
    ],
  );

  const reducedMotion = () =>
    win?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  const highlight = (el: HTMLElement | null) => {
    reading?.classList.remove('cr-reading');
    reading = el;
    if (!el) return;
    el.classList.add('cr-reading');
    el.scrollIntoView?.({ block: 'nearest', behavior: reducedMotion() ? 'auto' : 'smooth' });
  };

  const showState = (state: ReadAloudState) => {
    play.setAttribute('aria-pressed', String(state === 'playing'));
    play.textContent =
      state === 'playing'
        ? t('reader_readAloudPause')
        : state === 'paused'
          ? t('reader_readAloudResume')
          : t('reader_readAloudPlay');
    stop.disabled = state === 'idle';
  };

  const describe = (e: unknown): string => {
    const err = e as Partial<ReadAloudError>;
    if (err?.code === 'no-voice' && mod) {
      return t('reader_readAloudNoVoice', [
        mod.languageName(err.lang ?? mod.speechLang(opts.lang), opts.uiLang),
      ]);
    }
    if (err?.code === 'unsupported') return t('reader_readAloudUnsupported');
    return t('reader_readAloudFailed', [e instanceof Error ? e.message : String(e)]);
  };

  const fillVoices = () => {
    const synth = win?.speechSynthesis;
    if (!mod || !synth) return;
    const voices = mod.voicesFor(synth.getVoices(), mod.speechLang(opts.lang));
    voiceSelect.replaceChildren(
      h(doc, 'option', { value: '' }, [t('reader_readAloudVoiceDefault')]),
      ...voices.map((v) =>
        h(doc, 'option', { value: v.voiceURI, selected: v.voiceURI === voiceURI }, [
          `${v.name} (${v.lang})`,
        ]),
      ),
    );
  };

  const ensureReader = async (): Promise<ReadAloud> => {
    if (reader) return reader;
    mod = await load();
    reader = mod.createReadAloud(opts.content, {
      synth: win?.speechSynthesis,
      Utterance: win?.SpeechSynthesisUtterance,
      lang: opts.lang,
      voiceURI,
      rate,
      onParagraph: highlight,
      onState: showState,
      onError: (e) => {
        status.textContent = describe(e);
      },
    });
    return reader;
  };

  play.addEventListener('click', async () => {
    status.textContent = '';
    try {
      const r = await ensureReader();
      if (r.state === 'playing') {
        r.pause();
        return;
      }
      await r.play(r.state === 'paused' ? null : (opts.startAt?.() ?? null));
      fillVoices();
    } catch (e) {
      status.textContent = describe(e);
      fillVoices();
    }
  });
  stop.addEventListener('click', () => reader?.stop());
  voiceSelect.addEventListener('change', () => {
    voiceURI = voiceSelect.value || null;
    reader?.setVoice(voiceURI);
    opts.onSettingsChange({ readAloudVoice: voiceURI, readAloudRate: rate });
  });
  rateInput.addEventListener('change', () => {
    const next = Number(rateInput.value);
    if (!Number.isFinite(next)) return;
    rate = next;
    reader?.setRate(rate);
    opts.onSettingsChange({ readAloudVoice: voiceURI, readAloudRate: rate });
  });

  return {
    root,
    stop() {
      reader?.stop();
      highlight(null);
    },
  };
}

/** Styles to append to the reader's stylesheet (uses its colour variables). */
export const READ_ALOUD_CSS = `
.cr-read-aloud { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: center; font-size: 13px; }
.cr-ra-status:empty { display: none; }
.cr-ra-status { flex-basis: 100%; margin: 0; color: var(--muted); }
.cr-content .cr-reading { background: var(--restored); box-shadow: -8px 0 0 var(--restored), 8px 0 0 var(--restored); border-radius: 2px; }
@media print { .cr-read-aloud { display: none; } }
`.trim();
