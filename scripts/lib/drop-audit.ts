import type { Removal } from '../../src/index.js';

/** Blocks the audit compares: paragraphs, list items, headings, preformatted text, quotes. */
export const AUDIT_BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, pre, blockquote';

/** Text with every whitespace character taken out, so re-wrapped or re-split blocks still match. */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '');
}

function collapse(text: string): string {
  return text.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, ' ').trim();
}

/** Innermost audit blocks of `root` with some text, in document order. */
export function auditBlocks(root: Element): string[] {
  const out: string[] = [];
  for (const el of root.querySelectorAll(AUDIT_BLOCKS)) {
    if (el.querySelector(AUDIT_BLOCKS)) continue;
    const text = collapse(el.textContent ?? '');
    if (squash(text)) out.push(text);
  }
  return out;
}

export interface DroppedBlock {
  text: string;
  /** The removal that explains the drop, or null when none does ("unexplained"). */
  removal: Pick<Removal, 'id' | 'kind' | 'rule' | 'text'> | null;
  /** The block is the article's title (a heading repeating it, shown as the title instead). */
  isTitle: boolean;
}

/**
 * Blocks of bare Readability's article that are absent from the pipeline's text, each with the
 * removal whose text covers it (or is covered by it). A block counts as kept when its text, with
 * whitespace taken out, occurs anywhere in the pipeline's text, whitespace taken out as well.
 * A dropped block equal to the article's `title` is flagged `isTitle` (shown as the title).
 */
export function findDroppedBlocks(
  bareBlocks: readonly string[],
  pipelineText: string | null,
  removed: readonly Removal[],
  title: string | null = null,
): DroppedBlock[] {
  const kept = squash(pipelineText ?? '');
  const t = title ? squash(title) : null;
  const removals = removed.map((r) => ({ r, s: squash(r.text) })).filter((x) => x.s.length > 0);
  const out: DroppedBlock[] = [];
  for (const text of bareBlocks) {
    const s = squash(text);
    if (kept.includes(s)) continue;
    // A removal inside the block explains it only when it is not a trivially short string.
    const hit = removals.find(
      (x) => x.s.includes(s) || (x.s.length >= Math.min(8, s.length) && s.includes(x.s)),
    );
    out.push({
      text,
      removal: hit ? { id: hit.r.id, kind: hit.r.kind, rule: hit.r.rule, text: hit.r.text } : null,
      isTitle: !hit && t !== null && s === t,
    });
  }
  return out;
}
