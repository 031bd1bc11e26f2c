import { isLiteral, type Block } from '../blocks.js';
import type { Detector, DetectorContext } from '../context.js';
import { blockFacts, lastProseIndex, removeGrouped } from '../block-facts.js';
import { variantRegExp } from '../signatures/script-variants.js';
import { normalizeText } from '../text.js';

/**
 * Related-article lists.
 * - The farm's list (research §11 T11): ≥2 items, each a (decorated) title, a one-line summary
 *   and a date line such as the placeholder `1900/1/1 0:00:00`, after the essay. The date lines
 *   find the items; an item is the element holding one date, or, when the list is flat, the
 *   date line and the blocks since the previous one.
 * - A related heading (相关文章, 相關閱讀, More For You, Recommended News…) and the run of link
 *   lines right after it, or the heading alone as the last block.
 * - News cards `NEWS | 5 hours ago` + headline link, twice or more, after the essay
 *   (Bitcoin.com, §10).
 */
export const ITEM_DATE =
  /^(?:1900\/1\/1\s+0:00:00|(?:19|20)\d{2}\/\d{1,2}\/\d{1,2}\s+\d{1,2}:\d{2}:\d{2}|\d{1,2}\/\d{1,2}\/(?:19|20)\d{2}\s+\d{1,2}:\d{2}:\d{2}\s*[AP]M)$/u;
const HEADING = variantRegExp(
  '^(?:相关文章|相关阅读|相关推荐|相关新闻|相关资讯|推荐阅读|推荐文章|延伸阅读|热门文章|热门推荐|热门资讯|猜你喜欢|更多精彩|' +
    'more for you|recommended news|recommended (?:articles|stories|posts|reading|for you)|' +
    'related (?:articles?|posts?|stories|news|reading|content|coverage)|you (?:may|might) also like|' +
    'read next|more stories|more news|most read|popular (?:stories|posts|articles))\\s*[:：]?$',
  'i',
);
const CARD_META =
  /^[A-Z][A-Za-z &]{1,24}\s*[|｜·•]\s*\d{1,3}\s+(?:seconds?|minutes?|mins?|hours?|days?|weeks?|months?)\s+ago$/u;
const MAX_ITEM = 400;
const MAX_FLAT_ITEM_BLOCKS = 3;
const MAX_LINK_LINE = 250;
const RULE = 'detector:related-list';

function dateElements(ctx: DetectorContext): Element[] {
  const out: Element[] = [];
  const walker = ctx.doc.createTreeWalker(ctx.content, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const data = n.nodeValue ?? '';
    if (data.length > 60 || data.length < 14) continue;
    const parent = n.parentElement;
    if (!parent || !ITEM_DATE.test(data.replace(/[\s\u00a0]+/g, ' ').trim())) continue;
    if (isLiteral(parent)) continue;
    out.push(parent);
  }
  return out;
}

/** The farm list: items found by their date lines. Returns the elements to remove. */
function datedItems(ctx: DetectorContext, blocks: readonly Block[]): Element[] {
  const dates = dateElements(ctx);
  if (dates.length < 2) return [];
  const index = new Map(blocks.map((b, i) => [b.el, i]));
  const items: Element[][] = [];
  const flat: number[] = [];
  for (const d of dates) {
    // Climb while the ancestor holds this date only: that ancestor is the item.
    let item: Element = d;
    for (let p = d.parentElement; p && p !== ctx.content; p = p.parentElement) {
      if (dates.some((o) => o !== d && p.contains(o))) break;
      item = p;
    }
    const blockIndex = index.get(item) ?? -1;
    if (blockIndex >= 0) flat.push(blockIndex);
    else items.push([item]);
  }
  if (flat.length > 0) {
    // Flat list: an item is its date line and the blocks since the previous date line.
    flat.sort((a, b) => a - b);
    const gaps = flat.slice(1).map((v, k) => v - flat[k]! - 1);
    const size = gaps.length ? Math.min(Math.max(...gaps), MAX_FLAT_ITEM_BLOCKS) : 2;
    for (const at of flat) {
      const item: Element[] = [];
      for (let k = Math.max(0, at - size); k <= at; k++) {
        if (flat.includes(k) && k !== at) item.length = 0;
        else item.push(blocks[k]!.el);
      }
      items.push(item);
    }
    // The first item has no date line before it: trim blocks that are longer than any other
    // item's, so that a wrong guess never reaches into the essay.
    const firstItem = items[items.length - flat.length];
    const others = items.slice(items.length - flat.length + 1).flat();
    const limit =
      Math.max(0, ...others.map((el) => (el.textContent ?? '').trim().length)) * 1.5 + 20;
    while (
      firstItem &&
      firstItem.length > 1 &&
      (firstItem[0]!.textContent ?? '').trim().length > limit
    ) {
      firstItem.shift();
    }
  }
  if (items.length < 2) return [];
  const chosen = items.flat();
  const texts = items.map((it) =>
    it.reduce((n, el) => n + (el.textContent ?? '').trim().length, 0),
  );
  if (texts.some((n) => n > MAX_ITEM)) return [];
  // After the essay: no essay paragraph outside the items follows the first item.
  const inItems = (b: Block) => chosen.some((el) => el === b.el || el.contains(b.el));
  const first = blocks.findIndex(inItems);
  if (first < 0 || lastProseIndex(blocks, inItems) > first) return [];
  return chosen;
}

