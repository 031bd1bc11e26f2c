/**
 * What a page adds around its real title (research §0.3, §11 T5), as data for `title.ts`.
 * The title module decides by structure (which sources carry a piece); this table only says what
 * a separator, a bracket, a ticker and the page's own name cues look like.
 */
export const TITLE_DECORATIONS = {
  /** Separators after a prefix (`ETH丨`, `ATG:`, `BTC｜`, `深度｜`). */
  prefixSeparators: ['丨', '|', '｜', ':', '：', '/', '／'],
  /** Separators before a suffix that need no spaces (`_站名`, `｜Site`). */
  tightSuffixSeparators: ['_', '｜', '丨'],
  /** Separators before a suffix that need no spaces between CJK text (`…引擎-巴比特`). */
  cjkTightSuffixSeparators: ['-', '–', '—', '|', '·'],
  /** Separators before a suffix that need a space on both sides (` - Site`, ` | Site`). */
  spacedSuffixSeparators: ['|', '-', '–', '—', '·', '»', '::', '/'],
  /** Bracket pairs a prefix label comes in (`【BTC】`, `[ETH]`). */
  bracketPairs: [
    ['【', '】'],
    ['[', ']'],
    ['［', '］'],
    ['(', ')'],
    ['（', '）'],
    ['〔', '〕'],
  ],
  /** A ticker: 2–10 capitals and digits with at least one capital (`ETH`, `1INCH`, not `2024`). */
  ticker: '(?=[0-9]*[A-Z])[A-Z0-9]{2,10}',
  /** The longest piece a prefix or one suffix link may be; a title is longer than its labels. */
  maxPiece: 30,
  /** A clean title keeps at least this many characters. */
  minTitle: 4,
  /** Meta tags (`property` or `name`) naming the site. */
  siteNameMeta: ['og:site_name', 'application-name', 'apple-mobile-web-app-title', 'twitter:site'],
  /** Meta tags holding the page's title again. */
  titleMeta: ['og:title', 'twitter:title'],
  /**
   * Where a page shows its own name and its title, by class or id (matched in one pass over the
   * page; attribute-substring selectors cost jsdom ~20 ms a page each): the logo, the footer
   * (copyright line), the breadcrumb, a title-classed heading.
   */
  logoClass: 'logo',
  footerClass: 'footer|copyright',
  footerId: 'foot',
  breadcrumbClass: 'breadcrumb|crumb|^position$|^location$',
  titleClass: 'title|headline',
  breadcrumbLabel: '^(?:当前位置|當前位置|您的位置|你的位置|所在位置|导航|導航|位置)\\s*[:：]',
  breadcrumbSeparators: ['>', '＞', '»', '›', '/', '→'],
  /** A copyright line: the name next to it is the site's. */
  copyright: '©|\\(c\\)|copyright|all rights reserved|版权|版權|ICP',
  /** Breadcrumb ends that are not a title. */
  breadcrumbPlaceholders: ['正文', '内容', '內容', '详情', '詳情', '文章', '阅读', '閱讀'],
  /** Words a channel name ends with (`_教育频道`), trusted only inside a site-name chain. */
  channelWords: ['频道', '頻道', '栏目', '欄目', '专栏', '專欄', '资讯', '資訊', '新闻', '新聞'],
  /** A tag link's address: the tag's slug is the captured part. */
  tagHref: '/(?:tags?|t|topics?|keywords?)/([^/?#]+)/?(?:[?#].*)?$|tags\\.php\\?/?([^/&#]+)',
} as const;
