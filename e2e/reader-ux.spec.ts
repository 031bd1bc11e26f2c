import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { chromeExtensionDir } from './lib/chromium.js';
import { squash } from './lib/farm-cases.js';
import { pdfPageCount } from './lib/pdf-pages.js';
import { reader, READER_FRAME } from './lib/reader.js';
import { expect, test } from './lib/test.js';

/**
 * Issue 9 in Chromium: the reader for real readers (typography, removals in plain words, source
 * line, progress and scroll memory, export, read aloud, options link).
 */

const ZHT_FARM = '/fixtures/farm-zht-dedecms-essay/source.html';
const ZHS_FARM = '/fixtures/farm-zhs-dateline-variety/source.html';

async function open(
  openTab: (p: string) => Promise<{ page: Page; tabId: number }>,
  toggle: (tabId: number) => Promise<unknown>,
  path: string,
): Promise<{ page: Page; tabId: number }> {
  const tab = await openTab(path);
  expect(await toggle(tab.tabId)).toEqual({ ok: true, state: { open: true, found: true } });
  await expect(reader(tab.page).getByTestId('reader-title')).toBeVisible();
  return tab;
}

/** The article element's `lang` and the first paragraph's font list, read inside the frame. */
async function typography(page: Page): Promise<{ lang: string; font: string }> {
  return reader(page)
    .locator('article.cr-article')
    .evaluate((article) => ({
      lang: article.getAttribute('lang') ?? '',
      font: getComputedStyle(article.querySelector('[data-testid="reader-content"] p')!).fontFamily,
    }));
}

test.describe('CJK typography', () => {
  test('a Traditional farm page without lang gets zh-Hant and TC fonts', async ({
    openTab,
    toggle,
  }) => {
    const { page } = await open(openTab, toggle, ZHT_FARM);
    const { lang, font } = await typography(page);
    expect(lang).toBe('zh-Hant');
    expect(font).toContain('Noto Serif CJK TC');
    expect(font).not.toContain(' SC"');
  });

  test('a Simplified farm page without lang gets zh-Hans and SC fonts', async ({
    openTab,
    toggle,
  }) => {
    const { page } = await open(openTab, toggle, ZHS_FARM);
    const { lang, font } = await typography(page);
    expect(lang).toBe('zh-Hans');
    expect(font).toContain('Noto Serif CJK SC');
    expect(font).not.toContain(' TC"');
  });

  test('"CJK punctuation: full-width" widens half-width marks between CJK characters, and back', async ({
    openTab,
    toggle,
  }) => {
    const { page } = await open(openTab, toggle, ZHT_FARM);
    const content = reader(page).getByTestId('reader-content');
    const before = await content.innerText();
    expect(before).toMatch(/\p{Script=Han},\p{Script=Han}/u);
    await reader(page).getByTestId('reader-settings').click();
    const setting = reader(page).getByTestId('reader-cjk-punctuation');
    await expect(setting).toBeVisible();
    await setting.locator('input[value="full-width"]').check();
    await expect
      .poll(async () => /\p{Script=Han},\p{Script=Han}/u.test(await content.innerText()))
      .toBe(false);
    expect(await content.innerText()).toMatch(/\p{Script=Han}，\p{Script=Han}/u);
    await setting.locator('input[value="as-published"]').check();
    await expect.poll(() => content.innerText()).toBe(before);
  });

  test('an English page keeps lang en and has no CJK punctuation setting', async ({
    openTab,
    toggle,
  }) => {
    const { page } = await open(openTab, toggle, '/pages/form-media.html');
    expect((await typography(page)).lang).toBe('en');
    await reader(page).getByTestId('reader-settings').click();
    await expect(reader(page).getByTestId('reader-settings-panel')).toBeVisible();
    await expect(reader(page).getByTestId('reader-cjk-punctuation')).toHaveCount(0);
  });
});

