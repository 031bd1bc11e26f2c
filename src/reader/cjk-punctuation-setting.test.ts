import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { cjkPunctuationView } from './cjk-punctuation.js';
import { buildCjkPunctuationSetting } from './cjk-punctuation-setting.js';
import { englishReader } from './reader-strings.js';

describe('the CJK punctuation setting', () => {
  it('is a labelled radio group that reports the choice, and the view follows it', () => {
    const win = new JSDOM('<!doctype html><body><div id="c"><p>比特币,以太坊</p></div></body>')
      .window;
    const doc = win.document;
    const content = doc.getElementById('c')!;
    const view = cjkPunctuationView(content, 'as-published');
    const group = buildCjkPunctuationSetting(doc, englishReader, 'as-published', (m) =>
      view.set(m),
    );
    doc.body.append(group);
    expect(group.querySelector('legend')!.textContent).toBe('CJK punctuation');
    const radios = [...group.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    expect(radios.map((r) => [r.value, r.checked])).toEqual([
      ['as-published', true],
      ['full-width', false],
    ]);
    expect(new Set(radios.map((r) => r.name)).size).toBe(1);
    radios[1]!.click();
    expect(content.textContent).toBe('比特币，以太坊');
    // A block shown back later follows the mode.
    const p = doc.createElement('p');
    p.textContent = '快讯:内容';
    content.append(p);
    view.refresh();
    expect(p.textContent).toBe('快讯：内容');
    radios[0]!.click();
    expect(content.textContent).toBe('比特币,以太坊快讯:内容');
    view.set('full-width');
    view.destroy();
    expect(content.textContent).toBe('比特币,以太坊快讯:内容');
  });
});
