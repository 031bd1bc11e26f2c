import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Article } from '../core/types.js';
import { runBatch } from './batch.js';
import { EXIT, nodeIo, run } from './main.js';
import { formatProgress } from './progress.js';

// Pages written for these tests (not copied from any site).
const essay = (title: string, head = ''): string => `<!doctype html><html lang="en"><head>
<meta charset="utf-8"><title>${title}</title>${head}</head><body><article><h1>${title}</h1>
<p>Fees on the base chain dropped by half over three months, and the reasons are duller than the
charts suggest: the demand for block space simply moved somewhere else, mostly to rollups.</p>
<p>Most transfers now happen on rollups, which bundle thousands of payments into a single
settlement. Fewer bidders compete for each block, so the clearing price falls. <a href="/more">More</a></p>
<p>Whether fees climb again depends on new applications that settle directly on the base layer,
and on how quickly wallets route small payments to cheaper networks by default.</p>
</article></body></html>`;
const LOGIN = `<!doctype html><html><head><title>Login</title></head><body>
<form><input name="u"><button>Sign in</button></form></body></html>`;

const root = mkdtempSync(join(tmpdir(), 'cr-batch-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function folder(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  return dir;
}

async function cli(argv: string[], tty = false) {
  let out = '';
  let err = '';
  const io = {
    ...nodeIo(),
    cwd: root,
    stderrIsTTY: tty,
    stdout: (t: string) => void (out += t),
    stderr: (t: string) => void (err += t),
  };
  const code = await run(argv, io);
  return { code, stdout: out, stderr: err };
}

interface Line {
  file: string;
  url: string | null;
  ok: boolean;
  article?: Article | string;
  error?: string;
}
const jsonl = (text: string): Line[] =>
  text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);

