/**
 * Hides the page under the reader and gives it back exactly. Only `<html>`'s inline `overflow`
 * and `visibility` are set (through CSSOM, which a page CSP does not block), and both are put
 * back to their previous value and priority on restore, unless the page itself changed them while
 * the reader was open (then the page's value stays: issue 12); no other page node is touched, so typed
 * form values, playing media and page state stay as they were. The scroll position is taken when
 * the reader opens and put back on close (`instant`, past any page `scroll-behavior: smooth`).
 */
export interface PageState {
  /** Hides the page (separate from `savePage` so it can wait until the reader has painted). */
  hide(): void;
  restore(): void;
}

const PROPS = ['overflow', 'visibility'] as const;

export function savePage(doc: Document): PageState {
  const win = doc.defaultView;
  const html = doc.documentElement;
  const x = win?.scrollX ?? 0;
  const y = win?.scrollY ?? 0;
  let saved: Array<readonly [string, string, string]> | null = null;
  return {
    hide() {
      if (saved) return;
      saved = PROPS.map(
        (p) => [p, html.style.getPropertyValue(p), html.style.getPropertyPriority(p)] as const,
      );
      for (const p of PROPS) html.style.setProperty(p, 'hidden', 'important');
    },
    restore() {
      if (saved) {
        for (const [p, value, priority] of saved) {
          const ours =
            html.style.getPropertyValue(p) === 'hidden' &&
            html.style.getPropertyPriority(p) === 'important';
          if (!ours) continue; // the page set its own value meanwhile: keep it
          if (value) html.style.setProperty(p, value, priority);
          else html.style.removeProperty(p);
        }
        // The style attribute existed only because of us: leave no empty `style=""` behind.
        if (html.getAttribute('style') === '') html.removeAttribute('style');
        saved = null;
      }
      if (win && (win.scrollX !== x || win.scrollY !== y)) {
        win.scrollTo({ left: x, top: y, behavior: 'instant' });
      }
    },
  };
}
