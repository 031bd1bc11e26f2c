import { listBlocks, type Block } from './blocks.js';
import { hasDescendant } from './descendants.js';
import { normalizeText } from './text.js';
import type { Removal, RemovalKind } from './types.js';

/** What the pipeline learned about the page before extraction (see `page-signals.ts`). */
export interface PageSignals {
  /** The content-farm template (T6 placeholders, T7 nav spam) was seen on the page. */
  farm: boolean;
  /** Texts of the page's `Tags:` run, used to corroborate a ticker prefix in the title. */
  tagText: string;
  /** A publication date read from a meta line (`Time:…`, `时间:…`), ISO; null if none or placeholder. */
  date: string | null;
}

/**
 * Passed to every detector. `content` is the article root: the page body in the `pre` phase,
 * Readability's extracted content in the `post` phase. Detectors never remove nodes themselves:
 * they call `remove`, which records the removal and leaves a placeholder in the `post` phase.
 */
export interface DetectorContext {
  readonly phase: 'pre' | 'post';
  readonly doc: Document;
  readonly content: Element;
  readonly url: URL;
  readonly signals: PageSignals;
  /** Leaf blocks of `content`, in document order, as they are now (recomputed after removals). */
  blocks(): Block[];
  /** Takes `el` out of the content and records it. Returns false when `el` was already gone. */
  remove(el: Element, kind: RemovalKind, rule: string, reasons?: readonly string[]): boolean;
  /**
   * Takes several pieces out as ONE removal (an injected run): `text` is the whole run as it
   * stood in the page, `html` what to show for it; a placeholder replaces the first piece left.
   * With no pieces left (Readability dropped them) the run is still recorded.
   */
  removeRun(
    els: readonly Element[],
    kind: RemovalKind,
    rule: string,
    reasons: readonly string[],
    text: string,
    html: Element,
  ): void;
  /** Records a removal that is not an element (a title decoration, a placeholder date). */
  note(kind: RemovalKind, rule: string, text: string, reasons?: readonly string[]): void;
  /** Adds a byline part found in the content (credit lines such as 作者:…). */
  addByline(text: string): void;
}

/**
 * One detector per file in `detectors/`, registered by `registry.ts`. Its id is the kind of
 * what it removes and `detector:<id>` is the removal's `rule`.
 */
export interface Detector {
  id: RemovalKind;
  /**
   * `pre`: on the whole cloned page before Readability; `post`: on Readability's content;
   * `both`: called in each phase (it marks in the page, then removes what reached the content).
   */
  phase: 'pre' | 'post' | 'both';
  /**
   * Run order within a phase, low first (default 50): page signals (10) before runs (20),
   * runs and credit lines before the boilerplate that looks for the essay's ends.
   */
  order?: number;
  run(ctx: DetectorContext): void;
}

export const PLACEHOLDER_ATTR = 'data-cr-removed';

const NOT_BLANK = /[^\s\u00a0\u3000\u200b\ufeff]/;

/**
 * Whether any text under `el` survives `normalizeText`: stops at the first such text node, where
 * `textContent` would join the whole box (a `<br>` body's box is the article) once per line.
 */
function hasText(el: Element): boolean {
  let n: Node | null = el.firstChild;
  while (n) {
    if ((n.nodeType === 3 || n.nodeType === 4) && NOT_BLANK.test((n as CharacterData).data)) {
      return true;
    }
    let next: Node | null = n.firstChild ?? n.nextSibling;
    for (let up: Node | null = n; !next && up && up !== el;) {
      up = up.parentNode;
      next = up && up !== el ? up.nextSibling : null;
    }
    n = next;
  }
  return false;
}

const MEDIA = new Set(['img', 'picture', 'video', 'svg', 'iframe']);

function isBlank(el: Element): boolean {
  return !hasText(el) && !hasDescendant(el, MEDIA);
}

/**
 * `blocks` without `el` and the blocks inside it. Leaf blocks never nest, so when `el` is itself
 * a block nothing else goes and the `contains` test per block (a walk up the tree each in jsdom,
 * once per removed run) is not needed.
 */
