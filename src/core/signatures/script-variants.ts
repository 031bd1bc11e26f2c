/**
 * Simplified and Traditional forms of the characters the boilerplate signatures use. Farm bodies
 * are machine-converted and the conversion is incomplete (`歐科云鏈`), so every CJK literal in a
 * signature matches either form of each character, independently.
 */
const PAIRS =
  '财財经經载載币幣标標签籤关關阅閱读讀报報讯訊据據链鏈网網陆陸册冊注註页頁条條权權转轉声聲责責' +
  '险險风風资資观觀点點个個专專栏欄荐薦热熱门門闻聞扫掃码碼复複制製赞贊广廣键鍵词詞维維欧歐云雲' +
  '谨謹须須与與无無为為开開仅僅纠糾错錯编編辑輯没沒请請发發优優惠惠领領户戶号號机機构構动動态態' +
  '场場时時间間图圖见見频頻费費续續礼禮众眾团團区區块塊营營运運务務递遞载載后後里裡该該这這将將' +
  '访訪问問览覽获獲线線评評论論说說话話证證书書买買卖賣钱錢银銀货貨币幣数數据據统統计計总總结結' +
  '议議设設应應实實现現体體业業产產样樣简簡单單双雙边邊长長爱愛达達边邊卫衛护護环環节節级級' +
  '吴吳监監测測视視术術讲講页頁尽盡择擇页頁罗羅兰蘭亚亞';

const VARIANT = new Map<string, string>();
for (let i = 0; i + 1 < PAIRS.length; i += 2) {
  const a = PAIRS[i]!;
  const b = PAIRS[i + 1]!;
  if (a === b) continue;
  VARIANT.set(a, b);
  VARIANT.set(b, a);
}

/**
 * Rewrites a regex source so that each CJK character with a Simplified/Traditional twin matches
 * both (`财经` → `[财財][经經]`; inside a class, `[须需]` → `[须須需]`).
 */
export function scriptVariants(source: string): string {
  let out = '';
  let inClass = false;
  let escaped = false;
  for (const ch of source) {
    const twin = escaped ? undefined : VARIANT.get(ch);
    if (twin) out += inClass ? `${ch}${twin}` : `[${ch}${twin}]`;
    else out += ch;
    if (escaped) escaped = false;
    else if (ch === '\\') escaped = true;
    else if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
  }
  return out;
}

/** `new RegExp(scriptVariants(source), flags)`, always with the `u` flag. */
export function variantRegExp(source: string, flags = ''): RegExp {
  return new RegExp(scriptVariants(source), flags.includes('u') ? flags : `${flags}u`);
}
