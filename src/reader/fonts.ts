import type { FontFamily } from '../shared/settings.js';

/** Traditional Chinese: zh-TW, zh-HK, zh-MO and any zh-Hant tag. */
export function isTraditionalChinese(lang: string | null | undefined): boolean {
  if (!lang) return false;
  return /^zh[-_](tw|hk|mo)\b/i.test(lang) || /^zh[-_]hant\b/i.test(lang);
}

const SERIF_LATIN = '"Iowan Old Style", "Charter", Georgia, "Noto Serif"';
const SANS_LATIN = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial';

const SERIF_SC =
  '"Noto Serif CJK SC", "Source Han Serif SC", "Noto Serif SC", "Songti SC", "STSong", "SimSun"';
const SERIF_TC =
  '"Noto Serif CJK TC", "Source Han Serif TC", "Noto Serif TC", "Songti TC", "PMingLiU", "MingLiU"';
const SANS_SC =
  '"PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC", "Microsoft YaHei"';
const SANS_TC =
  '"PingFang TC", "Noto Sans CJK TC", "Source Han Sans TC", "Noto Sans TC", "Microsoft JhengHei"';

/**
 * A CSS font-family list: Latin face first, then the CJK faces for the article's script.
 * These names cannot be shadowed by the page (issue 12): the reader is its own document (the
 * extension's reader page in a frame), where the page's `@font-face` rules do not exist, so a
 * name here always means the user's installed font or the generic family.
 */
export function fontStack(family: FontFamily, lang: string | null | undefined): string {
  const tc = isTraditionalChinese(lang);
  if (family === 'serif') return `${SERIF_LATIN}, ${tc ? SERIF_TC : SERIF_SC}, serif`;
  return `${SANS_LATIN}, ${tc ? SANS_TC : SANS_SC}, sans-serif`;
}
