/**
 * `crypto-reader extract <dir|files…> --out results.jsonl`: many pages on a pool of worker threads
 * (`--jobs`, default every core), one JSON line per page in input order, a progress line on stderr
 * when it is a terminal, a summary at the end. A bad page is reported in its line and never stops
 * the run; a worker that dies is replaced and its page reported.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BatchResult, BatchSettings, BatchTask } from './batch-page.js';
import { loadRules } from './load-rules.js';
import { EXIT, type CliIo } from './io.js';
import { formatProgress } from './progress.js';
import { describeReadError } from './read-error.js';
import { loadUrlMap, pageUrl } from './page-url.js';
import type { Format } from './render.js';

export interface BatchOptions {
  inputs: readonly string[];
  /** null or "-": standard output. */
  out: string | null;
  format: Format;
  jobs: number;
  url: string | null;
  urlMap: string | null;
  rules: string | null;
  builtin: boolean;
  /**
   * The worker entry (dist/cli/extract-worker.js). null when the CLI runs from its TypeScript
   * source (vitest, tsx): a worker thread would load the core without vite (no
   * `import.meta.glob`), so the pages run on the main thread, one at a time.
   */
  workerUrl: URL | null;
}

const PAGE_FILE = /\.x?html?$/i;

function usage(io: CliIo, message: string): number {
  io.stderr(`crypto-reader: ${message}\n`);
  return EXIT.usage;
}

/** Directories give their *.html / *.htm / *.xhtml files (not recursive), by natural name order. */
async function listTasks(inputs: readonly string[], cwd: string): Promise<BatchTask[]> {
  const tasks: BatchTask[] = [];
  const add = (file: string): void => {
    tasks.push({ index: tasks.length, file, path: resolve(cwd, file), url: null });
  };
  for (const input of inputs) {
    const isDir = await stat(resolve(cwd, input)).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!isDir) {
      // A missing file is reported in its own line.
      add(input);
      continue;
    }
    const names = (await readdir(resolve(cwd, input), { withFileTypes: true }))
      .filter((e) => e.isFile() && PAGE_FILE.test(e.name))
      .map((e) => e.name)
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    for (const name of names) add(join(input, name));
  }
  return tasks;
}

async function openOut(path: string): Promise<WriteStream | Error> {
  const stream = createWriteStream(path);
  return new Promise((done) => {
    stream.once('open', () => done(stream));
    stream.once('error', (e) => done(e));
  });
}

/** Runs `tasks` on `jobs` workers; `onResult` gets each page as it is done, in any order. */
function runPool(
  tasks: readonly BatchTask[],
  jobs: number,
  settings: BatchSettings,
  workerUrl: URL,
  onResult: (r: BatchResult) => void,
): Promise<void> {
  return new Promise((finish) => {
    let next = 0;
    let pending = tasks.length;
    const spawn = (): Worker => new Worker(workerUrl, { workerData: settings });
    const start = (): void => {
      const worker = spawn();
      // Two pages in flight per worker: the next one is already there when a page is done, so
      // a worker never waits for the main thread to be scheduled (it often is not, on a busy
      // machine). A worker reads its pages one after the other.
      const inFlight = new Map<number, BatchTask>();
      const feed = (): void => {
        while (inFlight.size < 2 && next < tasks.length) {
          const task = tasks[next++]!;
          inFlight.set(task.index, task);
          worker.postMessage(task);
        }
        if (!inFlight.size) void worker.terminate();
      };
      worker.on('message', (r: BatchResult) => {
        inFlight.delete(r.index);
        onResult(r);
        if (--pending === 0) finish();
        feed();
      });
      let death = '';
      worker.on('error', (e) => void (death = e.message));
      worker.on('exit', (code) => {
        // The thread is gone (a crash, out of memory, process.exit in a dependency) with pages
        // in flight: they fail, a new worker takes over the rest.
        if (!inFlight.size) return;
        for (const t of inFlight.values()) {
          onResult({
            index: t.index,
            ok: false,
            line: JSON.stringify({
              file: t.file,
              url: t.url,
              ok: false,
              error: `worker died: ${death || `exit code ${code}`}`,
            }),
          });
          if (--pending === 0) finish();
        }
        inFlight.clear();
        if (next < tasks.length) start();
      });
      feed();
    };
    for (let i = 0; i < Math.min(jobs, tasks.length); i++) start();
    if (!tasks.length) finish();
  });
}

