import { parseSanitizedHtml } from '../core/sanitize.js';
import type { Removal } from '../core/types.js';
import { h } from './dom.js';
import type { Translate } from './strings.js';
import { buildOptionsLink } from './options-link.js';
import { removalLabel } from './removal-labels.js';
import { buildRemovedItem, buildRestoredLabel } from './removed-item.js';
import type { ReaderTranslate } from './reader-strings.js';

export interface RemovedPanelWords {
  rt: ReaderTranslate;
  uiLang: string;
  byline: string | null;
  builtinSites?: ReadonlyMap<string, string>;
  /** "Manage site rules": no link without it. */
  openOptions?(): void;
  /** A block was shown back in place (its text may need the reading settings applied). */
  onShown?(): void;
}

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
  lazy: { has(id: string): boolean; load(id: string): Promise<string | null> } | undefined,
  words: RemovedPanelWords,
): HTMLElement {
  const { rt } = words;
  const markers = new Map<string, HTMLElement>();
  for (const el of content.querySelectorAll<HTMLElement>('[data-cr-removed]')) {
    const id = el.getAttribute('data-cr-removed');
    if (id) markers.set(id, el);
  }

  const items = removed.map((r) => {
    const marker = markers.get(r.id);
    const label = removalLabel(r, {
      t: rt,
      uiLang: words.uiLang,
      byline: words.byline,
      builtinSites: words.builtinSites,
    });
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
          // The label says what the block was and hides it again (issue 9).
          marker.replaceChildren(
            buildRestoredLabel(doc, label, rt, () => {
              apply(false);
              button.focus();
            }),
            parseSanitizedHtml(got, doc),
          );
          marker.classList.add('cr-restored');
          words.onShown?.();
          rendered = true;
          apply(true);
        };
        if (inline) fill(inline);
        else void lazy?.load(r.id).then(fill, () => undefined);
      });
    }
    return buildRemovedItem(
      doc,
      r,
      label,
      label.movedToByline
        ? null
        : (toggle ?? h(doc, 'span', { class: 'cr-removed-rule' }, [t('removedNotInText')])),
    );
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
      words.openOptions
        ? h(doc, 'p', { class: 'cr-panel-foot' }, [buildOptionsLink(doc, rt, words.openOptions)])
        : null,
    ],
  );
}
