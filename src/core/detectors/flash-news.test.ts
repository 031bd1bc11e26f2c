import { describe, expect, it } from 'vitest';
import { RemovalLog } from '../context.js';
import { makeDocument, TEST_URL } from '../test-support/dom.js';
import { datedHeadEnd, flashNewsDetector } from './flash-news.js';

const ESSAY =
  '<p>鏈上結算的速度決定了衍生品市場能承受多大的槓桿，這是本文想要說明的第一個問題，也是許多交易者忽略的地方。</p>' +
  '<p>第二個問題在於流動性提供者如何定價風險，當波動率上升時，做市商往往同時撤出多個市場，造成連鎖反應。</p>';

/** Marks on the whole page, then removes from `#root` (standing in for Readability's pick). */
function run(html: string, between?: (doc: Document) => void) {
  const doc = makeDocument(`<!doctype html><html><body><div id="root">${html}</div></body></html>`);
  const root = doc.getElementById('root')!;
  const log = new RemovalLog();
  const signals = { farm: false, tagText: '', date: null };
  flashNewsDetector.run(log.context('pre', doc, doc.body, new URL(TEST_URL), signals));
  between?.(doc);
  flashNewsDetector.run(log.context('post', doc, root, new URL(TEST_URL), signals));
  return { log, text: root.textContent ?? '' };
}

