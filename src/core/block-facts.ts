import { isLiteral, isQuoted, type Block } from './blocks.js';
import { PLACEHOLDER_ATTR, type DetectorContext } from './context.js';
import { countScripts, linkDensity, normalizeText } from './text.js';
import { descendants } from './descendants.js';
import type { RemovalKind } from './types.js';
import { isStatement } from './signatures/site-statement.js';

/** What the boilerplate detectors ask of a block, measured once per element. */
export interface BlockFacts {
  /** Share of the text inside links. */
  links: number;
  /** CJK characters plus twice the Latin words: ~30 is one real sentence. */
  weight: number;
  heading: boolean;
  /** Inside blockquote/pre/code/table: quoted or literal text, never boilerplate. */
  literal: boolean;
  /** An essay paragraph: a sentence or more of text that is not mostly links. */
  prose: boolean;
}

const HEADING = /^H[1-6]$/;
const PROSE_WEIGHT = 30;
const cache = new WeakMap<Element, BlockFacts>();

/** CJK characters plus twice the Latin words, counted in one pass. */
function weightOf(text: string): number {
  const { cjk, words } = countScripts(text);
  return cjk + 2 * words;
}

export function blockFacts(block: Block): BlockFacts {
  let facts = cache.get(block.el);
  if (facts) return facts;
  const links = linkDensity(block.el);
  const weight = weightOf(block.text);
  const heading = HEADING.test(block.el.tagName);
  const literal = isLiteral(block.el);
  const prose = !heading && (literal ? weight >= 10 : links < 0.5 && weight >= PROSE_WEIGHT);
  facts = { links, weight, heading, literal, prose };
  cache.set(block.el, facts);
  return facts;
}

export function isHeading(el: Element): boolean {
  return HEADING.test(el.tagName);
}

/**
 * Index of the last essay paragraph, or -1. Site statements (a disclaimer is prose-shaped) and
 * blocks for which `skip` says "junk" do not count: they are not where the essay ends.
 */
export function lastProseIndex(blocks: readonly Block[], skip?: (b: Block) => boolean): number {
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i]!;
    if (blockFacts(b).prose && !skip?.(b) && !isStatement(b.text)) return i;
  }
  return -1;
}

/** Index of the first essay paragraph (not one `skip` calls junk), or `blocks.length`. */
export function firstProseIndex(blocks: readonly Block[], skip?: (b: Block) => boolean): number {
  const i = blocks.findIndex((b) => blockFacts(b).prose && !skip?.(b));
  return i < 0 ? blocks.length : i;
}

const MEDIA = 'img, picture, video, iframe, svg, audio';

function mediaCount(el: Element): number {
  return el.querySelectorAll(MEDIA).length + (el.matches(MEDIA) ? 1 : 0);
}

/**
 * Removes the given elements (blocks, or item containers), each widened to the largest
 * ancestor that holds nothing but chosen elements: a `<ul>` whose every item is junk goes as one
 * removal. Never widens to an ancestor that holds other blocks, other text, other media, an
 * earlier removal marker, quoted/literal text, or every block of the content. Returns how many
 * removals it recorded.
 */
export function removeGrouped(
  ctx: DetectorContext,
  elements: readonly Element[],
  kind: RemovalKind,
  rule: string,
): number {
  const els = elements.filter(
    (el, i) => !elements.some((o, j) => j !== i && o !== el && o.contains(el)),
  );
  if (els.length === 0) return 0;
  const chosen = new Set(els);
  const blocks = ctx.blocks();
  const total = new Map<Element, number>();
  const picked = new Map<Element, number>();
  for (const b of blocks) {
    let inside = false;
    for (let p: Element | null = b.el; p && p !== ctx.content; p = p.parentElement) {
      if (chosen.has(p)) inside = true;
      if (p === b.el) continue;
      total.set(p, (total.get(p) ?? 0) + 1);
      if (inside) picked.set(p, (picked.get(p) ?? 0) + 1);
    }
  }
  const chars = new Map<Element, number>();
  const media = new Map<Element, number>();
  for (const el of els) {
    const n = normalizeText(el.textContent ?? '').length + 1;
    const m = mediaCount(el);
    for (let p = el.parentElement; p && p !== ctx.content; p = p.parentElement) {
      chars.set(p, (chars.get(p) ?? 0) + n);
      media.set(p, (media.get(p) ?? 0) + m);
    }
  }
  let count = 0;
  for (const el of els) {
    let top = el;
    for (let p = el.parentElement; p && p !== ctx.content; p = p.parentElement) {
      const n = total.get(p) ?? 0;
      if (n !== (picked.get(p) ?? 0) || n >= blocks.length) break;
      if (isLiteral(p) || p.querySelector(`[${PLACEHOLDER_ATTR}]`)) break;
      if (normalizeText(p.textContent ?? '').length > (chars.get(p) ?? 0) + 1) break;
      if (mediaCount(p) > (media.get(p) ?? 0)) break;
      top = p;
    }
    if (ctx.remove(top, kind, rule)) count++;
  }
  return count;
}

/**
 * A chrome container found by class in the pre phase is only taken when it is small and holds
 * no essay paragraph (`own` matches the widget's own sentences), so a misused class never takes
 * the article with it.
 */
export function isSmallWidget(el: Element, maxChars: number, own?: RegExp): boolean {
  if (isQuoted(el)) return false;
  const text = normalizeText(el.textContent ?? '');
  if (text.length > maxChars) return false;
  for (const p of descendants(el)) {
    if (p.localName !== 'p') continue;
    const t = normalizeText(p.textContent ?? '');
    if (weightOf(t) < PROSE_WEIGHT || linkDensity(p) >= 0.5) continue;
    // A sentence of the widget's own (a newsletter pitch) is not an essay paragraph.
    if (!own?.test(t)) return false;
  }
  return true;
}

/** No text and no media: nothing a reader would miss, nothing worth a removal entry. */
export function isEmptyShell(el: Element): boolean {
  return normalizeText(el.textContent ?? '') === '' && mediaCount(el) === 0;
}
