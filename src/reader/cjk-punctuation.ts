/**
 * The reading setting "CJK punctuation: as published / full-width". Farm copies write Chinese with
 * half-width `, : ; ? ! ( )` (`比特币,以太坊:上涨`); shown full-width they read as the language is
 * set. Display only: the text nodes are rewritten in place and their original text is kept, so
 * `restoreCjkPunctuation` puts it back exactly, a copy of a selection puts the original text on
 * the clipboard (`copyOriginalText`), and exports (built from `Article.contentHtml`, never from
 * the live DOM) are untouched.
 */

import type { CjkPunctuationMode } from '../shared/reading-extras.js';

export { CJK_PUNCTUATION_MODES, type CjkPunctuationMode } from '../shared/reading-extras.js';

const FULL_WIDTH: Record<string, string> = {
  ',': '，',
  ':': '：',
  ';': '；',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
};

/** Han, kana, Hangul and the CJK punctuation blocks. */
const CJK =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]/u;
const CJK_CLOSING = /[」』”’）》〉】]/u;

/** Text there is code or a form value: its punctuation is syntax. */
const SKIP = 'pre, code, kbd, samp, var, script, style, textarea';
const BLOCK =
  'p, li, dd, dt, td, th, caption, figcaption, blockquote, h1, h2, h3, h4, h5, h6, div, section, article, aside, header, footer, pre, table, ul, ol, dl, figure';

interface Rewrite {
  original: string;
  converted: string;
  /** For each offset in `converted` (and its end), the offset in `original`. */
  toOriginal: number[];
}

/** The original of every text node this module rewrote (weak: removed nodes are forgotten). */
const rewrites = new WeakMap<Text, Rewrite>();

function textNodes(root: Element): Text[] {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const out: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    if (t.parentElement?.closest(SKIP)) continue;
    out.push(t);
  }
  return out;
}

/** Consecutive text nodes of one block: the context a mark is judged in. */
function groupByBlock(nodes: Text[]): Text[][] {
  const groups: Text[][] = [];
  let last: Element | null | undefined;
  for (const t of nodes) {
    const block = t.parentElement?.closest(BLOCK) ?? null;
    if (block !== last || !groups.length) groups.push([]);
    groups[groups.length - 1]!.push(t);
    last = block;
  }
  return groups;
}

const isCjk = (c: string | undefined) => c !== undefined && CJK.test(c);
const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

/**
 * For each character of `s`, what to show: the full-width mark, '' for a space dropped after
 * one, or the character itself.
 */
function widen(s: string): string[] {
  const chars = [...s];
  const out = chars.slice();
  const prevSolid = (i: number) => {
    for (let k = i - 1; k >= 0; k--) if (!isSpace(chars[k])) return chars[k];
    return undefined;
  };
  const nextSolidIndex = (i: number) => {
    let k = i + 1;
    while (k < chars.length && isSpace(chars[k])) k++;
    return k;
  };
  const open: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '(') {
      open.push(i);
      continue;
    }
    if (c === ')') {
      const o = open.pop();
      if (o === undefined) continue;
      // `比特币(BTC)`, `(以太坊)`: next to or around CJK text. `Bitcoin (BTC)` stays.
      const inner = chars.slice(o + 1, i);
      if (isCjk(chars[o - 1]) || inner.some((x) => isCjk(x))) {
        out[o] = FULL_WIDTH['(']!;
        out[i] = FULL_WIDTH[')']!;
      }
      continue;
    }
    if (!(c in FULL_WIDTH)) continue;
    if (!isCjk(prevSolid(i))) continue;
    const n = nextSolidIndex(i);
    const next = chars[n];
    // Between CJK characters, or ending a CJK sentence. `比特币:12:30`, `网址:https://…` stay.
    if (next !== undefined && !isCjk(next) && !CJK_CLOSING.test(next)) continue;
    out[i] = FULL_WIDTH[c]!;
    // The space a half-width mark needed is a gap after a full-width one.
    if (next !== undefined) for (let k = i + 1; k < n; k++) out[k] = '';
  }
  return out;
}

/**
 * Shows half-width `, : ; ? ! ( )` between CJK characters under `root` as full-width. Text in
 * code is left alone. Idempotent: a node already rewritten is judged on its original text.
 */
export function widenCjkPunctuation(root: Element): void {
  for (const group of groupByBlock(textNodes(root))) {
    const originals = group.map((t) => {
      const r = rewrites.get(t);
      return r && r.converted === t.data ? r.original : t.data;
    });
    const shown = widen(originals.join(''));
    let at = 0;
    group.forEach((t, k) => {
      const original = originals[k]!;
      const len = [...original].length;
      const parts = shown.slice(at, at + len);
      at += len;
      const converted = parts.join('');
      if (converted === original) {
        if (rewrites.has(t) && t.data !== original) t.data = original;
        rewrites.delete(t);
        return;
      }
      const toOriginal: number[] = [];
      let o = 0;
      [...original].forEach((ch, idx) => {
        for (let u = 0; u < parts[idx]!.length; u++) toOriginal.push(o);
        o += ch.length;
      });
      toOriginal.push(o);
      rewrites.set(t, { original, converted, toOriginal });
      if (t.data !== converted) t.data = converted;
    });
  }
}

