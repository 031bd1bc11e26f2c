import type { Detector } from '../context.js';
import { blockFacts, lastProseIndex, removeGrouped } from '../block-facts.js';
import { variantRegExp } from '../signatures/script-variants.js';

/**
 * CMS previous/next links (research §9, §11 T21): `上一篇：<a>…</a>`, `下一篇：没有了`,
 * `返回列表`, and English `Previous article` / `Next post` link lines. The label must be
 * followed by a colon, a space or nothing (`上一篇文章中…` opens a sentence), and the line must be
 * short and mostly a link, a bare "no neighbour" text, or after the essay.
 */
const PREV_NEXT = variantRegExp(
  '^(?:上一篇|下一篇|上一条|下一条|上篇|下篇|前一篇|后一篇)(?:\\s*[:：]|\\s|$)',
);
const NONE = variantRegExp('^(?:没有了|已经没有了|返回列表|返回首页|返回顶部)\\s*[!！。.]?$');
const NO_NEIGHBOUR = variantRegExp('(?:没有了|无|暂无)\\s*[!！。.]?$');
const ENGLISH =
  /^(?:[«‹<←]\s*)?(?:previous|prev|next|older|newer)(?:\s+(?:article|post|story|entry))?(?:\s*[:»›>→]|\s*$|\s+[«‹<←»›>→])/i;
const ENGLISH_WITH_NOUN =
  /^(?:[«‹<←]\s*)?(?:previous|prev|next|older|newer)\s+(?:article|post|story|entry)\b/i;
const MAX_LENGTH = 120;
const RULE = 'detector:prev-next';

export const prevNextDetector: Detector = {
  id: 'prev-next',
  phase: 'post',
  order: 44,
  run(ctx) {
    const blocks = ctx.blocks();
    const isNav = (text: string) => PREV_NEXT.test(text) || NONE.test(text);
    const end = lastProseIndex(blocks, (b) => isNav(b.text));
    const found: Element[] = [];
    blocks.forEach((b, i) => {
      if (b.text.length > MAX_LENGTH) return;
      const nav = NONE.test(b.text) || PREV_NEXT.test(b.text) || ENGLISH.test(b.text);
      if (!nav) return;
      const f = blockFacts(b);
      if (f.literal) return;
      if (NONE.test(b.text)) {
        if (i > end || f.links >= 0.5) found.push(b.el);
        return;
      }
      if (PREV_NEXT.test(b.text)) {
        if (f.links >= 0.3 || i > end || NO_NEIGHBOUR.test(b.text)) found.push(b.el);
        return;
      }
      if (ENGLISH.test(b.text) && f.links >= 0.5 && (i > end || ENGLISH_WITH_NOUN.test(b.text))) {
        found.push(b.el);
      }
    });
    removeGrouped(ctx, found, 'prev-next', RULE);
  },
};
