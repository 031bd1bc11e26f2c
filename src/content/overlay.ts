import { READER_CSS } from '../reader/reader-styles.js';

export interface Overlay {
  host: HTMLElement;
  shadow: ShadowRoot;
  remove(): void;
}

/** Full-screen reader or a small corner notice (the notice leaves the page usable). */
export type OverlayMode = 'reader' | 'notice';

export const HOST_ATTR = 'data-crypto-reader';

const HOST_STYLE: Record<OverlayMode, Record<string, string>> = {
  reader: { position: 'fixed', inset: '0' },
  notice: { position: 'fixed', top: '16px', right: '16px', width: 'auto', height: 'auto' },
};

/**
 * A host element appended to `<html>` (not `<body>`, which the page owns and hides) with an open
 * shadow root: Playwright can reach in, page CSS cannot. A plain `div`, never a custom element
 * name, so a page cannot upgrade it with its own constructor. Inline `!important` beats any page
 * rule aimed at the host.
 */
export function mountOverlay(doc: Document, mode: OverlayMode, content: Node): Overlay {
  const host = doc.createElement('div');
  host.setAttribute(HOST_ATTR, mode);
  const s = host.style;
  s.setProperty('all', 'initial', 'important');
  for (const [p, v] of Object.entries({
    ...HOST_STYLE[mode],
    display: 'block',
    'z-index': '2147483647',
    visibility: 'visible',
    opacity: '1',
    contain: 'strict',
    transform: 'none',
    filter: 'none',
    'pointer-events': 'auto',
  })) {
    s.setProperty(p, v, 'important');
  }
  // A notice sizes to its content: `contain: strict` would give it zero size.
  if (mode === 'notice') s.setProperty('contain', 'none', 'important');
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyles(doc, shadow);
  shadow.append(content);
  // One insertion into the page, with everything in it.
  doc.documentElement.append(host);
  return { host, shadow, remove: () => host.remove() };
}

let sheet: CSSStyleSheet | null = null;

/**
 * A constructed stylesheet (not subject to the page's `style-src`). Fallback: a `<style>` in the
 * shadow root, for a browser where adopting a sheet from a content script fails.
 */
function adoptStyles(doc: Document, shadow: ShadowRoot): void {
  try {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(READER_CSS);
    }
    shadow.adoptedStyleSheets = [sheet];
    if (shadow.adoptedStyleSheets.length === 1) return;
  } catch {
    // Firefox: a sheet built in the content-script compartment may be refused; use <style>.
  }
  const style = doc.createElement('style');
  style.textContent = READER_CSS;
  shadow.append(style);
}
