import { describe, expect, it } from 'vitest';
import { makeDocument } from './test-support/dom.js';
import { cleanTitle, dropTitleHeading, gatherTitleSources, type TitleContext } from './title.js';

const farm: TitleContext = { farm: true, tagText: '', siteName: null };
const plain: TitleContext = { farm: false, tagText: '', siteName: null };
const withH1 = (h1: string, ctx: TitleContext = plain): TitleContext => ({
  ...ctx,
  sources: { headings: [h1] },
});

describe('cleanTitle: farm shapes (every source decorated alike)', () => {
  it('strips the ticker prefix and the _label suffix, recording each with its reasons', () => {
    const r = cleanTitle('ATG:不只是聊天機器人:一文梳理影響_AIGPT', farm);
    expect(r.title).toBe('不只是聊天機器人:一文梳理影響');
    expect(r.removed).toEqual([
      { text: '_AIGPT', reasons: ['suffix-label', 'farm-page'] },
      { text: 'ATG:', reasons: ['prefix-ticker', 'farm-page'] },
    ]);
  });

  it('keeps a CJK prefix and strips a CJK category suffix', () => {
    expect(cleanTitle('科谱:什么叫治理程序流程可提取的使用价值(GEV)?_艺术品', farm).title).toBe(
      '科谱:什么叫治理程序流程可提取的使用价值(GEV)?',
    );
  });

  it('keeps a lone `TICKER:` that nothing corroborates, unless the tags name it', () => {
    expect(cleanTitle('MER:淺談零知識證明', farm).title).toBe('MER:淺談零知識證明');
    expect(cleanTitle('MER:淺談零知識證明', { ...farm, tagText: 'merblockchain' }).title).toBe(
      '淺談零知識證明',
    );
  });

  it('strips bracketed tickers and ticker chains in any separator', () => {
    for (const t of ['【BTC】', '[ETH]', '［SOL］', 'ETH丨SOL丨', 'BTC｜', 'ETH/ARB:'])
      expect(cleanTitle(`${t}以太坊質押率突破三成之後`, farm).title).toBe(
        '以太坊質押率突破三成之後',
      );
  });

  it('strips a `_站名_频道` chain as one decoration', () => {
    const r = cleanTitle('排序器去中心化的下一步_幣圈資訊網_礦業', farm);
    expect(r.title).toBe('排序器去中心化的下一步');
    expect(r.removed.map((x) => x.text)).toEqual(['_幣圈資訊網_礦業']);
  });

  it('keeps a digits-only prefix (a year) and a title too short to lose anything', () => {
    expect(cleanTitle('1INCH:聚合器還有護城河嗎?_1INCH', farm).title).toBe('聚合器還有護城河嗎?');
    expect(cleanTitle('2024:回顧這一年_TAG', farm).title).toBe('2024:回顧這一年');
    expect(cleanTitle('ETH_BTC', farm).title).toBe('ETH_BTC');
  });
});

