/**
 * One page of a batch → its JSON line `{file, url, ok, article | error}`. Runs in a worker (or on
 * the main thread with `--jobs 1`); never throws: whatever goes wrong is that page's `error`.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { SiteRule } from '../rules/schema.js';
import { readPage } from './read-page.js';
import { pageUrl } from './page-url.js';
import { describeReadError } from './read-error.js';
import { renderArticle, type Format } from './render.js';

export interface BatchTask {
  index: number;
  /** As the user named it (a path relative to the working directory, or absolute). */
  file: string;
  /** Absolute path. */
  path: string;
  /** From --url or --url-map; otherwise the sidecar, the canonical link or the file URL. */
  url: string | null;
}

export interface BatchResult {
  index: number;
  ok: boolean;
  /** The JSON line, without its newline. */
  line: string;
}

export interface BatchSettings {
  rules: readonly SiteRule[];
  format: Format;
}

/**
 * `<name>.url` next to `<name>.html`: the address on its first line, or in the `URL=` line of a
 * Windows Internet Shortcut (what browsers on Windows save next to a page).
 */
async function sidecarUrl(path: string): Promise<{ url: string } | { error: string } | null> {
  const sidecar = `${path.replace(/\.[^./\\]*$/, '')}.url`;
  let text: string;
  try {
    text = await readFile(sidecar, 'utf8');
  } catch {
    return null;
  }
  const shortcut = /^URL=(.+)$/m.exec(text)?.[1];
  const line = shortcut ?? text.split(/\r?\n/).find((l) => l.trim()) ?? '';
  const url = pageUrl(line);
  return url
    ? { url }
    : { error: `${sidecar}: "${line.trim()}" is not an http, https or file URL` };
}

export async function processTask(task: BatchTask, settings: BatchSettings): Promise<BatchResult> {
  // Key order as documented: file, url, ok, then article or error.
  const done = (
    ok: boolean,
    url: string | null,
    rest: { article: unknown } | { error: string },
  ): BatchResult => ({
    index: task.index,
    ok,
    line: JSON.stringify({ file: task.file, url, ok, ...rest }),
  });
  try {
    let html: Uint8Array;
    try {
      html = await readFile(task.path);
    } catch (e) {
      return done(false, task.url, { error: `cannot read ${task.file}: ${describeReadError(e)}` });
    }
    let url = task.url;
    if (url === null) {
      const sidecar = await sidecarUrl(task.path);
      if (sidecar && 'error' in sidecar) return done(false, null, { error: sidecar.error });
      url = sidecar?.url ?? null;
    }
    const read = readPage(html, {
      url: url ?? pathToFileURL(task.path).href,
      rules: settings.rules,
      canonical: url === null,
    });
    if (!read.article) return done(false, read.url, { error: 'no article found' });
    const article =
      settings.format === 'json' ? read.article : renderArticle(read.article, settings.format);
    return done(true, read.url, { article });
  } catch (e) {
    return done(false, task.url, { error: `internal error: ${(e as Error)?.stack ?? String(e)}` });
  }
}
