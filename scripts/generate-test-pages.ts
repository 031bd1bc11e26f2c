/**
 * Test-page generator (Readability-style): runs exactly the code the fixture suite runs
 * (`src/core/test-pages.test.ts` imports the helpers below) and writes, for every folder in
 * `src/core/test-pages/` (or the one slug given as an argument):
 *
 *   expected.html           the normalized `contentHtml`
 *   expected-metadata.json  title, byline, dates, excerpt and every removal (kind, rule, text)
 *   expected-outline.json   the outline
 *
 * These files guard against unnoticed changes; `fixture.json` holds the hand-written
 * expectations that come from the page design. Regenerate after a deliberate change and read the
 * diff before committing it.
 *
 *   npm run generate:test-pages            # every page
 *   npm run generate:test-pages -- <slug>  # one page
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { extractArticle } from '../src/core/extract-article.js';
import type { Article, OutlineEntry, RemovalKind } from '../src/core/types.js';

export const TEST_PAGES_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../src/core/test-pages',
);

/** Every `RemovalKind`, at run time (the assertion below fails to compile if one is missing). */
export const REMOVAL_KINDS = [
  'flash-news',
  'title-decoration',
  'placeholder-meta',
  'credit-line',
  'nav-spam',
  'ad-slot',
  'tags',
  'outlet-roll-call',
  'download-cta',
  'related-list',
  'prev-next',
  'share-widget',
  'disclaimer',
  'related-link',
  'newsletter',
  'price-ticker',
  'pagination',
  'rule',
] as const satisfies readonly RemovalKind[];
type MissingKind = Exclude<RemovalKind, (typeof REMOVAL_KINDS)[number]>;
const allKindsListed: [MissingKind] extends [never] ? true : never = true;
void allKindsListed;

/** `fixture.json`: hand-written expectations, from the page design (not from running the code). */
/** The checks of one test page, by name, as `knownGaps` names them. */
export type PageCheck =
  | 'title'
  | 'byline'
  | 'publishedTime'
  | 'outline'
  | 'keep'
  | 'remove'
  | 'absent'
  | 'removedCount'
  | 'noRemovals';

export interface PageFixture {
  url: string;
  description: string;
  /**
   * Checks this page is known to fail, each with the reason (red-team pages the core does not
   * pass yet). They run as expected failures: when one starts to pass, the suite says so and the
   * entry must go.
   */
  knownGaps?: Partial<Record<PageCheck, string>>;
  expect: {
    title: string;
    byline: string | null;
    publishedTime: string | null;
    /** Outline texts, exactly and in order. */
    outline: string[];
    /** Substrings of every essay paragraph and caption: each must be in `textContent`. */
    keep: string[];
    /** Injected or junk blocks: absent from `textContent`, present in `removed` with this kind. */
    remove: { text: string; kind: RemovalKind }[];
    /** Page chrome outside the article (Readability may drop it silently): absent from `textContent`. */
    absent?: string[];
    /** Exact number of removals per kind (0 allowed: "none of this kind"). */
    removedCount?: Partial<Record<RemovalKind, number>>;
    /** Nothing is removed. Credit lines moved to the byline (`credit-line`) are moves, not removals. */
    noRemovals?: boolean;
    /** Hostile pages: lazy images that must end up with this absolute `src`, and URLs that must be absolute. */
    security?: { lazyImages?: string[]; absoluteUrls?: string[] };
  };
}

export interface TestPage {
  slug: string;
  dir: string;
  source: string;
  fixture: PageFixture;
}

export interface TestPageRun {
  /** The parsed source document (after extraction). */
  doc: Document;
  article: Article | null;
  /** `doc` serialized before and after `extractArticle`: they must be equal. */
  before: string;
  after: string;
  /** Whether the page's own scripts ran in the parsing window (they must not). */
  pwned: boolean;
}