describe('cleanTitle: a bare page (no farm sign)', () => {
  it('leaves an ASCII-prefixed English title alone (§12.10)', () => {
    const t = 'FTX: Bankruptcy court approves the sale of trust assets';
    expect(cleanTitle(t, plain).title).toBe(t);
    expect(cleanTitle(t, { ...plain, sources: { tags: ['FTX'] } }).title).toBe(t);
    expect(cleanTitle('比特幣白皮書_CPU', plain).title).toBe('比特幣白皮書_CPU');
  });

  it('strips a bracketed ticker or a ticker chain in front of a Chinese title', () => {
    expect(cleanTitle('【ETH】以太坊质押率突破三成之后', plain).title).toBe(
      '以太坊质押率突破三成之后',
    );
    expect(cleanTitle('ETH丨SOL丨高性能公鏈的代價', plain).title).toBe('高性能公鏈的代價');
    // One ticker with a bar needs a tag naming it.
    expect(cleanTitle('BTC｜矿工的生存账本', plain).title).toBe('BTC｜矿工的生存账本');
    expect(cleanTitle('BTC｜矿工的生存账本', { ...plain, sources: { tags: ['btc'] } }).title).toBe(
      '矿工的生存账本',
    );
    // Not a ticker: a CJK column in brackets stays.
    expect(cleanTitle('【独家】链上数据周报', plain).title).toBe('【独家】链上数据周报');
  });

  it('strips a suffix the page names as itself: og:site_name, logo, footer copyright, host', () => {
    expect(
      cleanTitle('The merge, explained - Chain Daily', { ...plain, siteName: 'Chain Daily' }),
    ).toMatchObject({
      title: 'The merge, explained',
      removed: [{ text: '- Chain Daily', reasons: ['suffix-site-name'] }],
    });
    const footer = { ...plain, sources: { footer: 'Copyright 2024 币讯财经网 京ICP备00000000号' } };
    expect(cleanTitle('费率战如何重塑现货ETF格局_币讯财经网', footer).title).toBe(
      '费率战如何重塑现货ETF格局',
    );
    const logo = { ...plain, sources: { siteNames: ['幣訊網首頁'] } };
    expect(cleanTitle('觀點:比特幣減半不再是牛市的發令槍 - 幣訊網', logo).title).toBe(
      '觀點:比特幣減半不再是牛市的發令槍',
    );
    expect(
      cleanTitle('Staking yields, explained | Ledgerdesk', { ...plain, host: 'ledgerdesk.com' })
        .title,
    ).toBe('Staking yields, explained');
  });

  it('keeps a suffix nothing on the page names', () => {
    expect(cleanTitle('Friday Facts #282 - 0.17 in sight', plain).title).toBe(
      'Friday Facts #282 - 0.17 in sight',
    );
    // The footer mentions it, but not as the owner.
    const footer = { ...plain, sources: { footer: 'Recent: comwrap at DMEXCO 2018, Jobs' } };
    expect(cleanTitle('Take C.A.R.E. - comwrap at DMEXCO 2018', footer).title).toBe(
      'Take C.A.R.E. - comwrap at DMEXCO 2018',
    );
    // A "site name" that is the whole title proves nothing.
    const site = { ...plain, siteName: 'Yahoo News - Latest News & Headlines' };
    expect(cleanTitle('Yahoo News - Latest News & Headlines', site).title).toBe(
      'Yahoo News - Latest News & Headlines',
    );
  });

  it('strips a `_TAG` suffix when the tags carry it (text or /tag/<slug>)', () => {
    const ctx = { ...plain, sources: { tags: ['比特币', 'btc', '矿工'] } };
    expect(cleanTitle('比特币减半后矿工的生存账本_BTC', ctx)).toMatchObject({
      title: '比特币减半后矿工的生存账本',
      removed: [{ text: '_BTC', reasons: ['suffix-tag'] }],
    });
    expect(cleanTitle('比特币减半后矿工的生存账本_ETH', ctx).title).toBe(
      '比特币减半后矿工的生存账本_ETH',
    );
  });

  it('takes a channel piece only inside a chain whose outer piece named the site', () => {
    const ctx = { ...plain, siteName: '中国青年网' };
    expect(cleanTitle('海外留学生看两会_教育频道_中国青年网', ctx).title).toBe('海外留学生看两会');
    expect(cleanTitle('海外留学生看两会_教育频道', ctx).title).toBe('海外留学生看两会_教育频道');
  });

  it('applies site-rule patterns first', () => {
    expect(
      cleanTitle('【独家】链上数据周报', { ...plain, patterns: [/^【独家】/u] }),
    ).toMatchObject({
      title: '链上数据周报',
      removed: [{ text: '【独家】', reasons: ['site-rule'] }],
    });
  });
});

