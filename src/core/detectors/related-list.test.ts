import { describe, expect, it } from 'vitest';
import { postContext } from '../test-support/dom.js';
import { relatedListDetector } from './related-list.js';

const ESSAY =
  '<p>Layer 2 網絡的費用在升級後大幅下降，開發者開始把更多的應用部署到這些網絡上，用戶數量也隨之上升。</p>' +
  '<p>不過，排序器的中心化仍然是一個懸而未決的問題，多個團隊正在研究共享排序器的方案。</p>';
const item = (n: number) =>
  `<p><a href="/info/${n}.html">ABC:第${n}篇相關文章的標題_XYZ</a></p><p>這是第${n}篇文章的一句話摘要，說明它講了什麼。</p><p>1900/1/1 0:00:00</p>`;

function run(html: string) {
  const { ctx, log, root } = postContext(html);
  relatedListDetector.run(ctx);
  return { log, text: root.textContent ?? '' };
}

describe('related-list detector', () => {
  it('removes a hot-news column after the essay, keeps an author box and a closing section', () => {
    const { log, text } = run(
      `<table><tr><td>${ESSAY}${ESSAY}<h2>延伸閱讀</h2><ul><li>某本書的一段說明文字，講述了這個主題的歷史。</li></ul></td>` +
        '<td><div><h3>熱點快訊</h3><h4>比特幣站上七萬美元</h4><div>多家交易所成交量放大。</div>' +
        '<h4>以太坊費用降至低點</h4></div></td></tr></table>' +
        '<div><h3>About the Author</h3><h4><a href="/a">Sarah Archer</a></h4><p>Sarah Archer is the author of a book on kitchens.</p></div>',
    );
    expect(log.removed.map((r) => r.text)).toEqual([
      '熱點快訊比特幣站上七萬美元多家交易所成交量放大。以太坊費用降至低點',
    ]);
    expect(text).toContain('延伸閱讀');
    expect(text).toContain('About the Author');
  });

  it('removes a flat farm list of title, summary and placeholder date, first item included', () => {
    const { log, text } = run(`${ESSAY}${item(1)}${item(2)}${item(3)}`);
    expect(log.removed).toHaveLength(9);
    expect(
      log.removed.every((r) => r.kind === 'related-list' && r.rule === 'detector:related-list'),
    ).toBe(true);
    expect(text).toContain('排序器的中心化');
    expect(text).not.toContain('第1篇');
  });

  it('removes a list of item containers as one removal', () => {
    const li = (n: number) =>
      `<li><a href="#">第${n}篇</a><p>摘要${n}，一句話。</p><span>2023/7/12 10:49:49</span></li>`;
    const { log, text } = run(`${ESSAY}<ul>${li(1)}${li(2)}</ul>`);
    expect(log.removed).toHaveLength(1);
    expect(text).not.toContain('摘要');
  });

  it('keeps dated lines that an essay paragraph follows, and a single dated item', () => {
    expect(run(`${ESSAY}${item(1)}${item(2)}${ESSAY}`).log.removed).toEqual([]);
    expect(run(`${ESSAY}${item(1)}`).log.removed).toEqual([]);
  });

  it('removes a related heading with the link list after it', () => {
    const { log, text } = run(
      `${ESSAY}<h3>相關閱讀</h3><ul><li><a href="#">第一篇</a></li><li><a href="#">第二篇</a></li></ul>`,
    );
    // The heading, and the list as one removal.
    expect(log.removed.map((r) => r.text)).toEqual(['相關閱讀', '第一篇第二篇']);
    expect(text).not.toContain('第一篇');
  });

  it('removes More For You / Recommended News, and keeps a heading that prose follows', () => {
    const en =
      '<p>Bitcoin miners sold more coins than they produced for a third straight month, the data show.</p>';
    const { log } = run(
      `${en}<h2>More For You</h2><p><a href="#">Miners brace for the halving</a></p><h2>Recommended News</h2>`,
    );
    expect(log.removed.map((r) => r.text)).toEqual([
      'More For You',
      'Miners brace for the halving',
      'Recommended News',
    ]);
    const kept = run(`${en}<h2>Recommended reading</h2>${en}`);
    expect(kept.log.removed).toEqual([]);
  });

  it('removes news cards after the essay', () => {
    const en =
      '<p>The exchange said it would resume withdrawals once the audit was complete next week.</p>';
    const { log } = run(
      `${en}<p>NEWS | 5 hours ago</p><p><a href="#">Miners move coins</a></p><p>MARKETS | 2 days ago</p><p><a href="#">ETF flows turn</a></p>`,
    );
    expect(log.removed).toHaveLength(4);
  });
});