function isLinkLine(b: Block): boolean {
  const f = blockFacts(b);
  return (
    !f.literal &&
    !f.heading &&
    b.text.length <= MAX_LINK_LINE &&
    (f.links >= 0.5 || ITEM_DATE.test(b.text))
  );
}

/** A related heading and the link lines after it. */
function headedLists(blocks: readonly Block[]): Element[] {
  const out: Element[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.text.length > 40 || blockFacts(b).literal || !HEADING.test(b.text)) continue;
    let j = i + 1;
    while (j < blocks.length && isLinkLine(blocks[j]!)) j++;
    if (j > i + 1 || i === blocks.length - 1) out.push(...blocks.slice(i, j).map((x) => x.el));
    i = j - 1;
  }
  return out;
}

/** `NEWS | 5 hours ago` cards with their headline links, after the essay. */
function newsCards(blocks: readonly Block[]): Element[] {
  const metas = blocks.flatMap((b, i) =>
    CARD_META.test(b.text) && !blockFacts(b).literal ? [i] : [],
  );
  if (metas.length < 2) return [];
  const set = new Set(metas);
  const out: number[] = [...metas];
  for (const i of metas) {
    for (const k of [i - 1, i + 1]) {
      const b = blocks[k];
      if (b && !set.has(k) && isLinkLine(b)) out.push(k);
    }
  }
  const first = Math.min(...out);
  const picked = new Set(out.map((k) => blocks[k]!.el));
  if (lastProseIndex(blocks, (b) => picked.has(b.el)) > first) return [];
  return [...picked];
}

/** A box holds at most this much text: a sidebar, not a section. */
const MAX_BOX = 800;

/**
 * Boxes outside the essay that Readability kept (a hot-news column in a layout table, a
 * `热点快讯` side box): after the last essay paragraph, a heading whose box (the largest
 * ancestor holding no essay paragraph) holds more than the heading and no prose. A heading
 * that sits with the essay's own paragraphs (a closing `References` section) has no such box.
 */
function sideBoxes(ctx: DetectorContext, blocks: readonly Block[]): Element[] {
  const last = lastProseIndex(blocks);
  if (last < 0) return [];
  const prose = blocks.filter((b) => blockFacts(b).prose).map((b) => b.el);
  const out: Element[] = [];
  for (const b of blocks.slice(last + 1)) {
    if (!blockFacts(b).heading || out.some((o) => o.contains(b.el))) continue;
    let box = b.el;
    for (let p = b.el.parentElement; p && p !== ctx.content; p = p.parentElement) {
      if (isLiteral(p) || prose.some((e) => p.contains(e))) break;
      box = p;
    }
    if (box === b.el || normalizeText(box.textContent ?? '').length > MAX_BOX) continue;
    if (normalizeText(box.textContent ?? '') === b.text) continue;
    // A list of items: a heading per item (two at least, besides the box's own), or links and
    // nothing but link lines. An "About the author" box (a heading, the name, a sentence of
    // bio) stays.
    const inBox = blocks.filter((x) => box.contains(x.el));
    const headings = inBox.filter((x) => blockFacts(x).heading).length;
    const linkLines = inBox.every((x) => blockFacts(x).heading || blockFacts(x).links >= 0.5);
    if (headings < 3 && !(linkLines && box.querySelectorAll('a').length >= 2)) continue;
    out.push(box);
  }
  return out;
}

export const relatedListDetector: Detector = {
  id: 'related-list',
  phase: 'post',
  order: 43,
  run(ctx) {
    const blocks = ctx.blocks();
    const found = [
      ...datedItems(ctx, blocks),
      ...headedLists(blocks),
      ...newsCards(blocks),
      ...sideBoxes(ctx, blocks),
    ];
    removeGrouped(ctx, found, 'related-list', RULE);
  },
};
