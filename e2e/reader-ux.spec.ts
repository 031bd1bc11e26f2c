import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { chromeExtensionDir } from './lib/chromium.js';
import { squash } from './lib/farm-cases.js';
import { reader } from './lib/reader.js';
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

test('"Manage site rules" opens the options page', async ({ openTab, toggle }) => {
  const { page } = await open(openTab, toggle, ZHT_FARM);
  await reader(page).getByTestId('reader-removed').click();
  const isOptions = (u: string) =>
    /^chrome-extension:\/\/[a-p]{32}\/options\/options\.html/.test(u);
  // openOptionsPage focuses an options tab that is already open: start without one.
  for (const p of page.context().pages()) if (isOptions(p.url())) await p.close();
  await reader(page).getByTestId('reader-options-link').click();
  // The options tab is opened by the extension (runtime.openOptionsPage), not by the page.
  await expect
    .poll(() =>
      page
        .context()
        .pages()
        .some((p) => isOptions(p.url())),
    )
    .toBe(true);
  const options = page
    .context()
    .pages()
    .find((p) => isOptions(p.url()))!;
  await options.close();
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
