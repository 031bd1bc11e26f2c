import { isLiteral, type Block } from '../blocks.js';
import type { Detector } from '../context.js';

/**
 * Injected flash-news runs (research §11 T1–T4): a headline paragraph `head:body` whose body
 * opens with a dateline (or a paragraph that opens with an outlet dateline), through the paragraph that ends with a bracketed timestamp
 * `[YYYY/M/D H:MM:SS]`; one or two paragraphs. The timestamp is required: essays have `A:B`
 * sentences and datelines of their own (§12 negatives 1, 2, 5, 9).
 */

/** T1: the .NET `yyyy/M/d H:mm:ss` timestamp the farm appends, anchored at the end. */
export const FLASH_TIMESTAMP =
  /[[［]\s*(?:19|20)\d{2}\/(?:1[0-2]|0?[1-9])\/(?:3[01]|[12]\d|0?[1-9])\s+(?:[01]?\d|2[0-3]):[0-5]\d:[0-5]\d\s*[\]］]\s*$/u;

/** T3: outlet datelines and generic ones (`據…報道,`, `X月X日消息,`). */
const DATELINE = new RegExp(
  '^(?:' +
    [
      '\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日(?:消息|訊|讯)?\\s*[，,]',
      '金色(?:财经|財經)(?:报道|報道|消息)',
      'Odaily\\s*星球日(?:报|報)(?:讯|訊)',
      '(?:律动|律動)?\\s*BlockBeats\\s*消息',
      'PANews\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日消息',
      'ChainCatcher\\s*消息',
      '深潮\\s*TechFlow\\s*消息',
      '火星(?:财经|財經)(?:消息)?[，,：:]',
      '【(?:链|鏈)得得播(?:报|報)】',
      '（ChainDD）',
      '巴比特(?:讯|訊)',
      '(?:据|據)[^，,。]{0,20}(?:报道|報道|监测|監測|数据|數據|消息|披露|公告)',
      // Any outlet's `X 消息,` (Foresight News 消息, 吳說區塊鏈消息): the timestamp confirms it.
      '[\\p{L}\\p{N} ]{2,20}?(?:消息|讯|訊)\\s*[，,]',
    ].join('|') +
    ')',
  'u',
);

/**
 * T2: a short head (may hold colons, `?` and `!`: flash headlines do), a colon, a dated body.
 * A full stop or a comma-separated sentence means the "head" is essay prose.
 */
const HEAD_COLON = /[:：]/gu;
const SENTENCE_END = /[。]/u;

/** T4: the continuation paragraph of a two-paragraph run. */
const CONTINUATION =
  /^(?:此前(?:消息|报道|報道)?|(?:据|據)此前|(?:据|據)悉|另(?:据|據)[^，,]{0,12}|(?:据|據)了解)\s*[，,]/u;
/** Numbered steps (`第一步:`, `1.`, `一、`) are an essay's own timeline, even with timestamps. */
const ORDINAL_HEAD =
  /^(?:第[一二三四五六七八九十\d]+[步条條点點项項]|\d{1,2}[.、)）]|[一二三四五六七八九十]+、)/u;

/** Where `head:` ends and a dated body starts, or -1. Tries every colon, as heads hold colons. */
export function datedHeadEnd(text: string): number {
  HEAD_COLON.lastIndex = 0;
  for (let m = HEAD_COLON.exec(text); m; m = HEAD_COLON.exec(text)) {
    const head = text.slice(0, m.index);
    if (head.length > 90) break;
    if (head.trim().length < 2 || SENTENCE_END.test(head)) continue;
    if (DATELINE.test(text.slice(m.index + 1).trimStart())) return m.index;
  }
  return -1;
}

/** A flash paragraph's opening: `head:` + dateline, or a dateline with no head. */
function isDated(text: string): boolean {
  return DATELINE.test(text) || datedHeadEnd(text) >= 0;
}

/** A head `xxx:` with no dateline (the farm sometimes drops `金色財經報道,`). */
function looseHead(text: string): boolean {
  const m = /^([^:：]{2,60})[:：]\S/u.exec(text);
  return !!m && !SENTENCE_END.test(m[1]!) && !/[，,。]/u.test(m[1]!);
}

function isHeading(block: Block): boolean {
  return /^H[1-6]$/.test(block.el.tagName);
}

function eligible(block: Block): boolean {
  return (
    !isHeading(block) &&
    !isLiteral(block.el) &&
    !block.el.closest('li') &&
    !ORDINAL_HEAD.test(block.text)
  );
}

export interface FlashRun {
  blocks: Block[];
}

/** The injected runs among `blocks`, before the digest guard. */
export function findFlashRuns(blocks: readonly Block[]): FlashRun[] {
  const runs: FlashRun[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const first = blocks[i]!;
    if (!eligible(first)) continue;
    const dated = isDated(first.text);
    if (FLASH_TIMESTAMP.test(first.text)) {
      if (dated || looseHead(first.text)) runs.push({ blocks: [first] });
      continue;
    }
    const second = blocks[i + 1];
    if (!second || !eligible(second) || !FLASH_TIMESTAMP.test(second.text)) continue;
    if (dated || (looseHead(first.text) && CONTINUATION.test(second.text))) {
      runs.push({ blocks: [first, second] });
      i++;
    }
  }
  return runs;
}

/** Share of the body text above which the page *is* a flash digest and nothing goes (§11.6). */
const DIGEST_SHARE = 0.5;

export const flashNewsDetector: Detector = {
  id: 'flash-news',
  phase: 'post',
  run(ctx) {
    const blocks = ctx.blocks();
    const runs = findFlashRuns(blocks);
    if (runs.length === 0) return;
    // Digest guard: count every flash-shaped paragraph, timestamped or not, against the body.
    let total = 0;
    let flashy = 0;
    const inRun = new Set(runs.flatMap((r) => r.blocks));
    for (const b of blocks) {
      total += b.text.length;
      if (inRun.has(b) || (eligible(b) && isDated(b.text))) flashy += b.text.length;
    }
    if (total === 0 || flashy / total > DIGEST_SHARE) return;
    for (const run of runs)
      for (const b of run.blocks) ctx.remove(b.el, 'flash-news', 'detector:flash-news');
  },
};
