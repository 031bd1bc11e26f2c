/**
 * The thin reading-progress bar (`data-testid="reader-progress"`) and the scroll tracking that
 * drives it and the scroll memory (`reading-position.ts`). Scroll events are coalesced to one
 * update per frame: a handler per event would run several times a frame on fast wheels.
 */
import { h } from './dom.js';
import { progressFraction } from './reading-position.js';
import type { ReaderTranslate } from './reader-strings.js';

export interface ProgressBar {
  root: HTMLElement;
  update(fraction: number): void;
}

export function buildProgressBar(doc: Document, t: ReaderTranslate): ProgressBar {
  const fill = h(doc, 'div', { class: 'cr-progress-fill' });
  const root = h(
    doc,
    'div',
    {
      class: 'cr-progress',
      role: 'progressbar',
      'data-testid': 'reader-progress',
      'aria-label': t('reader_progress'),
      'aria-valuemin': 0,
      'aria-valuemax': 100,
      'aria-valuenow': 0,
    },
    [fill],
  );
  return {
    root,
    update(fraction) {
      const f = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
      root.setAttribute('aria-valuenow', String(Math.round(f * 100)));
      // A transform, not a width: it is composited, no layout per scroll frame.
      fill.style.transform = `scaleX(${f})`;
    },
  };
}

/**
 * Calls `onProgress` with the scroller's progress now and after every scroll (one call per
 * frame at most) and on resize; returns the detach function.
 */
export function trackProgress(
  scroller: HTMLElement,
  onProgress: (fraction: number) => void,
): () => void {
  const win = scroller.ownerDocument.defaultView;
  let queued = false;
  const measure = () => {
    queued = false;
    onProgress(progressFraction(scroller.scrollTop, scroller.scrollHeight, scroller.clientHeight));
  };
  const schedule = () => {
    if (queued) return;
    queued = true;
    if (win?.requestAnimationFrame) win.requestAnimationFrame(measure);
    else measure();
  };
  scroller.addEventListener('scroll', schedule, { passive: true });
  win?.addEventListener('resize', schedule);
  measure();
  return () => {
    scroller.removeEventListener('scroll', schedule);
    win?.removeEventListener('resize', schedule);
  };
}

/** Styles to append to the reader's stylesheet (uses its `--accent` colour). */
export const PROGRESS_BAR_CSS = `
.cr-progress { position: sticky; top: 0; left: 0; right: 0; height: 3px; z-index: 2; pointer-events: none; }
.cr-progress-fill { height: 100%; background: var(--accent); transform-origin: 0 50%; transform: scaleX(0); }
:dir(rtl) .cr-progress-fill { transform-origin: 100% 50%; }
@media print { .cr-progress { display: none; } }
`.trim();
