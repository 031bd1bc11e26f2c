import { listBlocks, type Block } from './blocks.js';
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
  /** Records a removal that is not an element (a title decoration, a placeholder date). */
  note(kind: RemovalKind, rule: string, text: string, reasons?: readonly string[]): void;
  /** Adds a byline part found in the content (credit lines such as 作者:…). */
  addByline(text: string): void;
}

export interface Detector {
  /** Used as `detector:<id>` in `Removal.rule`. */
  id: string;
  phase: 'pre' | 'post';
  run(ctx: DetectorContext): void;
}

export const PLACEHOLDER_ATTR = 'data-cr-removed';

/** The mutable record behind a DetectorContext: removals and byline parts, across both phases. */
export class RemovalLog {
  readonly removed: Removal[] = [];
  readonly bylineParts: string[] = [];
  /** Removed elements by removal id, so the sanitizer can render their HTML once at the end. */
  readonly elements = new Map<string, Element>();

  context(
    phase: 'pre' | 'post',
    doc: Document,
    content: Element,
    url: URL,
    signals: PageSignals,
  ): DetectorContext {
    let cache: Block[] | null = null;
    const { removed, bylineParts, elements } = this;
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
        removed.push({
          id,
          kind,
          rule,
          text: normalizeText(el.textContent ?? ''),
          html: null,
          reasons: [...reasons],
        });
        elements.set(id, el);
        if (phase === 'post') {
          const marker = el.ownerDocument.createElement('div');
          marker.setAttribute(PLACEHOLDER_ATTR, id);
          marker.hidden = true;
          el.replaceWith(marker);
        } else {
          el.remove();
        }
        cache = null;
        return true;
      },
      note(kind, rule, text, reasons = []) {
        removed.push({
          id: `r${removed.length + 1}`,
          kind,
          rule,
          text,
          html: null,
          reasons: [...reasons],
        });
      },
      addByline(text) {
        const t = normalizeText(text);
        if (t && !bylineParts.includes(t)) bylineParts.push(t);
      },
    };
  }
}