function without(blocks: Block[], el: Element): Block[] {
  const at = blocks.findIndex((b) => b.el === el);
  if (at >= 0) return [...blocks.slice(0, at), ...blocks.slice(at + 1)];
  return blocks.filter((b) => !el.contains(b.el));
}

/** The mutable record behind a DetectorContext: removals and byline parts, across both phases. */
export class RemovalLog {
  readonly removed: Removal[] = [];
  readonly bylineParts: string[] = [];
  /** Removed elements by removal id, so the sanitizer can render their HTML once at the end. */
  readonly elements = new Map<string, Element>();

  /** Rendered on first read of any `html` (see `sanitize.ts`), set by `renderRemovals`. */
  renderRemovals: (() => void) | null = null;

  /**
   * A removal whose `html` is rendered lazily: most callers never read it, and rendering every
   * removed block cost more than detecting it. The getter is enumerable, so `JSON.stringify`
   * (the CLI) and structured cloning (messaging) still carry `html`.
   */
  entry(
    id: string,
    kind: RemovalKind,
    rule: string,
    text: string,
    reasons: readonly string[],
  ): Removal {
    let html: string | null = null;
    let rendered = false;
    // Field order as the CLI always printed it: id, kind, rule, text, html, reasons.
    const entry = { id, kind, rule, text } as Removal;
    Object.defineProperty(entry, 'html', {
      enumerable: true,
      configurable: true,
      get: () => {
        if (!rendered) this.renderRemovals?.();
        return html;
      },
      set: (value: string | null) => {
        html = value;
        rendered = true;
      },
    });
    entry.reasons = [...reasons];
    return entry;
  }

  context(
    phase: 'pre' | 'post',
    doc: Document,
    content: Element,
    url: URL,
    signals: PageSignals,
  ): DetectorContext {
    let cache: Block[] | null = null;
    const { removed, bylineParts, elements } = this;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the context's methods need the log
    const log = this;
    return {
      phase,
      doc,
      content,
      url,
      signals,
      blocks() {
        cache ??= listBlocks(content);
        return cache;
      },
      remove(el, kind, rule, reasons = []) {
        if (el === content || !content.contains(el)) return false;
        const id = `r${removed.length + 1}`;
        removed.push(log.entry(id, kind, rule, normalizeText(el.textContent ?? ''), reasons));
        elements.set(id, el);
        if (phase === 'post') {
          const marker = el.ownerDocument.createElement('div');
          marker.setAttribute(PLACEHOLDER_ATTR, id);
          marker.hidden = true;
          el.replaceWith(marker);
          // The marker keeps the shape of the tree, so the other blocks stay what they were.
          cache = cache && without(cache, el);
        } else {
          el.remove();
          cache = null;
        }
        return true;
      },
      removeRun(els, kind, rule, reasons, text, html) {
        const id = `r${removed.length + 1}`;
        removed.push(log.entry(id, kind, rule, text, reasons));
        elements.set(id, html);
        const left = els.filter((el) => el !== content && content.contains(el));
        if (left.length > 1 || phase === 'pre') cache = null;
        else if (cache && left[0]) cache = without(cache, left[0]);
        left.forEach((el, k) => {
          const parent = el.parentElement;
          if (k === 0 && phase === 'post') {
            const marker = el.ownerDocument.createElement('div');
            marker.setAttribute(PLACEHOLDER_ATTR, id);
            marker.hidden = true;
            el.replaceWith(marker);
          } else {
            el.remove();
          }
          // A `<br>` line leaves its paragraph empty: the paragraph goes too.
          if (k > 0 && parent && parent !== content && isBlank(parent)) parent.remove();
        });
      },
      note(kind, rule, text, reasons = []) {
        removed.push(log.entry(`r${removed.length + 1}`, kind, rule, text, reasons));
      },
      addByline(text) {
        const t = normalizeText(text);
        if (t && !bylineParts.includes(t)) bylineParts.push(t);
      },
    };
  }
}
