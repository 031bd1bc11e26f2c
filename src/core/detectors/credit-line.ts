import type { Detector } from '../context.js';

/**
 * Credit lines at the top of the body (T12: `作者:…`, `編譯:…`, `文|…`, `来源:…`) are metadata:
 * they become the byline, and the removal is recorded, never silent (§12 negative 7).
 */
export const CREDIT_LINE =
  /^(?:作者|文|编译|編譯|翻译|翻譯|编辑|編輯|责任编辑|責任編輯|原文(?:标题|標題|作者|来源|來源|链接|鏈接)|来源|來源|撰文|整理|审校|審校|校对|校對|译者|譯者)\s*[:：|｜]\s*\S.{0,40}$/u;
/** An original title can be long: `原文標題:《…》`. */
const ORIGINAL_TITLE = /^原文(?:标题|標題)\s*[:：|｜]\s*\S.{0,120}$/u;
const MAX_CREDIT_LENGTH = 50;
/** Credit lines live in the first few blocks of the body. */
const HEAD_BLOCKS = 6;

export const creditLineDetector: Detector = {
  id: 'credit-line',
  phase: 'post',
  order: 30,
  run(ctx) {
    const blocks = ctx.blocks().slice(0, HEAD_BLOCKS);
    for (const b of blocks) {
      const credit =
        (b.text.length <= MAX_CREDIT_LENGTH && CREDIT_LINE.test(b.text)) ||
        ORIGINAL_TITLE.test(b.text);
      if (!credit) continue;
      if (/^H[1-6]$/.test(b.el.tagName) || b.el.closest('blockquote, figure, figcaption')) continue;
      ctx.addByline(b.text);
      ctx.remove(b.el, 'credit-line', 'detector:credit-line');
    }
  },
};
