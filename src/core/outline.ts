import { listBlocks, isLiteral, type Block } from './blocks.js';
import { countCjk, linkDensity, normalizeText } from './text.js';
import type { OutlineEntry } from './types.js';

/**
 * The essay's outline: h2–h6, plus pseudo-headings that farm and WeChat bodies use instead of
 * real headings: a short block whose whole text is bold, a CJK ordinal line (一、 / (一) /
 * 第X部分 / 【…】), or a short standalone CJK line between paragraphs (it may hold `:` `,` or
 * end in `?`, never end a sentence). Each entry's element gets a stable id derived from its
 * text; the title is not repeated.
 *
 * Only the essay's own sections count (issue 8 point 5). Readability may carry a hot-news box or
 * a sidebar into the content; its headings head no prose. A dek or a "Quick Take" box between the
 * title and the first paragraph is a lead, not a section. Headings of removed runs are gone with
 * their runs (their placeholders are skipped).
 */
const ORDINAL =
  /^(?:[一二三四五六七八九十百]+、|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十\d]+(?:部分|章|节|節|篇)|【[^】]{2,30}】$)/u;
const MAX_PSEUDO = 40;
const MAX_PLAIN = 24;
/** Ends or holds a sentence: a plain line with these is prose, not a heading. */
const SENTENCE_PUNCT = /[。；;！!]|\.\s|\.$|[，,：:、]$/u;
const CAPTION = /^(?:图|圖|图片|圖片|Image|Photo|Source|来源|來源)\s*[:：]/iu;
/** `label: value` lines of the page's meta (credits, dates, notes), not sections. */
const META_LINE =
  /^(?:作者|编译|編譯|翻译|翻譯|编辑|編輯|责任编辑|責任編輯|撰文|原文\S{0,2}|时间|時間|发布|發布|日期|标签|標籤|注|註|Tags?)\s*[:：]/iu;
/** A page line (`第1页`, `共3頁`) left by a paginated farm copy. */
const PAGE_LINE = /^(?:第\s*\d+\s*[页頁]|共\s*\d+\s*[页頁].*)$/u;
/** A lead under the title, by its class: dek, standfirst, subtitle, Quick Take. */
const LEAD_CLASS =
  /(?:^|[\s_-])(?:sub-?title|sub-?headline|sub-?head|dek|standfirst|strapline|kicker|eyebrow|lede|lead|summary|excerpt|quick-?take|intro)(?:$|[\s_-])/i;
/** A line wholly in round or square brackets: a source or photo credit (`[Engadget]`). */
const BRACKETED = /^[[(（［].*[\])）］]$/u;
const BOLD_TAGS = new Set(['STRONG', 'B']);
/** A block of prose is this long at least, and at least this share of the essay's median. */
const MIN_PROSE = 20;
const PROSE_SHARE_OF_MEDIAN = 0.3;
/** The essay root holds this share of the content's prose. */
const ESSAY_SHARE = 0.7;

function wholeTextBold(el: Element, text: string): boolean {
  let bold = 0;
  for (const b of el.querySelectorAll('strong, b, [style*="font-weight"]')) {
    if (!BOLD_TAGS.has(b.tagName)) {
      const w = /font-weight\s*:\s*(\d+|bold)/i.exec(b.getAttribute('style') ?? '')?.[1];
      if (!w || (w !== 'bold' && Number(w) < 600)) continue;
    }
    if (
      b.parentElement?.closest('strong, b, [style*="font-weight"]') &&
      el.contains(b.parentElement)
    )
      continue;
    bold += normalizeText(b.textContent ?? '').length;
  }
  return bold >= text.length * 0.9;
}

function slug(text: string): string {
  return (
    'cr-' +
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48)
  );
}

const isHeading = (el: Element) => /^H[1-6]$/.test(el.tagName);

