import createDOMPurify, { type DOMPurify } from 'dompurify';
import { PLACEHOLDER_ATTR } from './context.js';

// Added by the extension work (issue 3) at the lead's request: the reader turns the core's
// already-sanitized `contentHtml` / `removed[i].html` into DOM here, so HTML strings still meet
// the DOM only through DOMPurify. The forbid lists mirror sanitize.ts's CONFIG (not exported
// there); lead: share one constant when convenient.
const CONFIG = {
  FORBID_TAGS: [
    'style',
    'script',
    'iframe',
    'object',
    'embed',
    'form',
    'input',
    'button',
    'select',
    'textarea',
    'link',
    'meta',
    'base',
    'frame',
    'frameset',
  ],
  FORBID_ATTR: ['style', 'srcdoc', 'formaction'],
  ADD_ATTR: [PLACEHOLDER_ATTR],
  RETURN_DOM_FRAGMENT: true as const,
};

const purifiers = new WeakMap<object, DOMPurify>();

/**
 * Parses sanitized HTML into an inert DocumentFragment (sanitizing it once more on the way: the
 * string may have been stored or passed through messaging). Scripts never run and handlers never
 * survive; images load only once the fragment is inserted into a live document.
 */
export function parseSanitizedHtml(html: string, doc: Document): DocumentFragment {
  const win = (doc.defaultView ?? (globalThis as { window?: Window }).window) as Window | undefined;
  if (!win) throw new Error('parseSanitizedHtml: no window to run DOMPurify in');
  let purify = purifiers.get(win);
  if (!purify) {
    purify = createDOMPurify(win as unknown as Window & typeof globalThis);
    purifiers.set(win, purify);
  }
  return purify.sanitize(html, CONFIG);
}
