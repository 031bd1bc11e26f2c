import { Readability } from '@mozilla/readability';
import { BUILTIN_RULES } from '../rules/builtin/index.js';
import { compileSiteRules, findArticleRoot, findByline } from './apply-rules.js';
import { descendants } from './descendants.js';
import { rescueHead } from './head-rescue.js';
import { RemovalLog, type PageSignals } from './context.js';
import { parseDate } from './dates.js';
import { POST_DETECTORS, PRE_DETECTORS } from './registry.js';
import { buildOutline } from './outline.js';
import { sanitizeContent } from './sanitize.js';
import { normalizeText, countScripts, linkDensity } from './text.js';
import { cleanTitle, dropTitleHeading, gatherTitleSources } from './title.js';
import type { Article, ExtractOptions, Removal } from './types.js';

/**
 * The one entry of the core: page DOM in, clean Article out (null when there is no article).
 * Never mutates `doc`: it works on a clone.
 *
 * clone → pre detectors → Readability → post detectors → title, byline, date → outline →
 * sanitize. `<br><br>` bodies need no step of their own: Readability turns them into `<p>`s.
 */
export function extractArticle(doc: Document, options: ExtractOptions): Article | null {
  const url = new URL(options.url);
  const work = doc.cloneNode(true) as Document;
  const body = work.body;
  if (!body) return null;
  const log = new RemovalLog();
  const signals: PageSignals = { farm: false, tagText: '', date: null };

  unwrapLegacyInline(body);
  const rules = compileSiteRules(options.rules ?? BUILTIN_RULES, url);
  const ruleByline = findByline(doc, rules.bylineSelectors);
  const pre = log.context('pre', work, body, url, signals);
  for (const d of rules.preDetectors) d.run(pre);
  for (const d of PRE_DETECTORS) d.run(pre);
  // A rule's article container: Readability then only sees that element.
  const root = findArticleRoot(body, rules.articleSelectors);
  if (root) body.replaceChildren(root);

  const parsed = new Readability<Element>(work, {
    serializer: (n) => n as Element,
    classesToPreserve: ['caption'],
  }).parse();
  if (!parsed?.content) return null;
  const content = parsed.content;

  const post = log.context('post', work, content, url, signals);
  for (const d of rules.postDetectors) d.run(post);
  for (const d of POST_DETECTORS) d.run(post);
  rescueHead(doc, content);

  const farm = signals.farm || log.removed.some((r) => r.kind === 'flash-news');
  const siteName = normalizeText(parsed.siteName ?? '') || null;
  const title = cleanTitle(parsed.title ?? '', {
    farm,
    tagText: signals.tagText,
    siteName,
    host: url.hostname,
    sources: gatherTitleSources(doc, content),
    patterns: rules.titlePatterns,
  });
  for (const piece of title.removed)
    post.note('title-decoration', 'detector:title', piece.text, piece.reasons);

  dropTitleHeading(content, title);
  const outline = buildOutline(content, title.title);
  // Stage marks for the open benchmark (scripts/lib/browser/open-bench.ts); ~1 µs each.
  globalThis.performance?.mark?.('crypto-reader:sanitize');
  const { html, text } = sanitizeContent(doc, content, url, log);
  globalThis.performance?.mark?.('crypto-reader:sanitized');
  if (!isArticle(content, text)) return null;
  return {
    title: title.title,
    // Credit lines first: they left the content, so the byline is where the reader sees them.
    byline: log.bylineParts.length
      ? log.bylineParts.join(' · ')
      : (ruleByline ?? (normalizeText(parsed.byline ?? '') || null)),
    siteName,
    publishedTime: publishedTime(parsed.publishedTime, signals.date ?? timeElementDate(doc)),
    // Readability may have removed `<html>` from the clone (a class like `header-spacing`).
    lang: parsed.lang || doc.documentElement?.getAttribute('lang') || null,
    dir: parsed.dir ?? null,
    excerpt: excerptOf(normalizeText(parsed.excerpt ?? ''), content, log.removed),
    contentHtml: html,
    textContent: text,
    outline,
    removed: log.removed,
    readingMinutes: readingMinutes(text),
  };
}

