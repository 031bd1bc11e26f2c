import type { Block } from '../blocks.js';
import type { Detector, DetectorContext } from '../context.js';
import { blockFacts, firstProseIndex } from '../block-facts.js';

/**
 * The farm template's bookmark bar (research §1, T7): a search keyword said twice
 * (`買以太坊 買以太坊`) and a `Ctrl+D <keyword>` / `Ctrl+D收藏<keyword>` line, above the title.
 * Only short lines before the first essay paragraph (and, in the page, before the `h1`) qualify;
 * a doubled word that is not CJK needs a `Ctrl+D` line next to it.
 */
const DOUBLED = /^(\S{2,12})\s+\1$/u;
const BOOKMARK = /^.{0,12}Ctrl\s*\+\s*D\s*(?:收藏)?.{0,12}$/u;
const HAN = /\p{Script=Han}/u;
const MAX_LENGTH = 40;
/** How many blocks into Readability's content the bar can still be. */
const POST_HEAD_BLOCKS = 6;
/** How many blocks of the page the pre phase looks at when the page has no `h1`. */
const PRE_HEAD_BLOCKS = 40;
const RULE = 'detector:nav-spam';

function navSpam(ctx: DetectorContext, head: readonly Block[]): void {
  const bookmark = head.map((b) => b.text.length <= MAX_LENGTH && BOOKMARK.test(b.text));
  const found: Element[] = [];
  head.forEach((b, i) => {
    if (b.text.length > MAX_LENGTH || blockFacts(b).literal) return;
    if (bookmark[i]) {
      found.push(b.el);
      return;
    }
    const m = DOUBLED.exec(b.text);
    if (!m) return;
    const nearBookmark = bookmark.slice(Math.max(0, i - 2), i + 3).some(Boolean);
    if (nearBookmark || HAN.test(m[1]!)) found.push(b.el);
  });
  if (found.length) ctx.signals.farm = true;
  for (const el of found) ctx.remove(el, 'nav-spam', RULE);
}

/** In the page: the lines above the `h1` (or the first blocks), before any essay paragraph. */
const navSpamPre: Pick<Detector, 'run'> = {
  run(ctx) {
    // Listing the blocks of a whole page costs; only a page already seen as a farm (the
    // farm-meta detector reads the same lines) pays it.
    if (!ctx.signals.farm) return;
    const blocks = ctx.blocks();
    let end = blocks.findIndex((b) => b.el.tagName === 'H1');
    if (end < 0) end = Math.min(blocks.length, PRE_HEAD_BLOCKS);
    navSpam(ctx, blocks.slice(0, Math.min(end, firstProseIndex(blocks))));
  },
};

/** In Readability's content: the first few blocks, before any essay paragraph. */
const navSpamPost: Pick<Detector, 'run'> = {
  run(ctx) {
    const blocks = ctx.blocks();
    navSpam(ctx, blocks.slice(0, Math.min(POST_HEAD_BLOCKS, firstProseIndex(blocks))));
  },
};

export const navSpamDetector: Detector = {
  id: 'nav-spam',
  phase: 'both',
  order: 40,
  run(ctx) {
    if (ctx.phase === 'pre') navSpamPre.run(ctx);
    else navSpamPost.run(ctx);
  },
};
