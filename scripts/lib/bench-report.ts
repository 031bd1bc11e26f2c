import type { BundleSize } from './bundle-sizes.js';
import type { ChromiumBenchResult } from './browser/chromium-bench.js';
import type { ToggleBenchResult } from './browser/toggle-bench.js';
import type { BigPageSample, OpenCompare, StageRow, Stat } from './browser/open-bench.js';
import type { OpenReport } from './browser/run-open-bench.js';
import { median } from './timing.js';
import { fixed, formatTable } from './format-table.js';
import type { DocTiming, NodeBenchResult, SampleCheck } from './node-bench.js';

export interface MachineInfo {
  date: string;
  /** os.loadavg() (1, 5, 15 min) when the run started and ended: timings from a busy machine are noisy. */
  loadAtStart: number[];
  loadAtEnd: number[];
  nproc: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  chromium: string | null;
  platform: string;
}

export interface BenchReport {
  machine: MachineInfo;
  node: NodeBenchResult;
  chromium: ChromiumBenchResult | { skipped: string };
  toggle: ToggleBenchResult | { skipped: string };
  /** Extension vs bare Readability reader, toggle → painted, Chromium and Firefox (issues 10, 12). */
  open?: OpenReport | { skipped: string };
  bundles: { sizes: BundleSize[]; missing: string[] };
  targets: {
    ratioMax: number;
    scalingMax: number;
    toggleMedianMaxMs: number;
    injectedGzipMaxBytes: number;
    /** Issue 10: first open and reopen ≤ this × the bare reader's, same run. */
    openRatioMax?: number;
    /** Issue 12: the 50,000-paragraph page opens in ≤ this × the bare reader's time. */
    bigRatioMax?: number;
    /** Issue 12: no catastrophic pattern adds more than this to an open (ms). */
    patternAddedMaxMs?: number;
  };
}

export const TARGETS = {
  ratioMax: 1.25,
  scalingMax: 20,
  toggleMedianMaxMs: 80,
  injectedGzipMaxBytes: 60 * 1024,
  openRatioMax: 1.2,
  bigRatioMax: 1.5,
  patternAddedMaxMs: 100,
};

const ms = (n: number) => fixed(n, 2);
const x = (n: number | null | undefined) =>
  n === null || n === undefined ? 'n/a' : `${fixed(n, 2)}×`;
const kb = (n: number) => (n / 1024).toFixed(1);

function check(c: SampleCheck | undefined): string {
  if (!c) return '';
  return `${c.injected - c.injectedLeft}/${c.injected} runs out, ${c.essay - c.essayMissing}/${c.essay} essay in`;
}

function timingTable(
  rows: readonly (DocTiming & { check?: SampleCheck })[],
  md: boolean,
  withCheck: boolean,
): string {
  const headers = [
    'document',
    'KB',
    'bare ms',
    'pipeline ms',
    'pipeline/bare',
    'min bare',
    'min pipeline',
    'min ratio',
  ];
  const withCpu = rows.some((r) => r.cpuRatio !== undefined);
  if (withCpu) headers.push('cpu bare', 'cpu pipeline', 'cpu ratio');
  headers.push('n');
  if (withCheck) headers.push('output check');
  return formatTable(
    headers,
    rows.map((r) => {
      const row: (string | number)[] = [
        r.name,
        kb(r.bytes),
        ms(r.bareMs),
        ms(r.pipelineMs),
        `${fixed(r.ratio, 2)}×`,
        ms(r.bareMinMs),
        ms(r.pipelineMinMs),
        `${fixed(r.minRatio, 2)}×`,
      ];
      if (withCpu) {
        row.push(
          ms(r.bareCpuMs ?? NaN),
          ms(r.pipelineCpuMs ?? NaN),
          `${fixed(r.cpuRatio ?? NaN, 2)}×`,
        );
      }
      row.push(r.iterations);
      if (withCheck) row.push(check(r.check));
      return row;
    }),
    md,
  );
}

/** Targets are judged on CPU time where measured: wall time on a shared machine is too noisy. */
function onCpu(value: number | null, max: number): string {
  if (value === null || Number.isNaN(value)) return 'n/a';
  return value <= max ? 'met' : `MISSED by ${fixed(value - max, 2)}×`;
}

function verdict(ok: boolean): string {
  return ok ? 'met' : 'MISSED';
}

