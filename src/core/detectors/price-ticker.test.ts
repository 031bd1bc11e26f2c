import { describe, expect, it } from 'vitest';
import { RemovalLog } from '../context.js';
import { postContext, preContext, TEST_URL } from '../test-support/dom.js';
import { priceTickerDetector } from './price-ticker.js';

const P =
  '<p>Crypto markets were mixed on Tuesday as traders weighed the latest inflation data against strong ETF demand.</p>';

describe('price-ticker detector', () => {
  it('removes a ticker block above the essay and one-item lines below it', () => {
    const { ctx, log, root } = postContext(
      `<div>BTC $67,120.5 +2.3% ETH $3,410 -1.2% SOL $148.20 +5.1%</div>${P}${P}` +
        '<ul><li>BTC $67,120 +2.3%</li><li>ETH $3,410 −1.2%</li><li>XRP $0.52 +0.4%</li></ul>',
    );
    priceTickerDetector.run(ctx);
    expect(log.removed.map((r) => [r.kind, r.rule])).toEqual([
      ['price-ticker', 'detector:price-ticker'],
      ['price-ticker', 'detector:price-ticker'],
    ]);
    expect(root.textContent).toContain('inflation data');
  });

  it('keeps price lists inside the essay and in tables', () => {
    const { ctx, log } = postContext(
      `${P}<ul><li>BTC $67,120 +2.3%</li><li>ETH $3,410 -1.2%</li><li>SOL $148 +5.1%</li></ul>${P}` +
        '<table><tr><th>Asset</th><th>Move</th></tr><tr><td>BTC $1 +1% ETH $2 +2% SOL $3 +3%</td><td>up</td></tr></table>',
    );
    priceTickerDetector.run(ctx);
    expect(log.removed).toEqual([]);
  });

  it('marks the header price bar in the page', () => {
    const { ctx, doc } = preContext(
      `<div class="price-ticker"><span>BTC 67120</span><span>ETH 3410</span></div><article>${P}</article>`,
    );
    priceTickerDetector.run(ctx);
    const log = new RemovalLog();
    priceTickerDetector.run(log.context('post', doc, doc.body, new URL(TEST_URL), ctx.signals));
    expect(log.removed.map((r) => r.text)).toEqual(['BTC 67120ETH 3410']);
  });
});
