/**
 * `crypto-reader extract <file.html|-> [--url URL] [--format json|html|markdown|text]
 * [--rules rules.json] [--no-builtin]` for one page, and `extract <dir|files…> --out x.jsonl`
 * for many (`batch.ts`). `run(argv, io)` does the work and returns the exit code, so tests call
 * it in-process. Arguments are parsed by `node:util` `parseArgs`; jsdom, the core and the rules
 * are imported only once a page is read, so `--help` and usage errors return at once.
 */
import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { EXIT, type CliIo } from './io.js';
import { describeReadError } from './read-error.js';

export { EXIT, type CliIo } from './io.js';

const FORMATS = ['json', 'html', 'markdown', 'text'] as const;
type Format = (typeof FORMATS)[number];

export const HELP = `crypto-reader: the clean article of a (crypto-news) page, with its outline.

Usage:
  crypto-reader extract <file.html|-> [--url <page url>] [--format json|html|markdown|text]
                        [--rules <rules.json>] [--no-builtin]
  crypto-reader extract <dir|files…> --out <results.jsonl> [--format json|html|markdown|text]
                        [--jobs <n>] [--url <page url> | --url-map <urls.json>]
                        [--rules <rules.json>] [--no-builtin]
  crypto-reader --help

Arguments:
  <file.html>        the saved page; "-" reads it from standard input. The encoding is
                     taken from the page (<meta charset>), UTF-8 by default.
  --url <url>        the page's address (http, https or file): links and images are made
                     absolute against it, and site rules match its host. Optional for a file:
                     it defaults to the file's file:// URL (then only rules for "*" apply,
                     and relative links and images are dropped). Required with "-".
  --format <f>       json (default: the whole Article, pretty-printed), html (a standalone
                     page), markdown, or text.
  --rules <file>     a rules file ({"rules": [...]} or an array, as exported by the options
                     page). Its rules are added to the built-in ones; a rule with a built-in
                     rule's id replaces it. If any rule is invalid, every error is printed and
                     nothing is extracted.
  --no-builtin       do not apply the built-in site rules.
  -h, --help         this text.

Many pages (a folder's *.html and *.htm files, several files, or --out):
  --out <file>       write one JSON line per page, in input order:
                     {"file", "url", "ok", "article"} or {"file", "url", "ok": false, "error"};
                     "article" is the Article (json) or the printed page (other formats).
                     "-" or no --out: standard output. A summary goes to stderr, and a
                     progress line too when stderr is a terminal.
  --jobs <n>         pages read at once, on worker threads (default: every core).
  --url-map <file>   {"page.html": "https://…"}: each page's address, by path (relative to
                     the map file) or by file name (also for one page without --url).
                     Without --url or a map entry, a page's address is taken from
                     <name>.url next to it (the URL on its first line, or a Windows
                     shortcut's URL= line), else its <link rel=canonical>, else its file URL.

Exit codes:
  0  the article was printed (many pages: every page was read)
  1  the page has no article (many pages: some had none or could not be read; see their lines)
  2  usage error, unreadable input file, or invalid rules file
  3  internal error
`;

interface Options {
  inputs: string[];
  url: string | null;
  format: Format;
  rules: string | null;
  builtin: boolean;
  out: string | null;
  jobs: number;
  urlMap: string | null;
}

class UsageError extends Error {}

const OPTIONS = {
  url: { type: 'string' },
  format: { type: 'string' },
  rules: { type: 'string', multiple: true },
  'no-builtin': { type: 'boolean' },
  out: { type: 'string', short: 'o' },
  jobs: { type: 'string', short: 'j' },
  'url-map': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** parseArgs' messages, in the words this CLI has always used. */
function usageMessage(e: NodeJS.ErrnoException): string {
  const option = /'(--?[\w-]+)/.exec(e.message)?.[1] ?? '';
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option "${option}"`;
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /argument missing|ambiguous/.test(e.message)
      ? `${option} needs a value`
      : `${option} takes no value`;
  }
  return e.message;
}

function parseOptions(argv: readonly string[]): Options | 'help' {
  if (argv.some((a) => a === '-h' || a === '--help') || argv[0] === 'help') return 'help';
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code?.startsWith('ERR_PARSE_ARGS_')) throw new UsageError(usageMessage(err));
    throw e;
  }
  const { values, positionals } = parsed;
  const [command, ...inputs] = positionals;
  if (command === undefined) throw new UsageError('missing command (try "extract")');
  if (command !== 'extract') {
    throw new UsageError(`unknown command "${command}" (expected "extract")`);
  }
  for (const [name, value] of Object.entries(values)) {
    if (value === '') throw new UsageError(`--${name} needs a value`);
  }
  const format = values.format ?? 'json';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format "${format}" (expected ${FORMATS.join(', ')})`);
  }
  if ((values.rules?.length ?? 0) > 1) {
    throw new UsageError('--rules is given twice (merge the files into one)');
  }
  let jobs = availableParallelism();
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) {
      throw new UsageError(`--jobs wants a whole number of 1 or more, not "${values.jobs}"`);
    }
  }
  if (!inputs.length) {
    throw new UsageError('missing input file (a path, a folder, or "-" for standard input)');
  }
  return {
    inputs,
    url: values.url ?? null,
    format: format as Format,
    rules: values.rules?.[0] ?? null,
    builtin: !values['no-builtin'],
    out: values.out ?? null,
    jobs,
    urlMap: values['url-map'] ?? null,
  };
}

