import type { DetectorContext } from './context.js';
import { CHROME_CLASSES, type ChromeKind } from './signatures/chrome-classes.js';
import type { RemovalKind } from './types.js';
import { removeGrouped } from './block-facts.js';
import { descendants } from './descendants.js';

/**
 * The page chrome the pre-phase detectors look for by class (`signatures/chrome-classes.ts`),
 * found in ONE walk over the page (attribute-substring selectors cost tens of milliseconds each
 * in jsdom; a walk that reads each element's class once costs a few, for all detectors
 * together). Cached per root.
 */
const KINDS = Object.keys(CHROME_CLASSES) as ChromeKind[];
/** Every class token of the table, to its kinds: one Set lookup per token of the page. */
const TOKENS = new Map<string, ChromeKind[]>();
const PREFIXES: [string, ChromeKind][] = [];
const SUBSTRINGS: [string, ChromeKind][] = [];
for (const kind of KINDS) {
  const c = CHROME_CLASSES[kind];
  for (const t of c.tokens) TOKENS.set(t, [...(TOKENS.get(t) ?? []), kind]);
  for (const p of c.prefixes) PREFIXES.push([p, kind]);
  for (const s of c.substrings) SUBSTRINGS.push([s, kind]);
}

function kindsOf(cls: string): Set<ChromeKind> {
  const out = new Set<ChromeKind>();
  const lower = cls.toLowerCase();
  for (const [s, kind] of SUBSTRINGS) if (lower.includes(s)) out.add(kind);
  for (const t of cls.split(/\s+/)) {
    if (!t) continue;
    for (const kind of TOKENS.get(t) ?? []) out.add(kind);
    for (const [p, kind] of PREFIXES) if (t.startsWith(p)) out.add(kind);
  }
  return out;
}

const cache = new WeakMap<Element, Map<ChromeKind, Element[]>>();

function index(root: Element): Map<ChromeKind, Element[]> {
  const found = new Map<ChromeKind, Element[]>(KINDS.map((k) => [k, []]));
  // A page repeats its class strings: each is split and matched once per walk.
  const byClass = new Map<string, Set<ChromeKind>>();
  for (const el of descendants(root)) {
    // Most elements carry no attribute at all, and then none of the tests below can hold.
    if (!el.hasAttributes()) continue;
    const cls = el.getAttribute('class');
    if (cls) {
      let kinds = byClass.get(cls);
      if (!kinds) byClass.set(cls, (kinds = kindsOf(cls)));
      for (const kind of kinds) found.get(kind)!.push(el);
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
  // One TreeWalker pass, not an attribute selector matched by nwsapi against every element.
  const marked = descendants(ctx.content).filter((el) => el.getAttribute(CHROME_ATTR) === kind);
  if (marked.length === 0) return 0;
  const tops = marked.filter((el) => el.parentElement?.getAttribute(CHROME_ATTR) !== kind);
  for (const el of marked) el.removeAttribute(CHROME_ATTR);
  return removeGrouped(ctx, tops, kind, rule);
}
