import { isQuoted, type Block } from '../blocks.js';
import type { Detector } from '../context.js';
import { countCjk, countWords, normalizeText } from '../text.js';
import { chromeClasses, markChrome, removeMarkedChrome } from '../chrome-marks.js';
import { blockFacts, removeGrouped } from '../block-facts.js';
import { isStatement } from '../signatures/site-statement.js';
import { variantRegExp } from '../signatures/script-variants.js';

/**
 * Site statements and disclaimers (research §11 T14 Chinese, T17 English). Only in the last
 * blocks of the content (walking back from the end over short or link lines, stopping at the
 * first essay paragraph that is not one), or, in the page, in a metadata-styled container
 * (`.font-metadata`, `.text-subtle`, `.copyright`, `.statement`, `.source`). An author's own
 * `Disclosure: the author holds BTC.` is not a site statement and stays (§12 negative 11).
 */
/** A statement heading right above a removed statement goes with it. */
const STATEMENT_HEADING = variantRegExp(
  '^(?:声明|免责声明|风险提示|disclaimer|disclaimers)\\s*[:：]?$',
  'i',
);
const MAX_EN = 1500;
/** How many blocks from the end the walk may go. */
const MAX_TAIL_BLOCKS = 8;
const RULE = 'detector:disclaimer';

const disclaimerPre: Pick<Detector, 'run'> = {
  run(ctx) {
    for (const el of chromeClasses(ctx.content, 'meta')) {
      if (el === ctx.content || isQuoted(el)) continue;
      const text = normalizeText(el.textContent ?? '');
      if (!text || text.length > MAX_EN * 2) continue;
      // Every paragraph of the container must be a statement (the container is the widget).
      const paras = [...el.querySelectorAll('p')]
        .map((p) => normalizeText(p.textContent ?? ''))
        .filter(Boolean);
      const parts = paras.length ? paras : [text];
      if (
        parts.every((t) => isStatement(t) || countCjk(t) + 2 * countWords(t) < 40) &&
        parts.some(isStatement)
      ) {
        markChrome(el, 'disclaimer');
      }
    }
  },
};

/** What the walk back from the end may step over: a label, a link line, a heading. */
const MAX_STEP_WEIGHT = 20;
function isShortOrLinks(b: Block): boolean {
  const f = blockFacts(b);
  return f.heading || f.links >= 0.5 || (!f.literal && f.weight < MAX_STEP_WEIGHT);
}

const disclaimerPost: Pick<Detector, 'run'> = {
  run(ctx) {
    removeMarkedChrome(ctx, 'disclaimer', RULE);
    const blocks = ctx.blocks();
    const found = new Set<Element>();
    const stop = Math.max(0, blocks.length - MAX_TAIL_BLOCKS);
    for (let i = blocks.length - 1; i >= stop; i--) {
      const b = blocks[i]!;
      if (blockFacts(b).literal) break;
      if (isStatement(b.text)) {
        found.add(b.el);
        const prev = blocks[i - 1];
        if (prev && STATEMENT_HEADING.test(prev.text)) found.add(prev.el);
        continue;
      }
      if (!isShortOrLinks(b)) break;
    }
    removeGrouped(ctx, [...found], 'disclaimer', RULE);
  },
};

export const disclaimerDetector: Detector = {
  id: 'disclaimer',
  phase: 'both',
  order: 51,
  run(ctx) {
    if (ctx.phase === 'pre') disclaimerPre.run(ctx);
    else disclaimerPost.run(ctx);
  },
};