/** Batch mode: --out, several inputs, or a folder. */
async function isBatch(opts: Options, cwd: string): Promise<boolean> {
  if (opts.out !== null || opts.inputs.length > 1) return true;
  const only = opts.inputs[0]!;
  if (only === '-') return false;
  return stat(resolve(cwd, only)).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** The built batch worker, next to this file; none when running from the TypeScript source. */
function workerUrl(): URL | null {
  return import.meta.url.endsWith('.ts') ? null : new URL('./extract-worker.js', import.meta.url);
}

async function extractOne(opts: Options, io: CliIo): Promise<number> {
  const file = opts.inputs[0]!;
  if (opts.url === null && opts.urlMap !== null && file !== '-') {
    const { loadUrlMap } = await import('./page-url.js');
    const map = await loadUrlMap(opts.urlMap, io.cwd);
    if ('error' in map) {
      io.stderr(`crypto-reader: ${map.error}\n`);
      return EXIT.usage;
    }
    opts = { ...opts, url: map.lookup(resolve(io.cwd, file)) };
  }
  let url: URL;
  if (opts.url === null) {
    if (file === '-') {
      io.stderr('crypto-reader: --url is required when the page comes from standard input\n');
      return EXIT.usage;
    }
    url = pathToFileURL(resolve(io.cwd, file));
  } else {
    try {
      url = new URL(opts.url);
    } catch {
      io.stderr(`crypto-reader: --url "${opts.url}" is not an absolute URL\n`);
      return EXIT.usage;
    }
    if (!['http:', 'https:', 'file:'].includes(url.protocol)) {
      io.stderr(`crypto-reader: --url must be http, https or file, not ${url.protocol}\n`);
      return EXIT.usage;
    }
  }

  const { loadRules } = await import('./load-rules.js');
  const loaded = await loadRules(opts.rules, opts.builtin, io);
  if ('errors' in loaded) {
    io.stderr(`crypto-reader: invalid rules file ${opts.rules} (nothing extracted):\n`);
    for (const line of loaded.errors) io.stderr(`  ${line}\n`);
    return EXIT.usage;
  }

  let html: Uint8Array;
  const name = file === '-' ? 'standard input' : file;
  try {
    html = file === '-' ? await io.readStdin() : await io.readFile(resolve(io.cwd, file));
  } catch (e) {
    io.stderr(`crypto-reader: cannot read ${name}: ${describeReadError(e)}\n`);
    return EXIT.usage;
  }
  const [{ readPage }, { renderArticle }] = await Promise.all([
    import('./read-page.js'),
    import('./render.js'),
  ]);
  const { article } = readPage(html, { url: url.href, rules: loaded.rules });
  if (!article) {
    io.stderr(`crypto-reader: no article found in ${name}\n`);
    return EXIT.noArticle;
  }
  io.stdout(renderArticle(article, opts.format));
  return EXIT.ok;
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let opts: Options | 'help';
  try {
    opts = parseOptions(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`crypto-reader: ${e.message}\nRun "crypto-reader --help" for usage.\n`);
    return EXIT.usage;
  }
  if (opts === 'help') {
    io.stdout(HELP);
    return EXIT.ok;
  }
  try {
    if (await isBatch(opts, io.cwd)) {
      const { runBatch } = await import('./batch.js');
      return await runBatch({ ...opts, workerUrl: workerUrl() }, io);
    }
    return await extractOne(opts, io);
  } catch (e) {
    io.stderr(`crypto-reader: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    return EXIT.internal;
  }
}

export function nodeIo(): CliIo {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    readFile: (p) => readFile(p),
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    },
    cwd: process.cwd(),
    stderrIsTTY: process.stderr.isTTY === true,
  };
}

/** Entry used by `bin/crypto-reader.js`. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  process.exitCode = await run(argv, nodeIo());
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
