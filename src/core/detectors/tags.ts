import type { Block } from '../blocks.js';
import type { Detector, DetectorContext } from '../context.js';
import { linkDensity, normalizeText } from '../text.js';
import { chromeClasses, markChrome, removeMarkedChrome } from '../chrome-marks.js';
import { blockFacts, isSmallWidget, lastProseIndex, removeGrouped } from '../block-facts.js';
import { variantRegExp } from '../signatures/script-variants.js';

/**
 * Tag lines (research §11 T9): `Tags:` / `标签：` / `標籤:` / `关键字词：` followed by a run of
 * anchors, or a label line followed by one tag link per line. A label alone
 * is not enough: the line must be mostly links, or sit after the essay with no sentence in it
 * (§12: `标签：` can open an essay sentence). In the page: the tag boxes of the CMS templates
 * (the `tags` classes of `signatures/chrome-classes.ts`) when they are small and mostly links.
 */
const LABEL = variantRegExp(
  '^(?:tags?|标签|标记|关键字词|关键词|关键字|热门标签|文章标签|本文标签)\\s*[:：]',
  'i',
);
const LABEL_ONLY = variantRegExp('^(?:tags?|标签|关键字词|关键词|关键字|本文标签)\\s*[:：]?$', 'i');
const SENTENCE = /[。！？!?]|\.\s|\.$/u;
const MAX_LINE = 300;
const MAX_TAG = 40;
const RULE = 'detector:tags';

function noteTags(ctx: DetectorContext, text: string): void {
  if (!ctx.signals.tagText) ctx.signals.tagText = text;
}

const tagsPre: Pick<Detector, 'run'> = {
  run(ctx) {
    for (const el of chromeClasses(ctx.content, 'tags')) {
      if (!isSmallWidget(el, MAX_LINE) || !el.querySelector('a')) continue;
      const text = normalizeText(el.textContent ?? '');
      if (!text || (linkDensity(el) < 0.5 && !LABEL.test(text))) continue;
      noteTags(ctx, text);
      markChrome(el, 'tags');
    }
  },
};

function isTagLink(b: Block): boolean {
  const f = blockFacts(b);
  return b.text.length <= MAX_TAG && f.links >= 0.8 && !f.heading && !f.literal;
}

const tagsPost: Pick<Detector, 'run'> = {
  run(ctx) {
    removeMarkedChrome(ctx, 'tags', RULE);
    const blocks = ctx.blocks();
    const end = lastProseIndex(blocks, (b) => LABEL.test(b.text));
    const found: Element[] = [];
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i]!;
      if (b.text.length > MAX_LINE) continue;
      if (!LABEL.test(b.text) && !LABEL_ONLY.test(b.text)) continue;
      const f = blockFacts(b);
      if (f.literal) continue;
      if (LABEL_ONLY.test(b.text)) {
        // A label line, then one tag link per line.
        let j = i + 1;
        while (j < blocks.length && isTagLink(blocks[j]!)) j++;
        if (j - i - 1 >= 1 && (j - i - 1 >= 2 || i > end)) {
          const run = blocks.slice(i, j);
          noteTags(ctx, run.map((x) => x.text).join(' '));
          found.push(...run.map((x) => x.el));
          i = j - 1;
        }
        continue;
      }
      const trailingList = i > end && !SENTENCE.test(b.text.replace(LABEL, ''));
      if (f.links >= 0.6 || trailingList) {
        noteTags(ctx, b.text);
        found.push(b.el);
      }
    }
    removeGrouped(ctx, found, 'tags', RULE);
  },
};

export const tagsDetector: Detector = {
  id: 'tags',
  phase: 'both',
  order: 49,
  run(ctx) {
    if (ctx.phase === 'pre') tagsPre.run(ctx);
    else tagsPost.run(ctx);
  },
};
