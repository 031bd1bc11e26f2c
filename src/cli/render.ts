/** An Article as the CLI prints it: json (the whole Article), html (a standalone page), markdown, text. */
import { JSDOM } from 'jsdom';
import { listBlocks } from '../core/blocks.js';
import { normalizeText } from '../core/text.js';
import type { Article } from '../core/types.js';
import { toMarkdown } from './to-markdown.js';
import { toText } from './to-text.js';

export const FORMATS = ['json', 'html', 'markdown', 'text'] as const;
export type Format = (typeof FORMATS)[number];

function contentRoot(article: Article): { doc: Document; body: HTMLElement } {
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>');
  const doc = dom.window.document;
  doc.body.append(JSDOM.fragment(article.contentHtml));
  // The title is printed above the content: drop a leading heading that repeats it.
  const first = listBlocks(doc.body)[0];
  if (first && /^H[1-3]$/.test(first.el.tagName) && first.text === normalizeText(article.title)) {
    first.el.remove();
  }
  return { doc, body: doc.body };
}

function metaLine(article: Article): string {
  return [article.byline, article.siteName, article.publishedTime?.slice(0, 10)]
    .filter(Boolean)
    .join(' · ');
}

/** The printed form; json is pretty-printed and every form ends with a newline. */
export function renderArticle(article: Article, format: Format): string {
  if (format === 'json') return `${JSON.stringify(article, null, 2)}\n`;
  const { doc, body } = contentRoot(article);
  const meta = metaLine(article);
  if (format === 'text') {
    return `${article.title}\n${meta ? `${meta}\n` : ''}\n${toText(body)}`;
  }
  if (format === 'markdown') {
    const head = `# ${article.title.replace(/([\\`*_[\]<])/g, '\\$1')}\n\n${meta ? `*${meta}*\n\n` : ''}`;
    return head + toMarkdown(body);
  }
  // html: a standalone page, built with DOM APIs (text stays text).
  for (const m of body.querySelectorAll('[data-cr-removed]')) m.remove();
  doc.documentElement.lang = article.lang ?? '';
  if (!article.lang) doc.documentElement.removeAttribute('lang');
  if (article.dir) doc.documentElement.dir = article.dir;
  const charset = doc.createElement('meta');
  charset.setAttribute('charset', 'utf-8');
  const title = doc.createElement('title');
  title.textContent = article.title;
  doc.head.append(charset, title);
  const wrapper = doc.createElement('article');
  const h1 = doc.createElement('h1');
  h1.textContent = article.title;
  wrapper.append(h1);
  if (meta) {
    const p = doc.createElement('p');
    p.className = 'byline';
    p.textContent = meta;
    wrapper.append(p);
  }
  wrapper.append(...body.childNodes);
  body.append(wrapper);
  return `<!doctype html>\n${doc.documentElement.outerHTML}\n`;
}
