/**
 * The fixture suite (Readability-style): one folder per page in `test-pages/`, one `it` per field.
 * `fixture.json` holds what the page design says (hand-written); the `expected*` files are what
 * the code produced when they were last generated (`npm run generate:test-pages`) and guard
 * against unnoticed changes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  REMOVAL_KINDS,
  listTestPages,
  loadTestPage,
  metadataOf,
  normalizeHtml,
  outlineOf,
  runTestPage,
  type PageCheck,
  type TestPage,
  type TestPageRun,
} from '../../scripts/generate-test-pages.js';
import type { Article } from './types.js';
import { normalizeText } from './text.js';

const slugs = listTestPages();

/** Markup that must never reach the reader, on any page. */
const FORBIDDEN: [string, RegExp][] = [
  ['<script', /<script/i],
  ['<style', /<style/i],
  ['event-handler attribute', /\son\w+\s*=/i],
  ['javascript: URL', /javascript:/i],
  ['<iframe', /<iframe/i],
  ['<object', /<object/i],
  ['<embed', /<embed/i],
  ['<form', /<form/i],
  ['<input', /<input/i],
];

it('has at least 16 test pages', () => {
  expect(slugs.length).toBeGreaterThanOrEqual(16);
});

describe.each(slugs)('%s', (slug) => {
  const page: TestPage = loadTestPage(slug);
  const want = page.fixture.expect;
  const gaps = page.fixture.knownGaps ?? {};
  /** A check the fixture lists as a known gap runs as an expected failure, with its reason. */
  const check = (name: PageCheck, title: string, fn: () => void) =>
    gaps[name] ? it.fails(`${title} [known gap: ${gaps[name]}]`, fn) : it(title, fn);
  let run: TestPageRun;
  let article: Article;
  let text: string;

  beforeAll(() => {
    run = runTestPage(page);
    if (!run.article) throw new Error(`${slug}: extractArticle returned null`);
    article = run.article;
    text = normalizeText(article.textContent);
  });

  it('fixture.json is well-formed', () => {
    expect(page.fixture.url).toMatch(/^https?:\/\//);
    expect(want.keep.length).toBeGreaterThan(0);
    for (const r of want.remove) expect(REMOVAL_KINDS).toContain(r.kind);
    for (const k of Object.keys(want.removedCount ?? {})) expect(REMOVAL_KINDS).toContain(k);
    for (const reason of Object.values(page.fixture.knownGaps ?? {}))
      expect(reason).toMatch(/\w{3}/);
    // Every expectation is about text that is really on the page.
    const sourceText = normalizeText(pageText(page.source));
    for (const s of [...want.keep, ...want.remove.map((r) => r.text)]) {
      expect(sourceText, `"${s}" is not in source.html`).toContain(normalizeText(s));
    }
  });

  it('does not mutate the input document', () => {
    expect(run.after).toBe(run.before);
  });

  it('runs none of the page scripts', () => {
    expect(run.pwned).toBe(false);
  });

  check('title', 'title', () => {
    expect(article.title).toBe(want.title);
  });

  check('byline', 'byline', () => {
    expect(article.byline).toBe(want.byline);
  });

  check('publishedTime', 'publishedTime', () => {
    expect(article.publishedTime).toBe(want.publishedTime);
  });

  check('outline', 'outline', () => {
    expect(article.outline.map((e) => e.text)).toEqual(want.outline);
  });

  check('keep', 'keeps every essay paragraph and caption', () => {
    const missing = want.keep.filter((s) => !text.includes(normalizeText(s)));
    expect(missing, `missing: ${missing.join(' | ')}`).toEqual([]);
  });

  if (want.remove.length) {
    check('remove', 'removes every injected or junk block, with its kind', () => {
      const problems: string[] = [];
      for (const r of want.remove) {
        const t = normalizeText(r.text);
        if (text.includes(t)) problems.push(`still in text: [${r.kind}] ${t}`);
        const hits = article.removed.filter((x) => normalizeText(x.text).includes(t));
        if (!hits.length) problems.push(`not in removed: [${r.kind}] ${t}`);
        else if (!hits.some((x) => x.kind === r.kind))
          problems.push(
            `wrong kind for ${t}: ${hits.map((x) => x.kind).join(', ')} (want ${r.kind})`,
          );
      }
      expect(problems, problems.join('\n')).toEqual([]);
    });
  }

  if (want.absent?.length) {
    check('absent', 'leaves out the page chrome', () => {
      const present = want.absent!.filter((s) => text.includes(normalizeText(s)));
      expect(present, `still present: ${present.join(' | ')}`).toEqual([]);
    });
  }

  if (want.removedCount) {
    check('removedCount', 'removedCount per kind', () => {
      const got: Record<string, number> = {};
      for (const k of Object.keys(want.removedCount!)) {
        got[k] = article.removed.filter((x) => x.kind === k).length;
      }
      expect(got).toEqual(want.removedCount);
    });
  }

  if (want.noRemovals) {
    check('noRemovals', 'removes nothing (credit lines moved to the byline excepted)', () => {
      const removed = article.removed.filter((x) => x.kind !== 'credit-line');
      const lines = removed.map((x) => `[${x.kind}] ${x.text}`);
      expect(lines, lines.join('\n')).toEqual([]);
    });
  }

  it('contentHtml holds no active or form markup', () => {
    const found = FORBIDDEN.filter(([, re]) => re.test(article.contentHtml)).map(([name]) => name);
    expect(found).toEqual([]);
  });

  if (want.security) {
    const sec = want.security;
    it('lazy images get a real, absolute src', () => {
      const srcs = [...contentDoc(article).querySelectorAll('img')].map((img) =>
        img.getAttribute('src'),
      );
      for (const src of sec.lazyImages ?? []) expect(srcs).toContain(src);
      for (const src of srcs) expect(src ?? '').toMatch(/^https?:\/\//);
    });
    it('relative URLs become absolute', () => {
      const doc = contentDoc(article);
      const urls = [...doc.querySelectorAll('[href], [src]')].map(
        (el) => el.getAttribute('href') ?? el.getAttribute('src') ?? '',
      );
      for (const u of sec.absoluteUrls ?? []) expect(urls).toContain(u);
      const relative = urls.filter((u) => !/^(https?:|#|mailto:)/.test(u));
      expect(relative).toEqual([]);
    });
  }

  const expectedHtml = join(page.dir, 'expected.html');
  it.skipIf(!existsSync(expectedHtml))('matches expected.html', () => {
    expect(normalizeHtml(article.contentHtml)).toBe(readFileSync(expectedHtml, 'utf8'));
  });

  const expectedMeta = join(page.dir, 'expected-metadata.json');
  it.skipIf(!existsSync(expectedMeta))('matches expected-metadata.json', () => {
    expect(metadataOf(article)).toEqual(JSON.parse(readFileSync(expectedMeta, 'utf8')));
  });

  const expectedOutline = join(page.dir, 'expected-outline.json');
  it.skipIf(!existsSync(expectedOutline))('matches expected-outline.json', () => {
    expect(outlineOf(article)).toEqual(JSON.parse(readFileSync(expectedOutline, 'utf8')));
  });
});

/** All the text of an HTML string, head included (to check fixture strings are on the page). */
function pageText(html: string): string {
  return new JSDOM(html).window.document.documentElement.textContent ?? '';
}

/** A detached document holding the sanitized content, for attribute checks. */
function contentDoc(article: Article): Document {
  return new JSDOM(`<body>${article.contentHtml}</body>`).window.document;
}
