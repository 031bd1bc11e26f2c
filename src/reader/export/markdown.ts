/**
 * "Copy as Markdown" / "Save as Markdown": the same converter as the CLI's `--format markdown`
 * (`cli/to-markdown.ts`, `toMarkdown(root: Node)`), over the article's sanitized content, under
 * the same head the CLI prints (`# title`, an italic meta line) plus a link to the source page.
 */
import { toMarkdown } from '../../cli/to-markdown.js';
import { parseSanitizedHtml } from '../../core/sanitize.js';
import type { Article } from '../../core/types.js';

export interface MarkdownOptions {
  /** A document with a window (the reader's): DOMPurify parses the content in it. */
  doc: Document;
  /** The page the article came from. */
  url: string;
  /** Localized label before the source link (`reader_exportSource`). */
  sourceLabel?: string;
}

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** As the CLI escapes the title (`render` in `cli/main.ts`). */
const escapeInline = (s: string) => s.replace(/([\\`*_[\]<])/g, '\\$1');

/** The article as Markdown, ending with one newline. */
export function articleMarkdown(article: Article, opts: MarkdownOptions): string {
  const base = new URL(opts.url);
  const body = opts.doc.createElement('div');
  body.append(parseSanitizedHtml(article.contentHtml, opts.doc));
  const first = body.firstElementChild;
  if (
    first &&
    /^H[1-3]$/.test(first.tagName) &&
    squash(first.textContent) === squash(article.title)
  )
    first.remove();
  const meta = [article.byline, article.siteName, article.publishedTime?.slice(0, 10)]
    .filter(Boolean)
    .join(' · ');
  // `<…>` autolink: the URL is percent-encoded by URL, so it holds no space or `>`.
  const source = `${escapeInline(opts.sourceLabel ?? 'Source')}: <${base.href}>`;
  const head = `# ${escapeInline(article.title)}\n\n${meta ? `*${escapeInline(meta)}*\n\n` : ''}${source}\n\n`;
  return head + toMarkdown(body);
}
