import type { DetectorContext } from './context.js';
import type { RemovalKind } from './types.js';
import { removeGrouped } from './block-facts.js';

/**
 * The page chrome the pre-phase detectors look for by class, found in ONE walk over the page
 * (attribute-substring selectors cost tens of milliseconds each in jsdom; a walk that reads each
 * element's class once costs a few, for all detectors together). Cached per root.
 */
export type ChromeKind = 'ad' | 'share' | 'ticker' | 'newsletter' | 'tags' | 'meta';

const token = (names: string) => new RegExp(`(?:^|\\s)(?:${names})(?:\\s|$)`);

const CLASS_PATTERNS: [ChromeKind, RegExp][] = [
  [
    'ad',
    token(
      'article-ad|high-impact-ad|bnr-adbutler|ad-list|js-right-ad|js-spread__main|banner1200_new|adv_element|ad_global_top_left|adsbygoogle',
    ),
  ],
  [
    'share',
    token(
      'share|share[-_][\\w-]*|social-share|social-sharing|sharing|wechat-qrcode|addthis_toolbox|a2a_kit|sharethis-inline-share-buttons',
    ),
  ],
  [
    'ticker',
    token(
      'header-prices|copyright-module__header|price-ticker|prices-ticker|crypto-ticker|coin-ticker|ticker-bar',
    ),
  ],
  ['newsletter', /newsletter/i],
  ['tags', token('keybq|tag-module|tags|post-tags|article-tags|entry-tags')],
  [
    'meta',
    token('font-metadata|text-subtle|copyright|statement|source|disclaimer|copyright-module'),
  ],
];
/** A cheap first test: most classes match none of the patterns. */
const ANY =
  /ad|shar|wechat|a2a|tick|price|newsletter|tag|keybq|meta|subtle|copyright|statement|source|disclaimer/i;

const cache = new WeakMap<Element, Map<ChromeKind, Element[]>>();

function index(root: Element): Map<ChromeKind, Element[]> {
  const found = new Map<ChromeKind, Element[]>(CLASS_PATTERNS.map(([k]) => [k, []]));
  const walker = root.ownerDocument.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n as Element;
    const cls = el.getAttribute('class');
    if (cls && ANY.test(cls)) {
      for (const [kind, re] of CLASS_PATTERNS) if (re.test(cls)) found.get(kind)!.push(el);
    }
    if (el.id.startsWith('div-gpt-ad')) found.get('ad')!.push(el);
    if (el.tagName === 'INPUT' && el.getAttribute('type')?.toLowerCase() === 'email')
      found.get('newsletter')!.push(el);
    else if (el.getAttribute('data-module-name')?.toLowerCase().includes('newsletter'))
      found.get('newsletter')!.push(el);
  }
  return found;
}

/**
 * Elements under `root` whose class names mark them as `kind` chrome, in document order.
 * `newsletter` also lists email inputs and `[data-module-name*=newsletter]` modules; `ad` also
 * lists Google `div-gpt-ad…` slots. Elements removed since the walk are still listed: check
 * `isConnected`.
 */
export function chromeClasses(root: Element, kind: ChromeKind): readonly Element[] {
  let map = cache.get(root);
  if (!map) {
    map = index(root);
    cache.set(root, map);
  }
  return map.get(kind) ?? [];
}

/**
 * Chrome found in the page is MARKED in the pre phase and taken out in the post phase, if it
 * reached Readability's content at all. Taking it out of the page instead shifts Readability's
 * scores: on Readability's own `firefox-nightly-blog` page, removing the sidebar newsletter form
 * made Readability drop the comment thread it otherwise keeps. Marking leaves Readability's
 * choice exactly as without us, records only what was really in the article, and leaves a
 * placeholder so the reader can show it back in place.
 */
export const CHROME_ATTR = 'data-cr-chrome';

/** Marked elements per working document, so the post phase needs no attribute query. */
const marks = new WeakMap<Document, Map<RemovalKind, Element[]>>();

/**
 * Marks `el` and everything in it: Readability unwraps and re-tags elements (a `<div>` holding
 * one `<p>` becomes that `<p>`), so the mark on the box alone can be lost on the way.
 */
export function markChrome(el: Element, kind: RemovalKind): void {
  if (el.hasAttribute(CHROME_ATTR)) return;
  let byKind = marks.get(el.ownerDocument);
  if (!byKind) marks.set(el.ownerDocument, (byKind = new Map()));
  let list = byKind.get(kind);
  if (!list) byKind.set(kind, (list = []));
  for (const d of [el, ...el.querySelectorAll('*')]) {
    if (d.hasAttribute(CHROME_ATTR)) continue;
    d.setAttribute(CHROME_ATTR, kind);
    list.push(d);
  }
}

/**
 * Post phase: removes what is left in the content of the elements marked as `kind`, each
 * piece widened to the box that holds only marked pieces. Readability re-tags elements by
 * copying them, so the marks are looked up by attribute, but only when the pre phase marked
 * something of this kind.
 */
export function removeMarkedChrome(ctx: DetectorContext, kind: RemovalKind, rule: string): number {
  if (!marks.get(ctx.doc)?.get(kind)?.length) return 0;
  const marked = [...ctx.content.querySelectorAll(`[${CHROME_ATTR}="${kind}"]`)];
  if (marked.length === 0) return 0;
  const tops = marked.filter((el) => el.parentElement?.getAttribute(CHROME_ATTR) !== kind);
  for (const el of marked) el.removeAttribute(CHROME_ATTR);
  return removeGrouped(ctx, tops, kind, rule);
}
