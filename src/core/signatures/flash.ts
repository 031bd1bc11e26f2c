/**
 * What an injected flash-news run looks like (research §0.2, §11 T1–T4), as data. Every source
 * here is in match form (`normalize.ts`: `:` `,` `[` `]` `(` `)` `|` half-width) and in one script;
 * `compileSignature` adds the Traditional twins. A new stamp format or label is one line here.
 */

/** Dates and times as farms print them: `2023/7/12`, `2024-03-11`, `2024.3.8`, `2024年3月8日`. */
const DATE = '(?:19|20)\\d{2}\\s*[/.\\-年]\\s*\\d{1,2}\\s*[/.\\-月]\\s*\\d{1,2}\\s*日?';
const TIME = '\\d{1,2}:\\d{2}(?::\\d{2})?';
const STAMP = `${DATE}(?:\\s*${TIME})?`;

/** Timestamp grammars, by where the stamp sits. Each id becomes a reason `stamp:<id>`. */
export const STAMP_GRAMMARS = {
  /** The .NET `[yyyy/M/d H:mm:ss]` tail the seed farm appends; also `【…】`. */
  'trailing-bracket': `[\\[【]\\s*${STAMP}\\s*[\\]】]\\s*[。.]?$`,
  /** A bracketed date and time in front: `[2024/3/4 10:15:07]headline:…`, `【2024-03-11 16:20】`. */
  'leading-bracket': `^[\\[【]\\s*${STAMP}\\s*[\\]】]`,
  /** A parenthesised date at the end: `…(2024年3月8日)`. */
  'trailing-paren': `\\(\\s*${STAMP}\\s*\\)\\s*[。.]?$`,
} as const;

/** Flash labels a run may open with: `快讯|`, `【快讯】`, `[快讯]`, `快讯:`. */
export const FLASH_LABELS = ['快讯', '快报', '简讯', '速递', '币圈快讯', '今日快讯', '7x24快讯'];

/**
 * Generic datelines (weaker than an outlet's own): `7月12日消息,`, `据X报道,`, any `X消息,`.
 * An essay has these too (`据彭博社报道,`), so they only add to other evidence.
 */
export const GENERIC_DATELINES = [
  '\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日\\s*(?:消息|讯)?\\s*,',
  '据[^,。]{0,20}(?:报道|监测|数据|消息|披露|公告)',
  '[\\p{L}\\p{N} ]{2,20}?(?:消息|讯)\\s*,',
];

/** A ticker-style head: `ETH:`, `BTC|`, `[ARB]`. */
export const TICKER_HEAD = '^(?:\\[[A-Z0-9]{2,10}\\]|[A-Z][A-Z0-9]{1,9}\\s*[:|])';

/** The opening of the second paragraph of a run (T4). */
export const CONTINUATIONS = [
  '此前(?:消息|报道)?',
  '据此前',
  '据悉',
  '另据[^,]{0,12}',
  '据了解',
  '此外',
];

/** Links to an outlet's flash page (`/lives/…`, `/flash/…`, `/newsflash/…`, `kuaixun`). */
export const FLASH_URL =
  /\/(?:lives?|flash|newsflash|kuaixun|express|news-flash|7x24)(?:[/?#._-]|$)/i;

/**
 * How much each signal weighs, and what a run needs. A stamp or an outlet's dateline is strong;
 * a head, a ticker, a generic dateline or a headline link only corroborate. One strong signal
 * is never enough: essays quote stamps (a log line) and open with datelines (`据…报道,`).
 */
export const SIGNAL_WEIGHTS = {
  stamp: 2,
  'outlet-dateline': 2,
  /** An outlet's dateline opening the paragraph itself (`Odaily星球日报讯 …`): a flash record. */
  'dateline-opens': 1,
  'label:flash': 2,
  dateline: 1,
  head: 1,
  'ticker-head': 1,
  'headline-link': 1,
  'headline-link:flash-page': 1,
  continuation: 1,
  'headline-block': 1,
} as const;
export type FlashSignal = keyof typeof SIGNAL_WEIGHTS;

export const RUN_THRESHOLD = 3;
/** Inside a `<blockquote>` a run needs more: quoted tweets and logs carry stamps of their own. */
export const QUOTED_RUN_THRESHOLD = 4;
/** Share of the article text above which the page *is* a flash digest and nothing goes (§11.6). */
export const DIGEST_SHARE = 0.5;
/** A head is short: a headline, not a sentence. */
export const MAX_HEAD = 90;