describe('extract <dir> --out (batch)', () => {
  folder('pages', {
    '10-canonical.html': essay(
      'Canonical page',
      '<link rel="canonical" href="https://news.example/2026/canonical">',
    ),
    '2-sidecar.html': essay('Sidecar page'),
    '2-sidecar.url': '\nhttps://fees.example/2026/sidecar\n',
    '3-login.html': LOGIN,
    '4-shortcut.htm': essay('Shortcut page'),
    '4-shortcut.url': '[InternetShortcut]\r\nURL=https://short.example/a\r\n',
    'notes.txt': 'not a page',
  });

  // From the source, pages run on the main thread; the worker pool is tested below with stand-in
  // workers, and on the build in main.test.ts.
  it('writes one line per page in input order, URLs from sidecars and canonical links', async () => {
    const out = 'out.jsonl';
    const r = await cli(['extract', 'pages', '--out', out, '--jobs', '2']);
    expect(r.code).toBe(EXIT.noArticle);
    expect(r.stdout).toBe('');
    const lines = jsonl(readFileSync(join(root, out), 'utf8'));
    expect(lines.map((l) => [l.file, l.url, l.ok])).toEqual([
      [join('pages', '2-sidecar.html'), 'https://fees.example/2026/sidecar', true],
      [join('pages', '3-login.html'), expect.stringMatching(/^file:.*3-login\.html$/), false],
      [join('pages', '4-shortcut.htm'), 'https://short.example/a', true],
      [join('pages', '10-canonical.html'), 'https://news.example/2026/canonical', true],
    ]);
    expect(lines[1]!.error).toBe('no article found');
    const canonical = lines[3]!.article as Article;
    expect(canonical.title).toBe('Canonical page');
    // Links follow the page's URL.
    expect(canonical.contentHtml).toContain('href="https://news.example/more"');
    expect(r.stderr).toMatch(/3\/4 pages read, 1 without an article/);
    expect(r.stderr).toMatch(/1 job\)/);
    expect(r.stderr).toContain('3-login.html');
    // Not a terminal: no progress line.
    expect(r.stderr).not.toContain('\r');
  }, 60_000);

  it('exit 0 when every page was read; markdown articles; --url-map; lines to stdout', async () => {
    const dir = folder('mapped', {
      'a.html': essay('Page A'),
      'b.html': essay('Page B', '<link rel="canonical" href="https://ignored.example/b">'),
    });
    writeFileSync(
      join(dir, 'urls.json'),
      JSON.stringify({ 'a.html': 'https://a.example/x', 'b.html': 'https://b.example/y' }),
    );
    const r = await cli([
      'extract',
      'mapped/a.html',
      'mapped/b.html',
      '--url-map',
      'mapped/urls.json',
      '--format',
      'markdown',
      '--jobs',
      '2',
    ]);
    expect(r.code).toBe(EXIT.ok);
    const lines = jsonl(r.stdout);
    expect(lines.map((l) => l.url)).toEqual(['https://a.example/x', 'https://b.example/y']);
    expect(lines[0]!.article).toMatch(/^# Page A\n/);
    expect(lines[1]!.article).toContain('[More](https://b.example/more)');
    expect(r.stderr).toMatch(/2\/2 pages read in/);
    // One page, printed as before, takes its URL from the map too.
    const one = await cli(['extract', 'mapped/b.html', '--url-map', 'mapped/urls.json']);
    expect(one.code).toBe(EXIT.ok);
    expect((JSON.parse(one.stdout) as Article).contentHtml).toContain('https://b.example/more');
  }, 60_000);

  it('reports an unreadable page in its line and goes on', async () => {
    folder('one', { 'ok.html': essay('Fine page') });
    const r = await cli([
      'extract',
      'one/missing.html',
      'one/ok.html',
      '--url',
      'https://x.example/a',
      '--out',
      'one.jsonl',
      '--jobs',
      '1',
    ]);
    expect(r.code).toBe(EXIT.noArticle);
    const lines = jsonl(readFileSync(join(root, 'one.jsonl'), 'utf8'));
    expect(lines[0]).toMatchObject({
      ok: false,
      error: 'cannot read one/missing.html: no such file',
    });
    expect(lines[1]).toMatchObject({ ok: true, url: 'https://x.example/a' });
  });

  it('a sidecar without a URL fails its page with the reason', async () => {
    folder('badurl', { 'p.html': essay('P'), 'p.url': 'see the website\n' });
    const r = await cli(['extract', 'badurl', '--out', '-']);
    expect(r.code).toBe(EXIT.noArticle);
    expect(jsonl(r.stdout)[0]).toMatchObject({
      ok: false,
      error: expect.stringMatching(/p\.url: "see the website" is not an http, https or file URL/),
    });
  });

  it('draws a progress line on a terminal', async () => {
    const r = await cli(['extract', 'one', '--out', 'tty.jsonl', '--jobs', '1'], true);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stderr).toContain('\r\x1b[K[####################] 1/1 pages');
  });

  it.each([
    [['extract', 'empty-dir', '--out', 'x.jsonl'], /no pages/],
    [['extract', 'one', '--out', 'no-such-dir/x.jsonl'], /cannot write no-such-dir\/x\.jsonl/],
    [['extract', 'one', '--jobs', '0'], /--jobs wants a whole number/],
    [['extract', 'one', '--url-map', 'nope.json'], /cannot read --url-map nope\.json/],
    [['extract', '-', '--out', 'x.jsonl', '--url', 'https://a.example/'], /standard input/],
    [['extract', 'one', '--url', 'ftp://a.example/'], /not an absolute http, https or file URL/],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    folder('empty-dir', {});
    writeFileSync(join(root, 'bad-map.json'), '["a"]');
    const r = await cli(argv);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});

describe('runBatch with workers that die', () => {
  it('reports their pages and finishes', async () => {
    const dir = folder('dying', {
      'a.html': essay('A'),
      'b.html': essay('B'),
      'c.html': essay('C'),
    });
    const worker = join(dir, 'dying-worker.mjs');
    writeFileSync(
      worker,
      "import { parentPort } from 'node:worker_threads';\n" +
        "parentPort.on('message', () => { throw new Error('boom'); });\n",
    );
    let out = '';
    let err = '';
    const code = await runBatch(
      {
        inputs: ['dying'],
        out: null,
        format: 'json',
        jobs: 2,
        url: null,
        urlMap: null,
        rules: null,
        builtin: true,
        workerUrl: pathToFileURL(worker),
      },
      {
        ...nodeIo(),
        cwd: root,
        stdout: (t) => void (out += t),
        stderr: (t) => void (err += t),
      },
    );
    expect(code).toBe(EXIT.noArticle);
    expect(jsonl(out).map((l) => [l.file, l.ok, l.error])).toEqual(
      ['a', 'b', 'c'].map((n) => [join('dying', `${n}.html`), false, 'worker died: boom']),
    );
    expect(err).toMatch(/0\/3 pages read, 3 without an article/);
  });
});

describe('formatProgress', () => {
  it('shows the count, the rate and the time left', () => {
    expect(formatProgress(25, 100, 5000, 10)).toBe(
      '[###-------] 25/100 pages, 5.0 pages/s, ETA 15s',
    );
    expect(formatProgress(0, 100, 0, 4)).toBe('[----] 0/100 pages, 0.0 pages/s, ETA ?');
    expect(formatProgress(10, 10, 2000, 4)).toBe('[####] 10/10 pages, 5.0 pages/s, done');
    expect(formatProgress(1, 1000, 1000, 4)).toMatch(/ETA 16m39s$/);
  });
});
