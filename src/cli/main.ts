/**
 * `crypto-reader extract <file.html|-> [--url URL] [--format json|html|markdown|text]
 * [--rules rules.json] [--no-builtin]`: the same core as the extension, on a jsdom document.
 * `run(argv, io)` does the work and returns the exit code, so tests call it in-process.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { listBlocks } from '../core/blocks.js';
import { extractArticle } from '../core/extract-article.js';
import { normalizeText } from '../core/text.js';
import type { Article } from '../core/types.js';
import { BUILTIN_RULES } from '../rules/builtin/index.js';
import { formatRuleError, parseRules } from '../rules/parse.js';
import type { SiteRule } from '../rules/schema.js';
import { selectorValidator } from '../rules/selector-validator.js';
import { mergeRules } from '../shared/rule-storage.js';
import { toMarkdown } from './to-markdown.js';
import { toText } from './to-text.js';

export const EXIT = { ok: 0, noArticle: 1, usage: 2, internal: 3 } as const;

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Rejects (with a Node-style error) when the file cannot be read. */
  readFile(path: string): Promise<Uint8Array>;
  readStdin(): Promise<Uint8Array>;
  /** Relative paths are resolved against it. */
  cwd: string;
}

const FORMATS = ['json', 'html', 'markdown', 'text'] as const;
type Format = (typeof FORMATS)[number];

export const HELP = `crypto-reader: the clean article of a (crypto-news) page, with its outline.

Usage:
  crypto-reader extract <file.html|-> [--url <page url>] [--format json|html|markdown|text]
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

Exit codes:
  0  the article was printed
  1  the page has no article
  2  usage error, unreadable input file, or invalid rules file
  3  internal error
`;

interface Options {
  file: string;
  url: string | null;
  format: Format;
  rules: string | null;
  builtin: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Options | 'help' {
  const args = [...argv];
  if (args.some((a) => a === '-h' || a === '--help') || args[0] === 'help') return 'help';
  if (!args.length) throw new UsageError('missing command (try "extract")');
  const command = args.shift();
  if (command !== 'extract')
    throw new UsageError(`unknown command "${command}" (expected "extract")`);
  const opts: Options = { file: '', url: null, format: 'json', rules: null, builtin: true };
  let file: string | null = null;
  while (args.length) {
    const arg = args.shift()!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      const v = eq > 0 ? arg.slice(eq + 1) : args.shift();
      if (v === undefined || v === '') throw new UsageError(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '--url':
        opts.url = value();
        break;
      case '--format': {
        const f = value();
        if (!(FORMATS as readonly string[]).includes(f)) {
          throw new UsageError(`unknown format "${f}" (expected ${FORMATS.join(', ')})`);
        }
        opts.format = f as Format;
        break;
      }
      case '--rules':
        if (opts.rules !== null)
          throw new UsageError('--rules is given twice (merge the files into one)');
        opts.rules = value();
        break;
      case '--no-builtin':
        opts.builtin = false;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}"`);
        if (file !== null)
          throw new UsageError(`only one input file is read (got "${file}" and "${arg}")`);
        file = arg;
    }
  }
  if (file === null) throw new UsageError('missing input file (a path, or "-" for standard input)');
  opts.file = file;
  return opts;
}

function describeReadError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return 'no such file';
  if (err?.code === 'EISDIR') return 'is a directory';
  if (err?.code === 'EACCES') return 'permission denied';
  return err?.message ?? String(e);
}

let validator: ((selector: string) => string | null) | null = null;
/** Selector validation by the same engine that will run the rules (jsdom). */
export function validateSelector(selector: string): string | null {
  validator ??= selectorValidator(new JSDOM('').window.document);
  return validator(selector);
}

function contentRoot(article: Article): { doc: Document; body: HTMLElement } {
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>');
  const doc = dom.window.document;
  doc.body.append(JSDOM.fragment(article.contentHtml));
  // The title is printed above the content: drop a leading heading that repeats it.
  const first = listBlocks(doc.body)[0];
  if (first && /^H[1-3]$/.test(first.el.tagName) && first.text === normalizeText(article.title)) {
    first.el.remove();
  }
  return { doc, body: doc.body };
}