/** How much running prose a block holds: 0 for headings, link lists and quoted literals. */
function proseOf(b: Block, links: number): number {
  if (!b.text || isHeading(b.el) || links >= 0.5) return 0;
  // Quoted prose is prose; code and data tables are not.
  if (isLiteral(b.el) && (b.el.closest('pre, code') || !b.el.closest('blockquote'))) return 0;
  return b.text.length;
}

/**
 * The deepest element of `content` that holds most of its prose: the essay, as opposed to the
 * boxes Readability carried along with it.
 */
function essayRoot(content: Element, blocks: Block[], prose: number[]): Element {
  const inside = new Map<Element, number>();
  let total = 0;
  blocks.forEach((b, i) => {
    const n = prose[i]!;
    if (!n) return;
    total += n;
    for (let el: Element | null = b.el; el && el !== content; el = el.parentElement)
      inside.set(el, (inside.get(el) ?? 0) + n);
  });
  let root = content;
  for (;;) {
    const next = [...root.children].find((c) => (inside.get(c) ?? 0) >= total * ESSAY_SHARE);
    if (!next || listBlocks(next, 2).length < 2) return root;
    root = next;
  }
}

function hasLeadClass(el: Element, content: Element): boolean {
  for (let e: Element | null = el, n = 0; e && e !== content && n < 3; e = e.parentElement, n++) {
    if (LEAD_CLASS.test(`${e.getAttribute('class') ?? ''} ${e.id}`)) return true;
  }
  return false;
}

