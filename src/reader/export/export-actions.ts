/**
 * The reader's export menu (`data-testid="reader-export"`): Copy as Markdown, Save as Markdown,
 * Save as HTML. Loaded on first use (`import('./export/index.js')`), so turndown and the HTML
 * builder are not in the file injected at open. Saving is a Blob behind an object URL and an
 * `<a download>`: no `downloads` permission, and it works the same in Chrome and Firefox.
 */
import type { Article } from '../../core/types.js';
import type { ReaderTranslate } from '../reader-strings.js';
import { exportFileName } from './file-name.js';
import { articleMarkdown } from './markdown.js';
import { standaloneHtml } from './standalone-html.js';

export interface ExportContext {
  /** The reader's document (its window supplies Blob, URL, clipboard). */
  doc: Document;
  article: Article;
  /** The page URL. */
  url: string;
  t: ReaderTranslate;
}

/**
 * Firefox revokes-before-fetch cancels the download: keep the object URL alive a while after
 * the click (a Blob of an article is small).
 */
const REVOKE_AFTER_MS = 60_000;

/** Offers `text` as a file download named `fileName`. */
export function downloadText(doc: Document, text: string, fileName: string, mime: string): void {
  const win = doc.defaultView;
  if (!win) throw new Error('download: the document has no window');
  const blob = new win.Blob([text], { type: `${mime};charset=utf-8` });
  const href = win.URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = href;
  a.download = fileName;
  a.hidden = true;
  (doc.body ?? doc.documentElement).append(a);
  try {
    a.click();
  } finally {
    a.remove();
    win.setTimeout(() => win.URL.revokeObjectURL(href), REVOKE_AFTER_MS);
  }
}

/**
 * Puts `text` on the clipboard. The async Clipboard API first; where it is refused (an iframe
 * without `allow="clipboard-write"`, an older Firefox) a `copy` command run from the user's
 * click. Rejects with an Error when both fail.
 */
export async function copyText(doc: Document, text: string): Promise<void> {
  const clipboard = doc.defaultView?.navigator.clipboard;
  if (clipboard?.writeText) {
    try {
      await clipboard.writeText(text);
      return;
    } catch {
      // Fall through to the copy command.
    }
  }
  let written = false;
  const onCopy = (e: ClipboardEvent) => {
    if (!e.clipboardData) return;
    e.clipboardData.setData('text/plain', text);
    e.preventDefault();
    written = true;
  };
  doc.addEventListener('copy', onCopy, true);
  try {
    // execCommand is deprecated but is the only synchronous path left when the API is refused.
    doc.execCommand?.('copy');
  } finally {
    doc.removeEventListener('copy', onCopy, true);
  }
  if (!written) throw new Error('the clipboard is not available here');
}

const markdownOf = (c: ExportContext) =>
  articleMarkdown(c.article, { doc: c.doc, url: c.url, sourceLabel: c.t('reader_exportSource') });

export async function copyAsMarkdown(c: ExportContext): Promise<void> {
  await copyText(c.doc, markdownOf(c));
}

export function saveAsMarkdown(c: ExportContext): void {
  downloadText(c.doc, markdownOf(c), exportFileName(c.article.title, 'md'), 'text/markdown');
}

export function saveAsHtml(c: ExportContext): void {
  const html = standaloneHtml(c.article, {
    doc: c.doc,
    url: c.url,
    sourceLabel: c.t('reader_exportSource'),
  });
  downloadText(c.doc, html, exportFileName(c.article.title, 'html'), 'text/html');
}

export type ExportAction = 'copy-markdown' | 'save-markdown' | 'save-html';

/**
 * Runs one menu entry and returns the status line to show (`reader_exportCopied`, or
 * `reader_exportFailed` with the error): an export never fails silently.
 */
export async function runExport(action: ExportAction, c: ExportContext): Promise<string | null> {
  try {
    if (action === 'copy-markdown') {
      await copyAsMarkdown(c);
      return c.t('reader_exportCopied');
    }
    if (action === 'save-markdown') saveAsMarkdown(c);
    else saveAsHtml(c);
    return null;
  } catch (e) {
    return c.t('reader_exportFailed', [e instanceof Error ? e.message : String(e)]);
  }
}
