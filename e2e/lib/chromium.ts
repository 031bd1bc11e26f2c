import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  chromium,
  type BrowserContext,
  type CDPSession,
  type Page,
  type Worker,
} from 'playwright-core';
import { poll } from './poll.js';
import { repoRoot } from './server.js';

export const chromeExtensionDir = path.join(repoRoot, 'dist', 'chrome');

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/**
 * Flags for every Chromium the project launches (e2e, demo, bench): no sandbox (containers), no
 * GPU, and no calls home on a machine whose outbound network is closed.
 */
export const quietChromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
}

/**
 * Debian Chromium with the built extension loaded unpacked, in a fresh profile. New headless
 * mode (what `--headless` means since Chromium 132) runs extensions.
 * `--enable-unsafe-extension-debugging` (with Playwright's `--remote-debugging-pipe`) enables the
 * CDP `Extensions` domain, used to click the toolbar button (see `ExtensionDriver.clickAction`).
 */
export async function launchWithExtension(
  opts: {
    headless?: boolean;
    extensionDir?: string;
    viewport?: { width: number; height: number };
  } = {},
): Promise<ExtensionBrowser> {
  const dir = opts.extensionDir ?? chromeExtensionDir;
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`No built extension at ${dir}: run \`npm run build\` first.`);
  }
  const context = await chromium.launchPersistentContext('', {
    executablePath: chromiumPath(),
    headless: opts.headless ?? true,
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    args: [
      ...quietChromiumArgs,
      '--autoplay-policy=no-user-gesture-required',
      '--enable-unsafe-extension-debugging',
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
    ],
  });
  const serviceWorker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, extensionId, serviceWorker };
}

/** Every HTML page the built extension ships, relative to its folder, preferring manifest pages. */
export function extensionPages(dir = chromeExtensionDir): string[] {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
    options_ui?: { page?: string };
    options_page?: string;
    action?: { default_popup?: string };
  };
  const declared = [
    manifest.options_ui?.page,
    manifest.options_page,
    manifest.action?.default_popup,
  ].filter((p): p is string => typeof p === 'string' && p.length > 0);
  const found: string[] = [];
  const walk = (sub: string): void => {
    for (const name of readdirSync(path.join(dir, sub))) {
      const rel = sub ? `${sub}/${name}` : name;
      if (statSync(path.join(dir, rel)).isDirectory()) walk(rel);
      else if (name.endsWith('.html')) found.push(rel);
    }
  };
  walk('');
  return [...new Set([...declared, ...found])];
}

/** The few extension APIs the tests call from an extension page (no @types/chrome needed). */
interface ExtensionGlobal {
  chrome: {
    tabs: { query(q: object): Promise<Array<{ id?: number }>> };
    runtime: { sendMessage(msg: unknown): Promise<unknown> };
  };
}

/** Shape of the background's reply to `reader/toggle` (see src/shared/messages.ts). */
export type ToggleReply =
  { ok: true; state: { open: boolean; found: boolean } } | { ok: false; error: string } | undefined;

let tabSerial = 0;
const browserSessions = new WeakMap<BrowserContext, Promise<CDPSession>>();

/**
 * Clicks the extension's toolbar button in the tab showing `page`, through CDP
 * `Extensions.triggerAction` (needs `--enable-unsafe-extension-debugging` and the pipe
 * transport Playwright uses). This is the real action path: the background's
 * `action.onClicked` runs and Chromium grants activeTab for the tab. The tab target is found by
 * URL, so the page's URL must be unique among open tabs (see `ExtensionDriver.uniqueUrl`).
 */
