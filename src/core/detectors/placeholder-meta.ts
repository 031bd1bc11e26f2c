import { listBlocks } from '../blocks.js';
import type { Detector } from '../context.js';
import { parseDate } from '../dates.js';

/**
 * The farm template's head (research §1, T6/T7): an empty `Author:`/`作者:`, a `Time:` line
 * (often the placeholder `1900/1/1 0:00:00`), nav spam. Marks the page as a farm, reads the
 * date, and takes the meta lines out before Readability sees them.
 */
const EMPTY_AUTHOR = /^(?:Author|作者|作\s*者)\s*[:：]\s*$/u;
const TIME_LINE =
  /^(?:Time|Date|时间|時間|发布时间|發佈時間|發布時間|日期|更新时间|更新時間)\s*[:：]\s*(.{6,40})$/u;
/** A combined CMS meta line: `时间：2023-07-12 10:49 来源：某站 作者：`. */
const CMS_META =
  /^(?:时间|時間|发布时间|發布時間|发布于|發佈於)\s*[:：]\s*(\S+(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s+(?:来源|來源|作者|人气|人氣|点击|點擊)/u;
/** T7: a keyword said twice, or a bookmark bar. Only a signal here; nav-spam removes them. */
export const NAV_SPAM = /^(?:(\S{2,12})\s+\1|.{0,12}Ctrl\s*\+\s*D\s*(?:收藏)?.{0,12})$/u;

/** How far into the page the head can be. */
const HEAD_BLOCKS = 60;

export const placeholderMetaDetector: Detector = {
  id: 'placeholder-meta',
  phase: 'pre',
  order: 10,
  run(ctx) {
    const blocks = listBlocks(ctx.content, HEAD_BLOCKS);
    const meta: Element[] = [];
    for (const b of blocks) {
      if (b.text.length > 80) continue;
      if (EMPTY_AUTHOR.test(b.text)) {
        ctx.signals.farm = true;
        meta.push(b.el);
        continue;
      }
      const time = TIME_LINE.exec(b.text) ?? CMS_META.exec(b.text);
      if (time) {
        const parsed = parseDate(time[1]!);
        if (!parsed.iso && !parsed.placeholder) continue;
        if (parsed.placeholder) ctx.signals.farm = true;
        ctx.signals.date ??= parsed.iso;
        meta.push(b.el);
        continue;
      }
      if (NAV_SPAM.test(b.text)) ctx.signals.farm = true;
    }
    for (const el of meta) ctx.remove(el, 'placeholder-meta', 'detector:placeholder-meta');
  },
};
