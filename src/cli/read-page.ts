/** One saved page → its Article, on jsdom, with the page's canonical link as its URL if asked. */
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle } from '../core/extract-article.js';
import type { Article } from '../core/types.js';
import type { SiteRule } from '../rules/schema.js';

/** An absolute http(s) `<link rel=canonical>` address; a relative one has nothing to resolve against. */
function canonicalUrl(doc: Document): string | null {
  for (const link of doc.querySelectorAll('link[rel][href]')) {
    const rel = link.getAttribute('rel')!.toLowerCase().split(/\s+/);
    if (!rel.includes('canonical')) continue;
    try {
      const url = new URL(link.getAttribute('href')!.trim());
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    } catch {
      // Not absolute: try the next one.
    }
  }
  return null;
}

export interface ReadPageOptions {
  url: string;
  rules: readonly SiteRule[];
  /** Use the page's canonical link, when it has one, instead of `url`. */
  canonical?: boolean;
}

export function readPage(
  html: Uint8Array,
  options: ReadPageOptions,
): { url: string; article: Article | null } {
  // The page's console and jsdom's complaints ("Could not parse CSS stylesheet") are not the
  // reader's business, and would break the batch progress line.
  const dom = new JSDOM(html, {
    url: options.url,
    contentType: 'text/html',
    virtualConsole: new VirtualConsole(),
  });
  let url = options.url;
  if (options.canonical) {
    const canonical = canonicalUrl(dom.window.document);
    if (canonical) {
      // Links, images and rule matching all follow the document's URL.
      dom.reconfigure({ url: canonical });
      url = canonical;
    }
  }
  try {
    return { url, article: extractArticle(dom.window.document, { url, rules: options.rules }) };
  } finally {
    dom.window.close();
  }
}
