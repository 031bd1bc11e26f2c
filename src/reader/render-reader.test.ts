import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import type { Article } from '../core/types.js';
import { DEFAULT_SETTINGS, type ReaderSettings } from '../shared/settings.js';
import { fontStack, isTraditionalChinese } from './fonts.js';
import { formatDate, renderReader } from './render-reader.js';
import { englishStrings } from './strings.js';

function article(over: Partial<Article> = {}): Article {
  return {
    title: '從排序器到證明者',
    byline: '作者:林',
    siteName: 'Chain Watch',
    publishedTime: null,
    lang: 'zh-TW',
    dir: null,
    excerpt: null,
    contentHtml:
      '<p>Intro paragraph.</p><h2 id="cr-one">One</h2><p>First section.</p>' +
      '<div data-cr-removed="r1" hidden=""></div>' +
      '<p id="cr-two"><strong>Two</strong></p><p>Second section.</p><img src="https://x.example/a.png" onerror="alert(1)"><script>window.pwned=1</script>',
    textContent: 'Intro paragraph. One First section. Two Second section.',
    outline: [
      { level: 2, text: 'One', id: 'cr-one' },
      { level: 2, text: 'Two', id: 'cr-two' },
    ],
    removed: [
      {
        id: 'r1',
        kind: 'flash-news',
        rule: 'detector:flash-news',
        text: 'Flash: BTC up [2023/3/24 9:15:02]',
        html: '<p>Flash: BTC up <b>[2023/3/24 9:15:02]</b></p>',
        reasons: ['stamp:trailing-bracket'],
      },
      {
        id: 'r2',
        kind: 'placeholder-meta',
        rule: 'detector:farm-meta',
        text: 'Time:1900/1/1 0:00:00',
        html: null,
        reasons: [],
      },
    ],
    readingMinutes: 3,
    ...over,
  };
}

function render(
  a: Article = article(),
  settings: ReaderSettings = { ...DEFAULT_SETTINGS },
  // jsdom's click() is never a trusted event: the tests stand in for the user's own clicks here,
  // and one test keeps the real check.
  isTrusted: (e: Event) => boolean = () => true,
) {
  const doc = new JSDOM('<!doctype html><html><body></body></html>', {
    url: 'https://news.example/a.html',
  }).window.document;
  const onClose = vi.fn();
  const onSettingsChange = vi.fn();
  const view = renderReader({
    doc,
    article: a,
    settings,
    t: englishStrings,
    uiLang: 'en',
    onClose,
    onSettingsChange,
    isTrusted,
  });
  doc.body.append(view.root);
  view.scroller.scrollTo = vi.fn(); // jsdom has no layout or element scrolling
  view.settled();
  const q = (id: string) => view.root.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;
  return { doc, view, q, onClose, onSettingsChange };
}

