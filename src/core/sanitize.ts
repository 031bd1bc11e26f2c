import createDOMPurify, { type DOMPurify } from 'dompurify';
import { PLACEHOLDER_ATTR, type RemovalLog } from './context.js';
import { descendants } from './descendants.js';

const purifiers = new WeakMap<object, DOMPurify>();
const inPlacePurifiers = new WeakMap<object, DOMPurify>();

function windowOf(page: Document): Window {
  // The working clone has no window: use the page's (jsdom) or the global one (content script).
  const win = (page.defaultView ?? (globalThis as { window?: Window }).window) as
    Window | undefined;
  if (!win) throw new Error('sanitize: no window to run DOMPurify in');
  return win;
}

function purifierFor(page: Document): DOMPurify {
  const win = windowOf(page);
  let p = purifiers.get(win);
  if (!p) {
    p = createDOMPurify(win as unknown as Window & typeof globalThis);
    purifiers.set(win, p);
  }
  return p;
}

/**
 * A purifier of its own for the in-place passes, its config set once: DOMPurify otherwise
 * re-parses a config on every call (cloning its allow-lists), which on a short page cost a
 * quarter of the sanitizing. Its own instance, so `parseSanitizedHtml`'s config is untouched.
 */
function inPlacePurifierFor(page: Document): DOMPurify {
  const win = windowOf(page);
  let p = inPlacePurifiers.get(win);
  if (!p) {
    p = createDOMPurify(win as unknown as Window & typeof globalThis);
    p.setConfig({ ...CONFIG, IN_PLACE: true });
    inPlacePurifiers.set(win, p);
  }
  return p;
}

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
};

/**
 * The only place HTML strings meet the DOM. Sanitizes `content` in place (DOMPurify), makes
 * lazy images real and URLs absolute, and returns the content's HTML and text. The removed
 * elements' HTML is rendered the same way, but only when a removal's `html` is first read
 * (`RemovalLog.entry`): then all of them in one pass.
 */
export function sanitizeContent(
  page: Document,
  content: Element,
  url: URL,
  log: RemovalLog,
): { html: string; text: string } {
  const purify = inPlacePurifierFor(page);
  fixUrls(content, url);
  purify.sanitize(content);
  log.renderRemovals = () => renderRemovals(purify, content.ownerDocument, url, log);
  return { html: content.innerHTML, text: content.textContent ?? '' };
}

/**
 * One DOMPurify pass for every removed element: each rides along in a wrapper of its own (a
 * forbidden element is dropped or unwrapped inside it), and its HTML is the wrapper's after the
 * pass. Sanitizing each as a string re-parses a document per removal.
 */
function renderRemovals(purify: DOMPurify, doc: Document, url: URL, log: RemovalLog): void {
  log.renderRemovals = null;
  const holder = doc.createElement('div');
  const wrappers = new Map<string, Element>();
  for (const removal of log.removed) {
    const el = log.elements.get(removal.id);
    if (!el) continue;
    const wrapper = doc.createElement('div');
    wrapper.append(el);
    holder.append(wrapper);
    wrappers.set(removal.id, wrapper);
  }
  fixUrls(holder, url);
  purify.sanitize(holder);
  for (const removal of log.removed) removal.html = wrappers.get(removal.id)?.innerHTML ?? null;
  log.elements.clear();
}

const LAZY_SRC = ['data-src', 'data-original', 'data-lazy-src', 'data-actualsrc', 'data-url'];

function fixLazySrc(img: Element): void {
  const src = img.getAttribute('src');
  if (!src || src.startsWith('data:image/gif') || /placeholder|blank|spacer|loading/i.test(src)) {
    const lazy = LAZY_SRC.map((a) => img.getAttribute(a)).find((v) => v);
    if (lazy) img.setAttribute('src', lazy);
  }
}

function absolutize(value: string, base: URL): string | null {
  try {
    return new URL(value, base).href;
  } catch {
    return null;
  }
}

/**
 * One walk over the content (see `descendants.ts`), not two selector queries. Each element's
 * own attributes only are read and written, so fixing an image's lazy `src` first and then its
 * URLs, element by element, gives what the two passes over the whole content gave.
 */
function fixUrls(root: Element, base: URL): void {
  for (const el of descendants(root)) {
    if (el.localName === 'img') fixLazySrc(el);
    if (
      !el.hasAttribute('href') &&
      !el.hasAttribute('src') &&
      !el.hasAttribute('srcset') &&
      !el.hasAttribute('poster')
    )
      continue;
    for (const attr of ['href', 'src', 'poster'] as const) {
      const v = el.getAttribute(attr);
      if (v === null || v.startsWith('#')) continue;
      const abs = absolutize(v.trim(), base);
      if (abs && !/^(javascript|vbscript|data:text)/i.test(abs)) el.setAttribute(attr, abs);
      else el.removeAttribute(attr);
    }
    const srcset = el.getAttribute('srcset');
    if (srcset) {
      el.setAttribute(
        'srcset',
        srcset
          .split(',')
          .map((part) => {
            const [u, ...rest] = part.trim().split(/\s+/);
            const abs = u ? absolutize(u, base) : null;
            return abs ? [abs, ...rest].join(' ') : '';
          })
          .filter(Boolean)
          .join(', '),
      );
    }
  }
}

/**
 * Parses sanitized HTML (an Article's `contentHtml` or a removal's `html`) into an inert
 * DocumentFragment, sanitizing it once more on the way: the string may have been stored or
 * passed through messaging. Scripts never run and handlers never survive; images load only once
 * the fragment is inserted into a live document.
 */
export function parseSanitizedHtml(html: string, doc: Document): DocumentFragment {
  return purifierFor(doc).sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true });
}