function metaLine(article: Article): string {
  return [article.byline, article.siteName, article.publishedTime?.slice(0, 10)]
    .filter(Boolean)
    .join(' · ');
}

function render(article: Article, format: Format): string {
  if (format === 'json') return `${JSON.stringify(article, null, 2)}\n`;
  const { doc, body } = contentRoot(article);
  const meta = metaLine(article);
  if (format === 'text') {
    return `${article.title}\n${meta ? `${meta}\n` : ''}\n${toText(body)}`;
  }
  if (format === 'markdown') {
    const head = `# ${article.title.replace(/([\\`*_[\]<])/g, '\\$1')}\n\n${meta ? `*${meta}*\n\n` : ''}`;
    return head + toMarkdown(body);
  }
  // html: a standalone page, built with DOM APIs (text stays text).
  for (const m of body.querySelectorAll('[data-cr-removed]')) m.remove();
  doc.documentElement.lang = article.lang ?? '';
  if (!article.lang) doc.documentElement.removeAttribute('lang');
  if (article.dir) doc.documentElement.dir = article.dir;
  const charset = doc.createElement('meta');
  charset.setAttribute('charset', 'utf-8');
  const title = doc.createElement('title');
  title.textContent = article.title;
  doc.head.append(charset, title);
  const wrapper = doc.createElement('article');
  const h1 = doc.createElement('h1');
  h1.textContent = article.title;
  wrapper.append(h1);
  if (meta) {
    const p = doc.createElement('p');
    p.className = 'byline';
    p.textContent = meta;
    wrapper.append(p);
  }
  wrapper.append(...body.childNodes);
  body.append(wrapper);
  return `<!doctype html>\n${doc.documentElement.outerHTML}\n`;
}

async function loadRules(
  path: string,
  io: CliIo,
): Promise<{ rules: SiteRule[] } | { errors: string[] }> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(resolve(io.cwd, path));
  } catch (e) {
    return { errors: [`cannot read rules file ${path}: ${describeReadError(e)}`] };
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  const { rules, errors } = parseRules(text, { validateSelector });
  if (errors.length) {
    return {
      errors: errors.map((e) => {
        const pos = e.line !== undefined ? `:${e.line}:${e.column ?? 1}` : '';
        return `${path}${pos}: ${formatRuleError({ ...e, line: undefined, column: undefined })}`;
      }),
    };
  }
  return { rules };
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let opts: Options | 'help';
  try {
    opts = parseArgs(argv);
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
    let url: URL;
    if (opts.url === null) {
      if (opts.file === '-') {
        io.stderr('crypto-reader: --url is required when the page comes from standard input\n');
        return EXIT.usage;
      }
      url = pathToFileURL(resolve(io.cwd, opts.file));
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

    let userRules: SiteRule[] = [];
    if (opts.rules !== null) {
      const loaded = await loadRules(opts.rules, io);
      if ('errors' in loaded) {
        io.stderr(`crypto-reader: invalid rules file ${opts.rules} (nothing extracted):\n`);
        for (const line of loaded.errors) io.stderr(`  ${line}\n`);
        return EXIT.usage;
      }
      userRules = loaded.rules;
    }
    const rules = mergeRules(opts.builtin ? BUILTIN_RULES : [], userRules, []);

    let html: Uint8Array;
    const name = opts.file === '-' ? 'standard input' : opts.file;
    try {
      html =
        opts.file === '-' ? await io.readStdin() : await io.readFile(resolve(io.cwd, opts.file));
    } catch (e) {
      io.stderr(`crypto-reader: cannot read ${name}: ${describeReadError(e)}\n`);
      return EXIT.usage;
    }
    const dom = new JSDOM(html, { url: url.href, contentType: 'text/html' });
    const article = extractArticle(dom.window.document, { url: url.href, rules });
    dom.window.close();
    if (!article) {
      io.stderr(`crypto-reader: no article found in ${name}\n`);
      return EXIT.noArticle;
    }
    io.stdout(render(article, opts.format));
    return EXIT.ok;
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
  };
}

/** Entry used by `bin/crypto-reader.js`. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  process.exitCode = await run(argv, nodeIo());
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
