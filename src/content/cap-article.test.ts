import { describe, expect, it } from 'vitest';
import type { Article } from '../core/types.js';
import { JSDOM } from 'jsdom';
import { capArticle, capDocument } from './cap-article.js';

function article(paragraphs: number): Article {
  const texts = Array.from({ length: paragraphs }, (_, i) => `Paragraph ${i} of the long page.`);
  return {
    title: 'Long',
    byline: null,
    siteName: null,
    publishedTime: null,
    lang: 'en',
    dir: null,
    excerpt: null,
    contentHtml: `<div><h2 id="a">A</h2>${texts.map((t) => `<p>${t}</p>`).join('')}<h2 id="b">B</h2><p>end</p></div>`,
    textContent: texts.join(' ') + ' end',
    outline: [
      { level: 2, text: 'A', id: 'a' },
      { level: 2, text: 'B', id: 'b' },
    ],
    removed: [],
    readingMinutes: 1,
  };
}

describe('capArticle', () => {
  it('leaves an ordinary article alone', () => {
    const a = article(20);
    expect(capArticle(a, 10_000, 10_000)).toEqual({ article: a, truncated: false });
  });

  it('cuts a huge article at a block boundary and drops outline entries that went', () => {
    const a = article(5000);
    const { article: cut, truncated } = capArticle(a, 10_000, 20_000);
    expect(truncated).toBe(true);
    expect(cut.contentHtml.length).toBeLessThan(a.contentHtml.length / 5);
    expect(cut.contentHtml).toMatch(/<\/p>$/);
    expect(cut.textContent.length).toBe(10_000);
    expect(cut.outline.map((e) => e.id)).toEqual(['a']);
  });
});

describe('capDocument', () => {
  it('leaves an ordinary page alone', () => {
    const doc = new JSDOM('<html><body><p>short</p></body></html>').window.document;
    expect(capDocument(doc, 1000, 1000)).toBeNull();
  });

  it('copies the head and the first blocks of a huge page, cutting inside wrappers', () => {
    const paragraphs = Array.from(
      { length: 2000 },
      (_, i) => `<p>Paragraph ${i} of the ledger.</p>`,
    );
    const doc = new JSDOM(
      `<html lang="zh-CN"><head><title>Huge</title></head><body class="b"><div id="main"><article><h1>T</h1>${paragraphs.join('')}</article></div></body></html>`,
    ).window.document;
    const copy = capDocument(doc, 5000, 20_000)!;
    expect(copy.title).toBe('Huge');
    expect(copy.documentElement.lang).toBe('zh-CN');
    expect(copy.body.className).toBe('b');
    const kept = copy.querySelectorAll('#main > article > p');
    expect(kept.length).toBeGreaterThan(100);
    expect(kept.length).toBeLessThan(300);
    expect(copy.body.textContent!.length).toBeLessThanOrEqual(5000 + 40);
    expect(doc.querySelectorAll('p')).toHaveLength(2000); // the page itself is untouched
  });
});
