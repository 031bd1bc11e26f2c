import { describe, expect, it } from 'vitest';
import { postContext } from '../test-support/dom.js';
import { downloadCtaDetector } from './download-cta.js';

const ESSAY =
  '<p>交易所的返佣計劃通常按照手續費的一定比例返還給邀請人，這種設計在牛市中帶來了大量新用戶，也帶來了監管關注。</p>' +
  '<p>研究者發現，返佣比例越高的平臺，其用戶的平均持倉時間越短，這與短線交易的激勵結構一致。</p>';

function run(html: string) {
  const { ctx, log, root } = postContext(html);
  downloadCtaDetector.run(ctx);
  return { log, text: root.textContent ?? '' };
}

describe('download-cta detector', () => {
  it('removes 中幣下載 after the essay', () => {
    const { log, text } = run(`${ESSAY}<p><a href="#">中幣下載</a></p>`);
    expect(log.removed.map((r) => [r.kind, r.rule, r.text])).toEqual([
      ['download-cta', 'detector:download-cta', '中幣下載'],
    ]);
    expect(text).toContain('返佣計劃');
  });

  it('removes a referral block above the essay, with its version line', () => {
    const { log } = run(
      '<p>某交易所(ABC)最新版本</p><p>【遇到注册下载问题请加文章最下面的客服微信】永久享受返佣20%手续费!</p>' +
        `<p><a href="#">APP下载</a> <a href="#">全球官网</a> <a href="#">大陆官网</a></p>${ESSAY}`,
    );
    expect(log.removed).toHaveLength(3);
  });

  it('keeps essay sentences and a mid-article heading about rebates', () => {
    const { log } = run(
      `${ESSAY}<h2>返佣機制</h2>${ESSAY}<p>客服微信是許多詐騙的起點。</p>${ESSAY}`,
    );
    expect(log.removed).toEqual([]);
  });
});
