/**
 * `npm run build:ext`: builds the extension for Chrome and Firefox from the one manifest.json.
 *
 *   dist/chrome/    dist/firefox/    dist/crypto-reader-chrome.zip    dist/crypto-reader-firefox.zip
 *   dist/chrome-test/    dist/firefox-test/    (test-only: + host access to 127.0.0.1, see below)
 *
 * Entries: content.js (IIFE, core + the frame host, injected on demand), reader/ (the reader page:
 * reader.html + reader.js, the UI the content script frames over the page), background.js (ES module
 * service worker for Chrome, IIFE background script for Firefox), options/ (the options page when
 * src/options/options.html exists, else a placeholder page). Icons are the PNGs committed under
 * icons/ (rendered once from icons/icon.svg); UI strings come from _locales/. The zips are
 * `web-ext build`'s (Mozilla's packager, already the linter we run), for both browsers.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  cpSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { extEntryConfig } from '../vite.config.js';
import { buildManifest, type Manifest, type Target } from './ext/manifest.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const STAGE = join(DIST, '.stage');
const TARGETS: readonly Target[] = ['chrome', 'firefox'];
/** Content script budget (issue 3): 60 KB gzip. */
const CONTENT_GZIP_BUDGET = 60 * 1024;

const BROWSER_TARGETS: Record<Target, string[]> = {
  chrome: ['chrome120'],
  firefox: ['firefox128'],
};