describe('renderReader', () => {
  it('shows title, byline, site and reading time; hides a missing date', () => {
    const { q, view } = render();
    expect(q('reader-title').textContent).toBe('從排序器到證明者');
    expect(q('reader-byline').textContent).toBe('作者:林');
    expect(q('reader-byline').hidden).toBe(false);
    expect(q('reader-site').textContent).toBe('Chain Watch');
    expect(q('reader-time').textContent).toBe('3 min read');
    expect(view.root.querySelector('[data-testid="reader-date"]')).toBeNull();
  });

  it('hides the byline when there is none and shows a real date', () => {
    const { q } = render(article({ byline: null, publishedTime: '2024-05-02T08:00:00Z' }));
    expect(q('reader-byline').hidden).toBe(true);
    expect(q('reader-date').getAttribute('datetime')).toBe('2024-05-02T08:00:00Z');
    expect(q('reader-date').textContent).toMatch(/2024/);
  });

  it('renders the content through the sanitizer: no script, no handlers', () => {
    const { q } = render();
    const content = q('reader-content');
    expect(content.querySelector('script')).toBeNull();
    expect(content.querySelector('img')!.hasAttribute('onerror')).toBe(false);
    expect(content.textContent).toContain('Second section.');
  });

  it('lists the outline as buttons that jump to their section and mark it current', () => {
    const { q, view } = render();
    const buttons = [...q('reader-outline').querySelectorAll('button')];
    expect(buttons.map((b) => [b.textContent, b.dataset.target])).toEqual([
      ['One', 'cr-one'],
      ['Two', 'cr-two'],
    ]);
    buttons[1]!.click();
    expect(view.scroller.scrollTo).toHaveBeenCalled();
    expect(buttons[1]!.getAttribute('aria-current')).toBe('true');
    expect(buttons[0]!.hasAttribute('aria-current')).toBe(false);
    // The pseudo-heading (a bold paragraph) looks like a heading in the text.
    expect(
      q('reader-content').querySelector('#cr-two')!.classList.contains('cr-pseudo-heading'),
    ).toBe(true);
  });

  it('the outline toggle collapses the sidebar and saves that', () => {
    const { view, q, onSettingsChange } = render();
    expect(view.root.dataset.outline).toBe('open');
    q('reader-outline-toggle').click();
    expect(view.root.dataset.outline).toBe('closed');
    expect(onSettingsChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ outlineOpen: false }),
    );
  });

  it('"N removed" lists every removal in plain words: kind, reason and text, no raw id', () => {
    const { q } = render();
    expect(q('reader-removed').textContent).toBe('2 removed');
    const panel = q('reader-removed-panel');
    expect(panel.hidden).toBe(true);
    q('reader-removed').click();
    expect(panel.hidden).toBe(false);
    const items = [...panel.querySelectorAll('li')];
    expect(items.map((li) => li.dataset.kind)).toEqual(['flash-news', 'placeholder-meta']);
    expect(items.map((li) => li.dataset.testid)).toEqual([
      'reader-removed-item',
      'reader-removed-item',
    ]);
    expect(items[0]!.textContent).toContain('Injected flash news');
    expect(items[0]!.textContent).not.toContain('detector:');
    expect(items[0]!.textContent).not.toContain('flash-news');
    expect(items[0]!.textContent).toContain('Flash: BTC up');
    // A removal that is not in the text cannot be shown back.
    expect(items[1]!.querySelector('button')).toBeNull();
  });

  it('shows a removal back in place, highlighted, and hides it again', () => {
    const { q } = render();
    const marker = q('reader-content').querySelector<HTMLElement>('[data-cr-removed="r1"]')!;
    const toggle = q('reader-removed-panel').querySelector<HTMLButtonElement>(
      '[data-removed-id="r1"] button',
    )!;
    expect(marker.hidden).toBe(true);
    toggle.click();
    expect(marker.hidden).toBe(false);
    expect(marker.classList.contains('cr-restored')).toBe(true);
    expect(marker.querySelector('b')!.textContent).toBe('[2023/3/24 9:15:02]');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    toggle.click();
    expect(marker.hidden).toBe(true);
    expect(toggle.textContent).toBe('Show');
  });

  it('settings apply at once and are reported for saving', () => {
    const { q, view, onSettingsChange } = render();
    q('reader-settings').click();
    const panel = q('reader-settings-panel');
    panel.querySelector<HTMLElement>('[data-setting="theme"] button[data-value="dark"]')!.click();
    expect(view.root.dataset.theme).toBe('dark');
    const plus = panel.querySelectorAll<HTMLButtonElement>('[data-setting="fontSize"] button')[1]!;
    plus.click();
    expect(view.root.style.getPropertyValue('--cr-fs')).toBe(`${DEFAULT_SETTINGS.fontSize + 1}px`);
    expect(onSettingsChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ theme: 'dark', fontSize: DEFAULT_SETTINGS.fontSize + 1 }),
    );
  });

  it('a script click (untrusted event) changes and saves no setting (issue 12)', () => {
    const { q, view, onSettingsChange } = render(
      article(),
      { ...DEFAULT_SETTINGS },
      (e) => e.isTrusted,
    );
    q('reader-settings').click();
    const panel = q('reader-settings-panel');
    panel.querySelector<HTMLElement>('[data-setting="theme"] button[data-value="dark"]')!.click();
    panel.querySelectorAll<HTMLButtonElement>('[data-setting="fontSize"] button')[1]!.click();
    q('reader-outline-toggle').click();
    expect(view.root.dataset.theme).toBe(DEFAULT_SETTINGS.theme);
    expect(onSettingsChange).not.toHaveBeenCalled();
  });

  it('a removal without inline HTML is fetched when shown back', async () => {
    const doc = new JSDOM('<!doctype html><html><body></body></html>').window.document;
    const a = article();
    const loads: string[] = [];
    const view = renderReader({
      doc,
      article: { ...a, removed: a.removed.map((r) => ({ ...r, html: null })) },
      settings: { ...DEFAULT_SETTINGS },
      t: englishStrings,
      uiLang: 'en',
      onClose: () => undefined,
      onSettingsChange: () => undefined,
      removalHtml: {
        has: (id) => id === 'r1',
        load: async (id) => {
          loads.push(id);
          return '<p>Flash: <b>fetched</b><img src=x onerror="alert(1)"></p>';
        },
      },
    });
    doc.body.append(view.root);
    const marker = view.root.querySelector<HTMLElement>('[data-cr-removed="r1"]')!;
    const toggle = view.root.querySelector<HTMLButtonElement>(
      '[data-testid="reader-removed-toggle"]',
    )!;
    view.root.querySelector<HTMLElement>('[data-testid="reader-removed-panel"]')!.hidden = false;
    view.scroller.scrollTo = vi.fn();
    toggle.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(loads).toEqual(['r1']);
    expect(marker.hidden).toBe(false);
    expect(marker.querySelector('b')!.textContent).toBe('fetched');
    expect(marker.querySelector('[onerror]')).toBeNull();
  });

  it('a long article shows its first blocks at once and the rest after the first paint', async () => {
    const n = 3000;
    const view = longReader(n, true);
    const content = view.root.querySelector('[data-testid="reader-content"]')!;
    const count = () => content.querySelectorAll('p').length;
    expect(count()).toBeLessThan(500);
    view.scroller.scrollTo = vi.fn();
    view.settled();
    await vi.waitFor(() => expect(count()).toBe(n), { timeout: 5000 });
    // The outline's last heading arrived with the last chunk, after the blocks before it.
    expect(content.querySelector('#cr-end')?.previousElementSibling?.textContent).toBe(
      `Block ${n - 1}`,
    );
  });

  it('an outline jump to a heading still pending appends the rest first', () => {
    const view = longReader(2000, false);
    view.scroller.scrollTo = vi.fn();
    expect(view.root.querySelector('#cr-end')).toBeNull();
    view.root.querySelector<HTMLElement>('[data-testid="reader-outline"] button')!.click();
    expect(view.root.querySelector('#cr-end')).not.toBeNull();
    expect(view.scroller.scrollTo).toHaveBeenCalled();
  });

  it('uses the stored settings from the start and the Traditional CJK font stack for zh-TW', () => {
    const { view } = render(article(), {
      ...DEFAULT_SETTINGS,
      theme: 'sepia',
      fontFamily: 'sans',
      lineHeight: 2,
    });
    expect(view.root.dataset.theme).toBe('sepia');
    expect(view.root.style.getPropertyValue('--cr-lh')).toBe('2');
    expect(view.root.style.getPropertyValue('--cr-font')).toContain('PingFang TC');
  });

  it('the close button closes', () => {
    const { q, onClose } = render();
    q('reader-close').click();
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});

