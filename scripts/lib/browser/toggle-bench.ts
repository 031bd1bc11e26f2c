import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchWithExtension } from '../../../e2e/lib/chromium.js';
import { median } from '../timing.js';
import { servePages } from './serve-pages.js';

export interface ToggleBenchResult {
  runs: number;
  /**
   * Toolbar button pressed on a freshly loaded page (CDP Extensions.triggerAction: activeTab grant,
   * content script injection, extraction, render) → reader root visible + one animation frame, ms.
   */
  coldMs: number[];
  coldMedian: number;
  /** Runtime message `{type: 'reader/toggle', tabId}` from an extension page after closing it (content script already there) → painted, ms. */
  warmMs: number[];
  warmMedian: number;
  /** JS heap of the page's isolate (the content script's world shares it), after a GC. */
  heapBeforeBytes: number;
  heapAfterBytes: number;
  /** Median over runs of (heap with the reader open − heap before the toggle), after GCs. */
  heapDeltaBytes: number;
  heapMethod: string;
}

/**
 * The watcher installed in the page's main world before a toggle: resolves with the epoch time
 * (performance.timeOrigin + now, comparable across the extension page and the tab) of the first
 * animation frame after `[data-testid="reader-root"]` is visible with its content filled, looking
 * in the light DOM and in open shadow roots; or, for the reader in its extension frame (issue 12:
 * the page cannot look inside), after the content script's `crypto-reader:painted` mark (set
 * when the frame reports its first paint and is shown; content scripts share the page's
 * performance timeline).
 */
const WATCH = `() => {
  const since = performance.now();
  window.__crPainted = new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('reader root not visible within 10 s')), 10000);
    const find = () => {
      const mark = performance.getEntriesByName('crypto-reader:painted').at(-1);
      if (mark && mark.startTime >= since) return true;
      const roots = [document];
      for (const el of document.documentElement.children) if (el.shadowRoot) roots.push(el.shadowRoot);
      if (document.body) for (const el of document.body.children) if (el.shadowRoot) roots.push(el.shadowRoot);
      for (const r of roots) {
        const root = r.querySelector('[data-testid="reader-root"]');
        if (!root) continue;
        const box = root.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        const content = r.querySelector('[data-testid="reader-content"]');
        if (content && !content.textContent.trim()) continue;
        return true;
      }
      return false;
    };
    let done = false;
    const observed = new Set();
    const check = () => {
      if (done) return;
      for (const el of document.documentElement.children) {
        if (el.shadowRoot && !observed.has(el.shadowRoot)) {
          observed.add(el.shadowRoot);
          mo.observe(el.shadowRoot, { childList: true, subtree: true, attributes: true, characterData: true });
        }
      }
      if (!find()) return;
      done = true;
      mo.disconnect();
      clearInterval(timer);
      requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()));
    };
    const mo = new MutationObserver(check);
    mo.observe(document.documentElement, { childList: true, subtree: true, attributes: true });
    const timer = setInterval(check, 2);
  });
}`;

/** Extension APIs used from the extension page (no @types/chrome in this project). */
const TAB_IDS = `async () => (await chrome.tabs.query({})).map((t) => t.id)`;
const SEND = `async (tabId) => {
  const t0 = performance.timeOrigin + performance.now();
  const reply = await chrome.runtime.sendMessage({ type: 'reader/toggle', tabId });
  return { t0, reply };
}`;

function extensionPage(dir: string): string | null {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    options_ui?: { page?: string };
    options_page?: string;
    action?: { default_popup?: string };
  };
  const declared =
    manifest.options_ui?.page ?? manifest.options_page ?? manifest.action?.default_popup;
  if (declared) return declared;
  const walk = (sub: string): string | null => {
    for (const name of readdirSync(join(dir, sub))) {
      const rel = sub ? `${sub}/${name}` : name;
      if (statSync(join(dir, rel)).isDirectory()) {
        const found = walk(rel);
        if (found) return found;
      } else if (name.endsWith('.html')) return rel;
    }
    return null;
  };
  return walk('');
}