async function bundle(
  entry: string,
  fileName: string,
  format: 'iife' | 'es',
  outDir: string,
  target: string[],
): Promise<void> {
  await build(extEntryConfig({ entry: join(ROOT, entry), fileName, format, outDir, target }));
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

const PLACEHOLDER_OPTIONS = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Crypto Reader</title></head>
<body><h1>Crypto Reader</h1><p>Options are coming soon.</p></body></html>
`;

const TEST_CONTROL_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Crypto Reader test control</title></head>
<body><p>Crypto Reader test control page (test builds only).</p></body></html>
`;
const TEST_OPEN_CONTROL = `browser.runtime.onInstalled.addListener(() => {
  browser.tabs.create({ url: '/test/control.html', active: false });
});
`;

/** Every icon file the manifest names (`icons` and `action.default_icon`), repository-relative. */
function manifestIcons(source: Manifest): string[] {
  const action = source.action as { default_icon?: Record<string, string> } | undefined;
  const icons = source.icons as Record<string, string> | undefined;
  return [
    ...new Set([...Object.values(icons ?? {}), ...Object.values(action?.default_icon ?? {})]),
  ];
}

async function main(): Promise<void> {
  const started = Date.now();
  // web-ext (and its CLI stack) takes a while to load: load it while vite bundles.
  const webExtLoaded = import('web-ext');
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const source = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as Manifest;

  for (const t of TARGETS) {
    rmSync(join(DIST, t), { recursive: true, force: true });
    rmSync(join(DIST, `crypto-reader-${t}.zip`), { force: true });
  }
  rmSync(STAGE, { recursive: true, force: true });

  // One content bundle for both browsers (the lowest common target).
  await bundle('src/content/index.ts', 'content.js', 'iife', join(STAGE, 'common'), [
    'chrome120',
    'firefox128',
  ]);
  // The regex engine (re2js), injected before content.js only on pages whose rules hold a regex.
  await bundle(
    'src/rules/pattern-engine-entry.ts',
    'pattern-engine.js',
    'iife',
    join(STAGE, 'common'),
    ['chrome120', 'firefox128'],
  );
  // The reader page (issue 12): an extension page the content script shows in a frame.
  const readerOut = join(STAGE, 'common', 'reader');
  // An ES module: export and read aloud are split into chunks loaded on first use (issue 9).
  await bundle('src/reader/reader-page.ts', 'reader.js', 'es', readerOut, [
    'chrome120',
    'firefox128',
  ]);
  cpSync(join(ROOT, 'src', 'reader', 'reader.html'), join(readerOut, 'reader.html'));
  await bundle(
    'src/background/index.ts',
    'background.js',
    'es',
    join(STAGE, 'chrome'),
    BROWSER_TARGETS.chrome,
  );
  await bundle(
    'src/background/index.ts',
    'background.js',
    'iife',
    join(STAGE, 'firefox'),
    BROWSER_TARGETS.firefox,
  );

  // Options page: the real one when it exists (src/options/options.html + options.ts), else a placeholder.
  const optionsOut = join(STAGE, 'common', 'options');
  mkdirSync(optionsOut, { recursive: true });
  const optionsDir = join(ROOT, 'src', 'options');
  if (existsSync(join(optionsDir, 'options.html'))) {
    for (const f of readdirSync(optionsDir))
      if (/\.(html|css)$/.test(f)) cpSync(join(optionsDir, f), join(optionsOut, f));
    if (existsSync(join(optionsDir, 'options.ts')))
      await bundle('src/options/options.ts', 'options.js', 'es', optionsOut, [
        'chrome120',
        'firefox128',
      ]);
  } else {
    writeFileSync(join(optionsOut, 'options.html'), PLACEHOLDER_OPTIONS);
  }

  // The icons the manifest names, as committed (icons/icon-<size>.png).
  for (const icon of manifestIcons(source)) {
    if (!existsSync(join(ROOT, icon)))
      throw new Error(`manifest.json names ${icon}, which is not in the repository`);
    mkdirSync(dirname(join(STAGE, 'common', icon)), { recursive: true });
    cpSync(join(ROOT, icon), join(STAGE, 'common', icon));
  }

  const sizes: Array<[string, number, number]> = [];
  for (const t of TARGETS) {
    const out = join(DIST, t);
    cpSync(join(STAGE, 'common'), out, { recursive: true });
    cpSync(join(STAGE, t), out, { recursive: true });
    cpSync(join(ROOT, '_locales'), join(out, '_locales'), { recursive: true });
    writeFileSync(
      join(out, 'manifest.json'),
      `${JSON.stringify(buildManifest(source, t, pkg.version), null, 2)}\n`,
    );

    const zip = `crypto-reader-${t}.zip`;
    const { default: webExt } = await webExtLoaded;
    await webExt.cmd.build(
      { sourceDir: out, artifactsDir: DIST, filename: zip, overwriteDest: true },
      { showReadyMessage: false },
    );
    for (const f of listFiles(out).filter((p) => p.endsWith('.js'))) {
      const data = readFileSync(f);
      sizes.push([relative(DIST, f), data.length, gzipSync(data, { level: 9 }).length]);
    }
    const zipBytes = statSync(join(DIST, zip)).size;
    sizes.push([zip, zipBytes, zipBytes]);
  }
  rmSync(STAGE, { recursive: true, force: true });

  // Test-only copies with host access to the local fixture server, for tests that cannot click
  // the toolbar button (no activeTab grant): dist/chrome-test and dist/firefox-test. Never zipped,
  // never shipped. CR_TEST_HOSTS="a,b" sets the hosts; CR_TEST_HOSTS=none skips them.
  const testHostsEnv = process.env.CR_TEST_HOSTS ?? 'http://127.0.0.1/*,http://localhost/*';
  const testHosts =
    testHostsEnv === 'none'
      ? []
      : testHostsEnv
          .split(',')
          .map((h) => h.trim())
          .filter(Boolean);
  for (const t of TARGETS) {
    const out = join(DIST, `${t}-test`);
    rmSync(out, { recursive: true, force: true });
    if (!testHosts.length) continue;
    cpSync(join(DIST, t), out, { recursive: true });
    const m = buildManifest(source, t, pkg.version);
    m.host_permissions = testHosts;
    // An extension page for tests to send `reader/toggle` from. Firefox's WebDriver BiDi refuses
    // to navigate a tab to moz-extension: unless Firefox runs with --remote-allow-system-access
    // (seen on Firefox ESR 153), so the Firefox test build opens it itself on install.
    mkdirSync(join(out, 'test'), { recursive: true });
    writeFileSync(join(out, 'test', 'control.html'), TEST_CONTROL_PAGE);
    if (t === 'firefox') {
      writeFileSync(join(out, 'test', 'open-control.js'), TEST_OPEN_CONTROL);
      m.background = { scripts: ['background.js', 'test/open-control.js'] };
    }
    writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(m, null, 2)}\n`);
    console.log(`test build ${relative(ROOT, out)} with host_permissions ${testHosts.join(', ')}`);
  }

  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`built dist/chrome and dist/firefox (v${pkg.version}) in ${Date.now() - started} ms`);
  for (const [name, raw, gz] of sizes)
    console.log(
      `  ${name.padEnd(34)} ${kb(raw).padStart(10)} raw ${name.endsWith('.zip') ? '' : `${kb(gz).padStart(10)} gzip`}`,
    );
  const content = sizes.find(([n]) => n === join('chrome', 'content.js'));
  if (content && content[2] > CONTENT_GZIP_BUDGET) {
    console.error(
      `content.js is ${kb(content[2])} gzip, over the ${kb(CONTENT_GZIP_BUDGET)} budget`,
    );
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
