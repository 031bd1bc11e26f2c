import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import type { Article } from '../core/types.js';
import { buildExportMenu } from './export-menu.js';
import type { ExportAction, ExportContext } from './export/export-actions.js';
import { englishReader } from './reader-strings.js';

function setup(load?: () => Promise<{ runExport: typeof runExport }>) {
  const win = new JSDOM('<!doctype html><body></body>').window;
  const doc = win.document;
  const article = { title: 'T' } as Article;
  const menu = buildExportMenu(
    doc,
    englishReader,
    () => ({ doc, article, url: 'https://a.example/1' }),
    load ?? (async () => ({ runExport })),
  );
  doc.body.append(menu.root);
  const button = menu.root.querySelector<HTMLButtonElement>('[aria-haspopup]')!;
  const list = menu.root.querySelector<HTMLElement>('[role=menu]')!;
  const items = [...list.querySelectorAll<HTMLButtonElement>('[role=menuitem]')];
  const status = menu.root.querySelector('[role=status]')!;
  return { win, doc, menu, button, list, items, status };
}

const calls: [ExportAction, ExportContext][] = [];
const runExport = vi.fn(async (action: ExportAction, c: ExportContext) => {
  calls.push([action, c]);
  return action === 'copy-markdown' ? c.t('reader_exportCopied') : null;
});

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('buildExportMenu', () => {
  it('opens on click with the three entries and focus on the first', () => {
    const { doc, button, list, items, menu } = setup();
    expect(menu.root.dataset.testid).toBe('reader-export');
    expect(list.hidden).toBe(true);
    button.click();
    expect(list.hidden).toBe(false);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(items.map((i) => i.textContent)).toEqual([
      'Copy as Markdown',
      'Save as Markdown',
      'Save as HTML',
    ]);
    expect(doc.activeElement).toBe(items[0]);
  });

  it('moves with the arrow keys and closes on Esc without letting Esc reach the reader', () => {
    const { win, doc, button, list, items } = setup();
    button.click();
    const key = (k: string) =>
      doc.activeElement!.dispatchEvent(new win.KeyboardEvent('keydown', { key: k, bubbles: true }));
    key('ArrowDown');
    expect(doc.activeElement).toBe(items[1]);
    key('ArrowUp');
    key('ArrowUp');
    expect(doc.activeElement).toBe(items[2]);
    const readerEsc = vi.fn();
    doc.body.addEventListener('keydown', readerEsc);
    key('Escape');
    expect(list.hidden).toBe(true);
    expect(doc.activeElement).toBe(button);
    expect(readerEsc).not.toHaveBeenCalled();
  });

  it('loads the export code on first use and runs the choice, showing the result', async () => {
    calls.length = 0;
    const load = vi.fn(async () => ({ runExport }));
    const { items, status, button } = setup(load);
    expect(load).not.toHaveBeenCalled();
    button.click();
    items[0]!.click();
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    expect(calls[0]![0]).toBe('copy-markdown');
    expect(calls[0]![1].url).toBe('https://a.example/1');
    expect(status.textContent).toBe('Copied as Markdown.');
    items[2]!.click();
    await settle();
    expect(calls[1]![0]).toBe('save-html');
  });

  it('says so when the export code cannot load', async () => {
    const { items, status } = setup(async () => Promise.reject(new Error('chunk gone')));
    items[1]!.click();
    await settle();
    expect(status.textContent).toBe('Could not export: chunk gone');
  });
});
