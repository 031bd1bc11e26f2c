/**
 * `npx tsx scripts/bench-huge-page.ts [dist/chrome] [paragraphs]`: the reader on a page of
 * 50,000 paragraphs (issue 12) against bare Readability in the same tab. Prints bare
 * Readability's parse time in the page, then for each open: toggle → the content script's
 * `crypto-reader:painted` mark + one frame (ms), the extraction time, and the node counts of
 * the page and of the reader's frame. Needs `npm run build` first.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ExtensionDriver, launchWithExtension } from '../e2e/lib/chromium.js';
import { repoRoot, startServer } from '../e2e/lib/server.js';

const dir = path.resolve(process.argv[2] ?? path.join(repoRoot, 'dist', 'chrome'));
const count = Number(process.argv[3] ?? 50_000);
const paragraphs = Array.from(
  { length: count },
  (_, i) =>
    `<p>Paragraph ${i}: the rollup posted its batch to the base chain, and the sequencer fee fell again as blob space stayed cheap.</p>`,
).join('');
const html = `<!doctype html><html lang="en"><head><title>Huge</title></head><body><article><h1>A Very Long Ledger</h1>${paragraphs}</article></body></html>`;
const readability = readFileSync(
  path.join(repoRoot, 'node_modules', '@mozilla', 'readability', 'Readability.js'),
  'utf8',
);

// Page-side code as strings: run as written in the page (no bundler helpers injected).
const NODES = `document.getElementsByTagName('*').length`;
const BARE = `(() => { const t0 = performance.now(); const a = new Readability(document.cloneNode(true)).parse(); if (!a) throw new Error('no article'); return performance.now() - t0; })()`;
const WATCH = `(() => { const since = performance.now(); window.__crOpen = new Promise((resolve) => { const iv = setInterval(() => { const m = performance.getEntriesByName('crypto-reader:painted').at(-1); if (m && m.startTime >= since) { clearInterval(iv); requestAnimationFrame(() => resolve(performance.now() - since)); } }, 5); }); })()`;
const MARKS = `(() => { const g = (n) => performance.getEntriesByName('crypto-reader:' + n).at(-1)?.startTime ?? 0; return g('extracted') - g('open'); })()`;

const server = await startServer();
const browser = await launchWithExtension({ extensionDir: dir });
try {
  const driver = await ExtensionDriver.open(browser, dir);
  await browser.context.route('**/pages/huge.html*', (r) =>
    r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  const { page, tabId } = await driver.openTab('about:blank');
  await page.goto(ExtensionDriver.uniqueUrl(`${server.origin}/pages/huge.html`));
  console.log(`page: ${count} paragraphs, ${String(await page.evaluate(NODES))} elements`);
  await page.addScriptTag({ content: readability });
  const bare: number[] = [];
  for (let i = 0; i < 3; i++) bare.push((await page.evaluate(BARE)) as number);
  console.log(`bare Readability parse: ${bare.map((n) => Math.round(n)).join(', ')} ms`);
  // The toolbar button once (activeTab), then closed; the timed opens use the runtime message.
  await driver.clickAction(page);
  await page.waitForFunction(`performance.getEntriesByName('crypto-reader:painted').length > 0`);
  await driver.toggle(tabId);
  for (let i = 0; i < 3; i++) {
    await page.waitForTimeout(500);
    await page.evaluate(WATCH);
    await driver.toggle(tabId);
    const open = (await page.evaluate('window.__crOpen')) as number;
    const extract = (await page.evaluate(MARKS)) as number;
    const frame = page.frames().find((f) => f.url().includes('/reader/reader.html'));
    const frameNodes = frame ? await frame.evaluate(NODES) : 'n/a';
    console.log(
      `reader open: ${Math.round(open)} ms (extraction ${Math.round(extract)} ms); page elements ${String(await page.evaluate(NODES))}, reader frame elements ${String(frameNodes)}`,
    );
    await driver.toggle(tabId);
  }
} finally {
  await browser.context.close();
  await server.close();
}
