import { Readability } from '@mozilla/readability';
import { splitBrParagraphs } from './blocks.js';
import { RemovalLog, type PageSignals } from './context.js';
import { parseDate } from './dates.js';
import { DETECTORS } from './detectors/index.js';
import { buildOutline } from './outline.js';
import { sanitizeContent } from './sanitize.js';
import { normalizeText, countCjk, countWords, linkDensity } from './text.js';
import { cleanTitle } from './title.js';
import type { Article, ExtractOptions } from './types.js';

/**
 * The one entry of the core: page DOM in, clean Article out (null when there is no article).
 * Never mutates `doc`: it works on a clone.
 *
 * clone → split `<br><br>` bodies → pre detectors → Readability → post detectors → title,
 * byline, date → outline → sanitize.
 */
export function extractArticle(doc: Document, options: ExtractOptions): Article | null {
  const url = new URL(options.url);
  const work = doc.cloneNode(true) as Document;
  const body = work.body;
  if (!body) return null;
  const log = new RemovalLog();
  const signals: PageSignals = { farm: false, tagText: '', date: null };
  splitBrParagraphs(body);

  const pre = log.context('pre', work, body, url, signals);
  for (const d of DETECTORS) if (d.phase === 'pre') d.run(pre);

  const parsed = new Readability<Element>(work, {
    serializer: (n) => n as Element,
    classesToPreserve: ['caption'],
  }).parse();
  if (!parsed?.content) return null;
  const content = parsed.content;

  const post = log.context('post', work, content, url, signals);
  for (const d of DETECTORS) if (d.phase === 'post') d.run(post);

  const farm = signals.farm || log.removed.some((r) => r.kind === 'flash-news');
  const siteName = normalizeText(parsed.siteName ?? '') || null;
  const title = cleanTitle(parsed.title ?? '', { farm, tagText: signals.tagText, siteName });
  for (const piece of title.removed) post.note('title-decoration', 'detector:title', piece);

  const outline = buildOutline(content, title.title);
  const { html, text } = sanitizeContent(doc, content, url, log);
  if (!isArticle(content, text)) return null;
  return {
    title: title.title,
    byline: log.bylineParts.length ? log.bylineParts.join(' · ') : normalizeText(parsed.byline ?? '') || null,
    siteName,
    publishedTime: publishedTime(parsed.publishedTime, signals.date),
    lang: parsed.lang || work.documentElement.getAttribute('lang') || null,
    dir: parsed.dir ?? null,
    excerpt: normalizeText(parsed.excerpt ?? '') || null,
    contentHtml: html,
    textContent: text,
    outline,
    removed: log.removed,
    readingMinutes: readingMinutes(text),
  };
}

/**
 * Readability returns its best guess even on a page with no essay (a nav bar, a login form).
 * Below ~80 characters of text, or a short block that is mostly links, there is no article.
 */
const MIN_ARTICLE_CHARS = 80;
const SHORT_ARTICLE_CHARS = 500;
function isArticle(content: Element, text: string): boolean {
  const length = normalizeText(text).length;
  if (length < MIN_ARTICLE_CHARS) return false;
  return length >= SHORT_ARTICLE_CHARS || linkDensity(content) < 0.5;
}

function publishedTime(fromMeta: string | null | undefined, fromPage: string | null): string | null {
  if (fromMeta) {
    const parsed = parseDate(fromMeta);
    if (parsed.iso || parsed.placeholder) return parsed.iso;
  }
  return fromPage;
}

/** CJK characters at ~400 a minute and Latin words at ~230 a minute, counted apart. */
export function readingMinutes(text: string): number {
  const minutes = countCjk(text) / 400 + countWords(text) / 230;
  return Math.max(1, Math.round(minutes));
}
