/**
 * One entry of the removed panel in plain words (`data-testid="reader-removed-item"` with
 * `data-kind`), and the label a block shown back in place carries (its kind and a "Hide again"
 * control). The words come from `removal-labels.ts`; no raw id is rendered. A credit line that
 * became the byline is marked `data-moved="byline"` and says so instead of "removed".
 */
import type { Removal } from '../core/types.js';
import { h } from './dom.js';
import { removalLine, type RemovalLabel } from './removal-labels.js';
import type { ReaderTranslate } from './reader-strings.js';

const PREVIEW_CHARS = 240;

/**
 * The entry. `control` is the panel's show/hide button for a removal that left a marker in the
 * content (null when there is nothing to show back).
 */
export function buildRemovedItem(
  doc: Document,
  removal: Removal,
  label: RemovalLabel,
  control: HTMLElement | null,
): HTMLLIElement {
  const text =
    removal.text.length > PREVIEW_CHARS ? `${removal.text.slice(0, PREVIEW_CHARS)}…` : removal.text;
  return h(
    doc,
    'li',
    {
      'data-testid': 'reader-removed-item',
      'data-kind': removal.kind,
      'data-removed-id': removal.id,
      'data-moved': label.movedToByline ? 'byline' : null,
    },
    [
      h(doc, 'span', { class: 'cr-removed-kind' }, [label.kindLabel]),
      control,
      h(doc, 'span', { class: 'cr-removed-reason' }, [label.reason]),
      h(doc, 'span', { class: 'cr-removed-by' }, [label.ruleLabel]),
      text ? h(doc, 'span', { class: 'cr-removed-text' }, [text]) : null,
    ],
  );
}

/**
 * The label at the top of a block shown back in place: what it was and why it went, and a
 * button that hides it again. It is not part of the article: screen readers hear it as a note,
 * and it cannot be selected into a copy.
 */
export function buildRestoredLabel(
  doc: Document,
  label: RemovalLabel,
  t: ReaderTranslate,
  onHideAgain: () => void,
): HTMLElement {
  const button = h(doc, 'button', { type: 'button', 'data-testid': 'reader-restored-hide' }, [
    t('reader_removedHideAgain'),
  ]);
  button.addEventListener('click', onHideAgain);
  return h(
    doc,
    'div',
    { class: 'cr-restored-label', role: 'note', 'data-testid': 'reader-restored-label' },
    [h(doc, 'span', {}, [t('reader_removedShownLabel', [removalLine(label, t)])]), button],
  );
}

/** Styles for the two, to append to the reader's stylesheet (uses its colour variables). */
export const REMOVED_ITEM_CSS = `
.cr-removed-reason { grid-column: 1 / -1; font-size: 13px; }
.cr-removed-by { grid-column: 1 / -1; font-size: 12px; color: var(--muted); }
.cr-restored-label { display: flex; gap: 8px; align-items: baseline; justify-content: space-between; font-size: 12px; color: var(--muted); margin: 0 0 6px; user-select: none; -webkit-user-select: none; }
.cr-restored-label button { font-size: 12px; }
`.trim();