test('removals in plain words: localized kinds, no raw ids, restored label with "hide again"', async ({
  openTab,
  toggle,
}) => {
  const { page } = await open(openTab, toggle, ZHT_FARM);
  await reader(page).getByTestId('reader-removed').click();
  const panel = reader(page).getByTestId('reader-removed-panel');
  const items = panel.getByTestId('reader-removed-item');
  expect(await items.count()).toBeGreaterThan(0);
  await expect(
    panel.locator('[data-testid="reader-removed-item"][data-kind="flash-news"]').first(),
  ).toBeVisible();
  const text = await panel.innerText();
  expect(text).not.toMatch(/detector:|rule:|flash-news|nav-spam|credit-line/);
  expect(text).toContain('Injected flash news');

  const toggleButton = panel.getByTestId('reader-removed-toggle').first();
  const id = await toggleButton.getAttribute('data-removed-id');
  await toggleButton.click();
  const marker = reader(page).getByTestId('reader-content').locator(`[data-cr-removed="${id}"]`);
  await expect(marker).toBeVisible();
  const label = marker.getByTestId('reader-restored-label');
  // Close the panel (it covers the article on narrow and wide windows alike).
  await reader(page).getByTestId('reader-removed').click();
  await expect(label).toBeVisible();
  expect(await label.innerText()).not.toMatch(/detector:|flash-news/);
  await label.getByTestId('reader-restored-hide').click();
  await expect(marker).toBeHidden();
});

test('"Manage site rules" opens the options page', async ({ openTab, toggle, driver }) => {
  const { page } = await open(openTab, toggle, ZHT_FARM);
  await reader(page).getByTestId('reader-removed').click();
  // The driver's control tab is the options page already, so openOptionsPage switches to it
  // (it opens one only where none is open): the active tab says where the click led.
  const activeUrl = () =>
    driver.control.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<{ url?: string }[]> } };
      };
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.url ?? '';
    });
  expect(await activeUrl()).toBe(page.url());
  await reader(page).getByTestId('reader-options-link').click();
  await expect.poll(activeUrl).toMatch(/^chrome-extension:\/\/[a-p]{32}\/options\/options\.html/);
  await page.bringToFront();
});

test('the source line links the page; the progress bar follows the scroll', async ({
  openTab,
  toggle,
}) => {
  const { page } = await open(openTab, toggle, ZHT_FARM);
  const link = reader(page).getByTestId('reader-source-link');
  await expect(link).toBeVisible();
  expect(await link.getAttribute('href')).toBe(page.url());
  const progress = reader(page).getByTestId('reader-progress');
  await expect(progress).toHaveAttribute('aria-valuenow', '0');
  const scrollable = await reader(page)
    .locator('.cr-scroll')
    .evaluate((el) => el.scrollHeight > el.clientHeight * 1.5);
  expect(scrollable, 'the article is longer than a screen').toBe(true);
  await reader(page)
    .locator('.cr-scroll')
    .evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(progress).toHaveAttribute('aria-valuenow', '100');
});

test('the reading position is remembered per page and restored on reopen', async ({
  openTab,
  toggle,
}) => {
  const { page, tabId } = await open(openTab, toggle, ZHT_FARM);
  const scroller = reader(page).locator('.cr-scroll');
  await scroller.hover();
  // The user's own scrolling (trusted wheel events), as the scroll memory requires.
  await page.mouse.wheel(0, 500);
  const fraction = () =>
    scroller.evaluate((el) => el.scrollTop / (el.scrollHeight - el.clientHeight));
  await expect.poll(fraction).toBeGreaterThan(0.05);
  const left = await fraction();
  expect(left).toBeLessThan(0.95);
  // Give the debounced write a moment after the last scroll, as a reader pausing would.
  await page.waitForTimeout(1200);
  expect(await toggle(tabId)).toEqual({ ok: true, state: { open: false, found: false } });
  await expect(reader(page).getByTestId('reader-root')).toHaveCount(0);
  expect(await toggle(tabId)).toEqual({ ok: true, state: { open: true, found: true } });
  await expect(reader(page).getByTestId('reader-title')).toBeVisible();
  await expect.poll(fraction).toBeGreaterThan(left - 0.05);
  expect(await fraction()).toBeLessThan(left + 0.05);
});

