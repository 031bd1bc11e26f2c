import type { Detector } from '../context.js';
import { blockFacts, lastProseIndex, removeGrouped } from '../block-facts.js';

/**
 * Pagination left in the content (research §11 T20): after the last essay paragraph, blocks of
 * page numbers only (`1 2 3 … 10`, or one number per block), optionally with prev/next arrows,
 * and `Page 2 of 5`. The numbers of the run must go up, at least two of them, so a lone trailing
 * number (a footnote mark, a year) stays.
 */
const PAGES =
  /^(?:(?:[«‹<←]|prev(?:ious)?|上一页|上一頁|首页|首頁)\s*)?\d{1,3}(?:\s+\d{1,3}|\s*(?:…|\.{3}))*(?:\s*(?:[»›>→]|next|下一页|下一頁|末页|末頁|尾页|尾頁))?$/iu;
const PAGE_OF = /^page\s+\d{1,3}\s+of\s+\d{1,3}$/i;
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
    const tail = blocks.slice(lastProseIndex(blocks) + 1);
    const pages = tail.filter(
      (b) =>
        b.text.length <= MAX_LENGTH &&
        !blockFacts(b).literal &&
        !blockFacts(b).heading &&
        (PAGES.test(b.text) || PAGE_OF.test(b.text)),
    );
    if (pages.length === 0) return;
    const numbers = pages
      .filter((b) => PAGES.test(b.text))
      .flatMap((b) => (b.text.match(/\d+/g) ?? []).map(Number));
    if (!ascending(numbers) && !pages.some((b) => PAGE_OF.test(b.text))) return;
    removeGrouped(
      ctx,
      pages.map((b) => b.el),
      'pagination',
      RULE,
    );
  },
};