/** The readable (or Markdown) form of a benchmark run. */
export function formatBenchReport(r: BenchReport, md = false): string {
  const h = (s: string) => (md ? `### ${s}` : `== ${s} ==`);
  const m = r.machine;
  const out: string[] = [
    h('Machine'),
    `${m.date} · ${m.nproc} cores (${m.cpu}) · ${m.memoryGiB.toFixed(1)} GiB · Node ${m.node} · ${m.chromium ? `Chromium ${m.chromium}` : 'no Chromium'} · ${m.platform}`,
    `Load average (1/5/15 min) at start ${m.loadAtStart.map((x) => x.toFixed(2)).join(' ')}, at end ${m.loadAtEnd.map((x) => x.toFixed(2)).join(' ')}${Math.max(m.loadAtStart[0] ?? 0, m.loadAtEnd[0] ?? 0) > m.nproc * 0.75 ? ' — BUSY MACHINE: other processes shared the CPU, absolute times are inflated (ratios from interleaved runs hold better)' : ''}.`,
  ];
  if (r.node.sample.length) nodeSample(r, md, out);
  if (r.node.corpus.length) {
    out.push(
      h(`Node + jsdom: ${r.node.corpus.length} Readability test pages`),
      timingTable(r.node.corpus, md, false),
      `Total pipeline / total bare: ${x(r.node.corpusRatio)} wall, ${x(r.node.corpusCpuRatio)} CPU.`,
    );
  }
  return formatBrowserParts(r, md, out);
}

function nodeSample(r: BenchReport, md: boolean, out: string[]): void {
  const h = (s: string) => (md ? `### ${s}` : `== ${s} ==`);
  const t = r.targets;
  out.push(
    h(
      'Node + jsdom: sample farm page (bare = new Readability(doc.cloneNode(true)).parse(); pipeline = extractArticle(doc); ms = median wall time, min = fastest run, cpu = median process CPU time)',
    ),
    timingTable(r.node.sample, md, true),
  );
  const worstSample = Math.max(...r.node.sample.map((s) => s.ratio));
  const worstCpu = Math.max(...r.node.sample.map((s) => s.cpuRatio ?? NaN));
  out.push(
    `Pipeline scaling ${r.node.sample.at(-1)?.name ?? ''} / 1×: ${x(r.node.pipelineScaling)} wall, ${x(r.node.pipelineCpuScaling)} CPU (bare ${x(r.node.bareScaling)} wall; target ≤ ${t.scalingMax}× on CPU time: ${onCpu(r.node.pipelineCpuScaling ?? r.node.pipelineScaling, t.scalingMax)}). Worst ratio ${fixed(worstSample, 2)}× wall, ${fixed(worstCpu, 2)}× CPU (target ≤ ${t.ratioMax}× on CPU time: ${onCpu(Number.isNaN(worstCpu) ? worstSample : worstCpu, t.ratioMax)}).`,
  );
}

