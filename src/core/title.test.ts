import { describe, expect, it } from 'vitest';
import { cleanTitle } from './title.js';

const farm = { farm: true, tagText: '', siteName: null };

describe('cleanTitle', () => {
  it('strips the ticker prefix and the tag suffix on a farm page', () => {
    const r = cleanTitle('ATG:不只是聊天機器人:一文梳理影響_AIGPT', farm);
    expect(r.title).toBe('不只是聊天機器人:一文梳理影響');
    expect(r.removed).toEqual(['_AIGPT', 'ATG:']);
  });

  it('keeps a CJK prefix and strips a CJK category suffix', () => {
    expect(cleanTitle('科谱:什么叫治理程序流程可提取的使用价值(GEV)?_艺术品', farm).title).toBe(
      '科谱:什么叫治理程序流程可提取的使用价值(GEV)?',
    );
  });

  it('keeps the ticker when no suffix corroborates it, unless the tags name it', () => {
    expect(cleanTitle('MER:淺談零知識證明', farm).title).toBe('MER:淺談零知識證明');
    expect(cleanTitle('MER:淺談零知識證明', { ...farm, tagText: 'merblockchain' }).title).toBe(
      '淺談零知識證明',
    );
  });

  it('leaves titles on non-farm pages alone (§12.10)', () => {
    const t = 'FTX: Bankruptcy court approves the sale of trust assets';
    expect(cleanTitle(t, { farm: false, tagText: '', siteName: null }).title).toBe(t);
    expect(cleanTitle('比特幣白皮書_CPU', { farm: false, tagText: '', siteName: null }).title).toBe(
      '比特幣白皮書_CPU',
    );
  });

  it('strips a site-name suffix and rule patterns', () => {
    expect(
      cleanTitle('The merge, explained - Chain Daily', {
        farm: false,
        tagText: '',
        siteName: 'Chain Daily',
      }).title,
    ).toBe('The merge, explained');
    expect(
      cleanTitle('【独家】链上数据周报', {
        farm: false,
        tagText: '',
        siteName: null,
        patterns: [/^【独家】/u],
      }).title,
    ).toBe('链上数据周报');
  });
});

describe('cleanTitle with headings', () => {
  it('drops a <title> suffix when a heading of the page is the rest', () => {
    const ctx = {
      farm: false,
      tagText: '',
      siteName: null,
      headings: ['链上数据周报：稳定币回流'],
    };
    expect(cleanTitle('链上数据周报：稳定币回流 - 币讯之家', ctx).title).toBe(
      '链上数据周报：稳定币回流',
    );
    expect(cleanTitle('链上数据周报：稳定币回流_币讯之家', ctx).title).toBe(
      '链上数据周报：稳定币回流',
    );
    expect(cleanTitle('Another title - Site', ctx).title).toBe('Another title - Site');
  });
});

describe('cleanTitle ticker prefixes', () => {
  it('strips a ticker that starts with a digit when the suffix goes too', () => {
    expect(cleanTitle('1INCH:聚合器還有護城河嗎?_1INCH', farm).title).toBe('聚合器還有護城河嗎?');
    expect(cleanTitle('2024:回顧這一年_TAG', farm).title).toBe('2024:回顧這一年');
  });
});
