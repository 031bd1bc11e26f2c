import { countCjk, countWords } from '../text.js';
import { FOOTNOTE } from './essay-marks.js';
import { matchForm } from './normalize.js';
import { variantRegExp } from './script-variants.js';

/**
 * Site statements and disclaimers (research §11 T14 Chinese, T17 English): the sentences a site
 * or a farm appends to every article. A signature phrase must open the block (within its first
 * sentence or two); an author's own `Disclosure: the author holds BTC.` is not one (§12
 * negative 11). Position is up to the caller.
 */
const CN_START = variantRegExp(
  '^(?:声明|免责声明|特别声明|版权声明|法律声明|风险提示|风险声明|重要提示)\\s*[:：]',
);
const CN_ANY = [
  '作为开放的资讯分享平台',
  '仅代表作者个人观点',
  '投资有风险\\s*[，,]?\\s*入市[须需]谨慎',
  '本文来源\\s*[:：].{0,60}责任编辑\\s*[:：]',
  '我要纠错',
  '读者交流群',
  '未经(?:授权|许可).{0,12}不得(?:转载|转发|复制|使用)',
  '不构成(?:任何)?投资(?:理财)?建议',
].map((s) => variantRegExp(s));
const EN_START =
  /^(?:Disclaimer\s*[.:：]|©\s*\d{4}\s+The Block|This post is commissioned|Tags in this story|Image Credits?\s*:|Disclosure\s*(?:&|and)\s*Polic\w*\s*:)/iu;
const EN_ANY = [
  /does not contain investment advice or recommendations/i,
  /is an independent media outlet that delivers news/i,
  /award-winning media outlet/i,
  /is committed to independent, transparent journalism/i,
  /does not endorse any content or product on this page/i,
  /this article is for informational purposes only/i,
  /(?:is|are) for informational purposes only and (?:do|does) not constitute (?:financial|investment|legal)/i,
  /^©\s*\d{4}\b.{0,60}\ball rights reserved\.?$/i,
];
/** A signature phrase must open the block (within its first sentence or two). */
const MAX_PHRASE_OFFSET = 120;
const MAX_CN = 400;
const MAX_EN = 1500;

const FOOTNOTE_MARK = variantRegExp(FOOTNOTE);

export function isStatement(text: string): boolean {
  if (FOOTNOTE_MARK.test(matchForm(text))) return false;
  if (CN_START.test(text) || EN_START.test(text)) return text.length <= MAX_EN;
  const cjk = countCjk(text) > countWords(text);
  if (text.length > (cjk ? MAX_CN : MAX_EN)) return false;
  for (const re of cjk ? CN_ANY : EN_ANY) {
    const m = re.exec(text);
    if (m && m.index <= MAX_PHRASE_OFFSET) return true;
  }
  return false;
}
