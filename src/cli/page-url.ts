/** Page addresses: the URL check every flag and sidecar shares, and `--url-map`. */
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { describeReadError } from './read-error.js';

/** An absolute http, https or file URL (normalized), or null. */
export function pageUrl(text: string): string | null {
  try {
    const url = new URL(text.trim());
    return ['http:', 'https:', 'file:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/** `--url-map urls.json`: `{"<file>": "<url>"}`, a file named by its path (relative to the map) or its name. */
export async function loadUrlMap(
  path: string,
  cwd: string,
): Promise<{ lookup: (path: string) => string | null } | { error: string }> {
  const full = resolve(cwd, path);
  let data: unknown;
  try {
    data = JSON.parse(await readFile(full, 'utf8'));
  } catch (e) {
    const why = e instanceof SyntaxError ? e.message : describeReadError(e);
    return { error: `cannot read --url-map ${path}: ${why}` };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return { error: `--url-map ${path}: expected an object {"page.html": "https://…"}` };
  }
  const byPath = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const [key, value] of Object.entries(data)) {
    const url = typeof value === 'string' ? pageUrl(value) : null;
    if (!url) return { error: `--url-map ${path}: "${key}" is not an http, https or file URL` };
    byPath.set(resolve(dirname(full), key), url);
    if (!byName.has(basename(key))) byName.set(basename(key), url);
  }
  return {
    lookup: (page) => byPath.get(page) ?? byName.get(basename(page)) ?? null,
  };
}
