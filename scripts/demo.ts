/**
 * `npm run demo`: build the extension, serve a bundled sample page in the source's shape (a
 * content-farm crypto article with injected flash news), open Chromium with the extension and
 * turn the reader on.
 *
 * - No display ($DISPLAY unset): headless; writes demo/reader.png (screenshot) and
 *   demo/article.html (the article as the reader rendered it: title, meta, outline, content and
 *   the list of removals) and prints where.
 * - With a display: a Chromium window with the reader open; exits when the browser is closed.
 *
 *   npm run demo [-- --no-build] [--page /pages/sample-farm.html]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { clickAction, ExtensionDriver, launchWithExtension } from '../e2e/lib/chromium.js';
import { repoRoot, startServer } from '../e2e/lib/server.js';
import { reader } from '../e2e/lib/reader.js';

const args = process.argv.slice(2);
const pageAt = args.indexOf('--page');
const pagePath = pageAt >= 0 ? (args[pageAt + 1] ?? '') : '/pages/sample-farm.html';
const headless = !process.env.DISPLAY;
const outDir = path.join(repoRoot, 'demo');

interface RenderedArticle {
  title: string;
  meta: string;
  lang: string;
  contentHtml: string;
  outline: Array<{ id: string; text: string; level: string }>;
  removed: Array<{ kind: string; rule: string; text: string }>;
}

function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** A small standalone page with the reader's article (its content HTML is already sanitized). */
function articlePage(a: RenderedArticle, source: string): string {
  const outline = a.outline
    .map(
      (e) =>
        `<li class="l${escapeHtml(e.level)}"><a href="#${escapeHtml(e.id)}">${escapeHtml(e.text)}</a></li>`,
    )
    .join('\n');
  const removed = a.removed
    .map(
      (r) =>
        `<li><b>${escapeHtml(r.kind)}</b> <code>${escapeHtml(r.rule)}</code><br>${escapeHtml(r.text)}</li>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(a.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(a.title)}</title>
<style>
  body { font: 18px/1.8 "Noto Serif CJK TC", "Noto Serif CJK SC", Georgia, serif; max-width: 42em; margin: 2em auto; padding: 0 1em; color: #1f2328; }
  header p, footer { font: 14px/1.5 system-ui, sans-serif; color: #656d76; }
  nav, details { font: 15px/1.6 system-ui, sans-serif; background: #f6f8fa; padding: .5em 1em; border-radius: 6px; margin: 1em 0; }
  nav li.l3 { margin-left: 1em; } nav li.l4, nav li.l5, nav li.l6 { margin-left: 2em; }
  img { max-width: 100%; height: auto; }
  figcaption { font-size: 14px; color: #656d76; }
</style>
</head>
<body>
<header>
<h1>${escapeHtml(a.title)}</h1>
<p>${escapeHtml(a.meta)}</p>
</header>
${a.outline.length ? `<nav aria-label="Outline"><ol>\n${outline}\n</ol></nav>` : ''}
<main>
${a.contentHtml}
</main>
<details><summary>${a.removed.length} removed</summary><ol>
${removed}
</ol></details>
<footer>Rendered by Crypto Reader from ${escapeHtml(source)}</footer>
</body>
</html>
`;
}

/** The sample server is gone after the demo: images it served become data: URLs. */
async function inlineImages(html: string, origin: string): Promise<string> {
  const urls = new Set(
    [...html.matchAll(/src="([^"]+)"/g)].map((m) => m[1] ?? '').filter((u) => u.startsWith(origin)),
  );
  for (const url of urls) {
    const res = await fetch(url).catch(() => null);
    if (!res?.ok) continue;
    const type = res.headers.get('content-type') ?? 'application/octet-stream';
    const data = Buffer.from(await res.arrayBuffer()).toString('base64');
    html = html.split(`src="${url}"`).join(`src="data:${type};base64,${data}"`);
  }
  return html;
}

async function main(): Promise<void> {
  if (!args.includes('--no-build')) {
    console.log('Building the extension (npm run build:ext)…');
    const build = spawnSync('npm', ['run', 'build:ext'], { cwd: repoRoot, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  const server = await startServer();
  const browser = await launchWithExtension({ headless });
  const { context, extensionId } = browser;
  const page = await context.newPage();
  // The blank tab the browser started with: not needed.
  for (const p of context.pages()) if (p !== page) await p.close();
  const url = ExtensionDriver.uniqueUrl(server.origin + pagePath);
  const response = await page.goto(url);
  if (!response?.ok())
    throw new Error(`cannot load the sample page ${url}: HTTP ${response?.status()}`);
  console.log(`Sample page: ${url}`);

  // Turn the reader on the way a user does: the toolbar button.
  await clickAction(context, extensionId, page);
  // The reader is the extension's reader page in a frame over the page (issue 12).
  const frame = reader(page);
  const root = frame.getByTestId('reader-root');
  await root.waitFor({ state: 'visible', timeout: 15_000 });
  if ((await frame.getByTestId('reader-message').count()) > 0) {
    throw new Error(
      `the reader found no article on ${url}: ${await frame.getByTestId('reader-message').innerText()}`,
    );
  }
  await frame.getByTestId('reader-title').waitFor({ state: 'visible' });
  // Revealed (the page hidden behind it) once the frame has painted.
  await page.waitForFunction(() => document.documentElement.style.visibility === 'hidden');

  if (!headless) {
    console.log('The reader is open in Chromium. Close the browser window to end the demo.');
    await new Promise<void>((resolve) => context.on('close', () => resolve()));
    await server.close();
    return;
  }

  mkdirSync(outDir, { recursive: true });
  const png = path.join(outDir, 'reader.png');
  await page.screenshot({ path: png });

  const article = await frame.locator('body').evaluate((body): RenderedArticle => {
    const shadow = body.ownerDocument;
    const title = shadow.querySelector('[data-testid="reader-title"]')?.textContent ?? '';
    const metaEl = shadow.querySelector('.cr-meta');
    const meta = [...(metaEl?.children ?? [])]
      .filter((el) => !(el as HTMLElement).hidden && el.textContent)
      .map((el) => el.textContent?.trim())
      .join(' · ');
    const content = shadow.querySelector('[data-testid="reader-content"]');
    return {
      title,
      meta,
      lang: shadow.querySelector('article')?.getAttribute('lang') ?? '',
      contentHtml: content?.innerHTML ?? '',
      outline: [
        ...shadow.querySelectorAll('[data-testid="reader-outline"] button[data-target]'),
      ].map((b) => ({
        id: b.getAttribute('data-target') ?? '',
        text: b.textContent?.trim() ?? '',
        level: b.closest('li')?.getAttribute('data-level') ?? '2',
      })),
      removed: [
        ...shadow.querySelectorAll('[data-testid="reader-removed-panel"] li[data-removed-id]'),
      ].map((li) => ({
        kind: li.getAttribute('data-kind') ?? '',
        rule:
          li.querySelectorAll('.cr-removed-rule')[1]?.textContent ??
          li.querySelector('.cr-removed-rule')?.textContent ??
          '',
        text: li.querySelector('.cr-removed-text')?.textContent ?? '',
      })),
    };
  });
  article.contentHtml = await inlineImages(article.contentHtml, server.origin);
  const html = path.join(outDir, 'article.html');
  writeFileSync(html, articlePage(article, pagePath));

  await context.close();
  await server.close();
  console.log(`Reader title: ${article.title}`);
  console.log(`Outline: ${article.outline.map((e) => e.text).join(' / ') || '(none)'}`);
  console.log(
    `Removed: ${article.removed.length} (${[...new Set(article.removed.map((r) => r.kind))].join(', ')})`,
  );
  console.log(`Wrote ${path.relative(process.cwd(), png) || png} (screenshot of the reader)`);
  console.log(
    `Wrote ${path.relative(process.cwd(), html) || html} (the article as the reader rendered it)`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
