/**
 * Class names of page chrome (research §0.4, §2–§10, §14), by what the chrome is. Exact class
 * tokens; `prefixes` match a token's start (`share-bar`, `share_box`), `substrings` anywhere in
 * the class attribute. Generic names and CMS-template names only; a class that belongs to one
 * site goes in that site's built-in rule (`src/rules/builtin/`).
 */
export const CHROME_CLASSES = {
  ad: {
    tokens: ['adsbygoogle', 'ad-slot', 'ad-container', 'advertisement', 'ad-banner', 'ad-list'],
    prefixes: [],
    substrings: [],
  },
  share: {
    tokens: [
      'share',
      'social-share',
      'social-sharing',
      'sharing',
      'wechat-qrcode',
      'addthis_toolbox',
      'a2a_kit',
      'sharethis-inline-share-buttons',
    ],
    prefixes: ['share-', 'share_'],
    substrings: [],
  },
  ticker: {
    tokens: ['price-ticker', 'prices-ticker', 'crypto-ticker', 'coin-ticker', 'ticker-bar'],
    prefixes: [],
    substrings: [],
  },
  newsletter: { tokens: [], prefixes: [], substrings: ['newsletter'] },
  tags: {
    tokens: ['keybq', 'tags', 'post-tags', 'article-tags', 'entry-tags'],
    prefixes: [],
    substrings: [],
  },
  meta: {
    tokens: ['copyright', 'statement', 'source', 'disclaimer'],
    prefixes: [],
    substrings: [],
  },
} as const satisfies Record<
  string,
  { tokens: readonly string[]; prefixes: readonly string[]; substrings: readonly string[] }
>;

export type ChromeKind = keyof typeof CHROME_CLASSES;