function formatBrowserParts(r: BenchReport, md: boolean, out: string[]): string {
  const h = (s: string) => (md ? `### ${s}` : `== ${s} ==`);
  const t = r.targets;
  out.push(
    h(
      'Headless Chromium, in the page (bundle: vite lib IIFE of the pipeline + Readability; ms = median wall time, min = fastest run, cpu = median main-thread CPU time)',
    ),
  );
  if ('skipped' in r.chromium) out.push(r.chromium.skipped);
  else {
    const sample = r.chromium.docs.filter((d) => d.scale !== undefined);
    const pages = r.chromium.docs.filter((d) => d.scale === undefined);
    out.push(`Chromium ${r.chromium.chromiumVersion}`, timingTable(sample, md, true));
    const worst = Math.max(...sample.map((s) => s.ratio));
    const worstCpu = Math.max(...sample.map((s) => s.cpuRatio ?? NaN));
    out.push(
      `Pipeline scaling: ${x(r.chromium.pipelineScaling)} wall, ${x(r.chromium.pipelineCpuScaling)} CPU (target ≤ ${t.scalingMax}× on CPU time: ${onCpu(r.chromium.pipelineCpuScaling ?? r.chromium.pipelineScaling, t.scalingMax)}). Worst ratio ${fixed(worst, 2)}× wall, ${fixed(worstCpu, 2)}× CPU (target ≤ ${t.ratioMax}× on CPU time: ${onCpu(Number.isNaN(worstCpu) ? worst : worstCpu, t.ratioMax)}).`,
    );
    if (pages.length) {
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      out.push(
        timingTable(pages, md, false),
        `Total pipeline / total bare on these pages: ${fixed(sum(pages.map((p) => p.pipelineMs)) / sum(pages.map((p) => p.bareMs)), 2)}× wall, ${fixed(sum(pages.map((p) => p.pipelineCpuMs ?? NaN)) / sum(pages.map((p) => p.bareCpuMs ?? NaN)), 2)}× CPU.`,
      );
    }
  }
  out.push(h('Toggle → reader painted (built extension, headless Chromium, sample page 1×)'));
  if ('skipped' in r.toggle) out.push(r.toggle.skipped);
  else {
    const g = r.toggle;
    out.push(
      formatTable(
        ['measure', 'median', 'min', 'max', 'runs'],
        [
          [
            'toolbar button on a fresh page load → painted (ms)',
            ms(g.coldMedian),
            ms(Math.min(...g.coldMs)),
            ms(Math.max(...g.coldMs)),
            g.runs,
          ],
          [
            'reader/toggle message, reopen in the same page → painted (ms)',
            ms(g.warmMedian),
            ms(Math.min(...g.warmMs)),
            ms(Math.max(...g.warmMs)),
            g.runs,
          ],
        ],
        md,
      ),
      `Target ≤ ${t.toggleMedianMaxMs} ms median (first open): ${verdict(g.coldMedian <= t.toggleMedianMaxMs)}.`,
      `JS heap of the tab, after GC: ${kb(g.heapBeforeBytes)} KB before, ${kb(g.heapAfterBytes)} KB with the reader open; reader delta ${kb(g.heapDeltaBytes)} KB (${g.heapMethod}).`,
    );
  }
  if (r.open) formatOpen(r.open, r.targets, md, out);
  out.push(h('Bundle sizes (dist/*/**/*.js, gzip = zlib level 6)'));
  if (r.bundles.sizes.length) {
    out.push(
      formatTable(
        ['target', 'file', 'raw KB', 'gzip KB'],
        r.bundles.sizes.map((s) => [s.target, s.file, kb(s.raw), kb(s.gzip)]),
        md,
      ),
    );
  }
  if (r.bundles.missing.length)
    out.push(`not built: ${r.bundles.missing.map((x) => `dist/${x}`).join(', ')}`);
  return out.join('\n\n');
}

const statCell = (s: Stat) => `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})`;

function stageTable(rows: readonly StageRow[], md: boolean): string {
  return formatTable(
    ['from', 'to', 'median ms', 'runs'],
    rows.map((r) => [r.from, r.to, ms(r.medianMs), r.n]),
    md,
  );
}

function bigRow(browser: string, who: string, xs: readonly BigPageSample[]): (string | number)[] {
  const med = (f: (s: BigPageSample) => number) => median(xs.map(f));
  return [
    browser,
    who,
    ms(med((s) => s.ms)),
    Math.round(med((s) => s.nodesBefore)),
    Math.round(med((s) => s.nodesAfter - s.nodesBefore)),
    ms(med((s) => s.blockedMs)),
    ms(med((s) => s.longestMs)),
    xs.length,
  ];
}

