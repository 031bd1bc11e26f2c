/**
 * The reading setting "CJK punctuation: as published / full-width" for the settings panel: a
 * native radio group (arrow keys move and select within it, one Tab stop), shown only for
 * Chinese and Japanese articles by the caller.
 */
import type { CjkPunctuationMode } from '../shared/reading-extras.js';
import { h } from './dom.js';
import type { ReaderTranslate } from './reader-strings.js';

const OPTIONS = [
  { mode: 'as-published', label: 'reader_cjkPunctuationAsPublished' },
  { mode: 'full-width', label: 'reader_cjkPunctuationFullWidth' },
] as const satisfies readonly { mode: CjkPunctuationMode; label: string }[];

export function buildCjkPunctuationSetting(
  doc: Document,
  t: ReaderTranslate,
  value: CjkPunctuationMode,
  onChange: (mode: CjkPunctuationMode) => void,
): HTMLFieldSetElement {
  const name = 'cr-cjk-punctuation';
  return h(doc, 'fieldset', { class: 'cr-setting', 'data-testid': 'reader-cjk-punctuation' }, [
    h(doc, 'legend', {}, [t('reader_cjkPunctuation')]),
    ...OPTIONS.map(({ mode, label }) => {
      const input = h(doc, 'input', { type: 'radio', name, value: mode, checked: mode === value });
      input.addEventListener('change', () => {
        if (input.checked) onChange(mode);
      });
      return h(doc, 'label', {}, [input, ' ', t(label)]);
    }),
  ]);
}
