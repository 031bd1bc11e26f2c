/**
 * The seed page, end to end: builds a farm-shaped HTML page from the text dump in
 * `../shared/seeds/` (read at test time, never copied into the repo) and checks the core against
 * what the text itself says: the injected runs (found here by their `[YYYY/M/D H:MM:SS]` ending
 * and their `head:dateline` headline) go with kind `flash-news`, every other essay paragraph
 * stays, the title loses its farm decoration, the credits become the byline, the placeholder date
 * is null and the outline is the essay's section headings.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractArticle } from './extract-article.js';
import { normalizeText } from './text.js';
import type { Article } from './types.js';

const SEED_PATH = fileURLToPath(
  new URL('../../../shared/seeds/000_5ec32099bfefbc28.txt', import.meta.url),
);
const PAGE_URL = 'https://www.ubxx-mirror.test/info/422054.html';

/** T1 (research §11): the paragraph ends with a bracketed .NET timestamp. */
const T1 =
  /[[［]\s*20\d{2}\/(?:1[0-2]|0?[1-9])\/(?:3[01]|[12]\d|0?[1-9])\s+(?:[01]?\d|2[0-3]):[0-5]\d:[0-5]\d\s*[\]］]\s*$/u;
/** T2 (research §11): a short head, a colon, then a body that opens with a dateline. */
const T2 =
  /^[^。！？\n]{2,80}?[:：](?:\d{1,2}\s*月\s*\d{1,2}\s*日(?:消息)?[，,]|金色(?:财经|財經)(?:报道|報道)|据|據)/u;
/** A date line of the related list, and the empty / placeholder meta lines of the template. */
const DATE_LINE = /^\d{4}\/\d{1,2}\/\d{1,2}\s+\d{1,2}:\d{2}:\d{2}$/;
const META_LINE = /^(?:Author|Time)\s*:/;
const CREDIT_LINE = /^(?:作者|編譯|编译|翻譯|翻译|撰文|编辑|編輯|来源|來源)\s*[:：|｜]\s*\S/u;
const TAGS_LINE = /^(?:Tags?|标签|標籤)\s*[:：]/u;

/** A short line with no sentence punctuation (a `?` may close it): a heading or a roll-call name. */
function isShortLine(line: string, max: number): boolean {
  return line.length <= max && !/[,，。；;：:！!、]/u.test(line) && /^[^?？]*[?？]?$/u.test(line);
}

interface SeedPage {
  nav: string[];
  title: string;
  meta: string[];
  credits: string[];
  essay: string[];
  rollCall: string[];
  tags: string;
  download: string[];
  related: { title: string; summary: string[]; date: string }[];
  trailing: string[];
}

/** Reads the text dump's reading order (research §1): nav, title, meta, credits, essay, tail. */
function parseSeed(text: string): SeedPage {
  const lines = text
    .split(/\r?\n/)
    .map((l) => normalizeText(l))
    .filter(Boolean);
  let i = 0;
  const nav: string[] = [];
  while (i < lines.length && lines[i] !== 'ads') nav.push(lines[i++]!);
  nav.push(lines[i++]!);
  const title = lines[i++]!;
  const meta: string[] = [];
  while (i < lines.length && META_LINE.test(lines[i]!)) meta.push(lines[i++]!);
  const credits: string[] = [];
  while (i < lines.length && CREDIT_LINE.test(lines[i]!)) credits.push(lines[i++]!);
  // The tail starts with the outlet roll call: the first run of three short lines in a row.
  const essay: string[] = [];
  while (i < lines.length && !lines.slice(i, i + 3).every((l) => isShortLine(l, 16)))
    essay.push(lines[i++]!);
  const rollCall: string[] = [];
  while (i < lines.length && !TAGS_LINE.test(lines[i]!)) rollCall.push(lines[i++]!);
  const tags = lines[i++] ?? '';
  const download: string[] = [];
  while (i < lines.length && lines[i]!.length <= 8) download.push(lines[i++]!);
  const related: SeedPage['related'] = [];
  let item: string[] = [];
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (DATE_LINE.test(line)) {
      related.push({ title: item[0] ?? '', summary: item.slice(1), date: line });
      item = [];
    } else {
      item.push(line);
    }
  }
  return { nav, title, meta, credits, essay, rollCall, tags, download, related, trailing: item };
}

/** The injected runs, from the text: a paragraph ending in T1, with its T2 headline before it. */
function findRuns(essay: string[]): number[][] {
  const runs: number[][] = [];
  essay.forEach((p, i) => {
    if (!T1.test(p)) return;
    if (T2.test(p)) runs.push([i]);
    else if (i > 0 && T2.test(essay[i - 1]!)) runs.push([i - 1, i]);
    else throw new Error(`timestamped paragraph without a headline: ${p.slice(0, 40)}`);
  });
  return runs;
}

function findHeadings(essay: string[], runParagraphs: Set<number>): number[] {
  return essay.map((p, i) => i).filter((i) => !runParagraphs.has(i) && isShortLine(essay[i]!, 30));
}

