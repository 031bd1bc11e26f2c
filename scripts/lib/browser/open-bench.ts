/**
 * "How users feel it" (issue 10 point 4, issue 12 point 4): the extension against a bare
 * Readability reader (scripts/bare-reader), both loaded in the same browser, in the same tab,
 * iterations alternating which goes first. Each open is timed from the `reader/toggle` runtime
 * message (sent from the extension's own page) to the first animation frame whose reader
 * content holds the article text (`open-probe.ts`), on a freshly loaded page (first open:
 * background, injection, extraction, render) and again after closing (reopen: the content script
 * is there). The same driver runs in Chromium (Playwright) and Firefox (puppeteer-core).
 */
import { median } from '../timing.js';
import {
  awaitFrameProbe,
  awaitPageProbe,
  awaitReply,
  countNodes,
  frameHasText,
  installFrameProbe,
  installPageProbe,
  readHeartbeat,
  readMarks,
  sendToggle,
  startHeartbeat,
  storeUserRules,
  type FramePaintResult,
  type MarkAt,
  type PaintResult,
} from './open-probe.js';

/** A page or frame to evaluate functions in (Playwright's and puppeteer's `evaluate`, adapted). */
export interface Evaluator {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

export type Who = 'ext' | 'bare';

/** What a browser gives the bench: one tab, both extensions' pages, the reader frames. */
export interface OpenDriver {
  browserName: string;
  page: Evaluator;
  tabId: number;
  control: Record<Who, Evaluator>;
  goto(url: string): Promise<void>;
  /** Frames of the tab showing an extension page (the framed reader), right now. */
  extensionFrames(): Promise<Evaluator[]>;
  /** Calls `cb` for each extension frame that navigates from now on; returns the unsubscribe. */
  onExtensionFrame(cb: (frame: Evaluator) => void): () => void;
}

export interface OpenSample {
  ms: number;
  container: PaintResult['container'];
  /** The frame probe was installed after the content arrived: `ms` comes from the page side. */
  frameLate?: boolean;
  /** Marks since the toggle, ms after it (the extension's only). */
  marks: { name: string; ms: number }[];
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    p,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

function checkReply(reply: unknown, what: string): void {
  const r = reply as { ok?: boolean; error?: string } | undefined;
  if (r && r.ok === false) throw new Error(`${what} failed: ${r.error}`);
}

/** One toggle that should open the reader; the time to the painted article. */
export async function timeOpen(
  d: OpenDriver,
  who: Who,
  snippet: string,
  timeoutMs = 15_000,
): Promise<OpenSample> {
  const options = { snippet, timeoutMs };
  const probes: Promise<FramePaintResult>[] = [];
  const off = d.onExtensionFrame((f) => {
    const p = f.evaluate(installFrameProbe, options).then(() => f.evaluate(awaitFrameProbe, null));
    p.catch(() => undefined);
    probes.push(p);
  });
  try {
    const since = await d.page.evaluate(installPageProbe, options);
    const t0 = await d.control[who].evaluate(sendToggle, d.tabId);
    const reply = d.control[who].evaluate(awaitReply, null);
    // A failed toggle answers at once; a frozen tab never does (the probe times out instead).
    const paint = await withTimeout(
      Promise.race([
        d.page.evaluate(awaitPageProbe, null),
        reply.then((r) => {
          checkReply(r, `${who} toggle`);
          return new Promise<never>(() => undefined);
        }),
      ]),
      timeoutMs + 2000,
      `${who} open in ${d.browserName}`,
    );
    checkReply(await withTimeout(reply, timeoutMs, `${who} toggle reply`), `${who} toggle`);
    let at = paint.at;
    let frameLate: boolean | undefined;
    const marks: MarkAt[] = [];
    if (paint.container === 'frame') {
      const settled = await Promise.allSettled(probes.map((p) => withTimeout(p, 3000, 'frame')));
      const hits = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      const best = hits.find((h) => !h.late) ?? hits[0];
      if (best) {
        frameLate = best.late;
        if (!best.late) at = Math.max(at, best.at);
      } else {
        // No probe got in: at least check after the fact that a frame shows the article.
        const shown = await Promise.all(
          (await d.extensionFrames()).map((f) =>
            f.evaluate(frameHasText, snippet).catch(() => false),
          ),
        );
        if (!shown.some(Boolean)) throw new Error(`${who}: the reader frame lacks the article`);
        frameLate = true;
      }
      for (const f of await d.extensionFrames())
        marks.push(...(await f.evaluate(readMarks, since).catch(() => [] as MarkAt[])));
    }
    if (who === 'ext') marks.push(...(await d.page.evaluate(readMarks, since)));
    marks.sort((a, b) => a.at - b.at);
    return {
      ms: at - t0,
      container: paint.container,
      ...(frameLate === undefined ? {} : { frameLate }),
      marks: marks.map((m) => ({ name: m.name, ms: m.at - t0 })),
    };
  } finally {
    off();
  }
}

/** One toggle that should close the reader (waits for the reply and a moment). */
export async function toggleOff(d: OpenDriver, who: Who): Promise<void> {
  await d.control[who].evaluate(sendToggle, d.tabId);
  const reply = await withTimeout(
    d.control[who].evaluate(awaitReply, null),
    10_000,
    `${who} close`,
  );
  checkReply(reply, `${who} close`);
  await new Promise((r) => setTimeout(r, 60));
}

export interface Stat {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function stat(xs: readonly number[]): Stat {
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length };
}

/** Median time of each step between consecutive marks (toggle → first mark → … → painted). */
export interface StageRow {
  from: string;
  to: string;
  medianMs: number;
  /** Runs in which this step occurred. */
  n: number;
}

export function stages(samples: readonly OpenSample[]): StageRow[] {
  const rows = new Map<string, { from: string; to: string; ms: number[]; order: number }>();
  let order = 0;
  for (const s of samples) {
    const seq = [
      { name: 'toggle message sent', ms: 0 },
      ...s.marks,
      { name: 'painted (probe rAF)', ms: s.ms },
    ].sort((a, b) => a.ms - b.ms);
    for (let i = 1; i < seq.length; i++) {
      const from = seq[i - 1]!.name;
      const to = seq[i]!.name;
      const key = `${from}→${to}`;
      const row = rows.get(key) ?? { from, to, ms: [], order: order++ };
      row.ms.push(seq[i]!.ms - seq[i - 1]!.ms);
      rows.set(key, row);
    }
  }
  return [...rows.values()]
    .sort((a, b) => a.order - b.order)
    .map((r) => ({ from: r.from, to: r.to, medianMs: median(r.ms), n: r.ms.length }));
}

export interface OpenCompare {
  browser: string;
  runs: number;
  first: Record<Who, Stat>;
  reopen: Record<Who, Stat>;
  firstRatio: number;
  reopenRatio: number;
  container: PaintResult['container'] | 'mixed';
  frameLate: number;
  firstStages: StageRow[];
  reopenStages: StageRow[];
}

/**
 * `runs` alternating iterations (plus one unmeasured): per iteration, for each reader in turn
 * (which goes first alternates), load the page fresh, open (first open), close, open (reopen),
 * close.
 */
export async function compareOpens(
  d: OpenDriver,
  url: string,
  snippet: string,
  runs: number,
  log: (m: string) => void = () => undefined,
): Promise<OpenCompare> {
  const first: Record<Who, number[]> = { ext: [], bare: [] };
  const reopen: Record<Who, number[]> = { ext: [], bare: [] };
  const extFirst: OpenSample[] = [];
  const extReopen: OpenSample[] = [];
  for (let i = 0; i <= runs; i++) {
    const order: Who[] = i % 2 === 0 ? ['ext', 'bare'] : ['bare', 'ext'];
    for (const who of order) {
      const u = new URL(url);
      u.searchParams.set('run', `${i}-${who}`);
      await d.goto(u.href);
      const a = await timeOpen(d, who, snippet);
      await toggleOff(d, who);
      const b = await timeOpen(d, who, snippet);
      await toggleOff(d, who);
      if (i === 0) continue;
      first[who].push(a.ms);
      reopen[who].push(b.ms);
      if (who === 'ext') {
        extFirst.push(a);
        extReopen.push(b);
      }
    }
    if (i > 0) log(`${d.browserName} open run ${i}/${runs}`);
  }
  const containers = new Set(extFirst.map((s) => s.container));
  const f = { ext: stat(first.ext), bare: stat(first.bare) };
  const r = { ext: stat(reopen.ext), bare: stat(reopen.bare) };
  return {
    browser: d.browserName,
    runs,
    first: f,
    reopen: r,
    firstRatio: f.ext.median / f.bare.median,
    reopenRatio: r.ext.median / r.bare.median,
    container: containers.size === 1 ? [...containers][0]! : 'mixed',
    frameLate: [...extFirst, ...extReopen].filter((s) => s.frameLate).length,
    firstStages: stages(extFirst),
    reopenStages: stages(extReopen),
  };
}

export interface BigPageSample {
  ms: number;
  nodesBefore: number;
  nodesAfter: number;
  blockedMs: number;
  longestMs: number;
}

export interface BigPageResult {
  browser: string;
  paragraphs: number;
  runs: number;
  ext: BigPageSample[];
  bare: BigPageSample[];
  /** Median open time ratio ext / bare. */
  ratio: number;
  error?: string;
}

/**
 * The 50,000-paragraph page: open time, nodes the reader added (page + open shadow roots + the
 * reader's frame) and main-thread blocked time (heartbeat gaps over 50 ms, from the toggle until
 * the page has been quiet for 1 s).
 */
export async function bigPage(
  d: OpenDriver,
  url: string,
  snippet: string,
  paragraphs: number,
  runs: number,
  log: (m: string) => void = () => undefined,
): Promise<BigPageResult> {
  const out: Record<Who, BigPageSample[]> = { ext: [], bare: [] };
  for (let i = 0; i < runs; i++) {
    const order: Who[] = i % 2 === 0 ? ['ext', 'bare'] : ['bare', 'ext'];
    for (const who of order) {
      const u = new URL(url);
      u.searchParams.set('run', `${i}-${who}`);
      await d.goto(u.href);
      const nodesBefore = await d.page.evaluate(countNodes, null);
      await d.page.evaluate(startHeartbeat, null);
      const open = await timeOpen(d, who, snippet, 60_000);
      // Wait until the page thread has been quiet for a second (incremental rendering ends).
      const deadline = Date.now() + 30_000;
      for (;;) {
        await new Promise((r) => setTimeout(r, 250));
        const beat = await d.page.evaluate(readHeartbeat, false);
        const now = (await d.page.evaluate(
          () => performance.timeOrigin + performance.now(),
          null,
        )) as number;
        if (now - Math.max(beat.lastGapAt, 0) > 1000 || Date.now() > deadline) break;
      }
      const beat = await d.page.evaluate(readHeartbeat, true);
      let nodesAfter = await d.page.evaluate(countNodes, null);
      for (const f of await d.extensionFrames()) nodesAfter += await f.evaluate(countNodes, null);
      out[who].push({
        ms: open.ms,
        nodesBefore,
        nodesAfter,
        blockedMs: beat.blocked,
        longestMs: beat.longest,
      });
      await toggleOff(d, who);
      log(`${d.browserName} ${paragraphs}-paragraph page, ${who} run ${i + 1}/${runs}`);
    }
  }
  return {
    browser: d.browserName,
    paragraphs,
    runs,
    ext: out.ext,
    bare: out.bare,
    ratio: median(out.ext.map((s) => s.ms)) / median(out.bare.map((s) => s.ms)),
  };
}

export interface PatternCase {
  /** The rule text as a user types it: `/source/flags`. */
  pattern: string;
  /** A block of text that makes a backtracking engine explode on it. */
  text: string;
}

export interface PatternResult {
  browser: string;
  runs: number;
  /** First open on the adversarial page with no user rule (one beside every other open). */
  baseline: Stat;
  /** …with every pattern (one user rule each). */
  allPatterns: Stat | { failed: string };
  /** …with one pattern at a time (one run each, median of `runs`). */
  each: { pattern: string; medianMs: number | null; failed?: string }[];
}

/**
 * Worst-case user patterns (issue 12 point 2): first opens on a page holding one adversarial
 * block per pattern, with no user rule, with all the patterns in one rule, and with each pattern
 * alone; the differences are what the patterns cost an open. A pattern that freezes the tab
 * fails its open by the timeout (`recover` must then give the driver a working tab again).
 */
export async function worstCasePatterns(
  d: OpenDriver,
  url: string,
  snippet: string,
  cases: readonly PatternCase[],
  host: string,
  runs: number,
  recover: () => Promise<void>,
  log: (m: string) => void = () => undefined,
  perPattern = true,
): Promise<PatternResult> {
  // One rule per pattern: a rule with one rejected pattern is skipped whole, which would hide
  // what the accepted ones cost.
  const rule = (patterns: string[]) =>
    patterns.map((p, i) => ({
      id: `bench-worst-case-${i + 1}`,
      match: [host],
      enabled: true,
      removeText: [p],
    }));
  let n = 0;
  const openWith = async (rules: unknown[], timeoutMs: number): Promise<number> => {
    await d.control.ext.evaluate(storeUserRules, rules);
    await new Promise((r) => setTimeout(r, 50)); // the background drops its cache on change
    const u = new URL(url);
    u.searchParams.set('run', `p${n++}`);
    await d.goto(u.href);
    try {
      const s = await timeOpen(d, 'ext', snippet, timeoutMs);
      await toggleOff(d, 'ext');
      return s.ms;
    } catch (err) {
      await recover();
      throw err;
    }
  };
  const baseline: number[] = [];
  const all: number[] = [];
  let allFailed: string | undefined;
  try {
    for (let i = 0; i <= runs; i++) {
      const b = await openWith([], 15_000);
      if (i > 0) baseline.push(b);
      if (allFailed) continue;
      try {
        const a = await openWith(rule(cases.map((c) => c.pattern)), 8_000);
        if (i > 0) all.push(a);
      } catch (err) {
        allFailed = err instanceof Error ? err.message : String(err);
      }
      log(`${d.browserName} worst-case patterns run ${i}/${runs}`);
    }
    const each: PatternResult['each'] = [];
    if (perPattern)
      for (const c of cases) {
        const xs: number[] = [];
        let failed: string | undefined;
        for (let i = 0; i < runs && !failed; i++) {
          // A no-rule open beside each pattern's: the baseline is a median over the whole run.
          baseline.push(await openWith([], 15_000));
          try {
            xs.push(await openWith(rule([c.pattern]), 8_000));
          } catch (err) {
            failed = err instanceof Error ? err.message : String(err);
          }
        }
        each.push({
          pattern: c.pattern,
          medianMs: xs.length ? median(xs) : null,
          ...(failed ? { failed } : {}),
        });
        log(`${d.browserName} pattern ${c.pattern}`);
      }
    return {
      browser: d.browserName,
      runs,
      baseline: stat(baseline),
      allPatterns: allFailed ? { failed: allFailed } : stat(all),
      each,
    };
  } finally {
    await d.control.ext.evaluate(storeUserRules, []).catch(() => undefined);
  }
}
