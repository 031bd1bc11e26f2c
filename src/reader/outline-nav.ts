import type { OutlineEntry } from '../core/types.js';
import { h } from './dom.js';
import type { Translate } from './strings.js';

export interface OutlineNav {
  element: HTMLElement;
  /** Starts highlighting the current section; call once the reader is in the document. */
  observe(): void;
  destroy(): void;
}

/**
 * The outline sidebar: one button per entry (keyboard reachable), jumping to its heading inside
 * `scroller` without touching the page's own scroll; the section being read is marked
 * `aria-current` while scrolling.
 */
export function buildOutlineNav(
  doc: Document,
  outline: readonly OutlineEntry[],
  content: HTMLElement,
  scroller: HTMLElement,
  t: Translate,
  onJump: () => void,
  /** Called before a jump (the reader appends any content still pending, issue 12). */
  beforeJump: () => void = () => {},
): OutlineNav {
  const buttons = new Map<string, HTMLButtonElement>();
  const items = outline.map((entry) => {
    const button = h(doc, 'button', { type: 'button', 'data-target': entry.id }, [entry.text]);
    buttons.set(entry.id, button);
    button.addEventListener('click', () => {
      beforeJump();
      const target = findById(content, entry.id);
      if (!target) return;
      const top =
        target.getBoundingClientRect().top -
        scroller.getBoundingClientRect().top +
        scroller.scrollTop -
        12;
      scroller.scrollTo({ top, behavior: 'instant' });
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: true });
      setCurrent(entry.id);
      onJump();
    });
    return h(doc, 'li', { 'data-level': entry.level }, [button]);
  });
  const element = h(
    doc,
    'nav',
    {
      class: 'cr-outline',
      id: 'cr-outline',
      'data-testid': 'reader-outline',
      'aria-label': t('outline'),
    },
    [h(doc, 'h2', {}, [t('outline')]), h(doc, 'ol', {}, items)],
  );
  if (!outline.length) element.hidden = true;

  let current: string | null = null;
  function setCurrent(id: string | null): void {
    if (id === current) return;
    if (current) buttons.get(current)?.removeAttribute('aria-current');
    current = id;
    if (id) buttons.get(id)?.setAttribute('aria-current', 'true');
  }

  let list: HTMLElement[] = [];

  /** The last heading whose top has passed the upper third of the scroller. */
  /**
   * The last heading whose top has passed the upper third of the scroller; at the very end of the
   * article (the last sections may be too short to reach that line), the last heading in view.
   */
  function update(): void {
    const box = scroller.getBoundingClientRect();
    const atEnd =
      scroller.scrollTop > 0 &&
      scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
    const line = atEnd ? box.top + scroller.clientHeight : box.top + scroller.clientHeight / 3;
    let id: string | null = list[0]?.id ?? null;
    for (const el of list) {
      if (el.getBoundingClientRect().top <= line) id = el.id;
      else break;
    }
    setCurrent(id);
  }

  let observer: IntersectionObserver | null = null;
  let frame = 0;
  // A heading can cross the reading line without entering or leaving the scroller, which an
  // IntersectionObserver does not report (and Chromium 156 ignored our rootMargin inside the
  // shadow root): scrolling also asks for an update, at most once a frame.
  const onScroll = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      update();
    });
  };
  return {
    element,
    observe() {
      if (!outline.length) return;
      // Called again when late content arrived: start over.
      observer?.disconnect();
      scroller.removeEventListener('scroll', onScroll);
      list = outline
        .map((e) => findById(content, e.id))
        .filter((el): el is HTMLElement => el !== null);
      // The observer catches headings entering or leaving view (a jump, images loading above,
      // a new font size); update() decides from positions which section is current.
      if (typeof IntersectionObserver !== 'undefined') {
        observer = new IntersectionObserver(update, { root: scroller, threshold: [0, 1] });
        for (const el of list) observer.observe(el);
      }
      scroller.addEventListener('scroll', onScroll, { passive: true });
      update();
    },
    destroy() {
      observer?.disconnect();
      observer = null;
      scroller.removeEventListener('scroll', onScroll);
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
    },
  };
}

function findById(root: HTMLElement, id: string): HTMLElement | null {
  for (const el of root.querySelectorAll<HTMLElement>('[id]')) if (el.id === id) return el;
  return null;
}
