import { describe, expect, it } from 'vitest';
import { postContext, preContext } from '../test-support/dom.js';
import { navSpamDetector } from './nav-spam.js';

const ESSAY =
  '<p>這是一段正文，講述去中心化交易所如何在沒有託管人的情況下撮合訂單，以及它帶來的結算風險與機會。</p>';

describe('nav-spam detector', () => {
  it('removes a doubled keyword and the Ctrl+D bookmark line above the essay', () => {
    const { ctx, log, root } = postContext(
      `<p>買以太坊 買以太坊</p><p>Ctrl+D 買以太坊</p><h1>標題</h1>${ESSAY}`,
    );
    navSpamDetector.run(ctx);
    expect(log.removed.map((r) => [r.kind, r.text])).toEqual([
      ['nav-spam', '買以太坊 買以太坊'],
      ['nav-spam', 'Ctrl+D 買以太坊'],
    ]);
    expect(log.removed[0]!.rule).toBe('detector:nav-spam');
    expect(ctx.signals.farm).toBe(true);
    expect(root.textContent).toContain('標題');
  });

  it('handles NBSP and the Ctrl+D收藏 variant, Simplified', () => {
    const { ctx, log } = postContext(
      `<p>比特币交易\u00a0比特币交易</p><div>Ctrl+D收藏比特币交易</div>${ESSAY}`,
    );
    navSpamDetector.run(ctx);
    expect(log.removed).toHaveLength(2);
  });

  it('keeps a doubled Latin word with no bookmark line, and lines after the first paragraph', () => {
    const { ctx, log } = postContext(
      `<p>Bye Bye</p>${ESSAY}<p>買以太坊 買以太坊</p><p>Ctrl+D 買以太坊</p>`,
    );
    navSpamDetector.run(ctx);
    expect(log.removed).toEqual([]);
  });

  it('removes a doubled Latin word next to a bookmark line', () => {
    const { ctx, log } = postContext(`<p>Bitcoin Bitcoin</p><p>Ctrl+D Bitcoin</p>${ESSAY}`);
    navSpamDetector.run(ctx);
    expect(log.removed).toHaveLength(2);
  });

  it('in the page, works only on a farm page and only above the h1', () => {
    const html = `<p>買以太坊 買以太坊</p><p>Ctrl+D 買以太坊</p><h1>標題</h1><p>賣以太坊 賣以太坊</p>${ESSAY}`;
    const plain = preContext(html);
    navSpamDetector.run(plain.ctx);
    expect(plain.log.removed).toEqual([]);

    const farm = preContext(html);
    farm.ctx.signals.farm = true;
    navSpamDetector.run(farm.ctx);
    expect(farm.log.removed.map((r) => r.text)).toEqual(['買以太坊 買以太坊', 'Ctrl+D 買以太坊']);
    expect(farm.doc.body.textContent).toContain('賣以太坊 賣以太坊');
  });
});
