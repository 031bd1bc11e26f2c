import type { Block } from '../blocks.js';
import type { Detector } from '../context.js';
import { blockFacts, firstProseIndex, lastProseIndex, removeGrouped } from '../block-facts.js';
import { variantRegExp } from '../signatures/script-variants.js';

/**
 * Download and referral calls to action (research §11 T10): `中幣下載`, `APP下载 全球官网`,
 * `永久享受返佣20%手续费`, `客服微信`, `邀请码`. Only short blocks above the first essay paragraph
 * or after the last one: an essay about exchange rebates says `返佣` in its sentences, which are
 * long and in the middle. A `…最新版本` line right above a removed call goes with it (netpsp).
 */
const EXACT = variantRegExp(
  '^(?:中币下载|APP\\s*下载|下载\\s*APP|APP\\s*下载(?:\\s*(?:全球官网|大陆官网|官网))+|立即下载|点击下载)$',
  'i',
);
const CTA = variantRegExp(
  '返佣|客服微信|加微信|邀请码|注册下载|注册送|注册领取|全球官网|大陆官网|官方下载|扫码下载|新人礼包|开户礼|下载\\s*APP|APP\\s*下载',
  'i',
);
const VERSION_LINE = variantRegExp('^.{1,24}(?:最新版本|最新版|官方版)$');
const MAX_LENGTH = 80;
const SENTENCE_END = /[。？]|[.?]\s/u;
const RULE = 'detector:download-cta';

function isCta(b: Block): boolean {
  if (b.text.length > MAX_LENGTH) return false;
  const exact = EXACT.test(b.text);
  if (!exact && !CTA.test(b.text)) return false;
  const f = blockFacts(b);
  // A call to action is a label or a slogan, never a sentence of the essay.
  return !f.literal && (exact || (!f.heading && !SENTENCE_END.test(b.text)));
}

export const downloadCtaDetector: Detector = {
  id: 'download-cta',
  phase: 'post',
  order: 48,
  run(ctx) {
    const blocks = ctx.blocks();
    const head = firstProseIndex(blocks, isCta);
    const tail = lastProseIndex(blocks, isCta);
    const found = new Set<Element>();
    blocks.forEach((b, i) => {
      if ((i < head || i > tail) && isCta(b)) found.add(b.el);
    });
    blocks.forEach((b, i) => {
      const next = blocks[i + 1];
      if (next && found.has(next.el) && !blockFacts(b).literal && VERSION_LINE.test(b.text))
        found.add(b.el);
    });
    removeGrouped(ctx, [...found], 'download-cta', RULE);
  },
};