test('export loads on first use and saves Markdown and HTML named after the clean title', async ({
  openTab,
  toggle,
}) => {
  const { page } = await open(openTab, toggle, ZHT_FARM);
  const title = await reader(page).getByTestId('reader-title').innerText();
  // The export code is its own chunk, not in reader.js: it loads on the first choice.
  const dir = path.join(chromeExtensionDir, 'reader');
  expect(readdirSync(dir).some((f) => /^export-[\w-]+\.js$/.test(f))).toBe(true);
  expect(readFileSync(path.join(dir, 'reader.js'), 'utf8')).not.toContain('text/markdown');
  const exportRoot = reader(page).getByTestId('reader-export');
  await exportRoot.getByRole('button', { name: 'Export' }).click();
  const download = page.waitForEvent('download');
  await exportRoot.locator('[data-action="save-markdown"]').click();
  const md = await download;
  expect(md.suggestedFilename()).toMatch(/\.md$/);
  expect(md.suggestedFilename()).toContain(title.slice(0, 4));
  const mdText = readFileSync(await md.path(), 'utf8');
  expect(mdText).toContain(title);
  expect(mdText).toContain(page.url());

  await exportRoot.getByRole('button', { name: 'Export' }).click();
  const download2 = page.waitForEvent('download');
  await exportRoot.locator('[data-action="save-html"]').click();
  const html = await download2;
  expect(html.suggestedFilename()).toMatch(/\.html$/);
  const htmlText = readFileSync(await html.path(), 'utf8');
  expect(htmlText).toContain(`<title>${title}</title>`);
  const content = squash(await reader(page).getByTestId('reader-content').innerText());
  expect(squash(htmlText.replace(/<[^>]+>/g, ''))).toContain(content.slice(0, 30));
});

test('read aloud (stubbed speechSynthesis): paragraphs in order, highlighted, Stop cancels', async ({
  openTab,
  toggle,
}) => {
  const { page, tabId } = await open(openTab, toggle, ZHT_FARM);
  const body = reader(page).locator('body');
  // A stand-in engine in the reader's frame: records each utterance and ends it a moment later.
  await body.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    const spoken: { text: string; lang: string }[] = [];
    let cancels = 0;
    let queue: { text: string; lang: string; onstart?: () => void; onend?: () => void }[] = [];
    const next = () => {
      const u = queue[0];
      if (!u) return;
      u.onstart?.();
      setTimeout(() => {
        if (queue[0] !== u) return;
        queue.shift();
        u.onend?.();
        next();
      }, 30);
    };
    const synth = {
      speaking: false,
      paused: false,
      pending: false,
      getVoices: () => [
        {
          voiceURI: 'fake-zh-TW',
          name: 'Fake TW',
          lang: 'zh-TW',
          default: false,
          localService: true,
        },
        { voiceURI: 'fake-en', name: 'Fake EN', lang: 'en-US', default: true, localService: true },
      ],
      speak(u: { text: string; lang: string }) {
        spoken.push({ text: u.text, lang: u.lang });
        queue.push(u);
        if (queue.length === 1) next();
      },
      cancel() {
        cancels++;
        queue = [];
      },
      pause() {},
      resume() {},
      addEventListener() {},
      removeEventListener() {},
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    w.SpeechSynthesisUtterance = class {
      lang = '';
      rate = 1;
      voice = null;
      constructor(readonly text: string) {}
    };
    w.__speech = { spoken, cancels: () => cancels };
  });
  await reader(page).getByTestId('reader-read-aloud-toggle').click();
  const controls = reader(page).getByTestId('reader-read-aloud');
  await expect(controls).toBeVisible();
  await controls.getByTestId('reader-read-aloud-play').click();
  const spoken = () =>
    body.evaluate(
      () =>
        (window as unknown as { __speech: { spoken: { text: string; lang: string }[] } }).__speech
          .spoken,
    );
  await expect.poll(async () => (await spoken()).length).toBeGreaterThan(2);
  const said = await spoken();
  expect(said[0]!.lang).toMatch(/^zh-(TW|Hant)/);
  // In document order: each spoken text comes after the previous one in the article.
  const text = squash(await reader(page).getByTestId('reader-content').innerText());
  let at = -1;
  for (const s of said.slice(0, 3)) {
    const pos = text.indexOf(squash(s.text).slice(0, 12));
    expect(pos, `spoken text in the article: ${s.text.slice(0, 20)}`).toBeGreaterThan(at);
    at = pos;
  }
  await expect(reader(page).locator('.cr-content .cr-reading')).toHaveCount(1);
  await controls.getByTestId('reader-read-aloud-stop').click();
  const cancels = () =>
    body.evaluate(() =>
      (window as unknown as { __speech: { cancels(): number } }).__speech.cancels(),
    );
  await expect.poll(cancels).toBeGreaterThan(0);
  await expect(reader(page).locator('.cr-content .cr-reading')).toHaveCount(0);
  expect(await toggle(tabId)).toEqual({ ok: true, state: { open: false, found: false } });
  await expect(reader(page).getByTestId('reader-root')).toHaveCount(0);
});

