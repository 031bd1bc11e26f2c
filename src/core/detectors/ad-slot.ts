import type { Detector } from '../context.js';
import { normalizeText } from '../text.js';
import { chromeClasses, markChrome, removeMarkedChrome } from '../chrome-marks.js';
import {
  blockFacts,
  isEmptyShell,
  isHeading,
  isSmallWidget,
  removeGrouped,
} from '../block-facts.js';

/**
 * Ad slots (research §11 T18). In the page: containers with the ad classes the filter lists name
 * for these sites (§0.4, §10, §14) and the standard Google slots. In Readability's content: a
 * block whose whole text is an ad label (`ads`, `Advertisement`, `广告`…); after an
 * `Advertisement`/`Sponsored` label, the next line goes too when it is the slot's promo: a short
 * link line, the label's only sibling in a wrapper of its own, or one sentence that reads as a
 * promo ("…in one place - the … Report by … Research": Cointelegraph, §10).
 */
const MAX_SLOT_TEXT = 600;

const LABEL =
  /^[-–—\s]*(?:ads|advertisements?|sponsored|sponsored content|广告|廣告|推广|推廣|(?:story|article) continues (?:below|after) (?:this )?advertisement)[-–—\s]*$/iu;
/** Labels whose slot carries a promo line in the text (Cointelegraph's `Advertisement`). */
const PROMO_LABEL = /advertisement|sponsored/i;
const MAX_PROMO = 200;
/** What an ad's own line says: a report to get, something to sign up for, try or download. */
const PROMO_TEXT =
  /\b(?:in one place|report by|research report|learn more|find out more|sign up|subscribe|download|register (?:now|today)|get started|join (?:us|now|today)|free trial|try (?:it )?(?:for )?free|limited[- ]time|promo code|use code|claim (?:your|a)|start (?:your )?trading)\b/i;
/** A promo is one sentence; two or more are the essay resuming. */
const MULTI_SENTENCE = /[.!?]\s+\S/u;
const RULE = 'detector:ad-slot';

const adSlotPre: Pick<Detector, 'run'> = {
  run(ctx) {
    for (const el of chromeClasses(ctx.content, 'ad')) {
      if (!isEmptyShell(el) && isSmallWidget(el, MAX_SLOT_TEXT)) markChrome(el, 'ad-slot');
    }
  },
};

const adSlotPost: Pick<Detector, 'run'> = {
  run(ctx) {
    removeMarkedChrome(ctx, 'ad-slot', RULE);
    const blocks = ctx.blocks();
    const found: Element[] = [];
    blocks.forEach((b, i) => {
      if (!LABEL.test(b.text) || blockFacts(b).literal) return;
      if (isHeading(b.el) && b.text.length <= 3) return;
      found.push(b.el);
      const next = blocks[i + 1];
      if (!next || !PROMO_LABEL.test(b.text)) return;
      const nf = blockFacts(next);
      if (nf.heading || nf.literal || next.text.length > MAX_PROMO || LABEL.test(next.text)) return;
      const parent = b.el.parentElement;
      const ownWrapper =
        parent !== null &&
        parent !== ctx.content &&
        next.el.parentElement === parent &&
        normalizeText(parent.textContent ?? '').length <= b.text.length + next.text.length + 1;
      const promo = PROMO_TEXT.test(next.text) && !MULTI_SENTENCE.test(next.text);
      if (nf.links >= 0.5 || ownWrapper || promo) found.push(next.el);
    });
    removeGrouped(ctx, found, 'ad-slot', RULE);
  },
};

export const adSlotDetector: Detector = {
  id: 'ad-slot',
  phase: 'both',
  order: 42,
  run(ctx) {
    if (ctx.phase === 'pre') adSlotPre.run(ctx);
    else adSlotPost.run(ctx);
  },
};