export function listTestPages(): string[] {
  if (!existsSync(TEST_PAGES_DIR)) return [];
  return readdirSync(TEST_PAGES_DIR)
    .filter((name) => statSync(join(TEST_PAGES_DIR, name)).isDirectory())
    .filter((name) => existsSync(join(TEST_PAGES_DIR, name, 'source.html')))
    .sort();
}

export function loadTestPage(slug: string): TestPage {
  const dir = join(TEST_PAGES_DIR, slug);
  const source = readFileSync(join(dir, 'source.html'), 'utf8');
  const fixture = JSON.parse(readFileSync(join(dir, 'fixture.json'), 'utf8')) as PageFixture;
  return { slug, dir, source, fixture };
}

/** Parses like the CLI does: jsdom at the page URL, page scripts not run. */
export function parseTestPage(source: string, url: string): Document {
  return new JSDOM(source, { url }).window.document;
}

export function runTestPage(page: TestPage): TestPageRun {
  const doc = parseTestPage(page.source, page.fixture.url);
  const before = serialize(doc);
  const article = extractArticle(doc, { url: page.fixture.url });
  const after = serialize(doc);
  const win = doc.defaultView as (Window & { __pwned?: unknown }) | null;
  return { doc, article, before, after, pwned: win?.__pwned !== undefined };
}

function serialize(doc: Document): string {
  return doc.documentElement.outerHTML;
}

const BLOCK =
  'address|article|aside|blockquote|dd|details|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|tbody|td|tfoot|th|thead|tr|ul';

/** Whitespace-insensitive, one block per line: stable to diff, blind to formatting noise. */
export function normalizeHtml(html: string): string {
  return html
    .replace(/\s+/g, ' ')
    .replace(new RegExp(`\\s*(<(?:${BLOCK})\\b[^>]*>)\\s*`, 'gi'), '\n$1')
    .replace(new RegExp(`\\s*(</(?:${BLOCK})>)\\s*`, 'gi'), '$1\n')
    .replace(/\n+/g, '\n')
    .trim()
    .concat('\n');
}

export interface ExpectedMetadata {
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
  dir: string | null;
  excerpt: string | null;
  readingMinutes: number;
  removed: { id: string; kind: RemovalKind; rule: string; text: string }[];
}

export function metadataOf(article: Article): ExpectedMetadata {
  return {
    title: article.title,
    byline: article.byline,
    siteName: article.siteName,
    publishedTime: article.publishedTime,
    lang: article.lang,
    dir: article.dir,
    excerpt: article.excerpt,
    readingMinutes: article.readingMinutes,
    removed: article.removed.map(({ id, kind, rule, text }) => ({ id, kind, rule, text })),
  };
}

export function outlineOf(article: Article): OutlineEntry[] {
  return article.outline.map(({ level, text, id }) => ({ level, text, id }));
}

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Writes the three expected files of one page; returns a one-line summary. */
export function generateTestPage(slug: string): string {
  const page = loadTestPage(slug);
  const { article } = runTestPage(page);
  if (!article) throw new Error(`${slug}: extractArticle returned null`);
  writeFileSync(join(page.dir, 'expected.html'), normalizeHtml(article.contentHtml));
  writeFileSync(join(page.dir, 'expected-metadata.json'), json(metadataOf(article)));
  writeFileSync(join(page.dir, 'expected-outline.json'), json(outlineOf(article)));
  return `${slug}: ${article.removed.length} removed, ${article.outline.length} outline entries`;
}

function main(args: string[]): number {
  const all = listTestPages();
  const slugs = args.length ? args : all;
  let failed = 0;
  for (const slug of slugs) {
    if (!all.includes(slug)) {
      console.error(`no test page "${slug}" in ${TEST_PAGES_DIR}`);
      failed++;
      continue;
    }
    try {
      console.log(generateTestPage(slug));
    } catch (err) {
      console.error(err instanceof Error ? err.message : err);
      failed++;
    }
  }
  return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
