import { normalizeText } from './text.js';

/**
 * Farm title decoration (research T5): `ATG:<real title>_AIGPT`. Conservative: the `_suffix`
 * goes only on a farm page; the ASCII ticker prefix goes only when the suffix went too, or the
 * ticker shows up in the page's tags. A CJK prefix (`科谱:`) is part of the title and stays.
 */
const TICKER_PREFIX = /^((?=[0-9]*[A-Z])[A-Z0-9]{2,10})[:：](?=\S)/;
const FARM_SUFFIX = /_([^_\s]{2,20})$/u;
/** The last ` - Site`, ` | Site`, `_Site` part of a `<title>`. */
const SITE_SEPARATOR = /\s+[|\-–—]\s+[^|\-–—]{1,30}$|_[^_]{1,30}$/u;

export interface TitleContext {
  farm: boolean;
  tagText: string;
  siteName: string | null;
  /** Texts of the page's h1/h2 headings: a `<title>` suffix goes when a heading is the rest. */
  headings?: readonly string[];
  /** Extra patterns from site rules, removed from the title. */
  patterns?: readonly RegExp[];
}

export interface CleanTitle {
  title: string;
  /** The pieces that were taken off, in order. */
  removed: string[];
}

export function cleanTitle(raw: string, ctx: TitleContext): CleanTitle {
  let title = normalizeText(raw);
  const removed: string[] = [];
  for (const re of ctx.patterns ?? []) {
    const next = normalizeText(title.replace(re, ''));
    if (next && next !== title) {
      removed.push(title.match(re)?.[0] ?? '');
      title = next;
    }
  }
  let suffixGone = false;
  if (ctx.farm) {
    const m = FARM_SUFFIX.exec(title);
    if (m && title.length - m[0].length >= 4) {
      removed.push(m[0]);
      title = title.slice(0, m.index).trim();
      suffixGone = true;
    }
    const p = TICKER_PREFIX.exec(title);
    if (
      p &&
      (suffixGone || ctx.tagText.toUpperCase().includes(p[1]!)) &&
      title.length - p[0].length >= 4
    ) {
      removed.push(p[0]);
      title = title.slice(p[0].length).trim();
    }
  }
  const sep = SITE_SEPARATOR.exec(title);
  if (sep && sep.index >= 4 && ctx.headings?.includes(title.slice(0, sep.index).trim())) {
    removed.push(title.slice(sep.index).trim());
    title = title.slice(0, sep.index).trim();
  } else if (ctx.siteName) {
    const site = ctx.siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const m = new RegExp(`\\s*(?:[_|\\-–—]|::)\\s*${site}$`, 'u').exec(title);
    if (m && m.index >= 4) {
      removed.push(m[0].trim());
      title = title.slice(0, m.index).trim();
    }
  }
  return { title, removed };
}
