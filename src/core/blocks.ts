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
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

/** Containers whose text is quoted or literal: injected-run detectors never fire inside them. */
export const LITERAL_ANCESTORS = 'blockquote, pre, code, table';

export interface Block {
  el: Element;
  /** Normalized text (see `normalizeText`). */
  text: string;
}

function hasBlockChild(el: Element): boolean {
  for (const child of el.children) if (BLOCK_TAGS.has(child.tagName)) return true;
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
    for (const child of el.children) {
      if (out.length >= limit) return;
      if (!BLOCK_TAGS.has(child.tagName)) continue;
      if (child.tagName === 'TABLE' || child.tagName === 'PRE' || !hasBlockChild(child)) {
        const text = normalizeText(child.textContent ?? '');
        if (text || child.querySelector('img, picture, video, svg')) out.push({ el: child, text });
      } else {
        walk(child);
      }
    }
  };
  walk(root);
  return out;
}