/**
 * Readability returns its best guess even on a page with no essay: a nav bar, a price table, a
 * sign-in form. No article: a short text that is mostly not prose (tables, headings, links,
 * form labels) with no media, or one that is mostly links. A one-line post ("Test") is still an
 * article: Readability's own test pages have some.
 */
const SHORT_ARTICLE_CHARS = 200;
const MIN_PROSE_CHARS = 20;
const NOT_PROSE = 'table, h1, h2, h3, h4, h5, h6, a, button, label, select, legend';
function isArticle(content: Element, text: string): boolean {
  const length = normalizeText(text).length;
  if (length >= SHORT_ARTICLE_CHARS) return true;
  let notProse = 0;
  for (const el of content.querySelectorAll(NOT_PROSE)) {
    if (!el.parentElement?.closest(NOT_PROSE))
      notProse += normalizeText(el.textContent ?? '').length;
  }
  const prose = length - notProse;
  if (length === 0 || (prose < MIN_PROSE_CHARS && notProse > 0)) {
    return !!content.querySelector('img, picture, video, svg');
  }
  return linkDensity(content) < 0.5;
}

/**
 * Readability's excerpt is the page's description or the first paragraph it kept, which on a
 * farm page is a credit line or an injected run: then the first paragraph left is the excerpt.
 */
function excerptOf(excerpt: string, content: Element, removed: readonly Removal[]): string | null {
  if (excerpt && !removed.some((r) => r.text === excerpt)) return excerpt;
  for (const p of content.querySelectorAll('p')) {
    const text = normalizeText(p.textContent ?? '');
    if (text) return text;
  }
  return excerpt || null;
}

/**
 * Readability turns `<br><br>` bodies into paragraphs, but only carries "phrasing" elements
 * across; `<font>`, `<u>`, `<s>`, `<strike>`, `<big>` and `<tt>` are not on its list, so an old
 * farm body `…每一<font>個區塊</font>…` is cut mid-sentence. Next to a `<br>` they become spans.
 */
const LEGACY_INLINE = new Set(['font', 'u', 's', 'strike', 'big', 'tt']);

function hasBrChild(el: Element): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling)
    if (c.localName === 'br') return true;
  return false;
}

function unwrapLegacyInline(body: Element): void {
  // A walk by tag name (`descendants.ts`), not a selector list matched against every element.
  for (const el of descendants(body)) {
    if (!LEGACY_INLINE.has(el.localName)) continue;
    const parent = el.parentElement;
    if (!parent || !hasBrChild(parent)) continue;
    const span = el.ownerDocument.createElement('span');
    span.append(...el.childNodes);
    el.replaceWith(span);
  }
}

/**
 * A page with no date in its meta tags often marks it up as `<time datetime>` next to the byline:
 * the first one in the `<article>` (or `<main>`), else the first of the page.
 */
function timeElementDate(doc: Document): string | null {
  // By tag name, not `article time[datetime], main time[datetime]`: in jsdom the descendant
  // selector was tested against every element of the page.
  let first: Element | null = null;
  let inArticle: Element | null = null;
  for (const t of doc.getElementsByTagName('time')) {
    if (!t.hasAttribute('datetime')) continue;
    first ??= t;
    if (t.parentElement?.closest('article, main')) {
      inArticle = t;
      break;
    }
  }
  const el = inArticle ?? first;
  const value = el?.getAttribute('datetime');
  return value ? parseDate(value).iso : null;
}

function publishedTime(
  fromMeta: string | null | undefined,
  fromPage: string | null,
): string | null {
  if (fromMeta) {
    const parsed = parseDate(fromMeta);
    if (parsed.iso || parsed.placeholder) return parsed.iso;
  }
  return fromPage;
}

/** CJK characters at ~400 a minute and Latin words at ~230 a minute, counted apart. */
export function readingMinutes(text: string): number {
  const { cjk, words } = countScripts(text);
  const minutes = cjk / 400 + words / 230;
  return Math.max(1, Math.round(minutes));
}
