import { describe, expect, it } from 'vitest';
import type { Article } from '../core/types.js';
import { capArticle } from './cap-article.js';

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
    expect(capArticle(a, 10_000)).toEqual({ article: a, truncated: false });
  });

  it('cuts a huge article at a block boundary and drops outline entries that went', () => {
    const a = article(5000);
    const { article: cut, truncated } = capArticle(a, 10_000);
    expect(truncated).toBe(true);
    expect(cut.contentHtml.length).toBeLessThan(a.contentHtml.length / 5);
    expect(cut.contentHtml).toMatch(/<\/p>$/);
    expect(cut.textContent.length).toBe(10_000);
    expect(cut.outline.map((e) => e.id)).toEqual(['a']);
  });
});
