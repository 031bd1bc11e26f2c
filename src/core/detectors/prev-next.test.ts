import { describe, expect, it } from 'vitest';
import { postContext } from '../test-support/dom.js';
import { prevNextDetector } from './prev-next.js';

const ESSAY =
  '<p>上一篇文章中我們討論了跨鏈橋的安全模型，這一篇將繼續分析輕客戶端驗證的成本與取捨，以及它們的實際部署。</p>';
const EN =
  '<p>Next, we look at how the validators responded to the proposal and what changed afterwards.</p>';

function run(html: string) {
  const { ctx, log, root } = postContext(html);
  prevNextDetector.run(ctx);
  return { log, text: root.textContent ?? '' };
}

describe('prev-next detector', () => {
  it('removes CMS previous/next lines, 没有了 and 返回列表', () => {
    const { log, text } = run(
      `${ESSAY}<p>上一篇：<a href="/a">某協議完成升級</a></p><p>下一篇：没有了</p><p><a href="/list">返回列表</a></p>`,
    );
    expect(log.removed.map((r) => [r.kind, r.rule])).toEqual([
      ['prev-next', 'detector:prev-next'],
      ['prev-next', 'detector:prev-next'],
      ['prev-next', 'detector:prev-next'],
    ]);
    expect(text).toContain('上一篇文章中');
  });

  it('removes English next/previous article links, keeps "Next, we…"', () => {
    const { log, text } = run(
      `${EN}<p><a href="/n">Next article: Validators vote on the fork</a></p>${EN}`,
    );
    expect(log.removed).toHaveLength(1);
    expect(text).toContain('Next, we look');
  });

  it('keeps a 上一篇 line that is prose in the middle and not a link', () => {
    const { log } = run(`<p>下一篇 我們會講清算機制。</p>${ESSAY}${ESSAY}`);
    expect(log.removed).toEqual([]);
  });
});
