/**
 * Speed and size: the pipeline against bare Readability on the same documents, in Node/jsdom and
 * in headless Chromium; toggle → reader painted with the built extension; the open benchmark
 * (the extension against a bare Readability reader, first open and reopen, per-stage marks, the
 * 50,000-paragraph page, worst-case user patterns) in Chromium and Firefox; bundle sizes.
 *
 *   npm run bench [-- --json | --markdown] [--quick] [--no-browser] [--corpus ../shared/corpus]
 *                 [--corpus-pages 10] [--scales 1,4,16] [--toggle-runs 12] [--open-runs 10]
 *                 [--big-paragraphs 50000] [--big-runs 3] [--pattern-runs 3] [--no-per-pattern]
 *                 [--no-firefox] [--no-chromium-open] [--open-only] [--update-doc docs/benchmarks.md]
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { chromiumPath, quietChromiumArgs } from '../e2e/lib/chromium.js';
import { buildBenchBundle } from './lib/browser/build-bench-bundle.js';
import { runChromiumBench, type BrowserDoc } from './lib/browser/chromium-bench.js';
import { runOpenBench } from './lib/browser/run-open-bench.js';
import { runToggleBench } from './lib/browser/toggle-bench.js';
import { bundleSizes } from './lib/bundle-sizes.js';
import { formatBenchReport, TARGETS, type BenchReport } from './lib/bench-report.js';
import { corpusAvailable, pickSample } from './lib/evaluate-corpora.js';
import { runNodeBench } from './lib/node-bench.js';
import { buildSamplePage } from './lib/sample-page.js';
import { DEFAULT_PAIR } from './lib/timing.js';
import { updateDocSection } from './lib/update-doc.js';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    markdown: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    corpus: { type: 'string', default: '../shared/corpus' },
    'corpus-pages': { type: 'string', default: '10' },
    scales: { type: 'string', default: '1,4,16' },
    'toggle-runs': { type: 'string', default: '12' },
    'open-runs': { type: 'string' },
    'big-paragraphs': { type: 'string', default: '50000' },
    'big-runs': { type: 'string' },
    'pattern-runs': { type: 'string' },
    'no-per-pattern': { type: 'boolean', default: false },
    'no-firefox': { type: 'boolean', default: false },
    'no-chromium-open': { type: 'boolean', default: false },
    'open-only': { type: 'boolean', default: false },
    'update-doc': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(
    'usage: npm run bench [-- --json | --markdown] [--quick] [--no-browser] [--corpus dir] [--corpus-pages N] [--scales 1,4,16] [--toggle-runs N] [--open-runs N] [--big-paragraphs N] [--big-runs N] [--pattern-runs N] [--no-per-pattern] [--no-firefox] [--no-chromium-open] [--open-only] [--update-doc docs/benchmarks.md]',
  );
  process.exit(0);
}

const root = resolve(import.meta.dirname, '..');
const scales = values.scales.split(',').map(Number);
if (!scales.every((s) => Number.isInteger(s) && s > 0)) {
  console.error(`bench: --scales wants positive integers, got ${values.scales}`);
  process.exit(2);
}
const pair = values.quick
  ? { ...DEFAULT_PAIR, warmup: 1, budgetMs: 600, minIterations: 3 }
  : DEFAULT_PAIR;
const corpusPages = Number(values['corpus-pages']);
const hasCorpus = corpusAvailable(values.corpus);
const log = (msg: string) => {
  if (!values.json) process.stderr.write(`… ${msg}\n`);
};

const count = (name: string, value: string | undefined, quick: number, full: number): number => {
  const n = value === undefined ? (values.quick ? quick : full) : Number(value);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`bench: --${name} wants a whole number, got ${value}`);
    process.exit(2);
  }
  return n;
};
const openRuns = count('open-runs', values['open-runs'], 3, 10);
const bigRuns = count('big-runs', values['big-runs'], 1, 3);
const patternRuns = count('pattern-runs', values['pattern-runs'], 1, 3);
const bigParagraphs = count('big-paragraphs', values['big-paragraphs'], 50_000, 50_000);
const openOnly = values['open-only'];

const loadAtStart = loadavg();
const node = runNodeBench({
  scales: openOnly ? [] : scales,
  corpusDir: hasCorpus && !openOnly ? values.corpus : undefined,
  corpusPages: values.quick ? Math.min(3, corpusPages) : corpusPages,
  pair,
  onProgress: log,
});
if (!hasCorpus) log(`no corpus at ${values.corpus}: corpus pages skipped`);

const unavailable = values['no-browser']
  ? 'skipped: --no-browser'
  : existsSync(chromiumPath())
    ? null
    : `${chromiumPath()} not installed (set CHROMIUM_PATH)`;
const skipped = unavailable?.startsWith('skipped') ? unavailable : `skipped: ${unavailable}`;
let chromiumResult: BenchReport['chromium'] = { skipped };
let toggle: BenchReport['toggle'] = { skipped };
let chromiumVersion: string | null = null;
if (!unavailable && !openOnly) {
  const bundle = await buildBenchBundle(join(tmpdir(), 'crypto-reader-bench'));
  const docs: BrowserDoc[] = scales.map((scale) => {
    const page = buildSamplePage(scale);
    return {
      name: `sample ${scale}×`,
      scale,
      path: new URL(page.url).pathname,
      html: page.html,
      expect: page,
    };
  });
  if (hasCorpus) {
    const dir = join(values.corpus, 'readability');
    const cases = Object.keys(
      (JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as { cases: object }).cases,
    ).sort();
    for (const id of pickSample(cases, values.quick ? Math.min(3, corpusPages) : corpusPages)) {
      docs.push({
        name: id,
        path: `/${id}/page.html`,
        html: readFileSync(join(dir, id, 'source.html'), 'utf8').trim(),
      });
    }
  }
  const failed = (e: unknown) => ({
    skipped: `failed: ${e instanceof Error ? e.message : String(e)}`,
  });
  try {
    const c = await runChromiumBench(bundle, docs, { pair, onProgress: log });
    chromiumResult = c;
    chromiumVersion = c.chromiumVersion;
  } catch (e) {
    chromiumResult = failed(e);
  }
  try {
    const t = await runToggleBench(join(root, 'dist', 'chrome'), buildSamplePage(1).html, {
      runs: values.quick ? 3 : Number(values['toggle-runs']),
      onProgress: log,
    });
    toggle = typeof t === 'string' ? { skipped: t } : t;
  } catch (e) {
    toggle = failed(e);
  }
} else if (unavailable) {
  log(unavailable);
} else {
  chromiumResult = { skipped: 'skipped: --open-only' };
  toggle = { skipped: 'skipped: --open-only' };
}
const open: BenchReport['open'] = values['no-browser']
  ? { skipped: 'skipped: --no-browser' }
  : await runOpenBench({
      root,
      scratchDir: join(tmpdir(), 'crypto-reader-bench'),
      runs: openRuns,
      bigParagraphs,
      bigRuns,
      patternRuns,
      perPattern: !values['no-per-pattern'],
      firefox: !values['no-firefox'],
      chromium: !values['no-chromium-open'],
      log,
    }).catch((e: unknown) => ({
      skipped: `failed: ${e instanceof Error ? e.message : String(e)}`,
    }));
if (!chromiumVersion && !unavailable) {
  try {
    const b = await chromium.launch({
      executablePath: chromiumPath(),
      args: [...quietChromiumArgs],
    });
    chromiumVersion = b.version();
    await b.close();
  } catch {
    chromiumVersion = null;
  }
}

const loadAtEnd = loadavg();
const report: BenchReport = {
  machine: {
    date: new Date().toISOString(),
    loadAtStart,
    loadAtEnd,
    nproc: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: totalmem() / 1024 ** 3,
    node: process.version,
    chromium: chromiumVersion,
    platform: `${process.platform} ${process.arch}`,
  },
  node,
  chromium: chromiumResult,
  toggle,
  open,
  bundles: bundleSizes(join(root, 'dist')),
  targets: TARGETS,
};

if (values['update-doc']) {
  const args = process.argv
    .slice(2)
    .filter((a, i, all) => a !== '--update-doc' && all[i - 1] !== '--update-doc');
  const cmd = `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`;
  await updateDocSection(
    values['update-doc'],
    'bench',
    `Run ${report.machine.date} with \`${cmd}\`.\n\n${formatBenchReport(report, true)}`,
  );
  log(`updated the bench section of ${values['update-doc']}`);
}
if (values.json) console.log(JSON.stringify(report, null, 2));
else console.log(formatBenchReport(report, values.markdown));
