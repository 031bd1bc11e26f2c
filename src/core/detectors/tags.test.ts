import { describe, expect, it } from 'vitest';
import { RemovalLog } from '../context.js';
import { postContext, preContext, TEST_URL } from '../test-support/dom.js';
import { tagsDetector } from './tags.js';

const ESSAY =
  '<p>這篇文章討論了零知識證明如何讓區塊鏈在不公開交易細節的情況下驗證交易，以及它對隱私的意義。</p>' +
  '<p>作者認為，隨著證明生成的成本下降，越來越多的應用將把計算搬到鏈下，只在鏈上驗證結果。</p>';

describe('tags detector', () => {
  it('removes a Tags: run of concatenated anchors and notes its text', () => {
    const { ctx, log, root } = postContext(
      `${ESSAY}<p>Tags:<a href="/t/1">GPT</a><a href="/t/2">區塊鏈</a><a href="/t/3">平臺交易</a></p>`,
    );
    tagsDetector.run(ctx);
    expect(log.removed.map((r) => [r.kind, r.rule])).toEqual([['tags', 'detector:tags']]);
    expect(ctx.signals.tagText).toContain('GPT');
    expect(root.textContent).toContain('零知識證明');
  });

  it('matches 标签 / 標籤 / 关键字词 with either colon', () => {
    const { ctx, log } = postContext(
      `${ESSAY}<p>标签：<a href="#">比特币</a> <a href="#">以太坊</a></p>` +
        `<p>標籤:<a href="#">DeFi</a></p><div>关键字词：<a href="#">NFT</a><a href="#">元宇宙</a></div>`,
    );
    tagsDetector.run(ctx);
    expect(log.removed).toHaveLength(3);
  });

  it('removes a trailing plain tag list, and a label line with one tag link per line', () => {
    const { ctx, log } = postContext(
      `${ESSAY}<p>Tags: bitcoin, ETF, regulation</p><p>标签</p><p><a href="#">比特币</a></p><p><a href="#">现货ETF</a></p>`,
    );
    tagsDetector.run(ctx);
    expect(log.removed.map((r) => r.text)).toEqual([
      'Tags: bitcoin, ETF, regulation',
      '标签',
      '比特币',
      '现货ETF',
    ]);
  });

  it('keeps an essay sentence that opens with 标签： and a non-link label mid-article', () => {
    const html =
      '<p>标签：链上分析公司会给地址打上交易所、黑客或基金的标签，这让追踪资金流向变得容易得多。</p>' +
      ESSAY +
      '<p>Tags: these are what the indexer attaches to each event.</p>' +
      ESSAY;
    const { ctx, log } = postContext(html);
    tagsDetector.run(ctx);
    expect(log.removed).toEqual([]);
  });

  it('marks the CMS tag boxes in the page and removes what reached the content', () => {
    const { ctx, doc } = preContext(
      `<article>${ESSAY}<div class="keybq">关键字词：<a href="/tags.php?/a">比特币</a><a href="/tags.php?/b">矿工</a></div>` +
        `<div class="tags">${ESSAY}</div></article>`,
    );
    tagsDetector.run(ctx);
    expect(doc.querySelector('.keybq')!.getAttribute('data-cr-chrome')).toBe('tags');
    expect(doc.querySelector('.tags')!.hasAttribute('data-cr-chrome')).toBe(false);
    const article = doc.querySelector('article')!;
    const log = new RemovalLog();
    tagsDetector.run(log.context('post', doc, article, new URL(TEST_URL), ctx.signals));
    expect(log.removed.map((r) => r.kind)).toEqual(['tags']);
    expect(article.textContent).not.toContain('矿工');
  });
});