describe('cleanTitle: sources compared', () => {
  it('drops what the <title> adds around the <h1>', () => {
    const h1 = '链上数据周报：稳定币回流';
    for (const t of [
      `${h1} - 币讯之家`,
      `${h1}_币讯之家`,
      `${h1}_币海观察_深度解读`,
      `${h1}-巴比特`,
    ]) {
      const r = cleanTitle(t, withH1(h1));
      expect(r.title).toBe(h1);
      expect(r.removed[0]!.reasons).toContain('differs-from-h1');
    }
    expect(cleanTitle('Another title - Site', withH1(h1)).title).toBe('Another title - Site');
  });

  it('keeps a column prefix the <h1> carries, strips one it leaves out', () => {
    expect(cleanTitle('深度｜账户抽象一年后_链闻阁', withH1('深度｜账户抽象一年后')).title).toBe(
      '深度｜账户抽象一年后',
    );
    expect(cleanTitle('深度｜账户抽象一年后_链闻阁', withH1('账户抽象一年后')).title).toBe(
      '账户抽象一年后',
    );
  });

  it('keeps colons inside the title and a subtitle that is not a separator-suffix', () => {
    const h1 = 'Xbox One X review';
    expect(cleanTitle('Xbox One X review: A console that keeps up', withH1(h1)).title).toBe(
      'Xbox One X review: A console that keeps up',
    );
  });

  it('does not reduce a title to a logo heading, nor strip what another heading carries', () => {
    const headings = ['evolve extension', 'Evolve: Shared Mutable History'];
    const t = 'Shared Mutable History — evolve extension';
    expect(cleanTitle(t, { ...plain, sources: { headings } }).title).toBe(t);
    // The logo's name is a site-name suffix all the same.
    expect(
      cleanTitle(t, { ...plain, sources: { headings, siteNames: ['evolve extension'] } }).title,
    ).toBe('Shared Mutable History');
  });

  it('takes a meta title or the breadcrumb as a shorter form for suffixes only', () => {
    const meta = { ...plain, sources: { meta: ['深度｜账户抽象一年后'] } };
    expect(cleanTitle('深度｜账户抽象一年后 - 链闻阁', meta).title).toBe('深度｜账户抽象一年后');
    const crumbPrefix = { ...plain, sources: { breadcrumb: '账户抽象一年后' } };
    expect(cleanTitle('深度｜账户抽象一年后', crumbPrefix).title).toBe('深度｜账户抽象一年后');
  });
});

describe('gatherTitleSources and dropTitleHeading', () => {
  const doc = makeDocument(`<html><head><title>OP:排序器的下一道關卡_L2GPT</title>
    <meta property="og:title" content="OP:排序器的下一道關卡_L2GPT">
    <meta property="og:site_name" content="鏈聞"></head><body>
    <header><h1 class="logo"><a href="/">鏈聞</a></h1></header>
    <div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/news/">行业资讯</a> &gt; 排序器的下一道關卡</div>
    <h1>OP:排序器的下一道關卡_L2GPT</h1><div id="c"><h1>OP:排序器的下一道關卡_L2GPT</h1><p>正文。</p></div>
    <div class="tags">Tags:<a href="/tag/op">OP</a><a href="/tags.php?/l2/">二層</a></div>
    <footer>© 2024 鏈聞</footer></body></html>`);

  it('reads every source, not the logo h1', () => {
    const s = gatherTitleSources(doc, doc.getElementById('c'));
    expect(s.document).toBe('OP:排序器的下一道關卡_L2GPT');
    expect(s.meta).toEqual(['OP:排序器的下一道關卡_L2GPT']);
    expect(s.headings).toEqual(['OP:排序器的下一道關卡_L2GPT']);
    expect(s.breadcrumb).toBe('排序器的下一道關卡');
    expect(s.siteNames).toContain('鏈聞');
    expect(s.footer).toContain('© 2024 鏈聞');
    expect(s.tags).toEqual(expect.arrayContaining(['OP', 'op', '二層', 'l2']));
    expect(s.links).toContain('行业资讯');
  });

  it('the breadcrumb gives the clean title on a farm page; the decorated h1 leaves the content', () => {
    const content = doc.getElementById('c')!;
    const r = cleanTitle('OP:排序器的下一道關卡_L2GPT', {
      ...plain,
      sources: gatherTitleSources(doc, content),
    });
    expect(r.title).toBe('排序器的下一道關卡');
    expect(r.variants).toContain('OP:排序器的下一道關卡_L2GPT');
    dropTitleHeading(content, r);
    expect(content.querySelector('h1')).toBeNull();
    expect(content.textContent).toContain('正文');
  });
});
