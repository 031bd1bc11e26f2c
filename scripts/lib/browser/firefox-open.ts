/**
 * The open benchmark's driver for Firefox (puppeteer-core over WebDriver BiDi), on the e2e
 * harness (`e2e/lib/firefox.ts`): the shipped extension with the optional host permission for
 * 127.0.0.1 granted by a click, as a user opts a site in, and the bare reader (an MV2 build,
 * whose host permissions come with the install) installed beside it. Every wait is a `poll` or a
 * function evaluate: no `waitForFunction` or string evaluate in extension pages (their CSP
 * refuses `Function()`).
 */
import type { Frame, Page } from 'puppeteer-core';
import { FirefoxExtension } from '../../../e2e/lib/firefox.js';
import { poll } from '../../../e2e/lib/poll.js';
import type { Evaluator, OpenDriver } from './open-bench.js';

const EXT_SCHEME = 'moz-extension://';

function isExtension(target: Page | Frame): Promise<boolean> {
  return target
    .evaluate(() => location.href)
    .then((href) => href.startsWith('moz-extension://'))
    .catch(() => false);
}

function adapt(target: Page | Frame): Evaluator {
  return {
    evaluate: (fn, arg) => (target.evaluate as (f: unknown, a: unknown) => Promise<never>)(fn, arg),
  };
}

export interface FirefoxOpen {
  driver: OpenDriver;
  version: string;
  recover(): Promise<void>;
  close(): Promise<void>;
}

export async function launchFirefoxOpen(
  dirs: { ext?: string; bare: string },
  origin: string,
): Promise<FirefoxOpen> {
  const ff = await FirefoxExtension.launch(dirs.ext);
  try {
    if (!(await ff.grantHost(origin))) throw new Error(`host permission for ${origin} refused`);
    const known = new Set((await ff.browser.pages()).map((p) => p));
    await ff.browser.installExtension(dirs.bare);
    // The bare reader's background opens its page on install (its UUID is random).
    // The bare reader's background opens its page on install (its UUID is random; the tab's
    // URL stays about:blank for puppeteer, so each tab is asked where it is).
    const bareControl = await poll(
      async () => {
        for (const p of await ff.browser.pages()) {
          if (known.has(p) || p === ff.control) continue;
          const href = await p.evaluate(() => location.href).catch(() => '');
          if (
            href.startsWith(EXT_SCHEME) &&
            href.endsWith('/control.html') &&
            !href.includes(ff.uuid)
          )
            return p;
        }
        return undefined;
      },
      { timeout: 15_000, message: 'the bare reader did not open its page after install' },
    );
    await poll(
      () =>
        bareControl.evaluate(
          () => typeof (globalThis as { browser?: unknown }).browser === 'object',
        ),
      { timeout: 10_000, message: 'the bare reader page has no extension API' },
    );
    let { page, tabId } = await ff.openTab('about:blank');
    const driver: OpenDriver = {
      browserName: 'Firefox',
      get page() {
        return adapt(page);
      },
      get tabId() {
        return tabId;
      },
      control: { ext: adapt(ff.control), bare: adapt(bareControl) },
      async goto(url) {
        await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
        await page.bringToFront();
      },
      // puppeteer over BiDi keeps about:blank as the URL of frames and tabs that went to a
      // moz-extension: page (seen on Firefox ESR 153): ask the frame itself.
      async extensionFrames() {
        const out: Evaluator[] = [];
        for (const f of page.frames())
          if (f !== page.mainFrame() && (await isExtension(f))) out.push(adapt(f));
        return out;
      },
      onExtensionFrame(cb) {
        const p = page;
        const seen = new Set<Frame>();
        const on = (f: Frame) => {
          if (f === p.mainFrame() || seen.has(f)) return;
          void poll(() => isExtension(f), {
            timeout: 3000,
            interval: 5,
            message: 'not an extension frame',
          }).then(
            () => {
              if (seen.has(f)) return;
              seen.add(f);
              cb(adapt(f));
            },
            () => undefined,
          );
        };
        p.on('frameattached', on);
        p.on('framenavigated', on);
        return () => {
          p.off('frameattached', on);
          p.off('framenavigated', on);
        };
      },
    } as OpenDriver;
    return {
      driver,
      version: await ff.browser.version(),
      async recover() {
        const old = page;
        await Promise.race([
          old.close({ runBeforeUnload: false }).catch(() => undefined),
          new Promise((r) => setTimeout(r, 5000)),
        ]);
        ({ page, tabId } = await ff.openTab('about:blank'));
      },
      close: () => ff.close(),
    };
  } catch (err) {
    await ff.close();
    throw err;
  }
}
