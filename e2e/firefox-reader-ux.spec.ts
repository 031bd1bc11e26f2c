import { expect, test } from '@playwright/test';
import type { Frame, Page } from 'puppeteer-core';
import { squash } from './lib/farm-cases.js';
import { FirefoxExtension, firefoxReaderFrame } from './lib/firefox.js';
import { pdfPageCount } from './lib/pdf-pages.js';
import { poll } from './lib/poll.js';
import { startServer, type FixtureServer } from './lib/server.js';

// Issue 9 in Firefox (puppeteer-core over WebDriver BiDi): typography of the farm pages, the
// print rendition in print media, and read aloud with a stubbed speechSynthesis.

let server: FixtureServer;
let ff: FirefoxExtension;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startServer();
  ff = await FirefoxExtension.launch();
  expect(await ff.grantHost(server.origin)).toBe(true);
});

test.afterAll(async () => {
  await ff?.close();
  await server?.close();
});

const FARMS = [
  { path: '/fixtures/farm-zht-dedecms-essay/source.html', lang: 'zh-Hant', face: 'CJK TC' },
  { path: '/fixtures/farm-zht-linked-headlines/source.html', lang: 'zh-Hant', face: 'CJK TC' },
  { path: '/fixtures/farm-zhs-dateline-variety/source.html', lang: 'zh-Hans', face: 'CJK SC' },
  { path: '/fixtures/farm-zhs-whbot-variant/source.html', lang: 'zh-Hans', face: 'CJK SC' },
];

async function openReader(path: string): Promise<{ page: Page; frame: Frame }> {
  const { page, tabId } = await ff.openTab(server.origin + path);
  expect(await ff.toggle(tabId)).toEqual({ ok: true, state: { open: true, found: true } });
  const frame = await poll(() => firefoxReaderFrame(page), {
    message: `${path}: the reader frame did not appear`,
  });
  await poll(
    () =>
      frame.evaluate(() => !!document.querySelector('[data-testid="reader-title"]')?.textContent),
    { message: `${path}: the reader did not show its title` },
  );
  return { page, frame };
}

for (const farm of FARMS) {
  test(`firefox: ${farm.path}: article lang ${farm.lang} and its font stack`, async () => {
    const { page, frame } = await openReader(farm.path);
    const got = await frame.evaluate(() => {
      const article = document.querySelector('article.cr-article')!;
      const p = article.querySelector('[data-testid="reader-content"] p')!;
      return { lang: article.getAttribute('lang'), font: getComputedStyle(p).fontFamily };
    });
    expect(got.lang).toBe(farm.lang);
    expect(got.font).toContain(farm.face);
    await page.close();
  });
}

test('firefox: printing lays out the whole article from the top document, not the page', async () => {
  // Long enough for several printed pages: a print clipped to the frame's box would be one.
  const { page, frame } = await openReader('/pages/long-essay.html');
  const title = await frame.evaluate(
    () => document.querySelector('[data-testid="reader-title"]')!.textContent ?? '',
  );
  expect(await page.title()).toBe(title);
  // Print media cannot be emulated over BiDi: the rendition is checked in the DOM after the
  // event Ctrl+P fires, and a real print (browsingContext.print) is checked by its page count.
  await page.evaluate(() => {
    window.dispatchEvent(new Event('beforeprint'));
  });
  const rendition = await page.evaluate(() => {
    const host = document.querySelector('[data-crypto-reader-print]') as HTMLElement | null;
    if (!host) return null;
    return {
      parent: host.parentElement === document.documentElement,
      screenDisplay: getComputedStyle(host).display,
      title: host.shadowRoot?.querySelector('h1')?.textContent ?? '',
      text: host.shadowRoot?.textContent ?? '',
    };
  });
  expect(rendition).not.toBeNull();
  expect(rendition!.parent).toBe(true);
  // Never on screen.
  expect(rendition!.screenDisplay).toBe('none');
  expect(rendition!.title).toBe(title);
  expect(rendition!.text).toContain('closes the argument about settlement layers');
  await page.evaluate(() => {
    window.dispatchEvent(new Event('afterprint'));
  });
  expect(await page.evaluate(() => !!document.querySelector('[data-crypto-reader-print]'))).toBe(
    false,
  );
  const pdf = Buffer.from(await page.pdf());
  const pages = pdfPageCount(pdf);
  expect(pages).toBeGreaterThan(1);
  await page.close();
});

test('firefox: read aloud speaks the farm essay paragraph by paragraph (stubbed speechSynthesis)', async () => {
  const { page, frame } = await openReader(FARMS[0]!.path);
  await frame.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    const spoken: { text: string; lang: string }[] = [];
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
    w.__spoken = spoken;
    (document.querySelector('[data-testid="reader-read-aloud-toggle"]') as HTMLElement).click();
  });
  await poll(
    () =>
      frame.evaluate(() => {
        const play = document.querySelector('[data-testid="reader-read-aloud-play"]');
        if (play) (play as HTMLElement).click();
        return !!play;
      }),
    { message: 'the read-aloud controls did not appear' },
  );
  const spoken = await poll(
    async () => {
      const s = await frame.evaluate(
        () => (window as unknown as { __spoken: { text: string; lang: string }[] }).__spoken,
      );
      return s.length > 2 ? s : null;
    },
    { message: 'nothing was spoken' },
  );
  expect(spoken[0]!.lang).toMatch(/^zh-(TW|Hant)/);
  const text = squash(
    (await frame.evaluate(
      () => document.querySelector('[data-testid="reader-content"]')!.textContent,
    )) ?? '',
  );
  let at = -1;
  for (const s of spoken.slice(0, 3)) {
    const pos = text.indexOf(squash(s.text).slice(0, 12));
    expect(pos).toBeGreaterThan(at);
    at = pos;
  }
  await page.close();
});
