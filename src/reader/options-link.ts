/**
 * "Manage site rules" (`data-testid="reader-options-link"`): in the removed panel and the
 * toolbar's menu. The reader frame is an extension page, so `openOptions` can be
 * `runtime.openOptionsPage()` (from the platform layer) called right in the click.
 */
import { h } from './dom.js';
import type { ReaderTranslate } from './reader-strings.js';

export function buildOptionsLink(
  doc: Document,
  t: ReaderTranslate,
  openOptions: () => void | Promise<void>,
): HTMLButtonElement {
  // A button, not a link: the options page has no URL the page could open or a user could copy.
  const button = h(
    doc,
    'button',
    { type: 'button', class: 'cr-options-link', 'data-testid': 'reader-options-link' },
    [t('reader_manageRules')],
  );
  button.addEventListener('click', () => void openOptions());
  return button;
}