export async function runBatch(opts: BatchOptions, io: CliIo): Promise<number> {
  if (opts.inputs.includes('-')) {
    return usage(io, 'standard input ("-") is one page: give files or a folder with --out');
  }
  let url: string | null = null;
  if (opts.url !== null) {
    url = pageUrl(opts.url);
    if (!url) return usage(io, `--url "${opts.url}" is not an absolute http, https or file URL`);
  }
  const tasks = await listTasks(opts.inputs, io.cwd);
  if (!tasks.length) return usage(io, `no pages (*.html, *.htm) in ${opts.inputs.join(', ')}`);
  if (url) for (const t of tasks) t.url = url;
  else if (opts.urlMap !== null) {
    const map = await loadUrlMap(opts.urlMap, io.cwd);
    if ('error' in map) return usage(io, map.error);
    for (const t of tasks) t.url = map.lookup(t.path);
  }

  const loaded = await loadRules(opts.rules, opts.builtin, io);
  if ('errors' in loaded) {
    io.stderr(`crypto-reader: invalid rules file ${opts.rules} (nothing extracted):\n`);
    for (const line of loaded.errors) io.stderr(`  ${line}\n`);
    return EXIT.usage;
  }
  const settings: BatchSettings = { rules: loaded.rules, format: opts.format };

  let stream: WriteStream | null = null;
  if (opts.out !== null && opts.out !== '-') {
    const opened = await openOut(resolve(io.cwd, opts.out));
    if (opened instanceof Error) {
      return usage(io, `cannot write ${opts.out}: ${describeReadError(opened)}`);
    }
    stream = opened;
  }
  const write = (text: string): void => {
    if (stream) stream.write(text);
    else io.stdout(text);
  };

  // Lines go out in input order: a finished page waits for the ones before it.
  const lines: (string | undefined)[] = new Array(tasks.length);
  let written = 0;
  let done = 0;
  let failed = 0;
  const failures: string[] = [];
  const started = performance.now();
  const tty = io.stderrIsTTY === true;
  let lastDraw = 0;
  const draw = (force = false): void => {
    const now = performance.now();
    if (!tty || (!force && now - lastDraw < 100)) return;
    lastDraw = now;
    io.stderr(`\r\x1b[K${formatProgress(done, tasks.length, now - started)}`);
  };
  const onResult = (r: BatchResult): void => {
    lines[r.index] = r.line;
    done++;
    if (!r.ok) {
      failed++;
      if (failures.length < 10) failures.push(tasks[r.index]!.file);
    }
    while (written < lines.length && lines[written] !== undefined) {
      write(`${lines[written]}\n`);
      lines[written++] = '';
    }
    draw();
  };
  draw(true);
  const jobs = opts.workerUrl ? Math.min(opts.jobs, tasks.length) : 1;
  if (jobs <= 1 || !opts.workerUrl) {
    // One job: no worker to start or feed, the pages run right here.
    const { processTask } = await import('./batch-page.js');
    for (const t of tasks) onResult(await processTask(t, settings));
  } else {
    await runPool(tasks, jobs, settings, opts.workerUrl, onResult);
  }
  draw(true);
  if (tty) io.stderr('\n');
  if (stream) {
    const s = stream;
    await new Promise<void>((ok) => s.end(ok));
  }
  const seconds = (performance.now() - started) / 1000;
  const where = stream ? ` → ${opts.out}` : '';
  io.stderr(
    `crypto-reader: ${tasks.length - failed}/${tasks.length} pages read` +
      (failed ? `, ${failed} without an article` : '') +
      ` in ${seconds.toFixed(1)} s (${(tasks.length / seconds).toFixed(1)} pages/s, ${jobs} job${jobs > 1 ? 's' : ''})${where}\n`,
  );
  if (failed) {
    io.stderr(
      `  ${failures.join(', ')}${failed > failures.length ? ', …' : ''} (their lines say why)\n`,
    );
  }
  return failed ? EXIT.noArticle : EXIT.ok;
}
