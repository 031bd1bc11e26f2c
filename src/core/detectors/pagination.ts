import type { Detector } from '../context.js';
import { blockFacts, firstProseIndex, lastProseIndex, removeGrouped } from '../block-facts.js';
import { matchForm } from '../signatures/normalize.js';
import { PAGE_LINES, PAGE_NAV } from '../signatures/pagination.js';
import { variantRegExp } from '../signatures/script-variants.js';

/**
 * Pagination left in the content (research §11 T20): before the first or after the last essay
 * paragraph, blocks that are nothing but page bits (`signatures/pagination.ts`): page numbers
 * (`1 2 3 … 10`), previous/next words, and page lines (`第1页`, `共3页:`, `Page 2 of 5`); above
 * the essay only page lines. A page line alone is pagination; otherwise the numbers must go up, at least two of them, so a lone
 * trailing number (a footnote mark, a year) stays.
 */
const NAV = `(?:${PAGE_NAV.join('|')})`;
const PAGES = variantRegExp(
  `^(?:${NAV}\\s*)*\\d{1,3}(?:\\s+\\d{1,3}|\\s*(?:…|\\.{3}))*(?:\\s*${NAV})*$|^${NAV}$`,
  'i',
);
const PAGE_LINE = variantRegExp(`^(?:${PAGE_LINES.join('|')})$`, 'i');
const MAX_LENGTH = 80;
const RULE = 'detector:pagination';

function ascending(numbers: number[]): boolean {
  return numbers.length >= 2 && numbers.every((n, k) => k === 0 || n > numbers[k - 1]!);
}

export const paginationDetector: Detector = {
  id: 'pagination',
  phase: 'post',
  order: 52,
  run(ctx) {
    const blocks = ctx.blocks();
    const first = firstProseIndex(blocks);
    const last = lastProseIndex(blocks);
    const pages = blocks.filter((b, i) => {
      if (i >= first && i <= last) return false;
      if (b.text.length > MAX_LENGTH || blockFacts(b).literal || blockFacts(b).heading)
        return false;
      const t = matchForm(b.text);
      // Above the essay only a page line (`第1页`); numbers there may be anything.
      return PAGE_LINE.test(t) || (i > last && PAGES.test(t));
    });
    if (pages.length === 0) return;
    const lines = pages.filter((b) => PAGE_LINE.test(matchForm(b.text)));
    const numbers = pages
      .filter((b) => !PAGE_LINE.test(matchForm(b.text)))
      .flatMap((b) => (b.text.match(/\d+/g) ?? []).map(Number));
    if (!lines.length && !ascending(numbers)) return;
    // Page lines count on their own; the numbers only as a list that goes up.
    const chosen = ascending(numbers) ? pages : lines;
    removeGrouped(
      ctx,
      chosen.map((b) => b.el),
      'pagination',
      RULE,
    );
  },
};
