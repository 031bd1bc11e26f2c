import { test as base, expect, type Fixtures, type Page } from '@playwright/test';
import { ExtensionDriver, launchWithExtension, type ToggleReply } from './chromium.js';
import { fingerprintDiff, pageFingerprint, reader, READER_FRAME } from './reader.js';
import { startServer, type FixtureServer } from './server.js';

export interface WorkerFixtures {
  server: FixtureServer;
  driver: ExtensionDriver;
}

export interface OpenedTab {
  page: Page;
  tabId: number;
  /** Messages of every `dialog` (alert, confirm, prompt) the page raised; each is dismissed. */
  dialogs: string[];
  /** Response headers of the page's main document. */
  headers: Record<string, string>;
  /**
   * What a user does first on a page: click the toolbar button (the reader opens, which grants
   * the extension activeTab), then close it again with the runtime message; checks both steps
   * and that the page's DOM came back unchanged. After this, `toggle(tabId)` works in the tab.
   */
  activate(): Promise<void>;
}

interface TestFixtures {
  /**
   * Opens a served path (`/pages/…`, `/fixtures/<slug>/…`) in a new tab with a known tab id and,
   * unless `activate: false`, activates it (see `OpenedTab.activate`).
   */
  openTab(pathname: string, opts?: { activate?: boolean }): Promise<OpenedTab>;
  /** Sends `{type: 'reader/toggle', tabId}` from an extension page and returns the reply. */
  toggle(tabId: number): Promise<ToggleReply>;
}

/**
 * The fixture server and one Chromium with the extension in `extensionDir` (default
 * `dist/chrome`), one of each per worker. Shared by every Chromium spec.
 */
export function workerFixtures(extensionDir?: string): Fixtures<object, WorkerFixtures> {
  return {
    server: [
      // eslint-disable-next-line no-empty-pattern
      async ({}, use) => {
        const server = await startServer();
        await use(server);
        await server.close();
      },
      { scope: 'worker' },
    ],
    driver: [
      // eslint-disable-next-line no-empty-pattern
      async ({}, use) => {
        const browser = await launchWithExtension({ extensionDir });
        const driver = await ExtensionDriver.open(browser, extensionDir);
        await use(driver);
        await browser.context.close();
      },
      { scope: 'worker', timeout: 60_000 },
    ],
  };
}

/**
 * One Chromium with the built extension and one fixture server per worker (one worker: the
 * machine has 2 cores); every test gets fresh tabs, closed after it.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  ...workerFixtures(),
  openTab: async ({ server, driver }, use) => {
    const opened: Page[] = [];
    await use(async (pathname, opts = {}) => {
      const { page, tabId } = await driver.openTab('about:blank');
      opened.push(page);
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss().catch(() => undefined);
      });
      const response = await page.goto(ExtensionDriver.uniqueUrl(server.origin + pathname));
      const activate = async (): Promise<void> => {
        const before = await pageFingerprint(page);
        await driver.clickAction(page);
        // Chromium 156 now and then grants no activeTab for a toolbar click right after another
        // tab closed while its reader frame was still loading ("Cannot access contents of the
        // page"); a second click, as a user would give, gets it.
        // No frame at all after a while: the click was refused (a slow open still has its frame).
        const mounted = await page
          .locator(READER_FRAME)
          .waitFor({ state: 'attached', timeout: 3000 })
          .then(
            () => true,
            () => false,
          );
        if (!mounted) await driver.clickAction(page);
        await expect(
          reader(page).getByTestId('reader-root'),
          'the toolbar button opens the reader',
        ).toBeVisible();
        expect(await driver.toggle(tabId), 'the runtime message closes it').toEqual({
          ok: true,
          state: { open: false, found: false },
        });
        await expect(reader(page).getByTestId('reader-root')).toHaveCount(0);
        const after = await pageFingerprint(page);
        expect(
          after.hash,
          `page DOM unchanged after open + close: ${fingerprintDiff(before, after)}`,
        ).toBe(before.hash);
      };
      if (opts.activate !== false) await activate();
      return { page, tabId, dialogs, headers: response?.headers() ?? {}, activate };
    });
    for (const page of opened) await page.close().catch(() => undefined);
  },
  toggle: async ({ driver }, use) => {
    await use((tabId) => driver.toggle(tabId));
  },
});

export { expect };
