import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { poll } from './poll.js';
import { repoRoot } from './server.js';

export const firefoxExtensionDir = path.join(repoRoot, 'dist', 'firefox');

export function firefoxPath(): string {
  return process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
}

/** The add-on id from `browser_specific_settings.gecko.id` of the built manifest. */
export function geckoId(dir = firefoxExtensionDir): string {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error('dist/firefox/manifest.json has no browser_specific_settings.gecko.id');
  return id;
}

interface ExtensionApi {
  browser: {
    tabs: { query(q: object): Promise<Array<{ id?: number }>> };
    runtime: { sendMessage(msg: unknown): Promise<unknown> };
    permissions: { request(p: { origins: string[] }): Promise<boolean> };
  };
}

/**
 * Firefox ESR with the built extension, driven over WebDriver BiDi by puppeteer-core.
 *
 * How a test reaches the extension in Firefox (found on Firefox ESR 153, also run on 140):
 * - The Alt+Shift+R command does not fire from `page.keyboard`: BiDi input is dispatched to the
 *   content document, not through the browser window's shortcut handling.
 * - The moz-extension UUID is random per profile; the pref `extensions.webextensions.uuids`
 *   fixes it for our add-on id before install, so the options page URL is known.
 * - BiDi refuses to navigate to moz-extension: URLs ("not allowed in this context") unless
 *   Firefox runs with `--remote-allow-system-access`; with it the navigation happens, though
 *   puppeteer never sees its load event (so `goto` is not awaited; the page is polled instead).
 * - The extension has no host permission at install, and a message from an extension page
 *   grants no activeTab, so the toggle answers "Missing host permission for the tab". The test
 *   grants the optional host permission for 127.0.0.1 the way a user opts a site in, with
 *   `extensions.webextOptionalPermissionPrompts` off (no doorhanger) and a real click in the
 *   extension page (permissions.request needs user input). Then the runtime message
 *   `{type: 'reader/toggle', tabId}` works as in Chromium.
 */
export class FirefoxExtension {
  private constructor(
    readonly browser: Browser,
    readonly uuid: string,
    readonly control: Page,
  ) {}

  static async launch(dir = firefoxExtensionDir): Promise<FirefoxExtension> {
    const id = geckoId(dir);
    const uuid = randomUUID();
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath(),
      headless: true,
      args: ['--remote-allow-system-access'],
      defaultViewport: { width: 1280, height: 800 },
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [id]: uuid }),
        'extensions.webextOptionalPermissionPrompts': false,
      },
    });
    try {
      const installed = await browser.installExtension(dir);
      if (installed !== id) throw new Error(`installed add-on id ${installed}, expected ${id}`);
      const control = await browser.newPage();
      const url = `moz-extension://${uuid}/options/options.html`;
      void control.goto(url, { timeout: 0 }).catch(() => undefined);
      await poll(
        () =>
          control.evaluate(
            () =>
              location.protocol === 'moz-extension:' &&
              typeof (globalThis as { browser?: unknown }).browser === 'object',
          ),
        { timeout: 20_000, message: `the extension page ${url} did not load` },
      );
      return new FirefoxExtension(browser, uuid, control);
    } catch (err) {
      await browser.close();
      throw err;
    }
  }

  /**
   * Grants the optional host permission for `origin`'s host the way a user would: by a click.
   * Match patterns have no port, so the grant covers the host on every port.
   */
  async grantHost(origin: string): Promise<boolean> {
    const u = new URL(origin);
    await this.control.bringToFront();
    await this.control.evaluate((pattern) => {
      const button = document.createElement('button');
      button.id = 'e2e-grant';
      button.textContent = `grant ${pattern}`;
      button.style.cssText =
        'position:fixed;top:0;left:0;width:300px;height:60px;z-index:2147483647';
      button.addEventListener('click', () => {
        const api = (globalThis as unknown as ExtensionApi).browser;
        api.permissions.request({ origins: [pattern] }).then(
          (ok) => (button.dataset.result = String(ok)),
          (e: Error) => (button.dataset.result = `error: ${e.message}`),
        );
      });
      document.body.append(button);
    }, `${u.protocol}//${u.hostname}/*`);
    await this.control.click('#e2e-grant');
    const value = await poll(
      () => this.control.evaluate(() => document.getElementById('e2e-grant')?.dataset.result),
      { message: `permissions.request for ${origin} did not answer` },
    );
    await this.control.evaluate(() => document.getElementById('e2e-grant')?.remove());
    return value === 'true';
  }

  async tabIds(): Promise<number[]> {
    return this.control.evaluate(async () => {
      const tabs = await (globalThis as unknown as ExtensionApi).browser.tabs.query({});
      return tabs.map((t) => t.id).filter((id): id is number => typeof id === 'number');
    });
  }

  /** A new tab at `url` and its `tabs.Tab.id` (the id that appears between two queries). */
  async openTab(url: string): Promise<{ page: Page; tabId: number }> {
    const before = new Set(await this.tabIds());
    const page = await this.browser.newPage();
    const { tabId } = await poll(
      async () => {
        const id = (await this.tabIds()).find((t) => !before.has(t));
        return id === undefined ? undefined : { tabId: id };
      },
      { timeout: 5_000, interval: 50, message: 'the new tab did not show up in tabs.query' },
    );
    await page.goto(url);
    return { page, tabId };
  }

  async toggle(tabId: number): Promise<unknown> {
    return this.control.evaluate(
      (id) =>
        (globalThis as unknown as ExtensionApi).browser.runtime.sendMessage({
          type: 'reader/toggle',
          tabId: id,
        }),
      tabId,
    );
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}

/**
 * The reader's frame in `page` (issue 12: the reader is the extension's reader page in an
 * iframe), or null. Puppeteer over BiDi reports that frame's URL as about:blank on firefox-esr,
 * so each child frame is asked whether it holds the reader (a plain function evaluate: the
 * extension page's CSP refuses string evaluation, issue 13).
 */
export async function firefoxReaderFrame(page: Page): Promise<Frame | null> {
  for (const frame of page.mainFrame().childFrames()) {
    const found = await frame
      .evaluate(() => document.querySelector('[data-testid="reader-root"]') !== null)
      .catch(() => false);
    if (found) return frame;
  }
  return null;
}

/** `poll` worded for the Firefox specs: `what` names what was awaited. */
export function pollFor<T>(
  probe: () => Promise<T>,
  what: string,
  timeoutMs = 10_000,
): Promise<NonNullable<T>> {
  return poll(probe, { message: `timed out waiting for ${what}`, timeout: timeoutMs });
}
