/**
 * "Save as HTML": the article as one standalone file: clean title, byline, date, a link to the
 * source page and the sanitized content. Built with DOM APIs in a fresh document and serialized
 * (text stays text; the only parse is DOMPurify's, in `core/sanitize.ts`). Removal markers are
 * dropped, every link and image points at an absolute URL (the file is opened from disk), and a
 * Content-Security-Policy keeps the file inert: no script runs, nothing but images loads.
 */
import { parseSanitizedHtml } from '../../core/sanitize.js';
import type { Article } from '../../core/types.js';

export interface StandaloneHtmlOptions {
  /** A document with a window (the reader's): DOMPurify runs in it. */
  doc: Document;
  /** The page the article came from. */
  url: string;
  /** Localized label before the source link (`reader_exportSource`). */
  sourceLabel?: string;
}

const CSP = "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'";

const STYLE = `
body { max-width: 40em; margin: 2em auto; padding: 0 1em; font: 18px/1.75 Georgia, "Noto Serif CJK SC", "Noto Serif CJK TC", serif; color: #222; background: #fff; }
h1 { line-height: 1.3; }
.byline, .source { color: #666; font-size: 0.9em; margin: 0.3em 0; }
.source a { word-break: break-all; }
img, video { max-width: 100%; height: auto; }
pre { white-space: pre-wrap; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: 0.3em 0.5em; }
@media (prefers-color-scheme: dark) { body { color: #ddd; background: #1b1b1b; } a { color: #8ab4f8; } }
`.trim();

const URL_ATTRS: readonly [selector: string, attr: string][] = [
  ['a[href]', 'href'],
  ['img[src]', 'src'],
  ['video[src], audio[src], source[src]', 'src'],
  ['video[poster]', 'poster'],
];

function absolute(value: string, base: URL): string | null {
  try {
    return new URL(value.trim(), base).href;
  } catch {
    return null;
  }
}

/** Makes every link and image URL absolute against the page URL (a bad one is dropped). */
export function absolutizeUrls(root: ParentNode, base: URL): void {
  for (const [selector, attr] of URL_ATTRS) {
    for (const el of root.querySelectorAll(selector)) {
      const value = el.getAttribute(attr) ?? '';
      // In-page anchors stay: the outline's headings keep their ids.
      if (attr === 'href' && value.startsWith('#')) continue;
      const abs = absolute(value, base);
      if (abs) el.setAttribute(attr, abs);
      else el.removeAttribute(attr);
    }
  }
  for (const el of root.querySelectorAll('img[srcset], source[srcset]')) {
    const set = (el.getAttribute('srcset') ?? '')
      .split(',')
      .map((c) => c.trim().split(/\s+/))
      .flatMap(([u, d]) => {
        const abs = u ? absolute(u, base) : null;
        return abs ? [d ? `${abs} ${d}` : abs] : [];
      });
    if (set.length) el.setAttribute('srcset', set.join(', '));
    else el.removeAttribute('srcset');
  }
}

function metaLine(article: Article): string {
  return [article.byline, article.siteName, article.publishedTime?.slice(0, 10)]
    .filter(Boolean)
    .join(' · ');
}

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The standalone HTML file's text, `<!doctype html>` first. */
export function standaloneHtml(article: Article, opts: StandaloneHtmlOptions): string {
  const base = new URL(opts.url);
  const out = opts.doc.implementation.createHTMLDocument('');
  const html = out.documentElement;
  if (article.lang) html.lang = article.lang;
  if (article.dir) html.dir = article.dir;
  const meta = (attrs: Record<string, string>) => {
    const m = out.createElement('meta');
    for (const [k, v] of Object.entries(attrs)) m.setAttribute(k, v);
    return m;
  };
  const title = out.createElement('title');
  title.textContent = article.title;
  const style = out.createElement('style');
  style.textContent = STYLE;
  const canonical = out.createElement('link');
  canonical.rel = 'canonical';
  canonical.href = base.href;
  out.head.replaceChildren(
    meta({ charset: 'utf-8' }),
    meta({ 'http-equiv': 'Content-Security-Policy', content: CSP }),
    meta({ name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    meta({ name: 'generator', content: 'Crypto Reader' }),
    title,
    canonical,
    style,
  );

  const wrapper = out.createElement('article');
  const h1 = out.createElement('h1');
  h1.textContent = article.title;
  wrapper.append(h1);
  const line = metaLine(article);
  if (line) {
    const p = out.createElement('p');
    p.className = 'byline';
    p.textContent = line;
    wrapper.append(p);
  }
  const source = out.createElement('p');
  source.className = 'source';
  const link = out.createElement('a');
  link.href = base.href;
  link.textContent = base.href;
  source.append(`${opts.sourceLabel ?? 'Source'}: `, link);
  wrapper.append(source);

  const content = out.importNode(parseSanitizedHtml(article.contentHtml, opts.doc), true);
  for (const m of content.querySelectorAll('[data-cr-removed]')) m.remove();
  // The title is above the content: a leading heading that repeats it goes.
  const first = content.firstElementChild;
  if (
    first &&
    /^H[1-3]$/.test(first.tagName) &&
    squash(first.textContent) === squash(article.title)
  )
    first.remove();
  absolutizeUrls(content, base);
  wrapper.append(content);
  out.body.replaceChildren(wrapper);
  return `<!doctype html>\n${html.outerHTML}\n`;
}
