/**
 * The toolbar's Export menu (`data-testid="reader-export"`): a button that opens a small menu
 * (Copy as Markdown, Save as Markdown, Save as HTML). The export code (turndown, the HTML
 * builder) is loaded by the first choice, not with the reader: `load` is
 * `() => import('./export/index.js')`, which the reader page's ES build splits into a chunk.
 * Keyboard: the arrow keys move in the open menu, Esc closes it and gives focus back to the
 * button without closing the reader.
 */
import { h } from './dom.js';
import type { ExportAction, ExportContext } from './export/export-actions.js';
import type { ReaderTranslate } from './reader-strings.js';

type ExportModule = Pick<typeof import('./export/index.js'), 'runExport'>;

const ACTIONS: readonly { action: ExportAction; label: Parameters<ReaderTranslate>[0] }[] = [
  { action: 'copy-markdown', label: 'reader_exportCopyMarkdown' },
  { action: 'save-markdown', label: 'reader_exportSaveMarkdown' },
  { action: 'save-html', label: 'reader_exportSaveHtml' },
];

export interface ExportMenu {
  root: HTMLElement;
  close(): void;
}

export function buildExportMenu(
  doc: Document,
  t: ReaderTranslate,
  context: () => Omit<ExportContext, 't'>,
  load: () => Promise<ExportModule> = () => import('./export/index.js'),
): ExportMenu {
  const menuId = 'cr-export-menu';
  const button = h(
    doc,
    'button',
    {
      type: 'button',
      class: 'cr-export-button',
      'aria-haspopup': 'menu',
      'aria-expanded': 'false',
      'aria-controls': menuId,
    },
    [t('reader_export')],
  );
  const items = ACTIONS.map(({ action, label }) =>
    h(doc, 'button', { type: 'button', role: 'menuitem', tabindex: '-1', 'data-action': action }, [
      t(label),
    ]),
  );
  const menu = h(
    doc,
    'div',
    {
      id: menuId,
      role: 'menu',
      class: 'cr-export-menu',
      hidden: true,
      'aria-label': t('reader_export'),
    },
    items,
  );
  const status = h(doc, 'p', { class: 'cr-export-status', role: 'status', 'aria-live': 'polite' });
  const root = h(doc, 'div', { class: 'cr-export', 'data-testid': 'reader-export' }, [
    button,
    menu,
    status,
  ]);

  const setOpen = (open: boolean, focusFirst = false) => {
    menu.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open && focusFirst) items[0]!.focus();
  };
  const close = () => setOpen(false);

  button.addEventListener('click', () => setOpen(menu.hidden, true));
  button.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && menu.hidden) {
      e.preventDefault();
      setOpen(true, true);
    }
  });
  menu.addEventListener('keydown', (e) => {
    const at = items.indexOf(e.target as HTMLButtonElement);
    const move = (to: number) => {
      e.preventDefault();
      items[(to + items.length) % items.length]!.focus();
    };
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(items.length - 1);
    else if (e.key === 'Escape') {
      // The innermost open thing closes first: not the reader.
      e.preventDefault();
      e.stopPropagation();
      close();
      button.focus();
    } else if (e.key === 'Tab') close();
  });
  // A click or focus outside closes the menu.
  root.addEventListener('focusout', (e) => {
    const next = (e as FocusEvent).relatedTarget as Node | null;
    if (next && !root.contains(next)) close();
  });

  for (const item of items) {
    item.addEventListener('click', async () => {
      const action = item.dataset.action as ExportAction;
      close();
      button.focus();
      status.textContent = '';
      let message: string | null;
      try {
        const mod = await load();
        message = await mod.runExport(action, { ...context(), t });
      } catch (e) {
        // The chunk failed to load (an extension update replaced it): say so.
        message = t('reader_exportFailed', [e instanceof Error ? e.message : String(e)]);
      }
      if (message) status.textContent = message;
    });
  }
  return { root, close };
}
