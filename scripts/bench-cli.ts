/**
 * The CLI's start and batch speed, against the built CLI (`npm run build:lib` first):
 * - `--help` and a usage error: wall time of the whole process, median of several runs;
 * - a folder of N pages (default 100: the test pages, then Readability corpus pages read from
 *   ../shared/corpus, copied into a temp folder for the run and deleted after) with `--jobs 1`
 *   and `--jobs 2`: pages/s of the whole process, runs alternating;
 * - the same pages in one process: `new JSDOM` + `extractArticle` per page (the built library),
 *   timed inside it, which `--jobs 1` should stay within 1.2× of; and two such processes at
 *   once, the speedup two threads can get from the machine at its current load.
 * Wall times on a shared machine move with the load, so the load average is printed with them,
 * and CPU seconds too (from /usr/bin/time when it is there), which the load does not inflate.
 *
 *   npx tsx scripts/bench-cli.ts [--pages 100] [--runs 2] [--help-runs 7] [--corpus ../shared/corpus] [--json]
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { median } from './lib/timing.js';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '100' },
    runs: { type: 'string', default: '2' },
    'help-runs': { type: 'string', default: '7' },
    corpus: { type: 'string', default: '../shared/corpus' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(
    'usage: npx tsx scripts/bench-cli.ts [--pages 100] [--runs 2] [--help-runs 7] [--corpus ../shared/corpus] [--json]',
  );
  process.exit(0);
}

const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'bin', 'crypto-reader.js');
if (!existsSync(join(root, 'dist', 'cli', 'main.js')) || !existsSync(join(root, 'dist', 'lib'))) {
  console.error('bench-cli: build the CLI first (npm run build:lib)');
  process.exit(2);
}
const pageCount = Number(values.pages);
const runs = Number(values.runs);
const helpRuns = Number(values['help-runs']);
const log = (msg: string): void => void process.stderr.write(`… ${msg}\n`);

const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME);

interface ProcessRun {
  wallMs: number;
  /** User + system CPU of the process and all its threads, when /usr/bin/time is there. */
  cpuMs: number | null;
  status: number | null;
  stderr: string;
}

function runProcess(args: string[]): ProcessRun {
  const cmd = hasTime ? TIME : process.execPath;
  const argv = hasTime ? ['-f', '@@cpu %U %S', process.execPath, ...args] : args;
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const wallMs = performance.now() - t0;
  const m = /@@cpu ([\d.]+) ([\d.]+)/.exec(r.stderr);
  return {
    wallMs,
    cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : null,
    status: r.status,
    stderr: r.stderr.replace(/^@@cpu.*\n?/m, ''),
  };
}

// 1. Start: --help and a usage error.
log(`--help × ${helpRuns}`);
const helpRunsMs = Array.from({ length: helpRuns }, () => runProcess([bin, '--help']).wallMs);
const usageRunsMs = Array.from(
  { length: helpRuns },
  () => runProcess([bin, 'extract', '--bogus']).wallMs,
);

