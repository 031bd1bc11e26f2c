/**
 * The article's language and script, decided from its text when the page does not say it
 * precisely: farm pages often have no `lang`, only `zh`, or the template's `en` over a Chinese
 * essay. Traditional and Simplified share most characters, so the decision counts characters
 * that exist in one script only (a pair table); kana means Japanese, Hangul Korean, and a page
 * of Latin letters is English. The tag drives the font stack and the punctuation placement
 * (`script-typography.ts`) and is set as the article's `lang`.
 */

/**
 * Frequent news characters whose Simplified and Traditional forms differ, as alternating
 * Simplified/Traditional characters (the same format as the core's `PAIRS` in
 * `core/signatures/script-variants.ts`). Characters that are valid in both scripts (后/後,
 * 里/裡, 云/雲, 只/隻, 干/幹…) are left out: they would count for Simplified on Traditional
 * pages. TODO(merge): once the core's table lands in `core/signatures/`, pass the union of
 * both (minus `SHARED_FORMS`) instead of keeping two lists.
 */
export const SCRIPT_PAIRS =
  '这這个個们們为為来來说說时時国國对對会會发發经經过過还還进進现現没沒动動产產于於开開' +
  '当當问問长長将將从從实實体體关關点點业業应應样樣学學机機间間与與数數币幣链鏈区區块塊' +
  '场場价價资資钱錢银銀据據报報讯訊网網络絡项項户戶号號协協议議该該种種计計划劃运運营營' +
  '务務质質权權证證监監规規则則认認显顯达達亿億万萬额額涨漲买買卖賣让讓给給么麼见見觉覺' +
  '变變无無边邊转轉书書东東车車门門头頭两兩总總结結统統识識语語读讀写寫话話请請谁誰设設' +
  '论論题題难難术術专專团團历歷华華领領导導级級标標准準备備创創众眾风風险險观觀币幣处處' +
  '员員条條费費热熱爱愛气氣离離币幣类類师師传傳确確购購钟鐘';

/** Characters written the same in both scripts, even if a pair table lists them. */
const SHARED_FORMS = new Set([...'后里云只干台面系制松才表范冲准谷丑卷']);

export interface ScriptTable {
  simplified: ReadonlySet<string>;
  traditional: ReadonlySet<string>;
}

/** Builds the lookup sets from pair strings (each: Simplified, Traditional, Simplified, …). */
export function scriptTable(...pairStrings: string[]): ScriptTable {
  const simplified = new Set<string>();
  const traditional = new Set<string>();
  for (const pairs of pairStrings) {
    const chars = [...pairs];
    for (let i = 0; i + 1 < chars.length; i += 2) {
      const s = chars[i]!;
      const t = chars[i + 1]!;
      if (s === t) continue;
      if (!SHARED_FORMS.has(s)) simplified.add(s);
      if (!SHARED_FORMS.has(t)) traditional.add(t);
    }
  }
  // A character listed on both sides (a table mistake or a shared form) is no evidence.
  for (const c of simplified) {
    if (traditional.has(c)) {
      simplified.delete(c);
      traditional.delete(c);
    }
  }
  return { simplified, traditional };
}

const DEFAULT_TABLE = scriptTable(SCRIPT_PAIRS);

export interface ScriptStats {
  han: number;
  simplified: number;
  traditional: number;
  kana: number;
  hangul: number;
  latin: number;
}

const HAN = /\p{Script=Han}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;
const LATIN = /\p{Script=Latin}/u;

/** Looking at more text changes no decision and costs time on long essays. */
const MAX_SAMPLE = 20_000;

/** Counts the letters of each script in (the first 20,000 characters of) `text`. */
export function scriptStats(text: string, table: ScriptTable = DEFAULT_TABLE): ScriptStats {
  const s: ScriptStats = { han: 0, simplified: 0, traditional: 0, kana: 0, hangul: 0, latin: 0 };
  const sample = text.length > MAX_SAMPLE ? text.slice(0, MAX_SAMPLE) : text;
  for (const ch of sample) {
    if (ch <= '\u007f') {
      if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) s.latin++;
      continue;
    }
    if (HAN.test(ch)) {
      s.han++;
      if (table.simplified.has(ch)) s.simplified++;
      else if (table.traditional.has(ch)) s.traditional++;
    } else if (KANA.test(ch)) s.kana++;
    else if (HANGUL.test(ch)) s.hangul++;
    else if (LATIN.test(ch)) s.latin++;
  }
  return s;
}

