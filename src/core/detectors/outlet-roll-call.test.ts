import { describe, expect, it } from 'vitest';
import { postContext } from '../test-support/dom.js';
import { outletRollCallDetector } from './outlet-roll-call.js';

const ESSAY =
  '<p>以太坊的質押收益率在上海升級之後趨於穩定，流動性質押協議的份額持續上升，引發了關於中心化的討論。</p>' +
  '<p>一些研究者認為，協議層面應該限制單一運營者的份額，另一些人則認為市場會自行找到平衡。</p>';
const NAMES = [
  '巴比特資訊',
  '個人專欄',
  '閱讀更多',
  '金色早8點',
  '金色財經',
  'Odaily星球日報',
  '歐科云鏈',
  'Arcane Labs',
  '深潮TechFlow',
  'MarsBit',
  '澎湃新聞',
  'BTCStudy',
  '鏈得得',
];

function run(html: string) {
  const { ctx, log, root } = postContext(html);
  outletRollCallDetector.run(ctx);
  return { log, text: root.textContent ?? '' };
}

describe('outlet-roll-call detector', () => {
  it('removes a run of outlet-name blocks after the essay, as one list when it is one', () => {
    const { log, text } = run(
      `${ESSAY}<ul>${NAMES.map((n) => `<li><a href="#">${n}</a></li>`).join('')}</ul>`,
    );
    expect(log.removed).toHaveLength(1);
    expect(log.removed[0]!.kind).toBe('outlet-roll-call');
    expect(log.removed[0]!.rule).toBe('detector:outlet-roll-call');
    expect(text).toContain('以太坊的質押');
    expect(text).not.toContain('MarsBit');
  });

  it('removes flat name paragraphs, Simplified names too', () => {
    const { log } = run(
      `${ESSAY}${['金色财经', 'PANews', 'BlockBeats', 'ChainCatcher'].map((n) => `<p>${n}</p>`).join('')}`,
    );
    expect(log.removed).toHaveLength(4);
  });

  it('removes one block made of names', () => {
    const { log } = run(`${ESSAY}<p>巴比特 | 金色財經 | PANews | 鏈得得</p>`);
    expect(log.removed).toHaveLength(1);
  });

  it('keeps outlet names inside essay prose (negative 9)', () => {
    const { log } = run(
      `${ESSAY}<p>據金色財經此前統計，這一數字在去年翻了一倍。</p><p>Odaily、PANews 與 BlockBeats 都報道了此事。</p>`,
    );
    expect(log.removed).toEqual([]);
  });

  it('keeps a name run that an essay paragraph follows, and a pair of names', () => {
    const { log } = run(
      `<p>金色財經</p><p>PANews</p><p>BlockBeats</p>${ESSAY}<p>PANews</p><p>MarsBit</p>`,
    );
    expect(log.removed).toEqual([]);
  });
});
