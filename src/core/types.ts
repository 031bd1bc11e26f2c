import type { SiteRule } from '../rules/schema.js';

/** What a removal was: a detector's kind, or `rule` for a site rule. */
export type RemovalKind =
  | 'flash-news'
  | 'title-decoration'
  | 'placeholder-meta'
  | 'credit-line'
  | 'nav-spam'
  | 'ad-slot'
  | 'tags'
  | 'outlet-roll-call'
  | 'download-cta'
  | 'related-list'
  | 'prev-next'
  | 'share-widget'
  | 'disclaimer'
  | 'related-link'
  | 'newsletter'
  | 'price-ticker'
  | 'pagination'
  | 'rule';

/**
 * One thing the pipeline took out, and why. `rule` is the detector id (`detector:flash-news`)
 * or the site rule id (`rule:<id>`). `id` matches the `data-cr-removed` placeholder left in
 * `contentHtml` where the block stood, so a reader can show it back in place; `html` is the
 * removed block, sanitized (null when it was not part of the content, e.g. a title decoration).
 */
export interface Removal {
  id: string;
  kind: RemovalKind;
  rule: string;
  text: string;
  html: string | null;
  /**
   * Why it went: machine-readable ids of the evidence that fired (`outlet-dateline`,
   * `stamp:trailing-bracket`, `label:flash`, `selector`…), for the reader to show in words.
   * Empty when the remover has no finer reason than its kind.
   */
  reasons: string[];
}

export interface OutlineEntry {
  level: number;
  text: string;
  id: string;
}

export interface Article {
  title: string;
  byline: string | null;
  siteName: string | null;
  /** ISO 8601, or null when unknown or a placeholder such as `1900/1/1 0:00:00`. */
  publishedTime: string | null;
  lang: string | null;
  dir: string | null;
  excerpt: string | null;
  /** Sanitized HTML of the essay. Removed blocks leave an empty hidden `data-cr-removed` marker. */
  contentHtml: string;
  textContent: string;
  outline: OutlineEntry[];
  removed: Removal[];
  readingMinutes: number;
}

export interface ExtractOptions {
  /** The page URL: relative links and images are made absolute against it; rules match its host. */
  url: string;
  /**
   * Site rules to apply; only those whose `match` fits `url`'s host are used. Default: the
   * built-in rules. Callers with user rules pass the merged set (a user rule overrides the
   * built-in rule with the same id).
   */
  rules?: readonly SiteRule[];
}
