import { describe, expect, it } from 'vitest';
import { listBlocks } from './blocks.js';
import { makeDocument } from './test-support/dom.js';

function root(html: string): Element {
  return makeDocument(`<body><div id="r">${html}</div></body>`).getElementById('r')!;
}

describe('blocks', () => {
  it('lists leaf blocks, WeChat sections and list items', () => {
    const r = root(
      '<div><p>one</p><section><span>two</span></section></div><ul><li>three</li></ul><div> </div>',
    );
    expect(listBlocks(r).map((b) => b.text)).toEqual(['one', 'two', 'three']);
  });
});
