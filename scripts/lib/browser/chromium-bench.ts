import { chromium, type CDPSession, type Page } from 'playwright-core';
import { checkSample, mins, type DocTiming, type SampleCheck } from '../node-bench.js';
import { median, DEFAULT_PAIR, type PairOptions } from '../timing.js';
import { chromiumPath, quietChromiumArgs } from '../../../e2e/lib/chromium.js';
import { servePages } from './serve-pages.js';

export interface BrowserDoc {
  name: string;
  /** Path the loopback server serves it at (its URL is the server origin + path). */
  path: string;
  html: string;
  scale?: number;
  /** For the sample pages: what must stay and go, to check the pipeline's output. */
  expect?: { essay: string[]; injected: string[] };
}

export interface ChromiumBenchResult {
  chromiumVersion: string;
  docs: (DocTiming & { scale?: number; check?: SampleCheck })[];
  pipelineScaling: number | null;
  /** The same on main-thread CPU time. */
  pipelineCpuScaling: number | null;
}

interface InPageResult {
  bare: number[];
  pipeline: number[];
  text: string;
}

/**
 * The in-page loop, as source text (page.evaluate gets a string so no transpiler helper leaks
 * into it). Same scheme as `timePair`: warm-up, then interleaved runs on `document` (bare
 * Readability on `document.cloneNode(true)`, the pipeline on `document`, which clones itself).
 */
const IN_PAGE = `async (o) => {
  const { Readability, extractArticle } = window.CrBench;
  const bare = () => new Readability(document.cloneNode(true)).parse();
  const pipe = () => extractArticle(document, { url: location.href });
  let round = 0;
  for (let i = 0; i < o.warmup; i++) {
    const t0 = performance.now(); bare(); pipe(); round = performance.now() - t0;
  }
  const n = Math.min(o.maxIterations, Math.max(o.minIterations, Math.ceil(o.budgetMs / Math.max(round, 0.01))));
  const b = [], p = [];
  for (let i = 0; i < n; i++) {
    const order = i % 2 === 0;
    const t0 = performance.now();
    if (order) bare(); else pipe();
    const t1 = performance.now();
    if (order) pipe(); else bare();
    const t2 = performance.now();
    (order ? b : p).push(t1 - t0);
    (order ? p : b).push(t2 - t1);
  }
  const article = pipe();
  return { bare: b, pipeline: p, text: article ? article.textContent : '' };
}`;

async function threadTime(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000;
}

/**
 * CPU time of the page's main thread per run (CDP Performance metric `ThreadTime`, thread ticks),
 * one `evaluate` per run, minus the median cost of an empty `evaluate`: unlike wall time it does
 * not count the time other processes held the CPU.
 */
async function cpuPass(
  page: Page,
  rounds: number,
): Promise<{ bareCpuMs: number; pipelineCpuMs: number; cpuRatio: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.evaluate(`window.__crRun = {
      bare: () => { new CrBench.Readability(document.cloneNode(true)).parse(); },
      pipeline: () => { CrBench.extractArticle(document, { url: location.href }); },
      empty: () => {},
    }`);
    const take = async (what: string): Promise<number> => {
      const t0 = await threadTime(cdp);
      await page.evaluate(`window.__crRun.${what}()`);
      return (await threadTime(cdp)) - t0;
    };
    const bare: number[] = [];
    const pipe: number[] = [];
    const empty: number[] = [];
    for (let i = 0; i < rounds; i++) {
      empty.push(await take('empty'));
      if (i % 2 === 0) {
        bare.push(await take('bare'));
        pipe.push(await take('pipeline'));
      } else {
        pipe.push(await take('pipeline'));
        bare.push(await take('bare'));
      }
    }
    const overhead = median(empty);
    const bareCpuMs = median(bare) - overhead;
    const pipelineCpuMs = median(pipe) - overhead;
    return { bareCpuMs, pipelineCpuMs, cpuRatio: pipelineCpuMs / bareCpuMs };
  } finally {
    await cdp.detach();
  }
}

/** In headless Chromium: bare Readability vs the pipeline, in the page, on each document. */
export async function runChromiumBench(
  bundle: string,
  docs: readonly BrowserDoc[],
  options: { pair?: PairOptions; onProgress?: (msg: string) => void } = {},
): Promise<ChromiumBenchResult> {
  const pair = options.pair ?? DEFAULT_PAIR;
  const server = await servePages(new Map(docs.map((d) => [d.path, d.html])));
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...quietChromiumArgs],
  });
  try {
    const out: ChromiumBenchResult['docs'] = [];
    for (const d of docs) {
      const page = await browser.newPage();
      await page.goto(server.origin + d.path, { waitUntil: 'load' });
      await page.addScriptTag({ content: bundle });
      const r = (await page.evaluate(`(${IN_PAGE})(${JSON.stringify(pair)})`)) as InPageResult;
      const cpu = await cpuPass(page, Math.min(21, Math.max(7, r.bare.length)));
      await page.close();
      const bareMs = median(r.bare);
      const pipelineMs = median(r.pipeline);
      out.push({
        name: d.name,
        scale: d.scale,
        bytes: Buffer.byteLength(d.html),
        bareMs,
        pipelineMs,
        ratio: pipelineMs / bareMs,
        ...mins(r.bare, r.pipeline),
        ...cpu,
        iterations: r.bare.length,
        ...(d.expect ? { check: checkSample(r.text, d.expect) } : {}),
      });
      options.onProgress?.(`chromium ${d.name}`);
    }
    const scaled = out.filter((d) => d.scale !== undefined);
    const first = scaled[0];
    const last = scaled[scaled.length - 1];
    return {
      chromiumVersion: browser.version(),
      docs: out,
      pipelineScaling: first && last && first !== last ? last.pipelineMs / first.pipelineMs : null,
      pipelineCpuScaling:
        first && last && first !== last ? last.pipelineCpuMs! / first.pipelineCpuMs! : null,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