/** Puts back the text `widenCjkPunctuation` rewrote under `root` (nodes changed since are left). */
export function restoreCjkPunctuation(root: Element): void {
  for (const t of textNodes(root)) {
    const r = rewrites.get(t);
    if (!r) continue;
    if (t.data === r.converted) t.data = r.original;
    rewrites.delete(t);
  }
}

/** The original text of a shown text node between two offsets of what is shown. */
function originalSlice(t: Text, start: number, end: number): string {
  const r = rewrites.get(t);
  if (!r || r.converted !== t.data) return t.data.slice(start, end);
  return r.original.slice(r.toOriginal[start] ?? 0, r.toOriginal[end] ?? r.original.length);
}

/** The text nodes a range touches, in document order. */
function rangeTextNodes(range: Range): Text[] {
  const root = range.commonAncestorContainer;
  if (root.nodeType === 3) return [root as Text];
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const out: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (range.intersectsNode(n)) out.push(n as Text);
  }
  return out;
}

function bounds(range: Range, t: Text): [number, number] {
  const start = range.startContainer === t ? range.startOffset : 0;
  const end = range.endContainer === t ? range.endOffset : t.data.length;
  return [start, end];
}

/** The selected text as published: original marks, a line break between blocks. */
export function originalText(range: Range): string {
  let out = '';
  let lastBlock: Element | null | undefined;
  for (const t of rangeTextNodes(range)) {
    const block = t.parentElement?.closest(BLOCK) ?? null;
    if (out && block !== lastBlock && !out.endsWith('\n')) out += '\n';
    lastBlock = block;
    const [s, e] = bounds(range, t);
    out += originalSlice(t, s, e);
  }
  return out;
}

/** The selected content as published: a clone whose text nodes carry the original text. */
export function originalFragment(range: Range): DocumentFragment {
  const fragment = range.cloneContents();
  const live = rangeTextNodes(range);
  const doc = fragment.ownerDocument;
  const walker = doc.createTreeWalker(fragment, 4 /* NodeFilter.SHOW_TEXT */);
  const cloned: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) cloned.push(n as Text);
  // cloneContents keeps every text node the range touches, in order (the partial ones cut).
  if (cloned.length !== live.length) return fragment;
  cloned.forEach((c, k) => {
    const t = live[k]!;
    const [s, e] = bounds(range, t);
    c.data = originalSlice(t, s, e);
  });
  return fragment;
}

/**
 * A `copy` listener for the content element: when the selection lies in `root`, the clipboard
 * gets the original text (text/plain) and markup (text/html) instead of the shown one.
 */
export function copyOriginalText(root: Element): (event: ClipboardEvent) => void {
  return (event) => {
    const doc = root.ownerDocument;
    const selection = doc.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed || !event.clipboardData)
      return;
    const range = selection.getRangeAt(0);
    if (!root.contains(range.commonAncestorContainer)) return;
    const holder = doc.createElement('div');
    holder.append(originalFragment(range));
    event.clipboardData.setData('text/plain', originalText(range));
    // Reading markup out is serialization, not parsing: no HTML string becomes DOM here.
    event.clipboardData.setData('text/html', holder.innerHTML);
    event.preventDefault();
  };
}

export interface CjkPunctuationView {
  set(mode: CjkPunctuationMode): void;
  /** Call after content is added (a block shown back in place) so it follows the mode. */
  refresh(): void;
  destroy(): void;
}

/**
 * The setting wired to a content element: applies `mode`, switches it, and keeps the copy
 * listener on while marks are widened. `destroy` restores the text and removes the listener.
 */
export function cjkPunctuationView(root: Element, mode: CjkPunctuationMode): CjkPunctuationView {
  const onCopy = copyOriginalText(root);
  let current: CjkPunctuationMode | null = null;
  const set = (next: CjkPunctuationMode) => {
    if (next === current) return;
    current = next;
    if (next === 'full-width') {
      widenCjkPunctuation(root);
      root.addEventListener('copy', onCopy as EventListener);
    } else {
      restoreCjkPunctuation(root);
      root.removeEventListener('copy', onCopy as EventListener);
    }
  };
  set(mode);
  return {
    set,
    refresh() {
      if (current === 'full-width') widenCjkPunctuation(root);
    },
    destroy() {
      set('as-published');
    },
  };
}
