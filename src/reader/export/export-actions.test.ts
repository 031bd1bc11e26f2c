import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../core/types.js';
import { englishReader } from '../reader-strings.js';
import { articleMarkdown } from './markdown.js';
import { copyText, downloadText, runExport, type ExportContext } from './export-actions.js';

function article(over: Partial<Article> = {}): Article {
  return {
    title: 'ETH *merge*: 从排序器到证明者?',
    byline: '作者:林',
    siteName: 'Chain Watch',
    publishedTime: '2024-03-08T10:00:00.000Z',
    lang: 'zh-Hans',
    dir: null,
    excerpt: null,
    contentHtml:
      '<h2>ETH *merge*: 从排序器到证明者?</h2><p>第一段,<strong>重点</strong>。</p>' +
      '<div data-cr-removed="r1" hidden=""><p>快讯</p></div>' +
      '<ul><li>一</li><li>二</li></ul><p><img src="https://x.example/a.png" alt="图"></p>',
    textContent: '',
    outline: [],
    removed: [],
    readingMinutes: 1,
    ...over,
  };
}

function reader() {
  const dom = new JSDOM('<!doctype html><body></body>', { url: 'https://reader.example/' });
  return dom.window;
}

describe('articleMarkdown', () => {
  it('is the CLI converter under a head with the title, meta line and source link', () => {
    const md = articleMarkdown(article(), {
      doc: reader().document,
      url: 'https://farm.example/a b.html',
      sourceLabel: '来源',
    });
    expect(md).toBe(
      [
        '# ETH \\*merge\\*: 从排序器到证明者?',
        '',
        '*作者:林 · Chain Watch · 2024-03-08*',
        '',
        '来源: <https://farm.example/a%20b.html>',
        '',
        '第一段,**重点**。',
        '',
        '- 一',
        '- 二',
        '',
        '![图](https://x.example/a.png)',
        '',
      ].join('\n'),
    );
  });
});

describe('downloadText', () => {
  it('clicks an <a download> on a Blob URL with the text, then takes the link away', async () => {
    const win = reader();
    const blobs = new Map<string, Blob>();
    win.URL.createObjectURL = (b: Blob) => {
      const u = `blob:https://reader.example/${blobs.size}`;
      blobs.set(u, b);
      return u;
    };
    win.URL.revokeObjectURL = vi.fn();
    const clicked: HTMLAnchorElement[] = [];
    win.document.addEventListener('click', (e) => {
      clicked.push(e.target as HTMLAnchorElement);
      e.preventDefault();
    });
    downloadText(win.document, '# 标题\n', '标题.md', 'text/markdown');
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.download).toBe('标题.md');
    const blob = blobs.get(clicked[0]!.href)!;
    expect(blob.type).toBe('text/markdown;charset=utf-8');
    expect(await blob.text()).toBe('# 标题\n');
    expect(win.document.querySelector('a')).toBeNull();
  });
});

describe('copyText', () => {
  afterEach(() => vi.restoreAllMocks());

  it('uses the Clipboard API', async () => {
    const win = reader();
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(win.navigator, 'clipboard', { value: { writeText }, configurable: true });
    await copyText(win.document, 'md');
    expect(writeText).toHaveBeenCalledWith('md');
  });

  it('falls back to the copy command when the API is refused', async () => {
    const win = reader();
    Object.defineProperty(win.navigator, 'clipboard', {
      value: { writeText: async () => Promise.reject(new Error('NotAllowedError')) },
      configurable: true,
    });
    const data = new Map<string, string>();
    win.document.execCommand = (cmd: string) => {
      const event = new win.Event('copy') as ClipboardEvent;
      Object.defineProperty(event, 'clipboardData', {
        value: { setData: (t: string, v: string) => data.set(t, v) },
      });
      win.document.dispatchEvent(event);
      return cmd === 'copy';
    };
    await copyText(win.document, 'md');
    expect(data.get('text/plain')).toBe('md');
  });

  it('says so when there is no clipboard at all', async () => {
    const win = reader();
    Object.defineProperty(win.navigator, 'clipboard', { value: undefined, configurable: true });
    win.document.execCommand = () => false;
    await expect(copyText(win.document, 'md')).rejects.toThrow(/clipboard/);
  });
});

describe('runExport', () => {
  it('reports success and failure in words', async () => {
    const win = reader();
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(win.navigator, 'clipboard', { value: { writeText }, configurable: true });
    const c: ExportContext = {
      doc: win.document,
      article: article(),
      url: 'https://farm.example/1',
      t: englishReader,
    };
    expect(await runExport('copy-markdown', c)).toBe('Copied as Markdown.');
    expect(writeText.mock.calls[0]![0]).toContain('Source: <https://farm.example/1>');
    expect(await runExport('save-html', { ...c, url: 'not a url' })).toMatch(/^Could not export: /);
  });
});