/** Builds the farm page with DOM APIs (no HTML strings): generic, class-poor markup. */
function buildPage(seed: SeedPage, headings: Set<number>, boldHeadings: boolean): Document {
  const doc = new JSDOM(
    '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body></body></html>',
    {
      url: PAGE_URL,
    },
  ).window.document;
  const el = (tag: string, text?: string, attrs: Record<string, string> = {}): HTMLElement => {
    const e = doc.createElement(tag);
    if (text !== undefined) e.textContent = text;
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    return e;
  };
  const titleEl = el('title', seed.title);
  doc.head.append(titleEl);

  const top = el('div', undefined, { class: 'top' });
  seed.nav.forEach((line, n) => {
    const div = el('div', undefined, { class: `t${n}` });
    if (n === 0) div.append(el('a', line, { href: '/' }));
    else div.textContent = line;
    top.append(div);
  });

  const main = el('div', undefined, { class: 'main' });
  main.append(el('h1', seed.title));
  for (const line of seed.meta) main.append(el('div', line, { class: 'i' }));
  const body = el('div', undefined, { class: 'c' });
  for (const line of seed.credits) body.append(el('p', line));
  seed.essay.forEach((line, n) => {
    const p = el('p');
    if (headings.has(n) && boldHeadings) p.append(el('strong', line));
    else p.textContent = line;
    body.append(p);
  });
  main.append(body);

  const roll = el('div', undefined, { class: 's' });
  seed.rollCall.forEach((name, n) => {
    if (n) roll.append(' ');
    roll.append(el('a', name, { href: `/list/${n + 1}.html` }));
  });
  const label = /^(\S+?[:：])/u.exec(seed.tags)?.[1] ?? '';
  const tags = el('div', label, { class: 'g' });
  tags.append(el('a', seed.tags.slice(label.length), { href: '/tags/' }));
  const download = el('div', undefined, { class: 'd' });
  for (const line of seed.download) download.append(el('a', line, { href: '/app/' }));
  const related = el('ul', undefined, { class: 'r' });
  seed.related.forEach((item, n) => {
    const li = el('li');
    li.append(el('a', item.title, { href: `/info/${1000 + n}.html` }));
    for (const s of item.summary) li.append(el('p', s));
    li.append(el('span', item.date));
    related.append(li);
  });
  main.append(roll, tags, download, related);
  for (const line of seed.trailing) main.append(el('div', line, { class: 't2' }));
  doc.body.append(top, main);
  return doc;
}

const seedText = existsSync(SEED_PATH) ? readFileSync(SEED_PATH, 'utf8') : null;
if (!seedText) console.log(`seed.test: skipped, ${SEED_PATH} is absent (../shared is not mounted)`);

describe.skipIf(!seedText)('the seed page', () => {
  const seed = parseSeed(seedText ?? '');
  const runs = seedText ? findRuns(seed.essay) : [];
  const runParagraphs = new Set(runs.flat());
  const headings = new Set(findHeadings(seed.essay, runParagraphs));

  it('is read as the template the research describes', () => {
    expect(seed.nav.at(-1)).toBe('ads');
    expect(seed.meta).toHaveLength(2);
    expect(seed.credits).toHaveLength(2);
    expect(seed.rollCall.length).toBeGreaterThanOrEqual(3);
    expect(seed.tags).toMatch(TAGS_LINE);
    expect(seed.related.length).toBeGreaterThanOrEqual(3);
    expect(seed.trailing).toEqual(['ads']);
    // The text holds five injected runs and four section headings.
    expect(runs).toHaveLength(5);
    expect(headings.size).toBe(4);
  });

  describe.each([
    ['headings in <p><strong>', true],
    ['headings as plain <p>', false],
  ])('%s', (_name, bold) => {
    let article: Article;
    let before = '';
    let after = '';

    beforeAll(() => {
      const doc = buildPage(seed, headings, bold);
      before = doc.documentElement.outerHTML;
      const result = extractArticle(doc, { url: PAGE_URL });
      after = doc.documentElement.outerHTML;
      if (!result) throw new Error('extractArticle returned null on the seed page');
      article = result;
    });

    it('extracts an article without touching the page', () => {
      expect(article.textContent.length).toBeGreaterThan(0);
      expect(after).toBe(before);
    });

    it('removes every paragraph of the five injected runs, one flash-news entry per run', () => {
      const text = normalizeText(article.textContent);
      const flash = article.removed
        .filter((r) => r.kind === 'flash-news')
        .map((r) => normalizeText(r.text));
      const problems: string[] = [];
      for (const n of runParagraphs) {
        const p = seed.essay[n]!;
        if (text.includes(p)) problems.push(`still in text: ${p.slice(0, 40)}`);
        if (!flash.some((f) => f.includes(p)))
          problems.push(`not removed as flash-news: ${p.slice(0, 40)}`);
      }
      expect(problems, problems.join('\n')).toEqual([]);
      expect(flash).toHaveLength(5);
      for (const r of article.removed.filter((x) => x.kind === 'flash-news'))
        expect(r.reasons.some((x) => x.startsWith('stamp:'))).toBe(true);
    });

    it('keeps every other essay paragraph', () => {
      const text = normalizeText(article.textContent);
      const missing = seed.essay.filter((p, n) => !runParagraphs.has(n) && !text.includes(p));
      expect(missing, missing.map((p) => p.slice(0, 40)).join('\n')).toEqual([]);
    });

    it('cleans the title', () => {
      expect(article.title).toBe('不只是聊天機器人:一文梳理 ChatGPT 帶來的真正影響');
    });

    it('takes the byline from the credit lines', () => {
      expect(article.byline).toContain('Jacky Liang');
    });

    it('treats the placeholder date as unknown', () => {
      expect(article.publishedTime).toBeNull();
    });

    it('outlines the four section headings', () => {
      expect(article.outline.map((e) => e.text)).toEqual([...headings].map((n) => seed.essay[n]));
    });

    it('takes the excerpt from the first essay paragraph, not a removed credit line', () => {
      const first = seed.essay.find((p, n) => !runParagraphs.has(n) && !headings.has(n))!;
      expect(article.excerpt).toBe(first);
    });
  });
});