/** The open benchmark: extension vs bare reader, stages, the big page, worst-case patterns. */
function formatOpen(
  o: OpenReport | { skipped: string },
  t: BenchReport['targets'],
  md: boolean,
  out: string[],
): void {
  const h = (s: string) => (md ? `### ${s}` : `== ${s} ==`);
  out.push(
    h(
      'Open: extension vs bare Readability reader (toggle message → first frame showing the article text; both loaded at once, alternating)',
    ),
  );
  if ('skipped' in o) {
    out.push(o.skipped);
    return;
  }
  out.push(o.browsers.map((b) => `${b.name} ${b.version ?? ''}`).join(' · ') || 'no browser ran');
  const done = o.compare.filter((c): c is OpenCompare => !('skipped' in c));
  for (const c of o.compare) if ('skipped' in c) out.push(c.skipped);
  const max = t.openRatioMax ?? 1.2;
  if (done.length) {
    out.push(
      formatTable(
        [
          'browser',
          'first open: extension ms',
          'bare ms',
          'ratio',
          'reopen: extension ms',
          'bare ms',
          'ratio',
          'runs',
          'reader container',
        ],
        done.map((c) => [
          c.browser,
          statCell(c.first.ext),
          statCell(c.first.bare),
          `${fixed(c.firstRatio, 2)}×`,
          statCell(c.reopen.ext),
          statCell(c.reopen.bare),
          `${fixed(c.reopenRatio, 2)}×`,
          c.runs,
          c.container + (c.frameLate ? ` (${c.frameLate} late frame probes)` : ''),
        ]),
        md,
      ),
      `Medians (min–max). Target ≤ ${max}× the bare reader, first open and reopen: ${done
        .map(
          (c) => `${c.browser} ${verdict(c.firstRatio <= max)} / ${verdict(c.reopenRatio <= max)}`,
        )
        .join('; ')}.`,
    );
    for (const c of done) {
      out.push(
        h(`Open path stages, ${c.browser}, first open (extension marks; median ms between steps)`),
        stageTable(c.firstStages, md),
        h(`Open path stages, ${c.browser}, reopen`),
        stageTable(c.reopenStages, md),
      );
    }
  }
  out.push(h('Large page (toggle → painted; nodes and main-thread blocked time until 1 s quiet)'));
  const big = o.big.filter((b): b is Exclude<typeof b, { skipped: string }> => !('skipped' in b));
  for (const b of o.big) if ('skipped' in b) out.push(b.skipped);
  if (big.length) {
    out.push(
      formatTable(
        [
          'browser',
          'reader',
          'open ms',
          'nodes before',
          'nodes added',
          'blocked ms (gaps > 50 ms)',
          'longest gap ms',
          'runs',
        ],
        big.flatMap((b) => [
          bigRow(b.browser, 'extension', b.ext),
          bigRow(b.browser, 'bare', b.bare),
        ]),
        md,
      ),
      `${big[0]!.paragraphs} paragraphs. Target open ≤ ${t.bigRatioMax ?? 1.5}× bare: ${big
        .map(
          (b) => `${b.browser} ${fixed(b.ratio, 2)}× ${verdict(b.ratio <= (t.bigRatioMax ?? 1.5))}`,
        )
        .join('; ')}.`,
    );
  }
  out.push(
    h(
      'Worst-case user patterns (first open, sample page + one 5,000-character adversarial block per pattern)',
    ),
  );
  out.push(
    formatTable(
      ['pattern', 'accepted by the rule parser'],
      o.patternVerdicts.map((v) => [v.pattern, v.accepted ? 'yes' : `no: ${v.message ?? ''}`]),
      md,
    ),
  );
  const p = o.patterns;
  if ('skipped' in p) out.push(p.skipped);
  else {
    const base = p.baseline.median;
    const rows: (string | number)[][] = [['no user rule', statCell(p.baseline), '', p.baseline.n]];
    rows.push(
      'failed' in p.allPatterns
        ? ['every pattern (one rule each)', p.allPatterns.failed, 'froze or failed', 0]
        : [
            'every pattern (one rule each)',
            statCell(p.allPatterns),
            ms(p.allPatterns.median - base),
            p.allPatterns.n,
          ],
    );
    const rejected = new Set(o.patternVerdicts.filter((v) => !v.accepted).map((v) => v.pattern));
    for (const e of p.each)
      rows.push([
        e.pattern,
        e.medianMs === null ? (e.failed ?? 'failed') : ms(e.medianMs),
        e.medianMs === null
          ? 'froze or failed'
          : `${ms(e.medianMs - base)}${rejected.has(e.pattern) ? ' (rule rejected, never runs: noise)' : ''}`,
        p.runs,
      ]);
    const worst = Math.max(
      ...p.each
        .filter((e) => !rejected.has(e.pattern))
        .map((e) => (e.medianMs === null ? Infinity : e.medianMs - base)),
      'failed' in p.allPatterns ? Infinity : p.allPatterns.median - base,
    );
    const limit = t.patternAddedMaxMs ?? 100;
    out.push(
      `${p.browser}, ${p.runs} run(s) each.`,
      formatTable(['user rules', 'open ms', 'added ms', 'runs'], rows, md),
      `Target: no pattern adds more than ${limit} ms (and ~50 ms in user patterns per open): ${verdict(worst <= limit)}${Number.isFinite(worst) ? ` (worst +${ms(worst)} ms)` : ' (an open froze or failed)'}.`,
    );
  }
}
