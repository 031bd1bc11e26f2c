/**
 * Per-script font stacks and punctuation placement for the article (its `lang` from
 * `article-lang.ts`). Where `。，` sit is a property of the font, not of CSS: Traditional
 * (Taiwan, Hong Kong) fonts centre them in the em box, Simplified and Japanese fonts put them
 * bottom-left. So a Traditional article must get a TC face first; Noto/Source Han CJK also pick
 * their regional glyphs from the element's `lang` (OpenType `locl`), which is why the tag is set on
 * the article and not only on the fonts. CSS then only trims and spaces: `text-spacing-trim`
 * (Chromium 123+; ignored elsewhere), `text-autospace` (Chromium 140+, Safari 18.4+), and
 * `line-break: strict` for Japanese kinsoku.
 */
import type { FontFamily } from '../shared/settings.js';

export type Script = 'zh-Hant' | 'zh-Hans' | 'ja' | 'ko' | 'latin';

/** The script whose fonts and punctuation rules fit a BCP 47 tag. */
export function scriptOf(lang: string | null | undefined): Script {
  const tag = (lang ?? '').toLowerCase().replace(/_/g, '-');
  if (/^zh-(?:hant|tw|hk|mo)\b/.test(tag) || /^zh-\w+-hant\b/.test(tag)) return 'zh-Hant';
  if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-Hans';
  if (tag === 'ja' || tag.startsWith('ja-')) return 'ja';
  if (tag === 'ko' || tag.startsWith('ko-')) return 'ko';
  return 'latin';
}

const SERIF_LATIN = '"Iowan Old Style", "Charter", Georgia, "Noto Serif"';
const SANS_LATIN = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial';

/**
 * CJK faces per script, most wanted first: the Noto/Source Han faces (Linux, Android, installed
 * by readers who care), then macOS, then Windows. A face of another region would misplace the
 * punctuation, so no stack borrows one.
 */
const CJK_FACES: Record<Exclude<Script, 'latin'>, Record<FontFamily, readonly string[]>> = {
  'zh-Hant': {
    serif: [
      'Noto Serif CJK TC',
      'Source Han Serif TC',
      'Noto Serif TC',
      'Songti TC',
      'PMingLiU',
      'MingLiU',
    ],
    sans: [
      'Noto Sans CJK TC',
      'Source Han Sans TC',
      'Noto Sans TC',
      'PingFang TC',
      'Heiti TC',
      'Microsoft JhengHei',
    ],
  },
  'zh-Hans': {
    serif: [
      'Noto Serif CJK SC',
      'Source Han Serif SC',
      'Noto Serif SC',
      'Songti SC',
      'STSong',
      'SimSun',
    ],
    sans: [
      'Noto Sans CJK SC',
      'Source Han Sans SC',
      'Noto Sans SC',
      'PingFang SC',
      'Hiragino Sans GB',
      'Microsoft YaHei',
    ],
  },
  ja: {
    serif: [
      'Noto Serif CJK JP',
      'Source Han Serif JP',
      'Noto Serif JP',
      'Hiragino Mincho ProN',
      'Yu Mincho',
      'MS PMincho',
    ],
    sans: [
      'Noto Sans CJK JP',
      'Source Han Sans JP',
      'Noto Sans JP',
      'Hiragino Sans',
      'Hiragino Kaku Gothic ProN',
      'Yu Gothic',
      'Meiryo',
    ],
  },
  ko: {
    serif: ['Noto Serif CJK KR', 'Source Han Serif K', 'Noto Serif KR', 'AppleMyungjo', 'Batang'],
    sans: [
      'Noto Sans CJK KR',
      'Source Han Sans K',
      'Noto Sans KR',
      'Apple SD Gothic Neo',
      'Malgun Gothic',
    ],
  },
};

/**
 * A CSS `font-family` list for the article: the Latin face first (CJK faces' Latin letters are
 * poor), then the faces of the article's script, then the generic family.
 */
export function scriptFontStack(family: FontFamily, lang: string | null | undefined): string {
  const script = scriptOf(lang);
  const latin = family === 'serif' ? SERIF_LATIN : SANS_LATIN;
  const generic = family === 'serif' ? 'serif' : 'sans-serif';
  if (script === 'latin') return `${latin}, ${generic}`;
  const faces = CJK_FACES[script][family].map((f) => `"${f}"`).join(', ');
  return `${latin}, ${faces}, ${generic}`;
}

/**
 * CSS for punctuation placement and spacing per script, scoped under `scope` (e.g.
 * `.cr-article`) and keyed on `:lang()`, so the reader sets `lang` and the rules follow.
 * Traditional keeps every punctuation mark full-width (`space-all`: Taiwan's and Hong Kong's
 * centred marks need their whole em); Simplified and Japanese trim the space between adjacent
 * marks (`normal`: `」。` is one em and a half, not two).
 */
export function scriptTypographyCss(scope: string): string {
  return [
    `${scope}:lang(zh), ${scope}:lang(ja), ${scope}:lang(ko) {`,
    '  text-autospace: normal;',
    '  text-align: justify;',
    '  overflow-wrap: anywhere;',
    '}',
    `${scope}:lang(zh-Hant), ${scope}:lang(zh-TW), ${scope}:lang(zh-HK), ${scope}:lang(zh-MO) {`,
    '  text-spacing-trim: space-all;',
    '}',
    `${scope}:lang(zh-Hans), ${scope}:lang(zh-CN), ${scope}:lang(zh-SG), ${scope}:lang(ja) {`,
    '  text-spacing-trim: normal;',
    '}',
    `${scope}:lang(ja) { line-break: strict; }`,
    // Korean breaks between words, like Latin text, not between any two syllables.
    `${scope}:lang(ko) { word-break: keep-all; text-align: start; }`,
    // Headings: trim the space of a mark that opens a line, so titles align flush.
    `${scope}:lang(zh) :is(h1, h2, h3), ${scope}:lang(ja) :is(h1, h2, h3) {`,
    '  text-spacing-trim: trim-start;',
    '}',
  ].join('\n');
}
