import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../core/extract-article.js';
import { exportRules } from '../rules/export.js';
import { importUboFilters } from '../rules/import-ubo.js';
import type { Article } from '../core/types.js';
import { EXIT, run, type CliIo } from './main.js';

// Pages written for these tests (not copied from any site).
const ESSAY = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Why block fees fell this spring</title></head><body>
<nav><a href="/">Home</a> <a href="/markets">Markets</a> <a href="/about">About</a></nav>
<article>
  <h1>Why block fees fell this spring</h1>
  <div class="promo-box">Get our morning letter: prices, charts and gossip in your inbox.</div>
  <p>Fees on the base chain dropped by half over three months, and the reasons are duller than the
  charts suggest: the demand for block space simply moved somewhere else.</p>
  <h2>Where the demand went</h2>
  <p>Most transfers now happen on rollups, which bundle thousands of payments into a single
  settlement. Fewer bidders compete for each block, so the clearing price falls.</p>
  <ul><li>Rollup <a href="/rollups">volume</a> doubled</li><li>Mint frenzies faded</li></ul>
  <p>Partner content: open a brokerage account in five minutes.</p>
  <h2>What comes next</h2>
  <p>Whether fees climb again depends on new applications that settle directly on the base layer,
  and on how quickly wallets route small payments to cheaper networks by default.</p>
  <p><img src="/img/chart.png" alt="fee chart"></p>