describe('flash-news detector', () => {
  it('removes a one-paragraph run with an outlet dateline and a timestamp', () => {
    const { log, text } = run(
      ESSAY +
        '<p>數據:某公鏈日交易量創新高:金色財經報道,鏈上數據顯示該網絡昨日處理交易超過五百萬筆。[2023/2/6 11:49:06]</p>' +
        ESSAY,
    );
    expect(log.removed.map((r) => r.kind)).toEqual(['flash-news']);
    expect(log.removed[0]!.rule).toBe('detector:flash-news');
    expect(text).not.toContain('五百萬筆');
    expect(text).toContain('第二個問題');
  });

  it('removes a two-paragraph run whose head holds a colon and whose tail starts with 此前', () => {
    const { log } = run(
      ESSAY +
        '<p>某交易所:提醒用戶注意釣魚鏈接:7月12日消息,該交易所發文提醒用戶只認準官方網站。</p>' +
        '<p>此前消息,索賠網站曾短暫下線。[2023/7/12 10:49:49]</p>' +
        ESSAY,
    );
    // One run, one entry: its text is the whole run, its reasons the signals that fired.
    expect(log.removed).toHaveLength(1);
    expect(log.removed[0]!.text).toContain('釣魚鏈接');
    expect(log.removed[0]!.text).toContain('短暫下線');
    expect(log.removed[0]!.reasons).toEqual([
      'head',
      'dateline',
      'continuation',
      'stamp:trailing-bracket',
    ]);
  });

  it('removes a two-paragraph run whose second paragraph has no 此前 when the head is dated', () => {
    const { log } = run(
      ESSAY +
        '<p>某基金會公布資助名單:10月14日,據官方消息,該基金會公布第十五期資助項目。</p>' +
        '<p>入選項目涵蓋錢包、工具與研究等方向。[2022/10/14 14:27:50]</p>' +
        ESSAY,
    );
    expect(log.removed).toHaveLength(1);
    expect(log.removed[0]!.text).toContain('入選項目');
  });

  it('handles Simplified text, full-width colon and brackets, linked headlines', () => {
    const { log } = run(
      ESSAY +
        '<p><a href="/x">某协议完成升级</a>：PANews 7月12日消息，该协议宣布主网升级完成。［2023/7/12 9:01:02］</p>' +
        ESSAY,
    );
    expect(log.removed).toHaveLength(1);
  });

  it('keeps a colon sentence with a dateline-like body but no timestamp (§12.1, §12.2)', () => {
    const { log } = run(
      ESSAY +
        '<p>他说：据彭博社报道，该基金本季度增持了比特币，但具体数量没有披露。</p>' +
        '<p>數據：鏈上活躍地址一年內翻倍</p>' +
        ESSAY,
    );
    expect(log.removed).toHaveLength(0);
  });

  it('keeps a timestamp mid-sentence and a 此前 mid-sentence (§12.3, §12.5)', () => {
    const { log } = run(
      ESSAY +
        '<p>區塊 17,034,870 的出塊時間為 [2023/4/12 22:27:35]，此後提款開始生效。</p>' +
        '<p>该协议此前消息称将于下周升级，但团队后来推迟了计划。</p>' +
        ESSAY,
    );
    expect(log.removed).toHaveLength(0);
  });

  it('finds a whole run inside a blockquote', () => {
    const { log } = run(
      ESSAY +
        '<blockquote><p>公告:節點升級:金色財經報道,節點將於今晚升級。[2023/7/12 10:49:49]</p></blockquote>' +
        ESSAY,
    );
    expect(log.removed).toHaveLength(1);
  });

  it('keeps a quoted log line with a stamp, pre, code and a data table (§12.4)', () => {
    const { log } = run(
      ESSAY +
        '<blockquote><p>節點日誌:同步完成,高度 17,034,870。[2023/7/12 10:49:49]</p></blockquote>' +
        '<pre>公告:節點升級:金色財經報道,節點將於今晚升級。[2023/7/12 10:49:49]</pre>' +
        '<table><tr><th>來源</th><th>紀錄</th></tr><tr><td>節點</td><td>日誌:同步完成:7月12日消息,同步完成。[2023/7/12 10:49:49]</td></tr></table>' +
        ESSAY,
    );
    expect(log.removed).toHaveLength(0);
  });

  it('sees into a layout table that holds the essay one paragraph per cell', () => {
    const row = (html: string) => `<tr><td>${html}</td></tr>`;
    const { log } = run(
      '<table>' +
        row(
          '鏈上結算的速度決定了衍生品市場能承受多大的槓桿，這是本文想要說明的第一個問題，也是許多交易者忽略的地方。',
        ) +
        row('某協議:完成主網升級:金色財經報道,該協議今日完成主網升級。[2023/7/12 10:49:49]') +
        row(
          '第二個問題在於流動性提供者如何定價風險，當波動率上升時，做市商往往同時撤出多個市場，造成連鎖反應。',
        ) +
        '</table>',
    );
    expect(log.removed).toHaveLength(1);
  });

  it('keeps numbered steps of an essay timeline and list items', () => {
    const { log } = run(
      ESSAY +
        '<p>第一步:攻擊者從混幣器提取資金:據鏈上數據,資金隨後進入跨鏈橋。[2023/4/12 22:27:35]</p>' +
        '<ol><li>更新:項目方發布公告:據官方消息,合約已暫停。[2023/4/12 22:31:02]</li></ol>' +
        ESSAY,
    );
    expect(log.removed).toHaveLength(0);
  });

  it('accepts ? and ! in the headline and any outlet dateline', () => {
    const { log } = run(
      ESSAY +
        '<p>比特幣突破4.4萬美元!24小時漲幅超5%:金色財經報道,行情顯示比特幣短線拉升。[2023/12/5 8:44:10]</p>' +
        '<p>某研究機構消息,據鏈上監測,某地址轉出大量代幣。[2023/12/2 11:02:56]</p>' +
        '<p>某交易所:將上線新合約:該交易所宣布將上線新的永續合約。</p><p>據悉,該交易所上月已上線類似產品。[2023/12/12 9:40:27]</p>' +
        ESSAY,
    );
    expect(log.removed).toHaveLength(3);
  });

  it('keeps everything on a flash digest page (§12.13)', () => {
    const items = Array.from(
      { length: 8 },
      (_, i) =>
        `<p>快訊${i}:某項目宣布新進展:金色財經報道,某項目今日宣布第${i}項進展,細節稍後公布。${i % 2 ? '[2023/7/12 10:49:49]' : ''}</p>`,
    ).join('');
    const { log } = run(items);
    expect(log.removed).toHaveLength(0);
  });

  it('records the whole run once when the article lost part of it, with its linked headline', () => {
    // The headline stands in a <div> of its own, which Readability drops.
    const { log, text } = run(
      ESSAY +
        '<div id="headline"><a href="/lives/123.html">某交易所暫停提幣</a></div>' +
        '<p>金色財經報道,某交易所宣布暫停提幣。[2023/7/12 10:49:49]</p>' +
        ESSAY,
      (doc) => doc.getElementById('headline')!.remove(),
    );
    expect(text).not.toContain('暫停提幣');
    expect(log.removed).toHaveLength(1);
    expect(log.removed[0]!.text).toBe(
      '某交易所暫停提幣 金色財經報道,某交易所宣布暫停提幣。[2023/7/12 10:49:49]',
    );
    expect(log.removed[0]!.reasons).toContain('headline-link:flash-page');
  });

  it('finds runs whatever their stamp: leading, parenthesised, none but a label or an outlet', () => {
    const { log } = run(
      ESSAY +
        '<p>【2024-03-11 16:20】PANews 3月11日消息,某公鏈宣布完成升級。</p>' +
        ESSAY +
        '<p>快訊｜某礦池下調費率：火星財經消息，某礦池宣布下調手續費。（2024年3月8日）</p>' +
        ESSAY +
        '<p>ＥＴＨ：某協議上線主網：ChainCatcher 消息，某協議今日上線主網。</p>' +
        ESSAY,
    );
    expect(log.removed.map((r) => r.reasons)).toEqual([
      ['stamp:leading-bracket', 'outlet-dateline', 'dateline-opens'],
      ['label:flash', 'head', 'outlet-dateline', 'stamp:trailing-paren'],
      ['ticker-head', 'head', 'outlet-dateline'],
    ]);
  });

  it('never joins a complete essay paragraph or a footnote to the run after it', () => {
    const { log, text } = run(
      ESSAY +
        '<p>據彭博社報道,該基金本季度增持了比特幣,分析師認為這反映了機構的長期看法。</p>' +
        '<p>某交易所:將上線新合約:金色財經報道,該交易所宣布將上線新的永續合約。[2023/12/12 9:40:27]</p>' +
        '<p>注[1]:某協議:金色財經報道,本文數據截至發稿時。[2023/12/12 9:40:27]</p>' +
        ESSAY,
    );
    expect(log.removed).toHaveLength(1);
    expect(text).toContain('據彭博社報道');
    expect(text).toContain('注[1]');
  });

  it('keeps a date line that has a head and a stamp but nothing to say', () => {
    const { log } = run(ESSAY + '<p>기사입력 :[ 2018-08-25 15:24 ]</p>' + ESSAY);
    expect(log.removed).toHaveLength(0);
  });

  it('finds the dated body after the right colon', () => {
    expect(datedHeadEnd('FTX:與債務人相關:7月12日消息,內容')).toBe('FTX:與債務人相關'.length);
    expect(datedHeadEnd('正如 OpenAI 在2022年11月30日发布的博客所说：模型仍会出错。')).toBe(-1);
  });
});
