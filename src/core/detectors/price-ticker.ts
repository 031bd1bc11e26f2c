import type { Block } from '../blocks.js';
import type { Detector } from '../context.js';
import { normalizeText } from '../text.js';
import { chromeClasses, markChrome, removeMarkedChrome } from '../chrome-marks.js';
import {
  blockFacts,
  firstProseIndex,
  isSmallWidget,
  lastProseIndex,
  removeGrouped,
} from '../block-facts.js';

/**
 * Price tickers (research §11 T19). In the page: the ticker bars named by the filter lists and
 * scrapers (a ticker bar, the "price at publication" module) when
 * small and showing a number. In Readability's content: a block of nothing but ≥3
 * `SYMBOL $1,234 +2.3%` items anywhere, or ≥3 consecutive one-item blocks above the first or
 * below the last essay paragraph (a market report lists prices in its own sentences and tables).
 */
const MAX_WIDGET = 800;
const ITEM_SOURCE = String.raw`[A-Z][A-Z0-9]{1,7}(?:\/[A-Z]{2,6})?\s*[$¥€]?\s*\d[\d,]*(?:\.\d+)?\s*[+\-−]?\s*\d+(?:\.\d+)?\s*%`;
const ITEM = new RegExp(`^${ITEM_SOURCE}$`, 'u');
const ITEMS = new RegExp(ITEM_SOURCE, 'gu');
const MIN_ITEMS = 3;
const RULE = 'detector:price-ticker';

function itemCount(b: Block): number {
  let count = 0;
  const rest = b.text.replace(ITEMS, () => {
    count++;
    return '';
  });
  return /^[\s|｜·•/,]*$/u.test(rest) ? count : 0;
}

const priceTickerPre: Pick<Detector, 'run'> = {
  run(ctx) {
    for (const el of chromeClasses(ctx.content, 'ticker')) {
      if (!isSmallWidget(el, MAX_WIDGET)) continue;
      if (!/\d/.test(normalizeText(el.textContent ?? ''))) continue;
      markChrome(el, 'price-ticker');
    }
  },
};

const priceTickerPost: Pick<Detector, 'run'> = {
  run(ctx) {
    removeMarkedChrome(ctx, 'price-ticker', RULE);
    const blocks = ctx.blocks();
    const ticker = (b: Block) => itemCount(b) >= MIN_ITEMS || ITEM.test(b.text);
    const head = firstProseIndex(blocks, ticker);
    const tail = lastProseIndex(blocks, ticker);
    const found: Element[] = [];
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      if (blockFacts(b).literal) continue;
      // A block of nothing but ticker items is a strip wherever it sits (an essay's prices
      // are in its sentences and tables); single-item blocks only count above or below it.
      if (itemCount(b) >= MIN_ITEMS) {
        found.push(b.el);
        continue;
      }
      if (i >= head && i <= tail) continue;
      let j = i;
      while (
        j < blocks.length &&
        (j < head || j > tail) &&
        ITEM.test(blocks[j]!.text) &&
        !blockFacts(blocks[j]!).literal
      )
        j++;
      if (j - i >= MIN_ITEMS) found.push(...blocks.slice(i, j).map((x) => x.el));
      if (j > i) i = j - 1;
    }
    removeGrouped(ctx, found, 'price-ticker', RULE);
  },
};

export const priceTickerDetector: Detector = {
  id: 'price-ticker',
  phase: 'both',
  order: 41,
  run(ctx) {
    if (ctx.phase === 'pre') priceTickerPre.run(ctx);
    else priceTickerPost.run(ctx);
  },
};
