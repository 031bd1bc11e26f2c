import { normalizeText } from './text.js';

/** Elements that start a new block of text. */
export const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR',
  'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH',
  'THEAD', 'TR', 'UL',
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
 * `<section><span>` count as blocks; so does a `<li>`.
 */
export function listBlocks(root: Element): Block[] {
  const out: Block[] = [];
  const walk = (el: Element): void => {
    for (const child of el.children) {
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

/**
 * Splits `<br><br>`-separated text inside a block into `<p>` elements, so that every paragraph
 * is a block of its own (farm bodies often come as one `<div>` of text and `<br>`s). A single
 * `<br>` stays a line break. Returns how many blocks it split.
 */
export function splitBrParagraphs(root: Element): number {
  const doc = root.ownerDocument;
  let split = 0;
  const candidates = [root, ...root.querySelectorAll('div, section, p, td')].filter((el) => {
    if (el.closest(LITERAL_ANCESTORS) && el.tagName !== 'TD') return false;
    for (const br of el.querySelectorAll(':scope > br')) {
      let next = br.nextSibling;
      while (next && next.nodeType === 3 && !normalizeText(next.textContent ?? '')) next = next.nextSibling;
      if (next && next.nodeName === 'BR') return true;
    }
    return false;
  });
  for (const el of candidates) {
    if (hasBlockChild(el) && el !== root && el.tagName !== 'DIV' && el.tagName !== 'SECTION') continue;
    const groups: Node[][] = [[]];
    let brRun = 0;
    for (const node of [...el.childNodes]) {
      if (node.nodeName === 'BR') {
        brRun++;
        continue;
      }
      if (node.nodeType === 3 && !normalizeText(node.textContent ?? '')) {
        if (brRun === 0) groups[groups.length - 1]!.push(node);
        continue;
      }
      const isBlock = node.nodeType === 1 && BLOCK_TAGS.has(node.nodeName);
      if (brRun >= 2 || isBlock) groups.push([]);
      else if (brRun === 1) groups[groups.length - 1]!.push(doc.createElement('br'));
      brRun = 0;
      groups[groups.length - 1]!.push(node);
      if (isBlock) groups.push([]);
    }
    const nonEmpty = groups.filter((g) => g.some((n) => normalizeText(n.textContent ?? '') || n.nodeType === 1));
    if (nonEmpty.length < 2) continue;
    const target = el.tagName === 'P' ? doc.createElement('div') : el;
    const frag = doc.createDocumentFragment();
    for (const group of nonEmpty) {
      const only = group.filter((n) => n.nodeType === 1 || normalizeText(n.textContent ?? ''));
      if (only.length === 1 && only[0]!.nodeType === 1 && BLOCK_TAGS.has(only[0]!.nodeName)) {
        frag.append(only[0]!);
        continue;
      }
      const p = doc.createElement('p');
      for (const n of group) p.append(n);
      frag.append(p);
    }
    if (target === el) {
      el.replaceChildren(frag);
    } else {
      for (const attr of el.attributes) target.setAttribute(attr.name, attr.value);
      target.append(frag);
      el.replaceWith(target);
    }
    split++;
  }
  return split;
}
