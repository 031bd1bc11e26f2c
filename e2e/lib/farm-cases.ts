import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { e2ePagesDir, fixturePagesDir } from './server.js';

/** What a farm page must look like in the reader, from its fixture's `expect`. */
export interface FarmCase {
  name: string;
  /** Path on the fixture server. */
  path: string;
  title: string;
  outline: string[];
  /** Texts that must not appear in the reader's content. */
  remove: string[];
  /** Texts that must appear in the reader's content. */
  keep: string[];
  /** Expected number of removals per kind, where the fixture gives it. */
  removedCount: Record<string, number>;
}

interface FixtureJson {
  expect?: {
    title?: string;
    outline?: Array<string | { text?: string }>;
    remove?: Array<string | { text?: string }>;
    keep?: string[];
    removedCount?: Record<string, number>;
  };
}

function toCase(name: string, pagePath: string, json: FixtureJson): FarmCase | null {
  const e = json.expect;
  if (!e || typeof e.title !== 'string' || !Array.isArray(e.remove) || e.remove.length === 0)
    return null;
  const text = (x: string | { text?: string }): string =>
    typeof x === 'string' ? x : (x.text ?? '');
  return {
    name,
    path: pagePath,
    title: e.title,
    outline: (e.outline ?? []).map(text),
    remove: e.remove.map(text).filter(Boolean),
    keep: Array.isArray(e.keep) ? e.keep : [],
    removedCount: e.removedCount ?? {},
  };
}

/**
 * The farm pages to open in the browser: every `src/core/test-pages/farm-*` fixture with
 * expectations (written by the core's fixture suite), plus the e2e sample page.
 */
export function farmCases(): FarmCase[] {
  const cases: FarmCase[] = [];
  if (existsSync(fixturePagesDir)) {
    for (const slug of readdirSync(fixturePagesDir).sort()) {
      if (!slug.startsWith('farm-')) continue;
      const dir = path.join(fixturePagesDir, slug);
      const jsonFile = path.join(dir, 'fixture.json');
      if (!existsSync(jsonFile) || !existsSync(path.join(dir, 'source.html'))) continue;
      const c = toCase(
        slug,
        `/fixtures/${slug}/source.html`,
        JSON.parse(readFileSync(jsonFile, 'utf8')) as FixtureJson,
      );
      if (c) cases.push(c);
    }
  }
  const sample = path.join(e2ePagesDir, 'sample-farm.expect.json');
  const c = toCase(
    'e2e-sample-farm',
    '/pages/sample-farm.html',
    JSON.parse(readFileSync(sample, 'utf8')) as FixtureJson,
  );
  if (c) cases.push(c);
  return cases;
}

/**
 * Text without any whitespace: the reader may lay out inline runs differently from the source
 * (a space after a colon, a line break between inline elements), which must not decide a check.
 */
export function squash(s: string): string {
  return s.replace(/\s+/g, '');
}
