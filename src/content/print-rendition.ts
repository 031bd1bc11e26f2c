/**
 * Printing the reader (issue 9): the reader lives in a fixed, viewport-sized extension frame,
 * and a frame prints clipped to its box (one screenful per page). So while the reader is open,
 * `beforeprint` puts a print-only rendition of the sanitized article (clean title, byline, date,
 * source URL, content) into the top document, under `<html>`, in a shadow root the page's CSS
 * cannot restyle; `afterprint` takes it out. In print media the page's own content is not laid
 * out, and the reader frame shows nothing (its page hides its UI in print), so the rendition is
 * the document's whole flow. On screen the rendition is never shown.
 */
import { parseSanitizedHtml } from '../core/sanitize.js';
import type { Article } from '../core/types.js';

export const PRINT_ATTR = 'data-crypto-reader-print';

/** In the top document: the page's content out of print, the rendition out of screen. */
const DOC_CSS = `
@media print { html > :not([${PRINT_ATTR}]) { display: none !important; } }
@media not print { html > [${PRINT_ATTR}] { display: none !important; } }
`;

const SHADOW_CSS = `
:host { all: initial; display: block; color: #000; background: #fff;
  font: 12pt/1.6 Georgia, "Noto Serif CJK TC", "Noto Serif CJK SC", serif; }
article { max-width: 100%; }
h1 { font-size: 20pt; line-height: 1.3; margin: 0 0 6pt; }
.meta, .source { color: #444; font-size: 10pt; margin: 0 0 4pt; }
.source a { color: inherit; word-break: break-all; }
img, video, svg, iframe, table { max-width: 100% !important; height: auto; }
pre { white-space: pre-wrap; }
[data-cr-removed] { display: none !important; }
p, li, blockquote { orphans: 2; widows: 2; }
h2, h3, h4 { break-after: avoid; }
`;

export interface PrintRendition {
  /** Removes the rendition if it is in (idempotent). */
  remove(): void;
}

/** Puts the rendition of `article` into `doc` (below `<html>`); `remove` takes it out. */
export function insertPrintRendition(
  doc: Document,
  article: Article,
  pageUrl: string,
): PrintRendition {
  const host = doc.createElement('div');
  host.setAttribute(PRINT_ATTR, '');
  // `<html>` is `visibility: hidden` while the reader is open (page-state.ts): not for this.
  host.style.setProperty('visibility', 'visible', 'important');
  host.style.setProperty('position', 'static', 'important');
  const style = doc.createElement('style');
  style.textContent = DOC_CSS;
  host.append(style);
  const shadow = host.attachShadow({ mode: 'open' });
  const sheet = doc.createElement('style');
  sheet.textContent = SHADOW_CSS;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text: string) => {
    const e = doc.createElement(tag);
    if (cls) e.className = cls;
    e.textContent = text;
    return e;
  };
  const art = doc.createElement('article');
  if (article.lang) art.lang = article.lang;
  if (article.dir) art.dir = article.dir;
  art.append(el('h1', '', article.title));
  const meta = [article.byline, article.siteName, printDate(article.publishedTime)]
    .filter((x): x is string => !!x)
    .join(' · ');
  if (meta) art.append(el('p', 'meta', meta));
  const source = el('p', 'source', '');
  const link = el('a', '', pageUrl);
  link.setAttribute('href', pageUrl);
  source.append(link);
  art.append(source);
  const content = doc.createElement('div');
  content.append(parseSanitizedHtml(article.contentHtml, doc));
  art.append(content);
  shadow.append(sheet, art);
  doc.documentElement.append(host);

  // Firefox prints only the first page of a root with `overflow: hidden` (set while the reader
  // is open): lift it for the print, put ours back after.
  const html = doc.documentElement;
  const ours =
    html.style.getPropertyValue('overflow') === 'hidden' &&
    html.style.getPropertyPriority('overflow') === 'important';
  if (ours) html.style.setProperty('overflow', 'visible', 'important');
  return {
    remove() {
      if (!host.isConnected) return;
      host.remove();
      if (
        ours &&
        html.style.getPropertyValue('overflow') === 'visible' &&
        html.style.getPropertyPriority('overflow') === 'important'
      )
        html.style.setProperty('overflow', 'hidden', 'important');
    },
  };
}

function printDate(iso: string | null): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}
