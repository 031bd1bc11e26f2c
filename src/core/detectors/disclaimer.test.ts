import { describe, expect, it } from 'vitest';
import { RemovalLog } from '../context.js';
import { postContext, preContext, TEST_URL } from '../test-support/dom.js';
import { disclaimerDetector } from './disclaimer.js';

const ZH =
  '<p>比特幣現貨ETF獲批後，傳統資管機構的資金流入成為影響價格的重要因素，分析師開始逐日追蹤申購與贖回數據。</p>';
const EN =
  '<p>Spot bitcoin ETFs drew steady inflows in their first month, and analysts now track daily creations and redemptions closely.</p>';

function run(html: string) {
  const { ctx, log, root } = postContext(html);
  disclaimerDetector.run(ctx);
  return { log, text: root.textContent ?? '' };
}

describe('disclaimer detector', () => {
  it('removes the Chinese statements at the end, Simplified and Traditional', () => {
    const { log, text } = run(
      `${ZH}${ZH}<p>本文来源：<a href="#">某媒体</a> 责任编辑：小李 <a href="#">我要纠错</a></p>` +
        '<p>聲明：本文系某財經原創稿件，版權屬某財經所有，未經授權不得轉載。</p>' +
        '<p>免责声明：某平台作为开放的资讯分享平台，所提供的所有资讯仅代表作者个人观点。</p>' +
        '<p>投资有风险，入市须谨慎。本资讯不作为投资理财建议。</p>',
    );
    expect(log.removed).toHaveLength(4);
    expect(
      log.removed.every((r) => r.kind === 'disclaimer' && r.rule === 'detector:disclaimer'),
    ).toBe(true);
    expect(text).toContain('比特幣現貨ETF');
  });

  it('removes the English site boilerplate at the end', () => {
    const { log } = run(
      `${EN}${EN}<p>This article does not contain investment advice or recommendations. Every investment and trading move involves risk.</p>` +
        '<p>Disclaimer: The Example is an independent media outlet that delivers news, research, and data.</p>' +
        '<p>© 2024 The Block. All Rights Reserved.</p><p>Image Credits: Shutterstock, Pixabay</p>',
    );
    expect(log.removed).toHaveLength(4);
  });

  it("keeps an author's disclosure and a statement that an essay paragraph follows", () => {
    const { log } = run(
      `${EN}<p>Disclaimer: this model ignores fees, which matter for small trades.</p>${EN}${EN}<p>Disclosure: the author holds BTC.</p>`,
    );
    expect(log.removed).toEqual([]);
  });

  it('keeps Quick Take and 摘要 summaries (negative 12)', () => {
    const { log } = run(
      `<p>摘要：本文梳理了再質押協議的風險。</p>${ZH}<p>Quick Take: restaking adds leverage.</p>`,
    );
    expect(log.removed).toEqual([]);
  });

  it('marks a metadata-styled disclosure in the page (CoinDesk), not a caption source', () => {
    const { ctx, doc } = preContext(
      `<article>${EN}<div class="document-body font-metadata text-subtle"><p>Disclosure &amp; Polices: Example is an award-winning media outlet that covers the industry.</p></div>` +
        `<span class="source">Photo: Example Agency</span></article>`,
    );
    disclaimerDetector.run(ctx);
    expect(doc.querySelector('.source')!.hasAttribute('data-cr-chrome')).toBe(false);
    const article = doc.querySelector('article')!;
    const log = new RemovalLog();
    disclaimerDetector.run(log.context('post', doc, article, new URL(TEST_URL), ctx.signals));
    expect(log.removed).toHaveLength(1);
    expect(article.textContent).not.toContain('award-winning');
  });
});
