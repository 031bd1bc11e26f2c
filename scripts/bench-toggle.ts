/**
 * Toggle → reader visible, in headless Chromium with the built extension (dist/chrome), on the
 * bundled sample page (e2e/pages/sample-farm.html, a farm page in the source's shape).
 *
 * One sample = the time from the extension page sending `{type: 'reader/toggle', tabId}` to the
 * reader root being visible in the page plus one animation frame (so the frame that shows it
 * has been produced). The reader is closed between samples, and the content script stays
 * injected (each open still extracts the article again). Cold openings (a fresh page load, then
 * the toolbar button via CDP `Extensions.triggerAction`, which also grants activeTab, so
 * content.js is injected again) are reported apart as `coldMs`.
 *
 *   npx tsx scripts/bench-toggle.ts [--runs 25] [--page /fixtures/<slug>/source.html] [--json]
 *
 * Importable: `measureToggle({runs})` (used by the benchmark scripts).
 */
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { ExtensionDriver, launchWithExtension } from '../e2e/lib/chromium.js';
import { startServer } from '../e2e/lib/server.js';

export interface ToggleMeasurement {
  /** Median of `samples`, in ms. */
  medianMs: number;
  /** Every warm toggle → visible + 1 frame, in ms, in run order. */
  samples: number[];
  /** JS heap used by the page (all worlds: page + content script) with the reader open. */
  heapBytes: number;
  /** Heap with the reader open minus heap of the page before it was ever opened. */
  heapDeltaBytes: number;
  /**
   * Median of `coldSamples`: toolbar click → visible + 1 frame on a freshly loaded page, which
   * includes injecting content.js (and the CDP round trip of the simulated click, ~1–3 ms).
   */
  coldMs: number;
  coldSamples: number[];
  page: string;
  chromium: string;
}

export interface MeasureOptions {
  runs?: number;
  /** Fresh page loads, each opened by the toolbar button (default 7). */
  coldRuns?: number;
  /** A path served by the fixture server; default the sample farm page. */
  page?: string;
}

/**
 * Installs, in the page, a promise that resolves with the epoch time (ms, sub-ms precision) of
 * the first animation frame after the reader root became visible. A string, not a function:
 * tsx (esbuild keepNames) would wrap the inner arrows in a `__name` helper the page lacks.
 */
const VISIBLE_PROBE = `(() => {
  window.__crVisible = new Promise((resolve) => {
    let done = false;
    const visible = () => {
      for (const el of document.documentElement.children) {
        const root = el.shadowRoot && el.shadowRoot.querySelector('[data-testid="reader-root"]');
        if (root && root.checkVisibility()) return true;
      }
      return false;
    };
    const finish = () => {
      if (done) return;
      done = true;
      mo.disconnect();
      requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()));
    };
    const mo = new MutationObserver(() => { if (visible()) finish(); });
    mo.observe(document.documentElement, { childList: true });
    // Fallback if the root becomes visible later than the host is attached.
    const poll = () => {
      if (done) return;
      if (visible()) finish();
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  });
})()`;

async function armVisibleProbe(page: Page): Promise<void> {
  await page.evaluate(VISIBLE_PROBE);
}

function readVisibleProbe(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __crVisible: Promise<number> }).__crVisible);
}

/** Sends the toggle from the extension page and returns the epoch time just before sending. */
function sendToggle(control: Page, tabId: number): Promise<{ t0: number; reply: unknown }> {
  return control.evaluate(async (id) => {
    const api = (
      globalThis as unknown as {
        chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      }
    ).chrome;
    const t0 = performance.timeOrigin + performance.now();
    const reply = await api.runtime.sendMessage({ type: 'reader/toggle', tabId: id });
    return { t0, reply };
  }, tabId);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}

export async function measureToggle(opts: MeasureOptions = {}): Promise<ToggleMeasurement> {
  const runs = Math.max(15, opts.runs ?? 21);
  const pagePath = opts.page ?? '/pages/sample-farm.html';
  const server = await startServer();
  const browser = await launchWithExtension();
  try {
    const driver = await ExtensionDriver.open(browser);
    const { page, tabId } = await driver.openTab(
      ExtensionDriver.uniqueUrl(server.origin + pagePath),
    );
    await page.waitForLoadState('load');
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const heapUsed = async (): Promise<number> => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
    };
    const heapBefore = await heapUsed();

    // Cold: a fresh page load each time (the activeTab grant ends with it), opened by the toolbar
    // button, so content.js is injected again.
    const coldSamples: number[] = [];
    for (let i = 0; i < Math.max(1, opts.coldRuns ?? 7); i++) {
      if (i > 0) await page.goto(ExtensionDriver.uniqueUrl(server.origin + pagePath));
      await armVisibleProbe(page);
      const c0 = Date.now();
      await driver.clickAction(page);
      coldSamples.push(Math.round(((await readVisibleProbe(page)) - c0) * 100) / 100);
      const closeReply = (await driver.toggle(tabId)) as { ok?: boolean } | undefined;
      if (!closeReply?.ok)
        throw new Error(`closing after the toolbar click failed: ${JSON.stringify(closeReply)}`);
    }

    const samples: number[] = [];
    let heapBytes = NaN;
    for (let i = 0; i < runs; i++) {
      await page.waitForFunction(
        () => ![...document.documentElement.children].some((el) => el.shadowRoot),
      );
      await armVisibleProbe(page);
      const { t0, reply } = await sendToggle(driver.control, tabId);
      const r = reply as { ok?: boolean; state?: { open?: boolean } } | undefined;
      if (!r?.ok || !r.state?.open)
        throw new Error(`toggle ${i} did not open the reader: ${JSON.stringify(reply)}`);
      const t1 = await readVisibleProbe(page);
      samples.push(Math.round((t1 - t0) * 100) / 100);
      if (i === 0) heapBytes = await heapUsed();
      await driver.toggle(tabId);
    }
    return {
      medianMs: median(samples),
      samples,
      heapBytes,
      heapDeltaBytes: heapBytes - heapBefore,
      coldMs: median(coldSamples),
      coldSamples,
      page: pagePath,
      chromium: browser.context.browser()?.version() ?? 'unknown',
    };
  } finally {
    await browser.context.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const pageAt = args.indexOf('--page');
  const result = await measureToggle({
    ...(runsAt >= 0 ? { runs: Number(args[runsAt + 1]) } : {}),
    ...(pageAt >= 0 ? { page: args[pageAt + 1] } : {}),
  });
  if (args.includes('--json')) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
  console.log(`toggle → reader visible (+1 frame), ${result.page}, Chromium ${result.chromium}`);
  console.log(
    `  median  ${result.medianMs.toFixed(1)} ms over ${result.samples.length} runs (target ≤ 80 ms)`,
  );
  console.log(
    `  min/max ${Math.min(...result.samples).toFixed(1)} / ${Math.max(...result.samples).toFixed(1)} ms`,
  );
  console.log(
    `  cold    ${result.coldMs.toFixed(1)} ms median over ${result.coldSamples.length} fresh loads (toolbar click; includes injecting content.js)`,
  );
  console.log(
    `  heap    ${kb(result.heapBytes)} used with the reader open (+${kb(result.heapDeltaBytes)} over the page alone)`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