// 2. The folder: test pages with their URLs, then corpus pages, each with a <name>.url sidecar.
interface Page {
  name: string;
  source: string;
  url: string;
}
const pages: Page[] = [];
const testPages = join(root, 'src', 'core', 'test-pages');
for (const slug of readdirSync(testPages).sort()) {
  const fixture = join(testPages, slug, 'fixture.json');
  if (!existsSync(fixture)) continue;
  const { url } = JSON.parse(readFileSync(fixture, 'utf8')) as { url: string };
  pages.push({ name: slug, source: join(testPages, slug, 'source.html'), url });
}
const corpusDir = join(resolve(root, values.corpus), 'readability');
if (existsSync(corpusDir)) {
  for (const id of readdirSync(corpusDir).sort()) {
    const source = join(corpusDir, id, 'source.html');
    if (existsSync(source))
      pages.push({ name: `corpus-${id}`, source, url: 'http://fakehost/test/page.html' });
  }
} else {
  log(`no corpus at ${corpusDir}: the test pages are repeated to make ${pageCount}`);
}
const chosen = Array.from({ length: pageCount }, (_, i) => {
  const p = pages[i % pages.length]!;
  return i < pages.length ? p : { ...p, name: `${p.name}-${Math.floor(i / pages.length)}` };
});
const dir = mkdtempSync(join(tmpdir(), 'crypto-reader-bench-cli-'));
const out = mkdtempSync(join(tmpdir(), 'crypto-reader-bench-cli-out-'));
try {
  chosen.forEach((p, i) => {
    const name = `${String(i).padStart(3, '0')}-${p.name}`;
    copyFileSync(p.source, join(dir, `${name}.html`));
    writeFileSync(join(dir, `${name}.url`), `${p.url}\n`);
  });

  // The same pages parsed and extracted in one process with the built library (what --jobs 1
  // does per page), timed inside it; and two such processes at once, the most that two threads
  // can get out of this machine at its current load.
  const inProcessScript = join(out, 'in-process.mjs');
  writeFileSync(
    inProcessScript,
    `import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
const require = createRequire(${JSON.stringify(join(root, 'package.json'))});
const { JSDOM, VirtualConsole } = require('jsdom');
const lib = await import(${JSON.stringify(pathToFileURL(join(root, 'dist', 'lib', 'index.js')).href)});
const inputs = JSON.parse(readFileSync(process.argv[2], 'utf8')).map((p) => ({ html: readFileSync(p.source), url: p.url }));
const c0 = process.cpuUsage();
const t0 = performance.now();
for (const { html, url } of inputs) {
  const dom = new JSDOM(html, { url, contentType: 'text/html', virtualConsole: new VirtualConsole() });
  JSON.stringify(lib.extractArticle(dom.window.document, { url, rules: lib.BUILTIN_RULES }));
  dom.window.close();
}
const c = process.cpuUsage(c0);
console.log(JSON.stringify({ wallMs: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 }));
`,
  );
  const pageList = join(out, 'pages.json');
  writeFileSync(pageList, JSON.stringify(chosen));
  const inProcessOnce = (): Promise<{ wallMs: number; cpuMs: number }> =>
    new Promise((done, fail) => {
      const child = spawn(process.execPath, [inProcessScript, pageList], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let text = '';
      child.stdout.on('data', (d: Buffer) => void (text += d.toString()));
      child.on('close', (code) =>
        code === 0 ? done(JSON.parse(text)) : fail(new Error(`in-process run exited ${code}`)),
      );
    });

  // Rounds: --jobs 1, --jobs 2, in-process, two in-process at once; one after the other so a
  // change in the machine's load hits all of them alike.
  const batch: Record<'1' | '2', ProcessRun[]> = { '1': [], '2': [] };
  const inProcess: { wallMs: number; cpuMs: number }[] = [];
  const pair: { wallMs: number }[] = [];
  for (let r = 0; r < runs; r++) {
    for (const jobs of ['1', '2'] as const) {
      log(`extract ${pageCount} pages --jobs ${jobs} (run ${r + 1}/${runs})`);
      const run = runProcess([
        bin,
        'extract',
        dir,
        '--out',
        join(out, `j${jobs}.jsonl`),
        '--jobs',
        jobs,
      ]);
      if (run.status !== 0 && run.status !== 1) {
        throw new Error(`crypto-reader exited with ${run.status}: ${run.stderr}`);
      }
      batch[jobs].push(run);
    }
    log(`in-process JSDOM + extractArticle × ${pageCount} (run ${r + 1}/${runs})`);
    inProcess.push(await inProcessOnce());
    log(`two in-process runs at once (run ${r + 1}/${runs})`);
    const both = await Promise.all([inProcessOnce(), inProcessOnce()]);
    pair.push({ wallMs: Math.max(...both.map((x) => x.wallMs)) / 2 });
  }
  const lines = readFileSync(join(out, 'j1.jsonl'), 'utf8').trim().split('\n');
  const okPages = lines.filter((l) => (JSON.parse(l) as { ok: boolean }).ok).length;

  const wall = (rs: { wallMs: number }[]): number => median(rs.map((x) => x.wallMs));
  const cpu = (rs: { cpuMs: number | null }[]): number | null =>
    rs.every((x) => x.cpuMs !== null) ? median(rs.map((x) => x.cpuMs!)) : null;
  const rate = (ms: number): number => (pageCount * 1000) / ms;
  const j1 = rate(wall(batch['1']));
  const j2 = rate(wall(batch['2']));
  const inProc = rate(wall(inProcess));
  const ceiling = rate(wall(pair)) / inProc;
  const report = {
    date: new Date().toISOString(),
    cores: availableParallelism(),
    loadAverageAtEnd: loadavg().map((l) => Number(l.toFixed(2))),
    pages: pageCount,
    pagesWithArticle: okPages,
    helpMs: { median: median(helpRunsMs), runs: helpRunsMs.map(Math.round) },
    usageErrorMs: { median: median(usageRunsMs) },
    jobs1: {
      pagesPerSecond: j1,
      wallMs: batch['1'].map((x) => Math.round(x.wallMs)),
      cpuMs: cpu(batch['1']),
    },
    jobs2: {
      pagesPerSecond: j2,
      wallMs: batch['2'].map((x) => Math.round(x.wallMs)),
      cpuMs: cpu(batch['2']),
    },
    inProcess: {
      pagesPerSecond: inProc,
      wallMs: inProcess.map((x) => Math.round(x.wallMs)),
      cpuMs: median(inProcess.map((x) => x.cpuMs)),
    },
    speedupJobs2: j2 / j1,
    /** Pages/s of two independent in-process runs at once over one alone: what two threads can get now. */
    twoProcessesSpeedup: ceiling,
    /**
     * CPU of --jobs 1 / CPU of --jobs 2 for the same pages: 1 when the second worker costs
     * nothing extra. On two idle cores --jobs 2 would run about 2× this faster than --jobs 1.
     */
    parallelEfficiency:
      cpu(batch['1']) !== null && cpu(batch['2']) !== null
        ? cpu(batch['1'])! / cpu(batch['2'])!
        : null,
    /** Linux autogroup shares the CPU per session, not per thread: under load, more threads get no more CPU. */
    autogroup: existsSync('/proc/sys/kernel/sched_autogroup_enabled')
      ? readFileSync('/proc/sys/kernel/sched_autogroup_enabled', 'utf8').trim() === '1'
      : null,
    jobs1OverInProcess: inProc / j1,
    jobs1OverInProcessCpu:
      cpu(batch['1']) !== null ? cpu(batch['1'])! / median(inProcess.map((x) => x.cpuMs)) : null,
  };
  if (values.json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    const pass = (ok: boolean): string => (ok ? 'meets' : 'MISSES');
    const f = (n: number, d = 1): string => n.toFixed(d);
    console.log(
      `CLI bench, ${report.date}, ${report.cores} cores, load average ${report.loadAverageAtEnd.join(' ')}` +
        (report.autogroup
          ? ' (kernel autogroup on: CPU is shared per session, so on a busy machine a second thread gets little more of it)'
          : ''),
    );
    console.log(
      `--help                     ${f(report.helpMs.median, 0)} ms median of ${helpRuns} (${pass(report.helpMs.median <= 300)} ≤ 300 ms)`,
    );
    console.log(
      `usage error                ${f(report.usageErrorMs.median, 0)} ms median of ${helpRuns}`,
    );
    console.log(
      `${pageCount} pages (${okPages} with an article), median of ${runs} runs, whole process:`,
    );
    console.log(
      `  --jobs 1                 ${f(j1)} pages/s${report.jobs1.cpuMs !== null ? `, ${f(report.jobs1.cpuMs / 1000)} CPU s` : ''}`,
    );
    console.log(
      `  --jobs 2                 ${f(j2)} pages/s${report.jobs2.cpuMs !== null ? `, ${f(report.jobs2.cpuMs / 1000)} CPU s` : ''}  → ${f(report.speedupJobs2, 2)}× --jobs 1 (${pass(report.speedupJobs2 >= 1.7)} ≥ 1.7×)`,
    );
    console.log(
      `                           two independent in-process runs at once: ${f(ceiling, 2)}× one alone (the most two threads get from this machine now)`,
    );
    if (report.parallelEfficiency !== null) {
      console.log(
        `                           parallel efficiency ${f(report.parallelEfficiency, 2)} (CPU of --jobs 1 / --jobs 2): about ${f(2 * report.parallelEfficiency, 2)}× on two idle cores`,
      );
    }
    console.log(
      `  in-process parse+extract ${f(inProc)} pages/s, ${f(report.inProcess.cpuMs / 1000)} CPU s → --jobs 1 takes ${f(report.jobs1OverInProcess, 2)}× its time (${pass(report.jobs1OverInProcess <= 1.2)} ≤ 1.2×)${report.jobs1OverInProcessCpu !== null ? `, ${f(report.jobs1OverInProcessCpu, 2)}× its CPU` : ''}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
}
