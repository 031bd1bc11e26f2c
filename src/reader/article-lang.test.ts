import { describe, expect, it } from 'vitest';
import {
  articleLang,
  detectLang,
  normalizeLang,
  SCRIPT_PAIRS,
  scriptStats,
  scriptTable,
} from './article-lang.js';

const HANT = '以太坊基金會表示，這個網絡的升級將在下週開始，開發者們認為風險已經過審計。';
const HANS = '以太坊基金会表示，这个网络的升级将在下周开始，开发者们认为风险已经过审计。';
const JA = 'イーサリアム財団は、このネットワークのアップグレードが来週始まると発表した。';
const KO = '이더리움 재단은 이 네트워크 업그레이드가 다음 주에 시작된다고 밝혔다.';
const EN = 'The Ethereum Foundation said the network upgrade starts next week after an audit.';

describe('the pair table', () => {
  it('is whole pairs, and no character counts for both scripts', () => {
    expect([...SCRIPT_PAIRS].length % 2).toBe(0);
    const t = scriptTable(SCRIPT_PAIRS);
    for (const c of t.simplified) expect(t.traditional.has(c), c).toBe(false);
    expect(t.simplified.has('这')).toBe(true);
    expect(t.traditional.has('這')).toBe(true);
  });

  it('leaves out forms both scripts use, and merges several tables', () => {
    const t = scriptTable('后後', '里裡财財');
    expect(t.simplified.has('后')).toBe(false);
    expect(t.simplified.has('里')).toBe(false);
    expect(t.traditional.has('後')).toBe(true);
    expect(t.simplified.has('财')).toBe(true);
  });
});

describe('scriptStats', () => {
  it('counts each script', () => {
    const s = scriptStats(`${HANT} ETH`);
    expect(s.traditional).toBeGreaterThan(5);
    expect(s.simplified).toBe(0);
    expect(s.latin).toBe(3);
    expect(s.kana).toBe(0);
    expect(scriptStats(JA).kana).toBeGreaterThan(10);
    expect(scriptStats(KO).hangul).toBeGreaterThan(10);
  });
});

describe('detectLang', () => {
  it('tells the scripts apart', () => {
    expect(detectLang(scriptStats(HANT))).toBe('zh-Hant');
    expect(detectLang(scriptStats(HANS))).toBe('zh-Hans');
    expect(detectLang(scriptStats(JA))).toBe('ja');
    expect(detectLang(scriptStats(KO))).toBe('ko');
    expect(detectLang(scriptStats(EN))).toBe('en');
  });

  it('lets the majority decide in a half-converted farm copy', () => {
    // Traditional essay with a few unconverted Simplified characters (`歐科云鏈`-style).
    expect(detectLang(scriptStats(`${HANT}${HANT}这个`))).toBe('zh-Hant');
  });

  it('stays undecided on too little evidence', () => {
    expect(detectLang(scriptStats('比特币'))).toBe('zh');
    expect(detectLang(scriptStats('以太坊上的 DeFi 协议'))).toBe('zh');
    expect(detectLang(scriptStats(''))).toBeNull();
    expect(detectLang(scriptStats('BTC ETH'))).toBeNull();
    expect(detectLang(scriptStats('12:30 ……'))).toBeNull();
  });
});

describe('normalizeLang', () => {
  it('maps Chinese regions to scripts and fixes case', () => {
    expect(normalizeLang('zh-TW')).toBe('zh-Hant');
    expect(normalizeLang('zh_HK')).toBe('zh-Hant');
    expect(normalizeLang('zh-Hant-TW')).toBe('zh-Hant');
    expect(normalizeLang('zh-cn')).toBe('zh-Hans');
    expect(normalizeLang('ZH')).toBe('zh');
    expect(normalizeLang('EN-us')).toBe('en-US');
    expect(normalizeLang('sr-latn-rs')).toBe('sr-Latn-RS');
  });

  it('drops empty, und and malformed values', () => {
    expect(normalizeLang(null)).toBeNull();
    expect(normalizeLang('  ')).toBeNull();
    expect(normalizeLang('und')).toBeNull();
    expect(normalizeLang('{{lang}}')).toBeNull();
  });
});

describe('articleLang', () => {
  it('decides from the text when lang is missing or only zh', () => {
    expect(articleLang(null, HANT)).toBe('zh-Hant');
    expect(articleLang('', HANS)).toBe('zh-Hans');
    expect(articleLang('zh', HANT)).toBe('zh-Hant');
    expect(articleLang(undefined, JA)).toBe('ja');
    expect(articleLang(null, EN)).toBe('en');
  });

  it('keeps a precise declaration', () => {
    expect(articleLang('zh-TW', HANS)).toBe('zh-Hant');
    expect(articleLang('zh-CN', HANT)).toBe('zh-Hans');
    expect(articleLang('ja-JP', HANT)).toBe('ja-JP');
    expect(articleLang('en-GB', EN)).toBe('en-GB');
    expect(articleLang('de', EN)).toBe('de');
  });

  it("overrules a template's non-CJK lang over a CJK text", () => {
    expect(articleLang('en', HANT)).toBe('zh-Hant');
    expect(articleLang('en-US', KO)).toBe('ko');
  });

  it('keeps zh when the text cannot tell, and null when nothing says anything', () => {
    expect(articleLang('zh', '比特币')).toBe('zh');
    expect(articleLang('zh', EN)).toBe('zh');
    expect(articleLang(null, '')).toBeNull();
  });

  it('takes another pair table as data', () => {
    const only = scriptTable('财財');
    expect(articleLang(null, '財財財經', only)).toBe('zh-Hant');
    expect(articleLang(null, HANT, only)).toBe('zh');
  });
});
