import type { Detector } from '../context.js';
import { normalizeText } from '../text.js';
import { blockFacts, removeGrouped } from '../block-facts.js';
import { variantRegExp } from '../signatures/script-variants.js';

/**
 * Inline cross-links (research §11 T15): a paragraph `Related: <a>headline</a>`,
 * `Read more: …`, `Magazine: …`, `Also read: …`, `See also: …` (and 相关阅读：…) whose link text
 * makes ≥60% of what follows the label. The colon is required and the rest must be mostly a
 * link, so "Related developments include…" and "Read more about the methodology…" stay
 * (§12 negative 11).
 */
const LABEL =
  /^(?:related|read more|read also|also read|see also|also see|magazine|recommended|further reading|don['’]t miss|more)\s*:\s*/iu;
const CN_LABEL = variantRegExp(
  '^(?:相关阅读|相关文章|相关链接|相关|延伸阅读|推荐阅读|阅读更多|更多阅读|往期回顾|往期推荐)\\s*[:：]\\s*',
);
const MIN_LINK_SHARE = 0.6;
const MAX_LENGTH = 300;
const RULE = 'detector:related-link';

function linkedChars(el: Element): number {
  let n = 0;
  for (const a of el.querySelectorAll('a')) n += normalizeText(a.textContent ?? '').length;
  return n;
}

export const relatedLinkDetector: Detector = {
  id: 'related-link',
  phase: 'post',
  order: 46,
  run(ctx) {
    const found: Element[] = [];
    for (const b of ctx.blocks()) {
      if (b.text.length > MAX_LENGTH || blockFacts(b).literal) continue;
      const m = LABEL.exec(b.text) ?? CN_LABEL.exec(b.text);
      if (!m) continue;
      const rest = b.text.length - m[0].length;
      if (rest <= 0 || !b.el.querySelector('a')) continue;
      // Link text inside the label itself (a linked "Read more:") does not count.
      const linked = Math.min(linkedChars(b.el), rest);
      if (linked >= MIN_LINK_SHARE * rest) found.push(b.el);
    }
    removeGrouped(ctx, found, 'related-link', RULE);
  },
};
