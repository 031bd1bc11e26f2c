import { Readability } from '@mozilla/readability';
import { splitBrParagraphs } from './blocks.js';
import { RemovalLog, type PageSignals } from './context.js';
import { DETECTORS } from './detectors/index.js';
import { sanitizeContent } from './sanitize.js';
import { normalizeText, countCjk, countWords } from './text.js';
import type { Article, ExtractOptions } from './types.js';

/**
 * The one entry of the core: page DOM in, clean Article out (null when there is no article).
 * Never mutates `doc`: it works on a clone.
 */
export function extractArticle(doc: Document, options: ExtractOptions): Article | null {
  const url = new URL(options.url);
  const work = doc.cloneNode(true) as Document;
  const log = new RemovalLog();
  const signals: PageSignals = { farm: false, tagText: '' };
  if (work.body) splitBrParagraphs(work.body);

  const pre = log.context('pre', work, work.body ?? work.documentElement, url, signals);
  for (const d of DETECTORS) if (d.phase === 'pre') d.run(pre);

  const parsed = new Readability<Element>(work, { serializer: (n) => n as Element, classesToPreserve: ['caption'] }).parse();
  if (!parsed?.content) return null;
  const content = parsed.content;

  const post = log.context('post', work, content, url, signals);
  for (const d of DETECTORS) if (d.phase === 'post') d.run(post);

  const { html, text } = sanitizeContent(doc, content, url, log);
  if (!normalizeText(text)) return null;
  return {
    title: normalizeText(parsed.title ?? ''),
    byline: log.bylineParts.length ? log.bylineParts.join(' · ') : parsed.byline?.trim() || null,
    siteName: parsed.siteName?.trim() || null,
    publishedTime: parsed.publishedTime ?? null,
    lang: parsed.lang ?? null,
    dir: parsed.dir ?? null,
    excerpt: parsed.excerpt?.trim() || null,
    contentHtml: html,
    textContent: text,
    outline: [],
    removed: log.removed,
    readingMinutes: readingMinutes(text),
  };
}

/** CJK characters at ~400 a minute and Latin words at ~230 a minute, counted apart. */
export function readingMinutes(text: string): number {
  const minutes = countCjk(text) / 400 + countWords(text) / 230;
  return Math.max(1, Math.round(minutes));
}
