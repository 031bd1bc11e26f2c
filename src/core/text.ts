import { descendants } from './descendants.js';

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

function isCjkCode(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xac00 && c <= 0xd7af) ||
    (c >= 0xf900 && c <= 0xfaff)
  );
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * CJK characters and Latin-script words (runs of letters and digits, with `'` `’` `-` inside),
 * counted apart in one pass: reading time and block weights need both on every block.
 */
export function countScripts(text: string): { cjk: number; words: number } {
  let cjk = 0;
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isCjkCode(c)) {
      cjk++;
      inWord = false;
      continue;
    }
    const wordChar =
      c < 128
        ? (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
        : LETTER_OR_DIGIT.test(text[i]!);
    if (wordChar) {
      if (!inWord) words++;
      inWord = true;
    } else if (!(inWord && (c === 39 || c === 0x2019 || c === 45))) {
      inWord = false;
    }
  }
  return { cjk, words };
}

export function countCjk(text: string): number {
  return countScripts(text).cjk;
}

/** Latin-script words, CJK characters not counted. */
export function countWords(text: string): number {
  return countScripts(text).words;
}

/** Share of `el`'s text that sits inside links (0 for an empty element). */
export function linkDensity(el: Element): number {
  const total = normalizeText(el.textContent ?? '').length;
  if (total === 0) return 0;
  let linked = 0;
  for (const a of descendants(el)) {
    if (a.localName === 'a') linked += normalizeText(a.textContent ?? '').length;
  }
  return Math.min(1, linked / total);
}
