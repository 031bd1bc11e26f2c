import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { Removal } from '../../src/index.js';
import { auditBlocks, findDroppedBlocks } from './drop-audit.js';

function root(html: string): Element {
  return new JSDOM(`<div id="r">${html}</div>`).window.document.getElementById('r')!;
}

const removal = (id: string, text: string): Removal => ({
  id,
  kind: 'flash-news',
  rule: 'detector:flash-news',
  text,
  html: null,
  reasons: [],
});

describe('auditBlocks', () => {
  it('lists innermost paragraph-like blocks with text, in order', () => {
    const r = root(
      '<h2>Title</h2><p>One  two</p><blockquote><p>Quoted</p></blockquote><ul><li>Item</li></ul><p> </p><pre>code\n x</pre>',
    );
    expect(auditBlocks(r)).toEqual(['Title', 'One two', 'Quoted', 'Item', 'code x']);
  });
});

describe('findDroppedBlocks', () => {
  it('keeps blocks found in the pipeline text, whatever the whitespace', () => {
    expect(
      findDroppedBlocks(['First para.', 'Second  para.'], 'First\npara. Second para.', []),
    ).toEqual([]);
  });
  it('names the removal that covers a dropped block, and flags the rest as unexplained', () => {
    const dropped = findDroppedBlocks(
      ['Kept.', 'Flash: news [2024/1/1 0:00:00]', 'Lost for no reason'],
      'Kept.',
      [removal('r1', 'Flash: news [2024/1/1 0:00:00] and its continuation')],
    );
    expect(dropped).toHaveLength(2);
    expect(dropped[0]!.removal?.id).toBe('r1');
    expect(dropped[1]!.removal).toBeNull();
  });
  it('does not let a trivially short removal explain a long block', () => {
    const dropped = findDroppedBlocks(['This paragraph mentions ads in passing.'], '', [
      removal('r1', 'ads'),
    ]);
    expect(dropped[0]!.removal).toBeNull();
  });
  it('flags a dropped heading that is the article title', () => {
    const dropped = findDroppedBlocks(['My  Title', 'Body text.'], 'Body text.', [], 'My Title');
    expect(dropped).toEqual([{ text: 'My  Title', removal: null, isTitle: true }]);
  });
  it('reports every block when the pipeline returned nothing', () => {
    expect(findDroppedBlocks(['a', 'b'], null, [])).toHaveLength(2);
  });
});
