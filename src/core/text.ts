/**
 * Text normalization shared by every detector (research §11): NBSP and U+3000 become spaces,
 * runs of whitespace collapse, the text is trimmed. Full-width CJK punctuation is kept as is, so
 * detectors match both `:` and `：` explicitly.
 */
export function normalizeText(text: string): string {
  return text.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, ' ').trim();
}

/** Han, kana and hangul characters: each counts as one "word" when reading or measuring. */
export const CJK_CHAR = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/u;
const CJK_GLOBAL = new RegExp(CJK_CHAR.source, 'gu');

export function countCjk(text: string): number {
  return text.match(CJK_GLOBAL)?.length ?? 0;
}

/** Latin-script words, with CJK characters taken out first. */
export function countWords(text: string): number {
  return text.replace(CJK_GLOBAL, ' ').match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}

/** Share of `el`'s text that sits inside links (0 for an empty element). */
export function linkDensity(el: Element): number {
  const total = normalizeText(el.textContent ?? '').length;
  if (total === 0) return 0;
  let linked = 0;
  for (const a of el.querySelectorAll('a')) linked += normalizeText(a.textContent ?? '').length;
  return Math.min(1, linked / total);
}
