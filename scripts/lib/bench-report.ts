import type { BundleSize } from './bundle-sizes.js';
import type { ChromiumBenchResult } from './browser/chromium-bench.js';
import type { ToggleBenchResult } from './browser/toggle-bench.js';
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
  bundles: { sizes: BundleSize[]; missing: string[] };
  targets: {
    ratioMax: number;
    scalingMax: number;
    toggleMedianMaxMs: number;
    injectedGzipMaxBytes: number;
  };
}

export const TARGETS = {
  ratioMax: 1.25,
  scalingMax: 20,
  toggleMedianMaxMs: 80,
  injectedGzipMaxBytes: 60 * 1024,
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
  const t = r.targets;
  const m = r.machine;
  const out: string[] = [
    h('Machine'),
    `${m.date} · ${m.nproc} cores (${m.cpu}) · ${m.memoryGiB.toFixed(1)} GiB · Node ${m.node} · ${m.chromium ? `Chromium ${m.chromium}` : 'no Chromium'} · ${m.platform}`,
    `Load average (1/5/15 min) at start ${m.loadAtStart.map((x) => x.toFixed(2)).join(' ')}, at end ${m.loadAtEnd.map((x) => x.toFixed(2)).join(' ')}${Math.max(m.loadAtStart[0] ?? 0, m.loadAtEnd[0] ?? 0) > m.nproc * 0.75 ? ' — BUSY MACHINE: other processes shared the CPU, absolute times are inflated (ratios from interleaved runs hold better)' : ''}.`,
    h(
      'Node + jsdom: sample farm page (bare = new Readability(doc.cloneNode(true)).parse(); pipeline = extractArticle(doc); ms = median wall time, min = fastest run, cpu = median process CPU time)',
    ),
    timingTable(r.node.sample, md, true),
  ];
  const worstSample = Math.max(...r.node.sample.map((s) => s.ratio));
  const worstCpu = Math.max(...r.node.sample.map((s) => s.cpuRatio ?? NaN));
  out.push(
    `Pipeline scaling ${r.node.sample.at(-1)?.name ?? ''} / 1×: ${x(r.node.pipelineScaling)} wall, ${x(r.node.pipelineCpuScaling)} CPU (bare ${x(r.node.bareScaling)} wall; target ≤ ${t.scalingMax}× on CPU time: ${onCpu(r.node.pipelineCpuScaling ?? r.node.pipelineScaling, t.scalingMax)}). Worst ratio ${fixed(worstSample, 2)}× wall, ${fixed(worstCpu, 2)}× CPU (target ≤ ${t.ratioMax}× on CPU time: ${onCpu(Number.isNaN(worstCpu) ? worstSample : worstCpu, t.ratioMax)}).`,
  );
  if (r.node.corpus.length) {
    out.push(
      h(`Node + jsdom: ${r.node.corpus.length} Readability test pages`),
      timingTable(r.node.corpus, md, false),
      `Total pipeline / total bare: ${x(r.node.corpusRatio)} wall, ${x(r.node.corpusCpuRatio)} CPU.`,
    );
  }
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
