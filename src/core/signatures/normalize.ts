/**
 * The one normalisation the detectors match against (never shown to the reader): NFKC folds
 * full-width forms to half-width (`：，［］（）`, full-width digits and letters, `｜`), and a small
 * map folds the CJK punctuation NFKC leaves alone but farms use interchangeably. Signature
 * tables are written in this form, so `：` and `:` need no alternation anywhere.
 * Simplified/Traditional variants are handled on the table side (`script-variants.ts`).
 */
const CJK_PUNCTUATION: Readonly<Record<string, string>> = {
  '〔': '[',
  '〕': ']',
  '〖': '【',
  '〗': '】',
  丨: '|',
  '│': '|',
  '︰': ':',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
  '\u00a0': ' ',
  '\u3000': ' ',
};
const PUNCTUATION = new RegExp(`[${Object.keys(CJK_PUNCTUATION).join('')}]`, 'gu');
/** Only text with something to fold pays for NFKC (most Latin text has nothing). */
const FOLDABLE = /[^ -~\t\n\r]/u;

/** `text` in match form: NFKC, CJK punctuation folded, whitespace collapsed and trimmed. */
export function matchForm(text: string): string {
  if (!FOLDABLE.test(text)) return text.replace(/\s+/g, ' ').trim();
  return text
    .normalize('NFKC')
    .replace(PUNCTUATION, (c) => CJK_PUNCTUATION[c] ?? c)
    .replace(/\s+/g, ' ')
    .trim();
}
