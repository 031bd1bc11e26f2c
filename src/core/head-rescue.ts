import { descendants } from './descendants.js';
import { DEK_CLASSES } from './signatures/dek-classes.js';
import { normalizeText } from './text.js';

/**
 * Readability starts the article at the body's container, so the standfirst between the `<h1>`
 * and the body (a dek, a Quick Take, a lead figure with its caption) is lost, though it is the
 * author's text (research §12.12). Puts back, at the top of the content, what sits between the
 * page's `<h1>` and the first paragraph Readability kept, inside the same `<article>` (or the
 * `<h1>`'s box), when it is a dek by class and its text is not in the content yet. A dek's
 * headings become paragraphs: a subtitle is not a section. A lead figure is not put back: its
 * photo caption and credit are not the article's text in the extraction benchmark (AEB), and
 * putting figures back cost F1 on 8 of its pages.
 */
const DEK = new Set<string>(DEK_CLASSES.map((c) => c.toLowerCase()));
/** One class query first: most pages have no dek, and then nothing else is read. */
const DEK_SELECTOR = DEK_CLASSES.map((c) => `.${c}`).join(', ');
const MAX_PARAGRAPHS = 400;

function isDek(el: Element): boolean {
  const cls = el.getAttribute('class');
  return !!cls && cls.split(/\s+/).some((t) => DEK.has(t.toLowerCase()));
}

/** The class names are plain words and dashes: no escaping. */
const DEK_TOKEN = new RegExp(`(?:^|\\s)(?:${DEK_CLASSES.join('|')})(?:\\s|$)`, 'i');

/**
 * Whether any element under `box` has a dek class token, in any case: one walk
 * (`descendants.ts`), about a tenth of the selector list in jsdom, which is then only asked
 * (for its exact, case-sensitive answer) when this finds a candidate.
 */
function mayHoldDek(box: Element): boolean {
  for (const el of descendants(box)) {
    if (!el.hasAttributes()) continue;
    const cls = el.getAttribute('class');
    if (cls && DEK_TOKEN.test(cls)) return true;
  }
  return false;
}

export function rescueHead(page: Document, content: Element): number {
  const first = content.querySelector('p');
  const h1 = page.querySelector('h1');
  if (!first || !h1) return 0;
  const box = h1.closest('article') ?? h1.parentElement;
  if (!box || !mayHoldDek(box) || !box.querySelector(DEK_SELECTOR)) return 0;
  const text = normalizeText(first.textContent ?? '');
  if (!text) return 0;
  let start: Element | null = null;
  const paragraphs = page.querySelectorAll('p');
  for (let i = 0; i < paragraphs.length && i < MAX_PARAGRAPHS; i++) {
    if (normalizeText(paragraphs[i]!.textContent ?? '') === text) {
      start = paragraphs[i]!;
      break;
    }
  }
  if (!start || !(h1.compareDocumentPosition(start) & 4 /* FOLLOWING */)) return 0;
  if (!box.contains(start)) return 0;
  const had = normalizeText(content.textContent ?? '');
  const picked: Element[] = [];
  const walker = page.createTreeWalker(box, 1 /* NodeFilter.SHOW_ELEMENT */);
  walker.currentNode = h1;
  for (let n = walker.nextNode(); n && n !== start; n = walker.nextNode()) {
    const el = n as Element;
    if (el.contains(start) || h1.contains(el) || picked.some((p) => p.contains(el))) continue;
    if (!isDek(el)) continue;
    const t = normalizeText(el.textContent ?? '');
    if (t && had.includes(t)) continue;
    picked.push(el);
  }
  const doc = content.ownerDocument;
  const out = picked.map((el) => {
    const copy = doc.importNode(el, true) as Element;
    for (const h of copy.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
      const p = doc.createElement('p');
      p.append(...h.childNodes);
      h.replaceWith(p);
    }
    if (/^H[1-6]$/.test(copy.tagName)) {
      const p = doc.createElement('p');
      p.append(...copy.childNodes);
      return p;
    }
    return copy;
  });
  const host = first.parentElement ?? content;
  for (const el of out) host.insertBefore(el, first);
  return out.length;
}
