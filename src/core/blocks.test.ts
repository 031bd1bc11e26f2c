import { describe, expect, it } from 'vitest';
import { listBlocks, splitBrParagraphs } from './blocks.js';
import { makeDocument } from './test-support/dom.js';

function root(html: string): Element {
  return makeDocument(`<body><div id="r">${html}</div></body>`).getElementById('r')!;
}

describe('blocks', () => {
  it('lists leaf blocks, WeChat sections and list items', () => {
    const r = root('<div><p>one</p><section><span>two</span></section></div><ul><li>three</li></ul><div> </div>');
    expect(listBlocks(r).map((b) => b.text)).toEqual(['one', 'two', 'three']);
  });

  it('splits <br><br>-separated bodies into paragraphs and keeps single breaks', () => {
    const r = root('<div id="b">first line<br>same paragraph<br><br>second <a href="#">link</a><br>\n<br>third</div>');
    expect(splitBrParagraphs(r)).toBe(1);
    const ps = r.querySelectorAll('#b > p');
    expect([...ps].map((p) => p.textContent)).toEqual(['first linesame paragraph', 'second link', 'third']);
    expect(ps[0]!.querySelectorAll('br')).toHaveLength(1);
  });

  it('leaves blocks with single breaks and literal blocks alone', () => {
    const r = root('<p>a<br>b</p><pre>x<br><br>y</pre>');
    expect(splitBrParagraphs(r)).toBe(0);
  });
});
