import { listBlocks, isLiteral } from './blocks.js';
import { countCjk, normalizeText } from './text.js';
import type { OutlineEntry } from './types.js';

/**
 * The essay's outline: h2–h6, plus pseudo-headings that farm and WeChat bodies use instead of
 * real headings: a short block whose whole text is bold, a CJK ordinal line (一、 / (一) /
 * 第X部分 / 【…】), or a short standalone CJK line between paragraphs. Each entry's element
 * gets a stable id derived from its text; the title is not repeated.
 */
const ORDINAL =
  /^(?:[一二三四五六七八九十百]+、|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十\d]+(?:部分|章|节|節|篇)|【[^】]{2,30}】$)/u;
const MAX_PSEUDO = 40;
const SENTENCE_PUNCT = /[。，,；;：:！!]|\.\s|\.$/u;
const CAPTION = /^(?:图|圖|图片|圖片|Image|Photo|Source|来源|來源)\s*[:：]/iu;
const BOLD_TAGS = new Set(['STRONG', 'B']);

function wholeTextBold(el: Element, text: string): boolean {
  let bold = 0;
  for (const b of el.querySelectorAll('strong, b, [style*="font-weight"]')) {
    if (!BOLD_TAGS.has(b.tagName)) {
      const w = /font-weight\s*:\s*(\d+|bold)/i.exec(b.getAttribute('style') ?? '')?.[1];
      if (!w || (w !== 'bold' && Number(w) < 600)) continue;
    }
    if (
      b.parentElement?.closest('strong, b, [style*="font-weight"]') &&
      el.contains(b.parentElement)
    )
      continue;
    bold += normalizeText(b.textContent ?? '').length;
  }
  return bold >= text.length * 0.9;
}

function slug(text: string): string {
  return (
    'cr-' +
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48)
  );
}

export function buildOutline(content: Element, title: string): OutlineEntry[] {
  const blocks = listBlocks(content).filter((b) => !b.el.hasAttribute('data-cr-removed'));
  const hasRealHeading = blocks.some((b) => /^H[2-6]$/.test(b.el.tagName));
  const normTitle = normalizeText(title);
  const used = new Set<string>();
  const entries: OutlineEntry[] = [];
  blocks.forEach((b, i) => {
    if (!b.text || b.text === normTitle || isLiteral(b.el)) return;
    let level = 0;
    const tag = b.el.tagName;
    if (/^H[1-6]$/.test(tag)) {
      level = Math.max(2, Number(tag[1]));
    } else if (
      b.text.length <= MAX_PSEUDO &&
      !CAPTION.test(b.text) &&
      !b.el.closest('figure, li')
    ) {
      const next = blocks[i + 1];
      const nextIsBody =
        !!next && next.text.length > b.text.length * 2 && !/^H[1-6]$/.test(next.el.tagName);
      if (!nextIsBody) return;
      const pseudoLevel = hasRealHeading ? 3 : 2;
      if (ORDINAL.test(b.text) || wholeTextBold(b.el, b.text)) {
        level = pseudoLevel;
      } else if (
        b.text.length <= 24 &&
        countCjk(b.text) >= b.text.length * 0.2 &&
        !SENTENCE_PUNCT.test(b.text) &&
        !b.el.querySelector('a, img, time')
      ) {
        // A plain line needs body text on both sides: at the top it is more likely a dateline.
        const prev = blocks[i - 1];
        if (prev && prev.text.length > b.text.length * 2) level = pseudoLevel;
      }
    }
    if (!level) return;
    let id = slug(b.text);
    if (id === 'cr-') id = `cr-section-${entries.length + 1}`;
    let unique = id;
    for (let n = 2; used.has(unique); n++) unique = `${id}-${n}`;
    used.add(unique);
    b.el.setAttribute('id', unique);
    if (!/^H[1-6]$/.test(tag)) b.el.setAttribute('data-cr-heading', String(level));
    entries.push({ level, text: b.text, id: unique });
  });
  return entries;
}