async function heapUsed(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

/**
 * Toggle → reader painted, and the reader's heap, with the built extension in headless Chromium.
 * Returns a reason string instead when `dist/chrome` is not built.
 */
export async function runToggleBench(
  extensionDir: string,
  html: string,
  options: { runs?: number; onProgress?: (msg: string) => void } = {},
): Promise<ToggleBenchResult | string> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) return 'skipped: dist/chrome not built';
  const pagePath = extensionPage(extensionDir);
  if (!pagePath) return 'skipped: dist/chrome ships no extension page to send the toggle from';
  const runs = options.runs ?? 12;
  const server = await servePages(new Map([['/info/422001.html', html]]));
  const { context, extensionId } = await launchWithExtension({ extensionDir });
  const browser = context.browser();
  try {
    if (!browser) return 'failed: no browser handle for the persistent context (needed for CDP)';
    const control = await context.newPage();
    await control.goto(`chrome-extension://${extensionId}/${pagePath}`);
    const before = new Set((await control.evaluate(`(${TAB_IDS})()`)) as number[]);
    const page = await context.newPage();
    let tabId: number | undefined;
    for (let i = 0; i < 50 && tabId === undefined; i++) {
      tabId = ((await control.evaluate(`(${TAB_IDS})()`)) as number[]).find(
        (id) => !before.has(id),
      );
      if (tabId === undefined) await new Promise((r) => setTimeout(r, 50));
    }
    if (tabId === undefined) return 'failed: could not find the benchmark tab id';
    const url = `${server.origin}/info/422001.html`;

    const cdp = await browser.newBrowserCDPSession();
    const send = cdp.send.bind(cdp) as (method: string, params?: object) => Promise<unknown>;
    /** Node's epoch clock minus the page's, from the round trip with the smallest delay. */
    const clockOffset = async (): Promise<number> => {
      let best = { rtt: Infinity, offset: 0 };
      for (let i = 0; i < 7; i++) {
        const a = performance.timeOrigin + performance.now();
        const p = (await page.evaluate('performance.timeOrigin + performance.now()')) as number;
        const b = performance.timeOrigin + performance.now();
        if (b - a < best.rtt) best = { rtt: b - a, offset: (a + b) / 2 - p };
      }
      return best.offset;
    };
    /**
     * Cold: the toolbar button on a freshly loaded page (CDP Extensions.triggerAction, the code
     * path of a real click; it grants activeTab and injects the content script). Timed from just
     * before the CDP call, on Node's clock mapped to the page's.
     */
    const clickAndWait = async (): Promise<number> => {
      const { targetInfos } = (await send('Target.getTargets', { filter: [{ type: 'tab' }] })) as {
        targetInfos: { targetId: string; url: string }[];
      };
      const target = targetInfos.find((t) => t.url === page.url());
      if (!target) throw new Error(`no tab target at ${page.url()}`);
      const offset = await clockOffset();
      await page.evaluate(`(${WATCH})()`);
      const t0 = performance.timeOrigin + performance.now() - offset;
      await send('Extensions.triggerAction', { id: extensionId, targetId: target.targetId });
      const t1 = (await page.evaluate('window.__crPainted')) as number;
      return t1 - t0;
    };
    /** Warm: the runtime message from the extension page, the content script already there. */
    const messageAndWait = async (): Promise<number> => {
      await page.evaluate(`(${WATCH})()`);
      const { t0, reply } = (await control.evaluate(`(${SEND})(${tabId})`)) as {
        t0: number;
        reply: unknown;
      };
      const r = reply as { ok?: boolean; error?: string } | undefined;
      if (r && r.ok === false) throw new Error(`toggle failed: ${r.error}`);
      const t1 = (await page.evaluate('window.__crPainted')) as number;
      return t1 - t0;
    };
    const toggleOff = async (): Promise<void> => {
      const { reply } = (await control.evaluate(`(${SEND})(${tabId})`)) as { reply: unknown };
      const r = reply as { ok?: boolean; error?: string } | undefined;
      if (r && r.ok === false) throw new Error(`toggle off failed: ${r.error}`);
    };

    const cold: number[] = [];
    const warm: number[] = [];
    const heapBefore: number[] = [];
    const heapAfter: number[] = [];
    // One unmeasured round first (browser caches, the service worker waking up).
    for (let i = 0; i <= runs; i++) {
      await page.goto(url, { waitUntil: 'load' });
      await page.bringToFront();
      const h0 = await heapUsed(context, page);
      const coldMs = await clickAndWait();
      const h1 = await heapUsed(context, page);
      await toggleOff();
      await page.waitForTimeout(50);
      const warmMs = await messageAndWait();
      await toggleOff();
      if (i === 0) continue;
      cold.push(coldMs);
      warm.push(warmMs);
      heapBefore.push(h0);
      heapAfter.push(h1);
      options.onProgress?.(`toggle run ${i}/${runs}`);
    }
    return {
      runs,
      coldMs: cold,
      coldMedian: median(cold),
      warmMs: warm,
      warmMedian: median(warm),
      heapBeforeBytes: median(heapBefore),
      heapAfterBytes: median(heapAfter),
      heapDeltaBytes: median(heapAfter.map((a, i) => a - heapBefore[i]!)),
      heapMethod:
        'CDP Runtime.getHeapUsage on the tab after HeapProfiler.collectGarbage (the content script world shares the page isolate)',
    };
  } finally {
    await context.close();
    await server.close();
  }
}
