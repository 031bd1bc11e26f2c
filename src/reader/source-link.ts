/**
 * The line under the title (`data-testid="reader-source-link"`): the source site's name and a
 * link to the page, and, where a farm copy names the article it copied (`原文链接`, `来源：` with
 * a URL, `Originally published at …`), a link to that original. Pure functions over the
 * article's content and removed blocks (credit lines and statements with the link often go to
 * the removed list) and the page URL.
 */
import type { Article } from '../core/types.js';

export interface SiteLink {
  /** The site's name (`Article.siteName`), else its host without `www.`. */
  name: string;
  url: string;
  host: string;
}

export interface OriginalLink {
  url: string;
  host: string;
}

/** The page's site and link; null for a URL that is not a web page. */
export function sourceSite(article: Pick<Article, 'siteName'>, pageUrl: string): SiteLink | null {
  let u: URL;
  try {
    u = new URL(pageUrl);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const host = u.hostname.replace(/^www\./, '');
  const name = article.siteName?.replace(/\s+/g, ' ').trim() || host;
  return { name, url: u.href, host };
}

/** Link texts that are the original's link by themselves. */
const ORIGINAL_TEXT =
  /^(?:原文(?:链接|鏈接|連結|地址|网址|網址)?|(?:阅读|閱讀|查看|点击查看|點擊查看)原文|original(?: article| post| story)?|read (?:the )?original(?: article)?)\s*[:：>»›]?$/iu;

/** Labels that name the original; the URL follows them (in the text or as the next link). */
const ORIGINAL_LABEL =
  '原文(?:链接|鏈接|連結|地址|网址|網址)|(?:本文|文章|稿件)?(?:来源|來源|出处|出處)|转载自|轉載自|转自|轉自|source|originally published (?:at|on|in|by)|via';
/** 来源 and Source often link the outlet's home page: only a link to a page counts for them. */
const WEAK_LABEL = /(?:来源|來源|出处|出處|source|via)$/iu;

const LABEL_BEFORE_LINK = new RegExp(`(${ORIGINAL_LABEL})\\s*[:：]?\\s*$`, 'iu');
const LABEL_THEN_URL = new RegExp(
  `(${ORIGINAL_LABEL})\\s*[:：]?\\s*(?:[^\\s:：]{1,30}\\s*[,，]?\\s*)?(https?://[^\\s<>"'，。；、）)」』]+)`,
  'giu',
);

const BLOCK = 'p, li, div, td, dd, blockquote, section, footer, aside, h1, h2, h3, h4, h5, h6';

function candidate(raw: string, page: URL, weak: boolean): OriginalLink | null {
  let u: URL;
  try {
    u = new URL(raw.replace(/[.,;:!?]+$/, ''), page);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const host = u.hostname.replace(/^www\./, '');
  // A link back to the page's own site names no other original.
  if (host === page.hostname.replace(/^www\./, '')) return null;
  if (weak && (u.pathname === '/' || u.pathname === '') && !u.search) return null;
  return { url: u.href, host };
}

/** The text of `block` before `a`, as it reads. */
function textBefore(block: Element, a: Element): string {
  const range = block.ownerDocument.createRange();
  range.setStart(block, 0);
  range.setEndBefore(a);
  return range.toString();
}

/**
 * The original article a farm copy names, looked for in link texts (`<a>原文链接</a>`), labels
 * before a link (`来源：<a href>`), and labels before a URL in the text (also `texts`: removed
 * blocks' text, the byline). Null when the page names none.
 */
export function findOriginal(
  roots: readonly ParentNode[],
  pageUrl: string,
  texts: readonly string[] = [],
): OriginalLink | null {
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    return null;
  }
  for (const root of roots) {
    for (const a of root.querySelectorAll('a[href]')) {
      if (a.closest('[data-cr-removed][hidden]')) continue;
      const href = a.getAttribute('href') ?? '';
      const text = (a.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (ORIGINAL_TEXT.test(text)) {
        const c = candidate(href, page, false);
        if (c) return c;
      }
      const block = a.parentElement?.closest(BLOCK);
      const label = block ? LABEL_BEFORE_LINK.exec(textBefore(block, a).slice(-60)) : null;
      if (label) {
        const c = candidate(href, page, WEAK_LABEL.test(label[1]!));
        if (c) return c;
      }
    }
  }
  const allTexts = [...roots.map((r) => r.textContent ?? ''), ...texts];
  for (const text of allTexts) {
    for (const m of text.matchAll(LABEL_THEN_URL)) {
      const c = candidate(m[2]!, page, WEAK_LABEL.test(m[1]!));
      if (c) return c;
    }
  }
  return null;
}

export interface SourceLinks {
  site: SiteLink | null;
  original: OriginalLink | null;
}

/**
 * Both links for the reader's header. `content` is the reader's parsed content; `removedRoots`
 * the removed blocks the reader has parsed (optional: their text is searched anyway).
 */
export function sourceLinks(
  article: Pick<Article, 'siteName' | 'byline' | 'removed'>,
  pageUrl: string,
  content: ParentNode,
  removedRoots: readonly ParentNode[] = [],
): SourceLinks {
  const texts = [article.byline ?? '', ...article.removed.map((r) => r.text)];
  return {
    site: sourceSite(article, pageUrl),
    original: findOriginal([content, ...removedRoots], pageUrl, texts),
  };
}
