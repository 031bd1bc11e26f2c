import { hasDescendant } from './descendants.js';
import { normalizeText } from './text.js';

/** Elements that start a new block of text. */
export const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

const QUOTED = new Set(['blockquote', 'pre', 'code']);
const dataTables = new WeakMap<Element, boolean>();

/**
 * A table of data (headers, a caption, or rows of several short cells), as opposed to an old
 * layout table that holds the essay one paragraph per cell: the detectors must see into those.
 */
export function isDataTable(table: Element): boolean {
  let known = dataTables.get(table);
  if (known === undefined) {
    known = !!table.querySelector('th, caption, thead');
    if (!known) {
      let multi = 0;
      let cells = 0;
      let chars = 0;
      const rows = table.querySelectorAll('tr');
      for (const row of rows) {
        const filled = [...row.children].filter((c) => normalizeText(c.textContent ?? ''));
        if (filled.length > 1) multi++;
        cells += filled.length;
        for (const c of filled) chars += normalizeText(c.textContent ?? '').length;
      }
      // Most rows hold several short cells; a layout table holds the essay one cell per row.
      known = multi > 0 && multi * 2 >= rows.length && cells > 0 && chars / cells < 80;
    }
    dataTables.set(table, known);
  }
  return known;
}

/** `el.closest('blockquote, pre, code') !== null`, by one walk up the tag names. */
export function isQuoted(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (QUOTED.has(e.localName)) return true;
  return false;
}

/**
 * Quoted or literal text (blockquote, pre, code, a data table): injected-run detectors never
 * fire inside it, and the outline does not look into it.
 */
export function isLiteral(el: Element): boolean {
  // One walk up by tag name: the same answer as `closest(QUOTED)` then `closest('table')`, at
  // a fraction of two selector matches per block in jsdom.
  let table: Element | null = null;
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (QUOTED.has(e.localName)) return true;
    if (!table && e.localName === 'table') table = e;
  }
  return !!table && isDataTable(table);
}

const MEDIA = new Set(['img', 'picture', 'video', 'svg']);

export interface Block {
  el: Element;
  /** Normalized text (see `normalizeText`). */
  text: string;
}

// Sibling pointers, not `children`: in jsdom every step through the live HTMLCollection goes
// through a proxy, and that was most of the cost of listing a page's blocks.
function hasBlockChild(el: Element): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (BLOCK_TAGS.has(c.tagName)) return true;
  }
  return false;
}

/**
 * The leaf blocks under `root` in document order: block elements with no block children and
 * some text (or an image). A `<div>` holding only inline content and a WeChat-style
 * `<section><span>` count as blocks; so does a `<li>`. Stops after `limit` blocks.
 */
export function listBlocks(root: Element, limit = Infinity): Block[] {
  const out: Block[] = [];
  const walk = (el: Element): void => {
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      if (out.length >= limit) return;
      if (!BLOCK_TAGS.has(child.tagName)) continue;
      const whole = child.tagName === 'PRE' || (child.tagName === 'TABLE' && isDataTable(child));
      if (whole || !hasBlockChild(child)) {
        const text = normalizeText(child.textContent ?? '');
        if (text || hasDescendant(child, MEDIA)) out.push({ el: child, text });
      } else {
        walk(child);
      }
    }
  };
  walk(root);
  return out;
}
