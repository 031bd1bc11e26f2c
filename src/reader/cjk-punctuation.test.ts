import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  copyOriginalText,
  originalFragment,
  originalText,
  restoreCjkPunctuation,
  widenCjkPunctuation,
} from './cjk-punctuation.js';

function content(html: string): { doc: Document; root: HTMLElement } {
  // Test input only: the module itself never parses HTML.
  const dom = new JSDOM(`<!doctype html><body><div id="c">${html}</div></body>`);
  const doc = dom.window.document;
  return { doc, root: doc.getElementById('c')! };
}

const shown = (html: string) => {
  const { root } = content(html);
  widenCjkPunctuation(root);
  return root.textContent;
};

describe('widenCjkPunctuation', () => {
  it('widens marks between CJK characters and at the end of a CJK sentence', () => {
    expect(shown('<p>比特币,以太坊:上涨;是吗?是的!</p>')).toBe(
      '比特币，以太坊：上涨；是吗？是的！',
    );
  });

  it('drops the space a half-width mark needed', () => {
    expect(shown('<p>你好, 世界</p>')).toBe('你好，世界');
  });

  it('widens parentheses next to or around CJK text', () => {
    expect(shown('<p>比特币(BTC)价格</p>')).toBe('比特币（BTC）价格');
    expect(shown('<p>ETH (以太坊) 上涨</p>')).toBe('ETH （以太坊） 上涨');
    expect(shown('<p>Bitcoin (BTC) price</p>')).toBe('Bitcoin (BTC) price');
  });

  it('leaves Latin text, times, URLs, numbers and code alone', () => {
    expect(shown('<p>Hello, world: yes; no? ok!</p>')).toBe('Hello, world: yes; no? ok!');
    expect(shown('<p>时间:12:30</p>')).toBe('时间:12:30');
    expect(shown('<p>网址:https://a.example/x?y=1</p>')).toBe('网址:https://a.example/x?y=1');
    expect(shown('<p>共1,000枚</p>')).toBe('共1,000枚');
    expect(shown('<pre>变量,值</pre><p>代码<code>中,文</code></p>')).toBe('变量,值代码中,文');
  });

  it('sees context across inline elements but not across blocks', () => {
    expect(shown('<p><strong>比特币</strong>, <em>以太坊</em></p>')).toBe('比特币，以太坊');
    // The previous block's CJK is no context for a mark that opens the next one.
    expect(shown('<p>比特币</p><p>,以太坊</p>')).toBe('比特币,以太坊');
  });

  it('is idempotent and reversible to the exact original text', () => {
    const html = '<p>你好, <b>世界</b>:(测试)!</p><p>Keep, this.</p>';
    const { root } = content(html);
    const before = root.textContent;
    widenCjkPunctuation(root);
    const once = root.textContent;
    widenCjkPunctuation(root);
    expect(root.textContent).toBe(once);
    expect(once).not.toBe(before);
    restoreCjkPunctuation(root);
    expect(root.textContent).toBe(before);
  });

  it('does not undo a text node that changed since', () => {
    const { root } = content('<p>甲,乙</p>');
    widenCjkPunctuation(root);
    const t = root.querySelector('p')!.firstChild as Text;
    t.data = '新,文';
    restoreCjkPunctuation(root);
    expect(root.textContent).toBe('新,文');
  });
});

describe('copy keeps the original text', () => {
  function select(doc: Document, node: Node, start: number, endNode: Node, end: number): Range {
    const range = doc.createRange();
    range.setStart(node, start);
    range.setEnd(endNode, end);
    const sel = doc.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    return range;
  }

  it('maps a partial selection back through dropped spaces', () => {
    const { doc, root } = content('<p>你好, 世界:再见</p>');
    widenCjkPunctuation(root);
    const t = root.querySelector('p')!.firstChild as Text;
    expect(t.data).toBe('你好，世界：再见');
    // Shown "好，世界：" is offsets 1..6.
    const range = select(doc, t, 1, t, 6);
    expect(range.toString()).toBe('好，世界：');
    expect(originalText(range)).toBe('好, 世界:');
  });

  it('gives text/plain with block breaks and text/html with original text nodes', () => {
    const { doc, root } = content('<p>甲,<b>乙</b>;丙</p><p>丁?</p>');
    widenCjkPunctuation(root);
    const [p1, p2] = root.querySelectorAll('p');
    const range = select(doc, p1!.firstChild!, 0, p2!.firstChild!, 2);
    const data = new Map<string, string>();
    let prevented = false;
    const event = {
      clipboardData: { setData: (type: string, value: string) => data.set(type, value) },
      preventDefault: () => (prevented = true),
    } as unknown as ClipboardEvent;
    copyOriginalText(root)(event);
    expect(prevented).toBe(true);
    expect(data.get('text/plain')).toBe('甲,乙;丙\n丁?');
    expect(data.get('text/html')).toContain('<b>乙</b>;丙');
    expect(data.get('text/html')).toContain('丁?');
    expect(originalFragment(range).textContent).toBe('甲,乙;丙丁?');
    // The page still shows full-width marks.
    expect(root.textContent).toBe('甲，乙；丙丁？');
  });

  it('leaves selections outside the content to the browser', () => {
    const { doc, root } = content('<p>甲,乙</p>');
    const outside = doc.createElement('p');
    outside.textContent = '外,面';
    doc.body.append(outside);
    widenCjkPunctuation(root);
    select(doc, outside.firstChild!, 0, outside.firstChild!, 3);
    let prevented = false;
    copyOriginalText(root)({
      clipboardData: { setData: () => undefined },
      preventDefault: () => (prevented = true),
    } as unknown as ClipboardEvent);
    expect(prevented).toBe(false);
  });
});
