/**
 * `--format markdown` on every page of `src/core/test-pages/`, through the CLI entry (`run`):
 * the output must equal the reviewed `test-pages-markdown/<slug>.md` (first written by the
 * hand-written converter that turndown replaced, and identical after the switch), and must carry
 * what the page's fixture.json says: its outline entries on lines of their own, the kept text, none of the removed
 * text, no removal marker and no raw HTML.
 *
 * After a deliberate change to the core or the converter, rewrite the expectations with
 * `UPDATE_MARKDOWN=1 npx vitest run src/cli/markdown-pages.test.ts` and review the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../core/text.js';
import { EXIT, nodeIo, run } from './main.js';

const PAGES = fileURLToPath(new URL('../core/test-pages/', import.meta.url));
const EXPECTED = fileURLToPath(new URL('./test-pages-markdown/', import.meta.url));
const update = process.env.UPDATE_MARKDOWN === '1';

interface Fixture {
  url: string;
  /** Checks the core is known to fail on this page (see src/core/test-pages.test.ts). */
  knownGaps?: Partial<Record<'title' | 'outline' | 'keep' | 'remove', string>>;
  expect: { title: string; outline: string[]; keep: string[]; remove: { text: string }[] };
}

/** The text a reader sees in the Markdown: marks, link targets and escapes gone. */
function plain(md: string): string {
  return normalizeText(
    md
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[((?:\\.|[^\]\\])*)\]\([^)]*\)/g, '$1')
      .replace(/\*\*|~~/g, '')
      .replace(/(^|[^\\])\*/g, '$1')
      .replace(/\\([\\`*_[\]<>#+\-.!|()~])/g, '$1'),
  );
}

async function markdownOf(file: string, url: string): Promise<{ code: number; out: string }> {
  let out = '';
  let err = '';
  const io = {
    ...nodeIo(),
    stdout: (t: string) => void (out += t),
    stderr: (t: string) => void (err += t),
  };
  const code = await run(['extract', file, '--url', url, '--format', 'markdown'], io);
  if (err) throw new Error(err);
  return { code, out };
}

const slugs = readdirSync(PAGES).filter((s) => existsSync(`${PAGES}${s}/fixture.json`));

it('covers the test pages', () => {
  expect(slugs.length).toBeGreaterThanOrEqual(16);
});

describe.each(slugs)('%s as markdown', (slug) => {
  const fixture = JSON.parse(readFileSync(`${PAGES}${slug}/fixture.json`, 'utf8')) as Fixture;

  it('matches the reviewed Markdown and the fixture', async () => {
    const { code, out } = await markdownOf(`${PAGES}${slug}/source.html`, fixture.url);
    expect(code).toBe(EXIT.ok);
    const expectedFile = `${EXPECTED}${slug}.md`;
    if (update) writeFileSync(expectedFile, out);
    expect(out).toBe(readFileSync(expectedFile, 'utf8'));

    // What the fixture says, except the checks it lists as the core's known gaps.
    const gaps = fixture.knownGaps ?? {};
    const lines = out.split('\n');
    if (!gaps.title) expect(plain(lines[0]!)).toBe(`# ${normalizeText(fixture.expect.title)}`);
    // Outline entries are headings, or lines of their own (the core also outlines bold lines).
    const own = lines.map((l) => plain(l.replace(/^#{2,6} /, '')));
    if (!gaps.outline)
      for (const h of fixture.expect.outline) expect(own).toContain(normalizeText(h));
    const text = plain(out);
    // The essay without the title and the byline/date line (a removed title decoration such as a
    // site name may be part of the byline).
    const body = plain(lines.filter((l, i) => i > 0 && !/^\*[^*].*\*$/.test(l)).join('\n'));
    if (!gaps.keep) for (const k of fixture.expect.keep) expect(text).toContain(normalizeText(k));
    if (!gaps.remove)
      for (const r of fixture.expect.remove) expect(body).not.toContain(normalizeText(r.text));
    expect(out).not.toMatch(/data-cr-removed|<[a-z]/i);
  });
});
