import { describe, expect, it } from 'vitest';
import { RemovalLog } from '../context.js';
import { postContext, preContext, TEST_URL } from '../test-support/dom.js';
import { shareWidgetDetector } from './share-widget.js';

const ESSAY =
  '<p>收藏家們把鏈上藝術品視為新的收藏類別，拍賣行也開始為它們設立專場，成交價屢創新高，引來大量關注。</p>';

describe('share-widget detector', () => {
  it('removes share lines, the WeChat QR hint and button rows', () => {
    const { ctx, log, root } = postContext(
      `${ESSAY}<p>微信扫一扫：分享</p><p>微信里点“发现”，扫一下</p><p>二维码便可将本文分享至朋友圈。</p>` +
        `<div>点赞 12 | 收藏 | 分享</div><p><a href="#">Share on Twitter</a></p>`,
    );
    shareWidgetDetector.run(ctx);
    expect(log.removed.map((r) => r.text)).toEqual([
      '微信扫一扫：分享',
      '微信里点“发现”，扫一下',
      '二维码便可将本文分享至朋友圈。',
      '点赞 12 | 收藏 | 分享',
      'Share on Twitter',
    ]);
    expect(
      log.removed.every((r) => r.kind === 'share-widget' && r.rule === 'detector:share-widget'),
    ).toBe(true);
    expect(root.textContent).toContain('收藏家們');
  });

  it('keeps prose that starts with 收藏 and a lone network name', () => {
    const { ctx, log } = postContext(`${ESSAY}<p>收藏品市場正在回暖。</p><p>Twitter</p>`);
    shareWidgetDetector.run(ctx);
    expect(log.removed).toEqual([]);
  });

  it('marks share boxes by class in the page; a share-classed byline stays', () => {
    const { ctx, doc } = preContext(
      `<article>${ESSAY}<div class="share-wrapper social-share"><a href="#">微信</a><a href="#">微博</a></div>` +
        `<div class="column share-byline-timestamp">by Jane Doe, March 1, 2024</div>` +
        `<div class="wechat-qrcode"><img src="qr.png" alt=""></div></article>`,
    );
    shareWidgetDetector.run(ctx);
    expect(doc.querySelector('.share-byline-timestamp')!.hasAttribute('data-cr-chrome')).toBe(
      false,
    );
    const article = doc.querySelector('article')!;
    const log = new RemovalLog();
    shareWidgetDetector.run(log.context('post', doc, article, new URL(TEST_URL), ctx.signals));
    expect(log.removed).toHaveLength(2);
    expect(article.textContent).toContain('Jane Doe');
    expect(article.querySelector('img')).toBeNull();
  });
});
