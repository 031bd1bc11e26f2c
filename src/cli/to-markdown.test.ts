import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { toMarkdown } from './to-markdown.js';
import { toText } from './to-text.js';

function md(html: string): string {
  const doc = new JSDOM('<!doctype html><body></body>').window.document;
  doc.body.append(JSDOM.fragment(html));
  return toMarkdown(doc.body);
}

describe('toMarkdown', () => {
  it('converts headings, paragraphs and inline marks', () => {
    expect(
      md('<h2>Part <em>one</em></h2><p>Some <strong>bold</strong> and <b> spaced </b>text.</p>'),
    ).toBe('## Part *one*\n\nSome **bold** and **spaced** text.\n');
  });

  it('converts nested and ordered lists', () => {
    expect(
      md(
        '<ol start="3"><li>three</li><li>four<ul><li>inner <a href="https://x.example/a b(c)">link</a></li></ul></li></ol>',
      ),
    ).toBe('3. three\n4. four\n   - inner [link](https://x.example/a%20b%28c%29)\n');
  });

  it('converts blockquotes, code and rules', () => {
    expect(
      md(
        '<blockquote><p>first</p><p>second</p></blockquote><hr><pre><code class="language-ts">a ``` b</code></pre><p>use <code>x`y</code></p>',
      ),
    ).toBe('> first\n>\n> second\n\n---\n\n````ts\na ``` b\n````\n\nuse ``x`y``\n');
  });

  it('converts images, figures and captions, tables', () => {
    expect(
      md(
        '<figure><img src="https://x.example/c.png" alt="a [chart]"><figcaption>图：Fees</figcaption></figure>',
      ),
    ).toBe('![a \\[chart\\]](https://x.example/c.png)\n\n*图：Fees*\n');
    expect(md('<table><tr><th>a</th><th>b|c</th></tr><tr><td>1</td><td>2</td></tr></table>')).toBe(
      '| a | b\\|c |\n| --- | --- |\n| 1 | 2 |\n',
    );
  });

  it('escapes markdown in text and at line starts', () => {
    expect(
      md('<p># not a heading</p><p>1. not a list</p><p>- nor this</p><p>a *star* and _under_</p>'),
    ).toBe(
      '\\# not a heading\n\n1\\. not a list\n\n\\- nor this\n\na \\*star\\* and \\_under\\_\n',
    );
  });

  it('skips removal markers, hidden elements and scripts; keeps line breaks', () => {
    expect(
      md(
        '<p>one<br>two</p><div data-cr-removed="r1" hidden></div><div hidden>secret</div><script>x()</script><p>three</p>',
      ),
    ).toBe('one  \ntwo\n\nthree\n');
  });

  it('handles CJK text and bare text in divs', () => {
    expect(md('<div>第一段文字<div>第二段</div>尾巴</div>')).toBe('第一段文字\n\n第二段\n\n尾巴\n');
    expect(md('')).toBe('');
  });
});

describe('toText', () => {
  it('gives one block per paragraph', () => {
    const doc = new JSDOM(
      '<body><h2>Head</h2><p>one  two</p><div data-cr-removed="r1" hidden></div><ul><li>item</li></ul></body>',
    ).window.document;
    expect(toText(doc.body)).toBe('Head\n\none two\n\nitem\n');
  });
});
