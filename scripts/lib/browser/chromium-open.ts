/**
 * The open benchmark's driver for Chromium (Playwright): the extension's test build (host access
 * to 127.0.0.1, so the first open needs no toolbar click and both readers are started the same
 * way, by the runtime message) and the bare reader, loaded together in one persistent context.
 * Launch flags as in the e2e harness (`e2e/lib/chromium.ts`).
 */
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { chromiumPath, quietChromiumArgs } from '../../../e2e/lib/chromium.js';
import { poll } from '../../../e2e/lib/poll.js';
import type { Evaluator, OpenDriver, Who } from './open-bench.js';
import { tabIds } from './open-probe.js';

const EXT_SCHEME = 'chrome-extension://';

function adapt(target: Page | Frame): Evaluator {
  return {
    evaluate: (fn, arg) => (target.evaluate as (f: unknown, a: unknown) => Promise<never>)(fn, arg),
  };
}

export interface ChromiumOpen {
  driver: OpenDriver;
  version: string;
  /** A new tab for the driver (after a pattern froze the old one). */
  recover(): Promise<void>;
  close(): Promise<void>;
}

export async function launchChromiumOpen(dirs: Record<Who, string>): Promise<ChromiumOpen> {
  const context: BrowserContext = await chromium.launchPersistentContext('', {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      ...quietChromiumArgs,
      `--disable-extensions-except=${dirs.ext},${dirs.bare}`,
      `--load-extension=${dirs.ext},${dirs.bare}`,
    ],
  });
  try {
    const workers = await poll(
      () => (context.serviceWorkers().length >= 2 ? context.serviceWorkers() : null),
      {
        timeout: 20_000,
        message: 'both extensions’ service workers did not start',
      },
    );
    const ids = {} as Record<Who, string>;
    for (const w of workers) {
      const name = await w.evaluate(
        () =>
          (
            globalThis as unknown as { chrome: { runtime: { getManifest(): { name: string } } } }
          ).chrome.runtime.getManifest().name,
      );
      ids[name.startsWith('Bare reader') ? 'bare' : 'ext'] = new URL(w.url()).host;
    }
    if (!ids.ext || !ids.bare) throw new Error('could not tell the two extensions apart');
    const control = {} as Record<Who, Page>;
    control.ext = await context.newPage();
    await control.ext.goto(`${EXT_SCHEME}${ids.ext}/test/control.html`);
    control.bare = await context.newPage();
    await control.bare.goto(`${EXT_SCHEME}${ids.bare}/control.html`);

    const newTab = async (): Promise<{ page: Page; tabId: number }> => {
      const before = new Set(await control.ext.evaluate(tabIds));
      const page = await context.newPage();
      const tabId = await poll(
        async () => (await control.ext.evaluate(tabIds)).find((id) => !before.has(id)),
        { timeout: 5000, interval: 50, message: 'the bench tab did not show up in tabs.query' },
      );
      return { page, tabId };
    };
    let { page, tabId } = await newTab();
    const driver: OpenDriver = {
      browserName: 'Chromium',
      get page() {
        return adapt(page);
      },
      get tabId() {
        return tabId;
      },
      control: { ext: adapt(control.ext), bare: adapt(control.bare) },
      async goto(url) {
        await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
        await page.bringToFront();
      },
      extensionFrames: async () =>
        page
          .frames()
          .filter((f) => f !== page.mainFrame() && f.url().startsWith(EXT_SCHEME))
          .map(adapt),
      onExtensionFrame(cb) {
        const p = page;
        const on = (f: Frame) => {
          if (f !== p.mainFrame() && f.url().startsWith(EXT_SCHEME)) cb(adapt(f));
        };
        p.on('framenavigated', on);
        return () => p.off('framenavigated', on);
      },
    } as OpenDriver;
    return {
      driver,
      version: context.browser()?.version() ?? 'unknown',
      async recover() {
        // A pattern froze the tab's main thread: crash its renderer (CDP Page.crash runs on the
        // renderer's IO thread, so a hung page still answers), then close it, and only then open
        // a new tab (a same-site tab opened earlier may be put in the hung process).
        const old = page;
        const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
        try {
          const cdp = await context.newCDPSession(old);
          await Promise.race([cdp.send('Page.crash').catch(() => undefined), sleep(2000)]);
        } catch {
          // already gone
        }
        await Promise.race([
          old.close({ runBeforeUnload: false }).catch(() => undefined),
          sleep(10_000),
        ]);
        await sleep(300);
        ({ page, tabId } = await newTab());
      },
      close: () => context.close(),
    };
  } catch (err) {
    await context.close();
    throw err;
  }
}
