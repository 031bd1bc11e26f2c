import { h } from './dom.js';
import type { Translate } from './strings.js';

/** The small closable notice shown when a page has no article (the page itself is left alone). */
export function buildMessagePanel(doc: Document, t: Translate, onClose: () => void): HTMLElement {
  const close = h(
    doc,
    'button',
    {
      type: 'button',
      class: 'cr-close',
      'data-testid': 'reader-close',
      'aria-label': t('dismiss'),
      title: t('dismiss'),
    },
    ['×'],
  );
  close.addEventListener('click', onClose);
  return h(
    doc,
    'div',
    {
      class: 'cr-root cr-toast',
      'data-testid': 'reader-root',
      role: 'status',
      'data-theme': 'system',
    },
    [
      h(doc, 'div', { class: 'cr-message' }, [
        h(doc, 'span', { 'data-testid': 'reader-message' }, [t('noArticle')]),
        close,
      ]),
    ],
  );
}
