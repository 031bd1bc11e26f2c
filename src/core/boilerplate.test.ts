import { describe, expect, it } from 'vitest';
import { RemovalLog } from './context.js';
import { makeDocument, TEST_URL } from './test-support/dom.js';
import { POST_DETECTORS, PRE_DETECTORS } from './registry.js';
import { scriptVariants } from './signatures/script-variants.js';

/** Runs every boilerplate detector, pre on the page, then post on `#content` (no Readability). */
function runAll(bodyHtml: string) {
  const doc = makeDocument(`<!doctype html><html><body>${bodyHtml}</body></html>`);
  const log = new RemovalLog();
  const signals = { farm: false, tagText: '', date: null };
  const url = new URL(TEST_URL);
  const pre = log.context('pre', doc, doc.body, url, signals);
  for (const d of PRE_DETECTORS) d.run(pre);
  const content = doc.getElementById('content')!;
  const post = log.context('post', doc, content, url, signals);
  for (const d of POST_DETECTORS) d.run(post);
  return { log, content };
}

const ESSAY = [
  '自某聊天機器人發布以來，已經過去幾個月的時間了，它不僅讓許多研究員大開眼界，還讓大眾見識到了模型的力量。',
  '在這篇文章中，我將從個人角度出發，聊聊它對三類人的影響：研究員、開發人員和普通大眾。',
  '對研究員來說，最重要的一課是：管理人類反饋對於提高大型語言模型的性能非常重要。',
];

describe('the registered detectors together', () => {
  it('clears a farm tail: roll call, tags, download call, dated related list, ads', () => {
    const names = [
      '巴比特資訊',
      '個人專欄',
      '閱讀更多',
      '金色早8點',
      '金色財經',
      'Odaily星球日報',
      '歐科云鏈',
      'PANews',
    ];
    const item = (n: number) =>
      `<p><a href="#">ABC:相關文章${n}_XYZ</a></p><p>相關文章${n}的一句摘要，說明它的主題.</p><p>1900/1/1 0:00:00</p>`;
    const { log, content } = runAll(
      `<div id="content">${ESSAY.map((t) => `<p>${t}</p>`).join('')}` +
        names.map((n) => `<p>${n}</p>`).join('') +
        '<p>Tags:<a href="#">GPT</a><a href="#">平臺交易</a></p><p>中幣下載</p>' +
        `${item(1)}${item(2)}${item(3)}<p>ads</p></div>`,
    );
    const kinds = new Set(log.removed.map((r) => r.kind));
    expect([...kinds].sort()).toEqual([
      'ad-slot',
      'download-cta',
      'outlet-roll-call',
      'related-list',
      'tags',
    ]);
    expect((content.textContent ?? '').replace(/\s+/g, '')).toBe(ESSAY.join(''));
  });

  it('removes nothing from an essay full of the §12 negatives', () => {
    const negatives = [
      '正如某實驗室在2022年11月30日發布的博客所說：模型仍會犯錯，需要人類反饋來校正。',
      '數據：鏈上活躍地址一年內翻倍',
      '區塊 17,034,870 的出塊時間為 [2023/4/12 22:27:35]，此後提款開始生效。',
      '该协议此前消息称将于下周升级，但开发者随后推迟了时间表。',
      '未來如何?',
      '据金色财经此前统计，这一数字在去年翻了一倍，Odaily、PANews 與 BlockBeats 也有報道。',
      '標籤：鏈上分析公司給地址打上標籤，讓追蹤資金流向變得容易，這是行業的基礎設施。',
      '摘要：本文梳理再質押協議的風險與收益，以及它們對以太坊安全的影響。',
      'Related developments include a second proposal from the same team.',
      'Read more about the methodology in the appendix.',
      'On Jan. 5, 2024 at 10:49:49 UTC the block was mined.',
      'Disclosure: the author holds BTC.',
    ];
    const body = [...ESSAY.slice(0, 2), ...negatives, ESSAY[2]!]
      .map((t, i) => (i === 6 ? `<h2>${t}</h2>` : `<p>${t}</p>`))
      .join('');
    const { log } = runAll(
      `<div id="content">${body}<blockquote><p>ads</p><p>1 2 3</p></blockquote>${ESSAY.map((t) => `<p>${t}</p>`).join('')}</div>`,
    );
    expect(log.removed).toEqual([]);
  });

  it('scriptVariants matches either script per character, inside classes too', () => {
    const re = new RegExp(`^${scriptVariants('金色财经[报讯]')}$`, 'u');
    expect(['金色財經報', '金色财經讯', '金色財经訊'].every((s) => re.test(s))).toBe(true);
    expect(re.test('金色财经说')).toBe(false);
  });
});