describe('fonts and dates', () => {
  it('picks TC faces for Traditional Chinese tags only', () => {
    for (const l of ['zh-TW', 'zh-hk', 'zh-Hant', 'zh-Hant-TW', 'zh_TW'])
      expect(isTraditionalChinese(l), l).toBe(true);
    for (const l of ['zh-CN', 'zh', 'zh-Hans', 'en', null, ''])
      expect(isTraditionalChinese(l), String(l)).toBe(false);
    expect(fontStack('serif', 'zh-CN')).toContain('"Noto Serif CJK SC"');
    expect(fontStack('serif', 'zh-TW')).toContain('"Noto Serif CJK TC"');
    expect(fontStack('sans', 'zh-CN')).toMatch(/"Microsoft YaHei", sans-serif$/);
  });

  it('never shows an invalid date', () => {
    expect(formatDate(null, 'en')).toBeNull();
    expect(formatDate('not a date', 'en')).toBeNull();
    expect(formatDate('2024-01-05T00:00:00Z', 'en')).toMatch(/2024/);
  });
});

/** A reader on an article of `n` paragraphs and a last heading `End` (in the outline). */
function longReader(n: number, nested: boolean) {
  const doc = new JSDOM('<!doctype html><html><body></body></html>').window.document;
  const blocks = `${Array.from({ length: n }, (_, i) => `<p>Block ${i}</p>`).join('')}<h2 id="cr-end">End</h2>`;
  const view = renderReader({
    doc,
    article: article({
      contentHtml: nested ? `<div><div>${blocks}</div></div>` : `<div>${blocks}</div>`,
      outline: [{ level: 2, text: 'End', id: 'cr-end' }],
      removed: [],
    }),
    settings: { ...DEFAULT_SETTINGS },
    t: englishStrings,
    uiLang: 'en',
    onClose: () => undefined,
    onSettingsChange: () => undefined,
  });
  doc.body.append(view.root);
  return view;
}
