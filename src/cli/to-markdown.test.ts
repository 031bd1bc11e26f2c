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
    ).toBe('> first\n>\n> second\n\n---\n\n```ts\na ``` b\n```\n\nuse ``x`y``\n');
    // A fence inside the code (at a line start) gets a longer fence around it.
    expect(md('<pre>a\n```\nb</pre>')).toBe('````\na\n```\nb\n````\n');
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

  it('gives a header-less table its first row as header, pads short rows, flattens nested tables', () => {
    expect(
      md(
        '<table><caption>Fees</caption><tr><td>a</td><td>b</td></tr><tr><td>1</td></tr><tr><td><table><tr><td>x</td><td>y</td></tr></table></td><td>2</td></tr></table>',
      ),
    ).toBe('Fees\n\n| a | b |\n| --- | --- |\n| 1 |  |\n| x y | 2 |\n');
  });

  it('keeps text that looks like a tag as text, headings on one line, no edge breaks', () => {
    expect(md('<h2>One<br>two &lt;b&gt;</h2><p><br>three<br></p>')).toBe(
      '## One two \\<b>\n\nthree\n',
    );
    expect(md('<p><img src="https://x.example/a.png" alt="<i>x</i>"></p>')).toBe(
      '![\\<i>x\\</i>](https://x.example/a.png)\n',
    );
  });

  it('makes one break of two around spaces; keeps the spaces of code', () => {
    expect(md('<p>a<br><span> </span><br>b</p><pre>x  \n   \ny</pre>')).toBe(
      'a  \nb\n\n```\nx  \n   \ny\n```\n',
    );
  });

  it('keeps a bold run before a break bold, and a picture as its image', () => {
    expect(md('<p><strong>Lead<br></strong>body</p>')).toBe('**Lead**  \nbody\n');
    expect(
      md(
        '<p><picture>\n  <source srcset="a.webp">\n  <source srcset="b.webp">\n  <img src="https://x.example/c.png" alt=""></picture></p>',
      ),
    ).toBe('![](https://x.example/c.png)\n');
  });

  it('nests a list placed right inside a list under the item before it', () => {
    expect(md('<ol><li>one</li><ol><li>inner</li></ol><li>two</li></ol>')).toBe(
      '1. one\n   1. inner\n2. two\n',
    );
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