export function buildOutline(content: Element, title: string): OutlineEntry[] {
  const blocks = listBlocks(content).filter((b) => !b.el.hasAttribute('data-cr-removed'));
  const links = blocks.map((b) => linkDensity(b.el));
  const prose = blocks.map((b, i) => proseOf(b, links[i]!));
  const lengths = prose.filter((n) => n >= MIN_PROSE).sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)] ?? 0;
  const minProse = Math.max(MIN_PROSE, median * PROSE_SHARE_OF_MEDIAN);
  const isProse = (i: number) => prose[i]! >= minProse;
  const isParagraph = (i: number) => isProse(i) && !blocks[i]!.el.closest('li');
  const firstParagraph = blocks.findIndex((_, i) => isParagraph(i));
  const root = essayRoot(content, blocks, prose);

  /**
   * The blocks a heading at `i` heads: up to the next heading, and within its box (the nearest
   * ancestor that holds more than the heading: a "Quick Take" box, a sidebar item).
   */
  const sections = new Map<number, { from: number; own: number; all: number }>();
  const section = (i: number) => {
    const known = sections.get(i);
    if (known) return known;
    const el = blocks[i]!.el;
    const level = isHeading(el) ? Number(el.tagName[1]) : 7;
    let box = el.parentElement;
    // A subtree is contiguous in document order: holding another block means holding a neighbour.
    const near = [blocks[i - 1]?.el, blocks[i + 1]?.el].filter((e): e is Element => !!e);
    while (box && box !== content && !near.some((o) => box!.contains(o))) box = box.parentElement;
    let j = i + 1;
    let to = -1;
    for (; j < blocks.length && (box?.contains(blocks[j]!.el) ?? true); j++) {
      const h = blocks[j]!.el;
      // Headlines in a list are items of the section (a "More:" list), not sections.
      if (!isHeading(h) || h.closest('li')) continue;
      if (to < 0) to = j;
      if (Number(h.tagName[1]) <= level) break;
    }
    // `own`: up to the next heading; `all`: with its subsections.
    const found = { from: i + 1, own: to < 0 ? j : to, all: j };
    sections.set(i, found);
    return found;
  };
  const heads = (i: number, test: (k: number) => boolean, withSubsections: boolean) => {
    const s = section(i);
    const to = withSubsections ? s.all : s.own;
    for (let k = s.from; k < to; k++) if (test(k)) return true;
    return false;
  };

  /** A "More:" heading over a list of linked headlines (a "See also" list of links stays). */
  const headsOnlyLinks = (i: number) => {
    const { from, all } = section(i);
    if (all <= from) return false;
    for (let k = from; k < all; k++) {
      const el = blocks[k]!.el;
      if (!isHeading(el) || links[k]! < 0.5) return false;
    }
    return true;
  };
  /** What a section may hold besides prose: a list, a quote, code, a table, a picture. */
  const isContent = (k: number) => {
    if (isProse(k)) return true;
    const el = blocks[k]!.el;
    if (links[k]! >= 0.5 || isHeading(el)) return false;
    return (
      !!el.closest('li, blockquote, pre, table') ||
      !!el.querySelector('img, picture, video, svg, canvas, math') ||
      el.tagName === 'PRE' ||
      el.tagName === 'TABLE'
    );
  };

  const hasRealHeading = blocks.some((b) => /^H[2-6]$/.test(b.el.tagName));
  const normTitle = normalizeText(title);
  const used = new Set<string>();
  const entries: OutlineEntry[] = [];
  blocks.forEach((b, i) => {
    if (!b.text || b.text === normTitle || isLiteral(b.el)) return;
    let level = 0;
    const tag = b.el.tagName;
    if (isHeading(b.el)) {
      // A linked headline in a list is an item of a "More:" or "Latest" list, not a section.
      if (b.el.closest('li') && links[i]! >= 0.5) return;
      // A box (hot news, most read, editor's picks), in the essay's container or beside it:
      // its headings head only short lines and links, no prose, list, quote, code or picture.
      // A box beside the essay (hot news, most read, editor's picks), or a "More:" list: its
      // headings head no prose, list, quote, code or picture of the essay.
      if (
        !heads(i, isContent, true) &&
        (!root.contains(b.el) || links[i]! >= 0.5 || headsOnlyLinks(i))
      )
        return;
      // A lead under the title: a dek, or a summary box of bullets before the first paragraph.
      if (i < firstParagraph) {
        const { from, own } = section(i);
        if (hasLeadClass(b.el, content)) return;
        if (own > from && !heads(i, isParagraph, false)) return;
        if (/[.。]$/u.test(b.text) && b.text.length > MAX_PSEUDO) return;
      }
      level = Math.max(2, Number(tag[1]));
    } else if (
      b.text.length <= MAX_PSEUDO &&
      !CAPTION.test(b.text) &&
      !META_LINE.test(b.text) &&
      !PAGE_LINE.test(b.text) &&
      !BRACKETED.test(b.text) &&
      !b.el.closest('figure, li') &&
      root.contains(b.el)
    ) {
      const next = blocks[i + 1];
      const nextIsBody = !!next && next.text.length > b.text.length * 2 && !isHeading(next.el);
      if (!nextIsBody) return;
      const pseudoLevel = hasRealHeading ? 3 : 2;
      if (ORDINAL.test(b.text) || wholeTextBold(b.el, b.text)) {
        level = pseudoLevel;
      } else if (
        b.text.length <= MAX_PLAIN &&
        countCjk(b.text) >= b.text.length * 0.2 &&
        !SENTENCE_PUNCT.test(b.text) &&
        !b.el.querySelector('a, img, time')
      ) {
        // A plain line needs body text on both sides: at the top it is more likely a dateline.
        const prev = blocks[i - 1];
        if (prev && prev.text.length > b.text.length * 2) level = pseudoLevel;
      }
    }
    if (!level) return;
    let id = slug(b.text);
    if (id === 'cr-') id = `cr-section-${entries.length + 1}`;
    let unique = id;
    for (let n = 2; used.has(unique); n++) unique = `${id}-${n}`;
    used.add(unique);
    b.el.setAttribute('id', unique);
    if (!isHeading(b.el)) b.el.setAttribute('data-cr-heading', String(level));
    entries.push({ level, text: b.text, id: unique });
  });
  return entries;
}