test.describe('keyboard', () => {
  test('Tab stays in the reader, arrows pick a theme, a stepper at its limit keeps focus, Esc closes the innermost first', async ({
    openTab,
    toggle,
  }) => {
    const { page } = await open(openTab, toggle, ZHT_FARM);
    const r = reader(page);
    // The frame has focus; many Tabs never leave it (focus would land in the page's own DOM).
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const inFrame = await page.evaluate(
        () => document.activeElement?.hasAttribute('data-crypto-reader') ?? false,
      );
      expect(inFrame, `Tab ${i + 1} left the reader`).toBe(true);
    }
    await expect(r.locator('.cr-scroll')).toHaveAttribute('tabindex', '0');

    // PageDown from the toolbar scrolls the article.
    await r.getByTestId('reader-settings').focus();
    const top = () => r.locator('.cr-scroll').evaluate((el) => el.scrollTop);
    await page.keyboard.press('PageDown');
    await expect.poll(top).toBeGreaterThan(100);
    await page.keyboard.press('Home');
    await expect.poll(top).toBe(0);

    // Settings: arrow keys move the theme radio and select.
    await r.getByTestId('reader-settings').click();
    const panel = r.getByTestId('reader-settings-panel');
    const themes = panel.locator('[data-setting="theme"] [role="radio"]');
    const checked = panel.locator('[data-setting="theme"] [aria-checked="true"]');
    const before = await checked.getAttribute('data-value');
    await checked.focus();
    await page.keyboard.press('ArrowRight');
    await expect(checked).not.toHaveAttribute('data-value', before ?? '');
    await expect(checked).toBeFocused();
    expect(await themes.count()).toBe(4);

    // The font-size stepper: press − until the limit; focus stays on it.
    const less = panel.locator('[data-setting="fontSize"] button').first();
    await less.focus();
    for (let i = 0; i < 30; i++) await page.keyboard.press('Enter');
    await expect(less).toHaveAttribute('aria-disabled', 'true');
    await expect(less).toBeFocused();

    // Esc closes the panel first (focus back on its button), then the reader.
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(r.getByTestId('reader-settings')).toBeFocused();
    await expect(r.getByTestId('reader-root')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(r.getByTestId('reader-root')).toHaveCount(0);
  });

  test('a click outside an open panel closes it', async ({ openTab, toggle }) => {
    const { page } = await open(openTab, toggle, ZHT_FARM);
    const r = reader(page);
    await r.getByTestId('reader-settings').click();
    await expect(r.getByTestId('reader-settings-panel')).toBeVisible();
    await r.getByTestId('reader-title').click();
    await expect(r.getByTestId('reader-settings-panel')).toBeHidden();
  });
});

test.describe('axe', () => {
  const check = async (page: Page, what: string) => {
    const result = await new AxeBuilder({ page }).include(READER_FRAME).analyze();
    const found = result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
    expect(found, `axe violations (${what})`).toEqual([]);
    // axe looked inside the extension frame (a target inside a frame is [frame, selector]).
    const inFrame = result.passes.flatMap((p) => p.nodes).filter((n) => n.target.length > 1);
    expect(inFrame.length, `axe checked the reader frame's nodes (${what})`).toBeGreaterThan(20);
  };

  test('the reader: each panel open, each theme, phone width', async ({ openTab, toggle }) => {
    const { page } = await open(openTab, toggle, ZHT_FARM);
    const r = reader(page);
    // axe does catch a problem in the frame: an image without a text alternative.
    await r.locator('body').evaluate((body) => {
      const img = body.ownerDocument.createElement('img');
      img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      img.id = 'axe-probe';
      body.querySelector('[data-testid="reader-content"]')!.prepend(img);
    });
    const probe = await new AxeBuilder({ page }).include(READER_FRAME).analyze();
    expect(probe.violations.map((v) => v.id)).toContain('image-alt');
    await r.locator('#axe-probe').evaluate((img) => img.remove());
    await check(page, 'open');
    await r.getByTestId('reader-removed').click();
    await check(page, 'removed panel');
    await r.getByTestId('reader-settings').click();
    await check(page, 'settings panel');
    for (const theme of ['light', 'sepia', 'dark', 'system']) {
      await r.locator(`[data-setting="theme"] [data-value="${theme}"]`).click();
      await check(page, `theme ${theme}`);
    }
    await page.keyboard.press('Escape');
    await r.getByTestId('reader-read-aloud-toggle').click();
    await check(page, 'read aloud bar');
    await r.getByTestId('reader-export').getByRole('button', { name: 'Export' }).click();
    await check(page, 'export menu');
    await page.setViewportSize({ width: 390, height: 800 });
    await page.keyboard.press('Escape');
    await check(page, 'phone width');
    await r.getByTestId('reader-outline-toggle').click();
    await check(page, 'phone width, outline drawer');
  });

  test('the options page', async ({ driver }) => {
    const page = await driver.context.newPage();
    await page.goto(`chrome-extension://${driver.extensionId}/options/options.html`);
    await expect(page.getByTestId('options-root')).toBeVisible();
    const result = await new AxeBuilder({ page }).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
    await page.close();
  });
});

