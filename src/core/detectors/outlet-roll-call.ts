import type { Block } from '../blocks.js';
import type { Detector } from '../context.js';
import { blockFacts, lastProseIndex, removeGrouped } from '../block-facts.js';
import { OUTLETS, ROLL_CALL_EXTRAS } from '../signatures/outlets.js';
import { scriptVariants } from '../signatures/script-variants.js';

/**
 * The farm's source-site roll call (research §11 T8): after the essay, a run of short blocks that
 * are each an outlet name (`signatures/outlets.ts`), or one block made of
 * such names. Names inside essay prose stay (§12 negative 9): a name block must be nothing but
 * names and separators, a mixed block needs names to make ≥60% of it and no sentence, and
 * either must come after the last essay paragraph.
 */
const NAMES = new RegExp(
  `(?:${[...OUTLETS.map((o) => o.name), ...ROLL_CALL_EXTRAS].map(scriptVariants).join('|')})`,
  'gu',
);
const SEPARATORS = /^[\s|｜/、,，·•・\-–—]*$/u;
const SENTENCE = /[。！？!?；;]/u;
const MAX_NAME_BLOCK = 30;
const MAX_MIXED_BLOCK = 240;
/** Names in a run (or in one block) for it to be a roll call. */
const MIN_RUN = 3;
const MIN_NAME_SHARE = 0.6;
const RULE = 'detector:outlet-roll-call';

function names(text: string): { count: number; chars: number; rest: string } {
  let count = 0;
  let chars = 0;
  const rest = text.replace(NAMES, (m) => {
    count++;
    chars += m.replace(/\s+/g, '').length;
    return ' ';
  });
  return { count, chars, rest };
}

function isNameBlock(b: Block): boolean {
  if (b.text.length > MAX_NAME_BLOCK || blockFacts(b).literal) return false;
  const n = names(b.text);
  return n.count >= 1 && SEPARATORS.test(n.rest);
}

function isMixedRollCall(b: Block): boolean {
  if (b.text.length > MAX_MIXED_BLOCK || SENTENCE.test(b.text)) return false;
  const n = names(b.text);
  if (n.count < MIN_RUN || n.chars < MIN_NAME_SHARE * b.text.replace(/\s+/g, '').length)
    return false;
  const f = blockFacts(b);
  return !f.literal && !f.heading;
}

export const outletRollCallDetector: Detector = {
  id: 'outlet-roll-call',
  phase: 'post',
  order: 50,
  run(ctx) {
    const blocks = ctx.blocks();
    const nameBlock = blocks.map(isNameBlock);
    const mixed = blocks.map((b, i) => !nameBlock[i] && isMixedRollCall(b));
    const end = lastProseIndex(blocks, (b) => isMixedRollCall(b));
    const found: Element[] = [];
    for (let i = end + 1; i < blocks.length; i++) {
      if (mixed[i]) {
        found.push(blocks[i]!.el);
        continue;
      }
      if (!nameBlock[i]) continue;
      let j = i;
      let count = 0;
      while (j < blocks.length && nameBlock[j]) count += names(blocks[j++]!.text).count;
      if (count >= MIN_RUN) found.push(...blocks.slice(i, j).map((b) => b.el));
      i = j - 1;
    }
    removeGrouped(ctx, found, 'outlet-roll-call', RULE);
  },
};
