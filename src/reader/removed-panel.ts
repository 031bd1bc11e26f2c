import { parseSanitizedHtml } from '../core/sanitize.js';
import type { Removal } from '../core/types.js';
import { h } from './dom.js';
import type { Translate } from './strings.js';

const PREVIEW_CHARS = 240;

/**
 * The list behind the "N removed" control: kind, text and rule or detector of every removal;
 * a removal that left a `data-cr-removed` marker in the content can be shown back in place
 * (highlighted as restored) and hidden again.
 */
export function buildRemovedPanel(
  doc: Document,
  removed: readonly Removal[],
  content: HTMLElement,
  t: Translate,
  reveal: (el: HTMLElement) => void,
  /**
   * The reader frame gets the article without the removals' HTML (speed, issue 12): it asks for
   * one when the user shows it back. Without this, `Removal.html` is used.
   */
  lazy?: { has(id: string): boolean; load(id: string): Promise<string | null> },
): HTMLElement {
  const markers = new Map<string, HTMLElement>();
  for (const el of content.querySelectorAll<HTMLElement>('[data-cr-removed]')) {
    const id = el.getAttribute('data-cr-removed');
    if (id) markers.set(id, el);
  }

  const items = removed.map((r) => {
    const marker = markers.get(r.id);
    const text = r.text.length > PREVIEW_CHARS ? `${r.text.slice(0, PREVIEW_CHARS)}…` : r.text;
    let toggle: HTMLButtonElement | null = null;
    if (marker && (r.html || lazy?.has(r.id))) {
      const inline = r.html;
      toggle = h(
        doc,
        'button',
        {
          type: 'button',
          'aria-pressed': 'false',
          'data-testid': 'reader-removed-toggle',
          'data-removed-id': r.id,
        },
        [t('removedShow')],
      );
      const button = toggle;
      let rendered = false;
      const apply = (show: boolean) => {
        marker.hidden = !show;
        button.setAttribute('aria-pressed', String(show));
        button.textContent = show ? t('removedHide') : t('removedShow');
        if (show) reveal(marker);
      };
      button.addEventListener('click', () => {
        const show = marker.hidden;
        if (!show || rendered) return apply(show);
        const fill = (got: string | null) => {
          if (got === null || rendered) return;
          marker.replaceChildren(parseSanitizedHtml(got, doc));
          marker.classList.add('cr-restored');
          rendered = true;
          apply(true);
        };
        if (inline) fill(inline);
        else void lazy?.load(r.id).then(fill, () => undefined);
      });
    }
    return h(doc, 'li', { 'data-removed-id': r.id, 'data-kind': r.kind }, [
      h(doc, 'span', { class: 'cr-removed-kind' }, [r.kind]),
      toggle ?? h(doc, 'span', { class: 'cr-removed-rule' }, [t('removedNotInText')]),
      h(doc, 'span', { class: 'cr-removed-rule' }, [r.rule]),
      h(doc, 'span', { class: 'cr-removed-text' }, [text]),
    ]);
  });

  return h(
    doc,
    'section',
    {
      class: 'cr-panel',
      id: 'cr-removed-panel',
      'data-testid': 'reader-removed-panel',
      hidden: true,
      'aria-label': t('removedTitle'),
    },
    [
      h(doc, 'h2', {}, [t('removedTitle')]),
      items.length
        ? h(doc, 'ol', { class: 'cr-removed-list' }, items)
        : h(doc, 'p', { class: 'cr-removed-none' }, [t('removedNone')]),
    ],
  );
}
