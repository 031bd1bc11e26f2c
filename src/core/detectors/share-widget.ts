import type { Detector } from '../context.js';
import { linkDensity, normalizeText } from '../text.js';
import { chromeClasses, markChrome, removeMarkedChrome } from '../chrome-marks.js';
import { blockFacts, isEmptyShell, isSmallWidget, removeGrouped } from '../block-facts.js';
import { variantRegExp } from '../signatures/script-variants.js';

/**
 * Share and QR widgets (research §11 T22). In the page: containers classed `share`, `share-*`,
 * `social-share`, `wechat-qrcode`… that are small, hold a link, button or image, and are mostly
 * links or nearly textless. In Readability's content: short lines that open with `微信扫一扫`,
 * `分享到`, `复制链接`…, the WeChat QR instruction, and lines made only of share buttons
 * (`点赞 12 收藏 分享`, `Share on Twitter`).
 */
const MAX_WIDGET_TEXT = 200;
const MAX_BARE_TEXT = 60;

const OPENER = variantRegExp(
  '^(?:微信扫一扫|扫一扫分享|扫码分享|分享到|分享至|复制链接|转发到微博|一键分享|分享文章|分享本文)',
);
const QR_HINT = variantRegExp(
  '扫一下.{0,8}二维码.{0,24}分享|扫描二维码.{0,12}分享|^微信里点.{0,3}发现.{0,3}[，,]?\\s*扫一下|二维码.{0,12}分享(?:至|到)朋友圈',
);
const TOKENS = variantRegExp(
  '已收藏|点赞|收藏|分享|评论|转发|打赏|举报|微信|微博|朋友圈|QQ空间|QQ|复制链接|Share|Tweet|Twitter|Facebook|LinkedIn|Telegram|WhatsApp|Reddit|Email|Weibo|WeChat|Copy link',
  'gi',
);
const LEFTOVER = /^[\d\s|｜·•:：/]*$/u;
const SOCIAL = variantRegExp(
  '微信|微博|朋友圈|QQ|facebook|twitter|linkedin|whatsapp|telegram|reddit|e-?mail|print|pinterest|flipboard|weibo|wechat',
  'i',
);
const SHARE_WORD = variantRegExp('点赞|收藏|分享|转发|share|tweet|copy link', 'i');
const ENGLISH =
  /^share (?:this (?:article|story|post|page)|on (?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|email))\b/i;
const MAX_LINE = 60;
const RULE = 'detector:share-widget';

const shareWidgetPre: Pick<Detector, 'run'> = {
  run(ctx) {
    for (const el of chromeClasses(ctx.content, 'share')) {
      if (isEmptyShell(el) || !isSmallWidget(el, MAX_WIDGET_TEXT)) continue;
      if (!el.querySelector('a, button, img, svg, canvas') && !el.matches('a, button')) continue;
      const text = normalizeText(el.textContent ?? '');
      if (text.length > MAX_BARE_TEXT && linkDensity(el) < 0.5) continue;
      // The class says "share"; the text must agree: share words, or only icons and counts.
      if (!SHARE_WORD.test(text) && !SOCIAL.test(text) && !LEFTOVER.test(text)) continue;
      markChrome(el, 'share-widget');
    }
  },
};

const shareWidgetPost: Pick<Detector, 'run'> = {
  run(ctx) {
    removeMarkedChrome(ctx, 'share-widget', RULE);
    const found: Element[] = [];
    for (const b of ctx.blocks()) {
      if (b.text.length > MAX_LINE || blockFacts(b).literal) continue;
      const tokens = SHARE_WORD.test(b.text) && LEFTOVER.test(b.text.replace(TOKENS, ''));
      if (OPENER.test(b.text) || QR_HINT.test(b.text) || tokens || ENGLISH.test(b.text))
        found.push(b.el);
    }
    removeGrouped(ctx, found, 'share-widget', RULE);
  },
};

export const shareWidgetDetector: Detector = {
  id: 'share-widget',
  phase: 'both',
  order: 45,
  run(ctx) {
    if (ctx.phase === 'pre') shareWidgetPre.run(ctx);
    else shareWidgetPost.run(ctx);
  },
};