/**
 * A declared `lang` in canonical form: `zh-TW`/`zh-HK`/`zh-MO`/`zh-Hant…` → `zh-Hant`,
 * `zh-CN`/`zh-SG`/`zh-Hans…` → `zh-Hans`, other tags with their case fixed (`EN-us` → `en-US`);
 * null for empty, `und` or malformed values.
 */
export function normalizeLang(raw: string | null | undefined): string | null {
  const tag = (raw ?? '').trim().replace(/_/g, '-');
  if (!/^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i.test(tag)) return null;
  const parts = tag.split('-');
  const primary = parts[0]!.toLowerCase();
  if (primary === 'und') return null;
  const rest = parts.slice(1);
  if (primary === 'zh') {
    const sub = rest.map((p) => p.toLowerCase());
    if (sub.includes('hant') || sub.some((p) => ['tw', 'hk', 'mo'].includes(p))) return 'zh-Hant';
    if (sub.includes('hans') || sub.some((p) => ['cn', 'sg', 'my'].includes(p))) return 'zh-Hans';
    return 'zh';
  }
  const fixed = rest.map((p) =>
    p.length === 4
      ? p[0]!.toUpperCase() + p.slice(1).toLowerCase()
      : p.length === 2
        ? p.toUpperCase()
        : p.toLowerCase(),
  );
  return [primary, ...fixed].join('-');
}

/**
 * How many script-specific characters it takes before the Simplified/Traditional call is made:
 * below it, one odd character (a quoted name) would decide.
 */
const MIN_VARIANT_EVIDENCE = 3;

/** The script the letters say, or null when there are too few letters to say anything. */
export function detectLang(stats: ScriptStats): string | null {
  const cjk = stats.han + stats.kana + stats.hangul;
  // One CJK character carries about as much as a short Latin word: weigh it so.
  if (cjk === 0 && stats.latin === 0) return null;
  if (cjk * 4 < stats.latin) return stats.latin >= 20 ? 'en' : null;
  if (stats.hangul > 0 && stats.hangul >= stats.han) return 'ko';
  // Japanese text is never without kana; Chinese text has none (or a stray ー in a name).
  if (stats.kana >= 5 && stats.kana * 10 >= stats.han) return 'ja';
  if (stats.han === 0) return null;
  const evidence = stats.simplified + stats.traditional;
  if (evidence < MIN_VARIANT_EVIDENCE) return 'zh';
  // Machine-converted farm copies keep a few unconverted characters: the majority decides.
  if (stats.traditional > stats.simplified * 2) return 'zh-Hant';
  if (stats.simplified > stats.traditional * 2) return 'zh-Hans';
  return 'zh';
}

/**
 * The article's language as a BCP 47 tag. A precise declaration is kept (normalised); the text
 * decides when `lang` is missing, only `zh`, or a non-CJK language over a mostly CJK text (a
 * farm template's `en`). Returns null when neither says anything.
 */
export function articleLang(
  declared: string | null | undefined,
  text: string,
  table: ScriptTable = DEFAULT_TABLE,
): string | null {
  const lang = normalizeLang(declared);
  const preciseChinese = lang === 'zh-Hant' || lang === 'zh-Hans';
  const cjkDeclared = lang !== null && /^(?:zh|ja|ko)\b/.test(lang);
  if (preciseChinese) return lang;
  if (lang !== null && lang !== 'zh' && cjkDeclared) return lang;
  const detected = detectLang(scriptStats(text, table));
  if (lang === null) return detected;
  if (lang === 'zh') return detected?.startsWith('zh') ? detected : lang;
  // A declared non-CJK language: overruled only by text that is plainly CJK.
  if (detected && /^(?:zh|ja|ko)\b/.test(detected)) return detected;
  return lang;
}