test.describe('print', () => {
  test('in print media the whole article is in the top document flow, the toolbar hidden; the PDF holds the last paragraph', async ({
    openTab,
    toggle,
  }) => {
    // Long enough for several printed pages (a clipped print would be one).
    const { page, tabId } = await open(openTab, toggle, '/pages/long-essay.html');
    const title = await reader(page).getByTestId('reader-title').innerText();
    // The tab's title is the clean title while the reader is open.
    expect(await page.title()).toBe(title);
    const paragraphs = await reader(page)
      .getByTestId('reader-content')
      .locator('p')
      .allInnerTexts();
    const last = squash(paragraphs.filter((p) => squash(p).length > 10).at(-1) ?? '');
    expect(last.length).toBeGreaterThan(10);

    // What Ctrl+P does first (emulateMedia alone fires no beforeprint).
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    const laidOut = await page.evaluate(() => {
      const host = document.querySelector('[data-crypto-reader-print]') as HTMLElement | null;
      if (!host) return null;
      // No fixed or clipping ancestor: the rendition is in the document's own flow.
      const chain: string[] = [];
      for (let el: HTMLElement | null = host; el; el = el.parentElement) {
        const cs = getComputedStyle(el);
        chain.push(`${cs.position}/${cs.overflow}/${cs.display}/${cs.visibility}`);
      }
      const rect = host.getBoundingClientRect();
      const body = document.body ? getComputedStyle(document.body).display : 'none';
      const ps = [...(host.shadowRoot?.querySelectorAll('p') ?? [])].filter(
        (p) => p.getBoundingClientRect().height > 0,
      );
      const lastP = ps.at(-1);
      return {
        chain,
        height: rect.height,
        body,
        lastText: lastP?.textContent ?? '',
        lastBottom: lastP ? lastP.getBoundingClientRect().bottom + scrollY : 0,
      };
    });
    expect(laidOut, 'a print rendition is in the top document').not.toBeNull();
    expect(laidOut!.body, "the page's own content is not printed").toBe('none');
    // The rendition is shown; its ancestors (<html>, hidden on screen behind the reader) neither
    // fix nor clip it.
    expect(laidOut!.chain[0]).toBe('static/visible/block/visible');
    for (const link of laidOut!.chain) expect(link).toMatch(/^(static|relative)\/visible\/block\//);
    expect(laidOut!.height).toBeGreaterThan(await page.evaluate(() => innerHeight));
    // The article's last paragraph is laid out (not clipped away) in the printed flow.
    expect(squash(laidOut!.lastText)).toBe(last);
    expect(last).toContain(squash('closes the argument about settlement layers'));
    // The toolbar is hidden in print.
    await expect(reader(page).locator('.cr-toolbar')).toBeHidden();

    // The PDF of the tab has as many pages as the flow down to the last paragraph needs (A4 at
    // 96 px/in, 0.4 in default margins): a clipped print would be one page. Its text is in
    // compressed CID fonts, so the page count is what is checked here.
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdfPageCount(pdf);
    const pageHeight = 11.69 * 96 - 2 * 0.4 * 96;
    expect(pages).toBeGreaterThanOrEqual(Math.ceil(laidOut!.lastBottom / pageHeight));
    expect(pages).toBeGreaterThan(1);
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await page.locator('[data-crypto-reader-print]').count()).toBe(0);
    expect(await toggle(tabId)).toEqual({ ok: true, state: { open: false, found: false } });
    expect(await page.title()).not.toBe(title);
  });

  test('the print button prints the top page', async ({ openTab, toggle }) => {
    const { page } = await open(openTab, toggle, ZHT_FARM);
    // window.print() in the page's world is not the content script's: count beforeprint instead.
    await page.evaluate(() => {
      (window as unknown as { __prints: number }).__prints = 0;
      window.addEventListener('beforeprint', () => {
        (window as unknown as { __prints: number }).__prints++;
      });
    });
    await reader(page).getByTestId('reader-print').click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __prints: number }).__prints))
      .toBeGreaterThan(0);
  });
});
