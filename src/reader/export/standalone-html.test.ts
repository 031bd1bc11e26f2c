import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../core/types.js';
import { standaloneHtml } from './standalone-html.js';

function article(over: Partial<Article> = {}): Article {
  return {
    title: '從排序器到證明者 <b>不是標籤</b>',
    byline: '作者:林',
    siteName: 'Chain Watch',
    publishedTime: '2024-03-08T10:00:00.000Z',
    lang: 'zh-Hant',
    dir: null,
    excerpt: null,
    contentHtml:
      '<h1>從排序器到證明者 &lt;b&gt;不是標籤&lt;/b&gt;</h1><p>第一段。</p>' +
      '<div data-cr-removed="r1" hidden=""></div>' +
      '<p><img src="/img/a.png" srcset="/img/a.png 1x, b.png 2x"><a href="../other">別篇</a>' +
      '<a href="#cr-two">本文</a></p><h2 id="cr-two">二</h2><p>最後一段。</p>' +
      '<script>window.pwned=1</script><img src="x" onerror="alert(1)">',
    textContent: '第一段。 別篇 本文 二 最後一段。',
    outline: [],
    removed: [],
    readingMinutes: 1,
    ...over,
  };
}

const host = () => new JSDOM('<!doctype html><body></body>').window.document;
const read = (html: string) => new JSDOM(html).window.document;

describe('standaloneHtml', () => {
  it('is a whole document with the clean title, byline, date and source link', () => {
    const html = standaloneHtml(article(), {
      doc: host(),
      url: 'https://farm.example/news/1.html?x=1',
      sourceLabel: '來源',
    });
    expect(html.startsWith('<!doctype html>\n<html lang="zh-Hant">')).toBe(true);
    const doc = read(html);
    expect(doc.title).toBe('從排序器到證明者 <b>不是標籤</b>');
    expect(doc.querySelector('h1')!.textContent).toBe('從排序器到證明者 <b>不是標籤</b>');
    // The title's markup-like text stayed text, and the repeated heading went.
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
    expect(doc.querySelector('.byline')!.textContent).toBe('作者:林 · Chain Watch · 2024-03-08');
    const source = doc.querySelector<HTMLAnchorElement>('.source a')!;
    expect(source.getAttribute('href')).toBe('https://farm.example/news/1.html?x=1');
    expect(doc.querySelector('.source')!.textContent).toContain('來源: ');
    expect(doc.querySelector('meta[charset]')!.getAttribute('charset')).toBe('utf-8');
    expect(
      doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content'),
    ).toContain("default-src 'none'");
    expect(doc.querySelector('article')!.textContent).toContain('最後一段。');
  });

  it('drops removal markers and anything DOMPurify drops; images and links are absolute', () => {
    const doc = read(
      standaloneHtml(article(), { doc: host(), url: 'https://farm.example/news/1.html' }),
    );
    expect(doc.querySelector('[data-cr-removed]')).toBeNull();
    expect(doc.querySelector('script')).toBeNull();
    expect(doc.querySelector('[onerror]')).toBeNull();
    const img = doc.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('https://farm.example/img/a.png');
    expect(img.getAttribute('srcset')).toBe(
      'https://farm.example/img/a.png 1x, https://farm.example/news/b.png 2x',
    );
    const links = [...doc.querySelectorAll('article p a')].map((a) => a.getAttribute('href'));
    expect(links).toContain('https://farm.example/other');
    expect(links).toContain('#cr-two');
    expect(doc.getElementById('cr-two')).not.toBeNull();
  });

  it('leaves out what the article does not have', () => {
    const html = standaloneHtml(
      article({ byline: null, siteName: null, publishedTime: null, lang: null, dir: 'rtl' }),
      { doc: host(), url: 'https://a.example/' },
    );
    const doc = read(html);
    expect(doc.querySelector('.byline')).toBeNull();
    expect(doc.documentElement.hasAttribute('lang')).toBe(false);
    expect(doc.documentElement.dir).toBe('rtl');
    expect(doc.querySelector('.source')!.textContent).toBe('Source: https://a.example/');
  });

  it('throws a clear error for a page URL that is not a URL', () => {
    expect(() => standaloneHtml(article(), { doc: host(), url: 'not a url' })).toThrow(/URL/i);
  });
});