export async function clickAction(
  context: BrowserContext,
  extensionId: string,
  page: Page,
): Promise<void> {
  const browser = context.browser();
  if (!browser) throw new Error('no browser for the persistent context');
  let session = browserSessions.get(context);
  if (!session) {
    session = browser.newBrowserCDPSession();
    browserSessions.set(context, session);
  }
  const cdp = await session;
  const send = cdp.send.bind(cdp) as (method: string, params?: object) => Promise<unknown>;
  const { targetInfos } = (await send('Target.getTargets', { filter: [{ type: 'tab' }] })) as {
    targetInfos: Array<{ targetId: string; type: string; url: string }>;
  };
  const url = page.url();
  const tabs = targetInfos.filter((t) => t.type === 'tab' && t.url === url);
  if (tabs.length !== 1 || !tabs[0])
    throw new Error(`expected one tab at ${url}, found ${tabs.length}`);
  await send('Extensions.triggerAction', { id: extensionId, targetId: tabs[0].targetId });
}

/**
 * Drives the extension the way the promise in the issue says tests may: from one of the
 * extension's own pages, `runtime.sendMessage({type: 'reader/toggle', tabId})`.
 *
 * Chromium: the extension has no host permissions (only `activeTab`), so the background can
 * inject its content script into a tab only after the user invoked the extension there. A test
 * does what a user does first: `clickAction` presses the toolbar button through CDP
 * `Extensions.triggerAction` (the same code path as a real click, which grants activeTab for
 * the tab until it navigates); after that the runtime message toggles the reader.
 */
export class ExtensionDriver {
  private constructor(
    readonly context: BrowserContext,
    readonly extensionId: string,
    /** An extension page kept open in its own tab: the sender of every toggle. */
    readonly control: Page,
  ) {}

  static async open(browser: ExtensionBrowser, dir = chromeExtensionDir): Promise<ExtensionDriver> {
    const pages = extensionPages(dir);
    const first = pages[0];
    if (!first)
      throw new Error(`The extension in ${dir} ships no HTML page to send messages from.`);
    const control = await browser.context.newPage();
    await control.goto(`chrome-extension://${browser.extensionId}/${first}`);
    return new ExtensionDriver(browser.context, browser.extensionId, control);
  }

  async tabIds(): Promise<number[]> {
    return this.control.evaluate(async () => {
      const { chrome } = globalThis as unknown as ExtensionGlobal;
      const tabs = await chrome.tabs.query({});
      return tabs.map((t) => t.id).filter((id): id is number => typeof id === 'number');
    });
  }

  /**
   * Opens a new tab and finds its `tabs.Tab.id`. Without the `tabs` permission the extension
   * cannot read tab URLs, so the id is the one that appears between two `tabs.query` calls.
   */
  async openTab(url: string): Promise<{ page: Page; tabId: number }> {
    const before = new Set(await this.tabIds());
    const page = await this.context.newPage();
    const { tabId } = await poll(
      async () => {
        const id = (await this.tabIds()).find((t) => !before.has(t));
        return id === undefined ? undefined : { tabId: id };
      },
      { timeout: 5_000, interval: 50, message: 'the new tab did not show up in tabs.query' },
    );
    if (url !== 'about:blank') await page.goto(url);
    return { page, tabId };
  }

  /** A URL no other open tab has, so the tab's CDP target can be found by its URL. */
  static uniqueUrl(url: string): string {
    const u = new URL(url);
    u.searchParams.set('e2e-tab', String(++tabSerial));
    return u.href;
  }

  /**
   * Clicks the extension's toolbar button in the tab showing `page` (its URL must be unique).
   * The tab is brought to the front first, as the user looks at the tab they click the button
   * for: a tab closed just before (its reader frame still loading) could otherwise leave the
   * new tab in the background, where Chromium 156 did not grant activeTab for the click.
   */
  async clickAction(page: Page): Promise<void> {
    await page.bringToFront();
    return clickAction(this.context, this.extensionId, page);
  }

  /** Sends the toggle and returns the background's reply. */
  async toggle(tabId: number): Promise<ToggleReply> {
    return this.control.evaluate(
      (id) =>
        (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({
          type: 'reader/toggle',
          tabId: id,
        }),
      tabId,
    ) as Promise<ToggleReply>;
  }
}
