import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { Removal } from '../core/types.js';
import { findOriginal, sourceLinks, sourceSite } from './source-link.js';

const PAGE = 'https://www.farm.example/news/123.html?from=feed';

function root(html: string): HTMLElement {
  // Test input only.
  const doc = new JSDOM(`<!doctype html><body><div id="c">${html}</div></body>`).window.document;
  return doc.getElementById('c')!;
}

const original = (html: string, texts: string[] = []) =>
  findOriginal([root(html)], PAGE, texts)?.url ?? null;

describe('sourceSite', () => {
  it("is the site's name, else its host, and the page link", () => {
    expect(sourceSite({ siteName: ' 金色 财经 ' }, PAGE)).toEqual({
      name: '金色 财经',
      url: PAGE,
      host: 'farm.example',
    });
    expect(sourceSite({ siteName: null }, PAGE)!.name).toBe('farm.example');
    expect(sourceSite({ siteName: 'x' }, 'file:///tmp/a.html')).toBeNull();
    expect(sourceSite({ siteName: 'x' }, 'nope')).toBeNull();
  });
});

describe('findOriginal', () => {
  it('finds a link whose text is the label', () => {
    expect(
      original('<p>正文。</p><p><a href="https://court.example/ftx/claims">原文链接</a></p>'),
    ).toBe('https://court.example/ftx/claims');
    expect(original('<p><a href="https://src.example/a">閱讀原文</a></p>')).toBe(
      'https://src.example/a',
    );
    expect(original('<p><a href="https://src.example/b">Read the original article</a></p>')).toBe(
      'https://src.example/b',
    );
  });

  it('finds a link after a label, but not a 来源 link to an outlet’s home page', () => {
    expect(original('<p>原文鏈接：<a href="https://src.example/p/1">Some title</a></p>')).toBe(
      'https://src.example/p/1',
    );
    expect(original('<p>来源：<a href="https://outlet.example/news/9">某媒体</a></p>')).toBe(
      'https://outlet.example/news/9',
    );
    expect(
      original(
        '<div>本文来源：<a href="https://www.jinse.test/">金色财经</a> 责任编辑：陈默</div>',
      ),
    ).toBeNull();
    expect(
      original('<p>Originally published at <a href="https://blog.example/post">Blog</a>.</p>'),
    ).toBe('https://blog.example/post');
  });

  it('finds a URL written out after a label, trimming the punctuation after it', () => {
    expect(original('<p>原文链接：https://src.example/a?id=1。</p>')).toBe(
      'https://src.example/a?id=1',
    );
    expect(original('<p>来源：Odaily https://odaily.example/post/5，转载请注明</p>')).toBe(
      'https://odaily.example/post/5',
    );
    expect(original('<p>正文</p>', ['来源: https://removed.example/x/y'])).toBe(
      'https://removed.example/x/y',
    );
  });

  it('ignores links to the page’s own site, other schemes, and ordinary links', () => {
    expect(original('<p><a href="/news/1.html">原文链接</a></p>')).toBeNull();
    expect(original('<p><a href="https://farm.example/x">原文</a></p>')).toBeNull();
    expect(original('<p><a href="javascript:alert(1)">原文链接</a></p>')).toBeNull();
    expect(original('<p>见 <a href="https://other.example/a">这篇文章</a>。</p>')).toBeNull();
    expect(original('<p>来源：金色财经</p>')).toBeNull();
  });
});

describe('sourceLinks', () => {
  it('looks in the content, the removed blocks and the byline', () => {
    const removed: Removal[] = [
      {
        id: 'r1',
        kind: 'disclaimer',
        rule: 'detector:disclaimer',
        text: '声明：本文转载自 https://first.example/a/1 ，如有侵权请联系删除。',
        html: null,
        reasons: [],
      },
    ];
    const links = sourceLinks(
      { siteName: 'Farm', byline: null, removed },
      PAGE,
      root('<p>正文。</p>'),
    );
    expect(links.site!.name).toBe('Farm');
    expect(links.original).toEqual({ url: 'https://first.example/a/1', host: 'first.example' });
    const none = sourceLinks(
      { siteName: null, byline: '作者：林', removed: [] },
      PAGE,
      root('<p>正文。</p>'),
    );
    expect(none.original).toBeNull();
  });
});