</article></body></html>`;

const NO_ARTICLE = `<!doctype html><html><head><title>Login</title></head><body>
<form><input name="u"><button>Sign in</button></form></body></html>`;

const PROMO_RULES = JSON.stringify({
  rules: [
    {
      id: 'fees-site',
      match: ['fees.example'],
      remove: ['.promo-box'],
      removeText: ['Partner content:'],
    },
  ],
});

function memoryIo(files: Record<string, string | Uint8Array>, stdin?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const reads: string[] = [];
  const io: CliIo = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    cwd: '/work',
    async readFile(path) {
      reads.push(path);
      const f = files[path];
      if (f === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return typeof f === 'string' ? new TextEncoder().encode(f) : f;
    },
    async readStdin() {
      return new TextEncoder().encode(stdin ?? '');
    },
  };
  return { io, out: () => out.join(''), err: () => err.join(''), reads };
}

const FILES = {
  '/work/essay.html': ESSAY,
  '/work/empty.html': NO_ARTICLE,
  '/work/rules.json': PROMO_RULES,
};

async function cli(argv: string[], stdin?: string) {
  const m = memoryIo(FILES, stdin);
  const code = await run(argv, m.io);
  return { code, stdout: m.out(), stderr: m.err(), reads: m.reads };
}

describe('crypto-reader CLI: usage', () => {
  it('prints help with exit 0', async () => {
    for (const argv of [['--help'], ['-h'], ['help'], ['extract', '--help']]) {
      const r = await cli(argv);
      expect(r.code).toBe(EXIT.ok);
      expect(r.stdout).toMatch(/^Usage:/m);
      expect(r.stdout).toMatch(/defaults to the file's file:\/\/ URL/);
    }
  });

  it.each([
    [[], /missing command/],
    [['convert', 'a.html'], /unknown command "convert"/],
    [['extract'], /missing input file/],
    [['extract', 'essay.html', '--format', 'pdf'], /unknown format "pdf"/],
    [['extract', 'essay.html', '--url'], /--url needs a value/],
    [['extract', 'essay.html', '--bogus'], /unknown option "--bogus"/],
    [['extract', 'essay.html', '--url', 'fees.example/a'], /not an absolute URL/],
    [['extract', 'essay.html', '--url', 'ftp://fees.example/a'], /must be http, https or file/],
    [['extract', '-'], /--url is required when the page comes from standard input/],
    [['extract', 'essay.html', '--rules', 'a.json', '--rules', 'b.json'], /--rules is given twice/],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const r = await cli(argv as string[]);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('names a missing input file, exit 2', async () => {
    const r = await cli(['extract', 'missing.html', '--url', 'https://fees.example/a']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/cannot read missing\.html: no such file/);
  });

  it('says when there is no article, exit 1', async () => {
    const r = await cli(['extract', 'empty.html', '--url', 'https://fees.example/login']);
    expect(r.code).toBe(EXIT.noArticle);
    expect(r.stderr).toMatch(/no article found in empty\.html/);
    expect(r.stdout).toBe('');
  });
});

describe('crypto-reader CLI: formats', () => {
  it('json prints the Article, pretty', async () => {
    const r = await cli(['extract', 'essay.html', '--url', 'https://fees.example/2026/fees']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toMatch(/^\{\n {2}"title": /);
    const a = JSON.parse(r.stdout) as Article;
    expect(a.title).toMatch(/Why block fees fell this spring/);
    expect(a.textContent).toMatch(/demand for block space simply moved/);
    expect(a.textContent).toMatch(/route small payments to cheaper networks/);
    expect(a.contentHtml).toContain('src="https://fees.example/img/chart.png"');
  });

  it('defaults --url to the file URL of the input', async () => {
    const r = await cli(['extract', 'essay.html']);
    expect(r.code).toBe(EXIT.ok);
    const a = JSON.parse(r.stdout) as Article;
    expect(a.textContent).toMatch(/demand for block space simply moved/);
    // Relative URLs would point into the file system: the sanitizer drops file: URLs.
    expect(a.contentHtml).not.toContain('file:');
  });

  it('reads standard input with "-"', async () => {
    const r = await cli(
      ['extract', '-', '--url', 'https://fees.example/a', '--format', 'text'],
      ESSAY,
    );
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toMatch(/^Why block fees fell this spring\n/);
  });

  it('markdown has headings, lists, absolute links and images', async () => {
    const r = await cli([
      'extract',
      'essay.html',
      '--url=https://fees.example/a',
      '--format=markdown',
    ]);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toMatch(/^# Why block fees fell this spring\n/);
    expect(r.stdout.match(/Why block fees fell this spring/g)).toHaveLength(1);
    expect(r.stdout).toContain('\n## Where the demand went\n');
    expect(r.stdout).toContain(
      '\n- Rollup [volume](https://fees.example/rollups) doubled\n- Mint frenzies faded\n',
    );
    expect(r.stdout).toContain('![fee chart](https://fees.example/img/chart.png)');
    expect(r.stdout).not.toMatch(/<[a-z]/);
  });

  it('text has one paragraph per block', async () => {
    const r = await cli([
      'extract',
      'essay.html',
      '--url',
      'https://fees.example/a',
      '--format',
      'text',
    ]);
    const paras = r.stdout.split('\n\n');
    expect(paras).toContain('Where the demand went');
    expect(paras.some((p) => p.startsWith('Fees on the base chain dropped by half'))).toBe(true);
  });

  it('html is a standalone page with the title as text', async () => {
    const page = ESSAY.replaceAll(
      'Why block fees fell this spring',
      'Fees &lt;b&gt;fell&lt;/b&gt; &amp; rose',
    );
    const m = memoryIo({ '/work/p.html': page });
    const code = await run(
      ['extract', 'p.html', '--url', 'https://fees.example/a', '--format', 'html'],
      m.io,
    );
    expect(code).toBe(EXIT.ok);
    const doc = new JSDOM(m.out()).window.document;
    expect(m.out()).toMatch(/^<!doctype html>\n<html/);
    expect(doc.title).toBe('Fees <b>fell</b> & rose');
    expect(doc.querySelector('h1')?.textContent).toBe('Fees <b>fell</b> & rose');
    expect(doc.querySelector('h1 b')).toBeNull();
    expect(doc.querySelector('article h2')?.textContent).toBe('Where the demand went');
    expect(doc.querySelector('[data-cr-removed], script')).toBeNull();
  });

  it('decodes a page in its declared legacy encoding', async () => {
    // GBK bytes for 中文 (D6 D0 CE C4) and a full stop (A1 A3), repeated into paragraphs.
    const para = [...Array(60)].flatMap(() => [0xd6, 0xd0, 0xce, 0xc4]).concat([0xa1, 0xa3]);
    const ascii = (s: string) => [...new TextEncoder().encode(s)];
    const bytes = new Uint8Array([
      ...ascii(
        '<!doctype html><html><head><meta charset="gbk"><title>t</title></head><body><article>',
      ),
      ...[1, 2, 3].flatMap(() => [...ascii('<p>'), ...para, ...ascii('</p>')]),
      ...ascii('</article></body></html>'),
    ]);
    const m = memoryIo({ '/work/gbk.html': bytes });
    const code = await run(
      ['extract', 'gbk.html', '--url', 'https://cn.example/a', '--format', 'text'],
      m.io,
    );
    expect(code).toBe(EXIT.ok);
    expect(m.out()).toContain('中文中文中文');
  });
});

describe('crypto-reader CLI: --rules', () => {
  it('an invalid rules file prints every error with its position and extracts nothing (exit 2)', async () => {
    const bad = JSON.stringify(
      {
        rules: [
          { id: 'fees-site', match: ['fees.example'], remove: ['.promo-box'] },
          { id: 'Bad', match: [], remove: ['div['] },
          { id: 'slow', match: ['*'], removeText: ['/(\\w)\\1$/'] },
        ],
      },
      null,
      2,
    );
    const m = memoryIo({ ...FILES, '/work/bad.json': bad });
    const code = await run(
      ['extract', 'essay.html', '--url', 'https://fees.example/a', '--rules', 'bad.json'],
      m.io,
    );
    expect(code).toBe(EXIT.usage);
    expect(m.out()).toBe('');
    expect(m.reads).toEqual(['/work/bad.json']);
    const lines = m.err().trim().split('\n');
    expect(lines[0]).toMatch(/invalid rules file bad\.json \(nothing extracted\)/);
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^ {2}bad\.json:\d+:\d+: rule 1 "Bad", id: "Bad" is not kebab-case/),
      expect.stringMatching(
        /^ {2}bad\.json:\d+:\d+: rule 1 "Bad", match: needs at least one entry/,
      ),
      expect.stringMatching(
        /^ {2}bad\.json:\d+:\d+: rule 1 "Bad", remove\[0\]: invalid CSS selector "div\["/,
      ),
      expect.stringMatching(
        /^ {2}bad\.json:\d+:\d+: rule 2 "slow", removeText\[0\]: backreference "\\1" is not supported/,
      ),
    ]);
  });

  it('a rules file with a JSON syntax error reports line:column', async () => {
    const m = memoryIo({
      ...FILES,
      '/work/broken.json': '{"rules": [\n  {"id": "a" "match": []}\n]}',
    });
    const code = await run(['extract', 'essay.html', '--rules', 'broken.json'], m.io);
    expect(code).toBe(EXIT.usage);
    expect(m.err()).toMatch(/broken\.json:2:14: JSON syntax error/);
  });

  it('reads the file the options page exports (exportRules), including a uBO import', async () => {
    const imported = importUboFilters(
      'fees.example##.promo-box\nfees.example##p:has-text(/^Partner content:/)',
    );
    expect(imported.errors).toEqual([]);
    const m = memoryIo({ ...FILES, '/work/export.json': exportRules(imported.rules) });
    const code = await run(
      ['extract', 'essay.html', '--url', 'https://fees.example/a', '--rules', 'export.json'],
      m.io,
    );
    expect(m.err()).toBe('');
    expect(code).toBe(EXIT.ok);
  });

  it('a missing rules file is named, exit 2', async () => {
    const r = await cli(['extract', 'essay.html', '--rules', 'nope.json']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(/cannot read rules file nope\.json: no such file/);
  });

  // The core applies rules once the pipeline calls compileSiteRules (src/core/apply-rules.ts).
  const probe = new JSDOM(
    '<body><article><p class="x">' +
      'word '.repeat(80) +
      '</p><p>' +
      'text '.repeat(80) +
      '</p></article></body>',
    {
      url: 'https://probe.example/',
    },
  ).window.document;
  const coreAppliesRules =
    extractArticle(probe, {
      url: 'https://probe.example/',
      rules: [{ id: 'probe', match: ['*'], enabled: true, remove: ['.x'], removeText: [] }],
    })?.removed.some((r) => r.rule === 'rule:probe') ?? false;
  if (!coreAppliesRules)
    console.log('[skip] --rules application tests: extractArticle does not apply rules yet');

  it.skipIf(!coreAppliesRules)(
    'applies the rules file for a matching host, with rule ids in removed',
    async () => {
      const r = await cli([
        'extract',
        'essay.html',
        '--url',
        'https://www.fees.example/a',
        '--rules',
        'rules.json',
      ]);
      expect(r.code).toBe(EXIT.ok);
      const a = JSON.parse(r.stdout) as Article;
      expect(a.textContent).not.toMatch(/morning letter|Partner content/);
      expect(a.removed.filter((x) => x.rule === 'rule:fees-site').map((x) => x.kind)).toEqual([
        'rule',
        'rule',
      ]);
      // Another host: the same file changes nothing.
      const other = await cli([
        'extract',
        'essay.html',
        '--url',
        'https://other.example/a',
        '--rules',
        'rules.json',
      ]);
      expect(
        (JSON.parse(other.stdout) as Article).removed.some((x) => x.rule === 'rule:fees-site'),
      ).toBe(false);
    },
  );

  it.skipIf(!coreAppliesRules)(
    'applies built-in rules unless --no-builtin; a user rule overrides one',
    async () => {
      const page = ESSAY.replace(
        '<h2>What comes next</h2>',
        '<div class="high-impact-ad">AD SLOT TEXT</div><h2>What comes next</h2>',
      );
      const files = {
        '/work/cd.html': page,
        '/work/override.json': JSON.stringify([
          { id: 'coindesk', match: ['coindesk.com'], enabled: false },
        ]),
      };
      const url = 'https://www.coindesk.com/markets/2026/fees';
      const get = async (...extra: string[]) => {
        const m = memoryIo(files);
        expect(await run(['extract', 'cd.html', '--url', url, ...extra], m.io)).toBe(EXIT.ok);
        return JSON.parse(m.out()) as Article;
      };
      expect(
        (await get()).removed.some((x) => x.rule === 'rule:coindesk' && x.text === 'AD SLOT TEXT'),
      ).toBe(true);
      expect((await get('--no-builtin')).removed.some((x) => x.rule === 'rule:coindesk')).toBe(
        false,
      );
      expect(
        (await get('--rules', 'override.json')).removed.some((x) => x.rule === 'rule:coindesk'),
      ).toBe(false);
    },
  );
});

describe('bin/crypto-reader.js (built CLI)', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const built = existsSync(`${root}dist/cli/main.js`);
  if (!built)
    console.log(
      '[skip] bin/crypto-reader.js: dist/cli/main.js is not built (run npm run build:lib)',
    );

  it.skipIf(!built)(
    'runs as a process: stdin, exit codes',
    () => {
      const bin = `${root}bin/crypto-reader.js`;
      const ok = spawnSync(
        process.execPath,
        [bin, 'extract', '-', '--url', 'https://fees.example/a', '--format', 'markdown'],
        {
          input: ESSAY,
          encoding: 'utf8',
        },
      );
      expect(ok.status).toBe(0);
      expect(ok.stdout).toContain('## Where the demand went');
      const missing = spawnSync(process.execPath, [bin, 'extract', 'no-such-file.html'], {
        encoding: 'utf8',
        cwd: root,
      });
      expect(missing.status).toBe(2);
      expect(missing.stderr).toMatch(/cannot read no-such-file\.html/);
      const empty = spawnSync(
        process.execPath,
        [bin, 'extract', '-', '--url', 'https://a.example/'],
        {
          input: NO_ARTICLE,
          encoding: 'utf8',
        },
      );
      expect(empty.status).toBe(1);
    },
    60_000,
  );

  it.skipIf(!built)(
    'runs a batch on built worker threads, and --help without loading the core',
    () => {
      const bin = `${root}bin/crypto-reader.js`;
      const dir = mkdtempSync(join(tmpdir(), 'cr-bin-'));
      try {
        writeFileSync(join(dir, 'a.html'), ESSAY);
        writeFileSync(join(dir, 'a.url'), 'https://fees.example/a\n');
        writeFileSync(join(dir, 'b.html'), NO_ARTICLE);
        const r = spawnSync(process.execPath, [bin, 'extract', dir, '--jobs', '2'], {
          encoding: 'utf8',
        });
        expect(r.status).toBe(1);
        const lines = r.stdout
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as { url: string; ok: boolean });
        expect(lines.map((l) => [l.url, l.ok])).toEqual([
          ['https://fees.example/a', true],
          [expect.stringMatching(/^file:/), false],
        ]);
        expect(r.stderr).toMatch(/1\/2 pages read, 1 without an article .*2 jobs/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      // jsdom is imported only when a page is read.
      const help = spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const { main } = await import(${JSON.stringify(`${root}dist/cli/main.js`)});
           await main(['--help']);
           const { createRequire } = await import('node:module');
           const loaded = Object.keys(createRequire(import.meta.url).cache);
           console.error(loaded.filter((p) => /jsdom|turndown|readability/.test(p)).length);`,
        ],
        { encoding: 'utf8' },
      );
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(/^Usage:/m);
      expect(help.stderr.trim()).toBe('0');
    },
    60_000,
  );

  const lib = existsSync(`${root}dist/lib/index.js`) && existsSync(`${root}dist/lib/index.d.ts`);
  if (!lib) console.log('[skip] package import: dist/lib is not built (run npm run build:lib)');

  it.skipIf(!lib)(
    "import { extractArticle } from 'crypto-reader' works in Node after the build",
    () => {
      const script = `
        import { JSDOM } from 'jsdom';
        import { extractArticle, parseRules, BUILTIN_RULES } from 'crypto-reader';
        const html = process.argv[1];
        const doc = new JSDOM(html, { url: 'https://fees.example/a' }).window.document;
        const a = extractArticle(doc, { url: 'https://fees.example/a', rules: BUILTIN_RULES });
        console.log(JSON.stringify({ title: a.title, errors: parseRules('[]').errors.length }));
      `;
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, ESSAY], {
        encoding: 'utf8',
        cwd: root,
      });
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toEqual({
        title: expect.stringMatching(/Why block fees fell/),
        errors: 0,
      });
    },
    60_000,
  );
});
