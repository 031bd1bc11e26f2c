// @vitest-environment jsdom
// (lit-html renders the page with the global `document`.)
// The file the options page exports is the file the CLI's `--rules` reads, and it removes the
// same blocks: export through the page (fake storage), then run the CLI on a page with it.
import { describe, expect, it, vi } from 'vitest';
import { run, type CliIo } from '../cli/main.js';
import type { Article } from '../core/types.js';
import { BUILTIN_RULES } from '../rules/builtin/index.js';
import { selectorValidator } from '../rules/selector-validator.js';
import { MemoryArea } from '../platform/test-support/memory-area.js';

vi.mock('../platform/browser.js', () => ({ browser: {} }));
const { createRuleStore } = await import('../platform/rule-store.js');
const { OptionsPage } = await import('./options-page.js');

// A page written for this test.
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>How validators vote on upgrades</title></head><body>
<article><h1>How validators vote on upgrades</h1>
<p>Upgrades to the chain are proposed in public, debated for weeks, and then signalled by the
validators who run the software, one block at a time, until a threshold is reached.</p>
<div class="swap-widget">Swap any token in one click with our partner exchange today.</div>
<p>Most validators follow the recommendation of the client teams, but a few large operators
publish their reasoning, and their votes move the rest of the set more than any forum post.</p>
<p>Promoted: earn twelve percent on your idle stablecoins with no lockup period.</p>
<p>When the threshold is met the upgrade activates at a fixed height, and nodes that did not
upgrade stop following the chain until their operators install the new release.</p>
</article></body></html>`;

describe('options export → CLI --rules', () => {
  it('the exported file parses in the CLI and removes what the rules say', async () => {
    const doc = document;
    const store = createRuleStore({ sync: new MemoryArea(), local: new MemoryArea() });
    await store.save({
      schemaVersion: 1,
      rules: [
        {
          id: 'votes-site',
          match: ['votes.example'],
          enabled: true,
          remove: ['.swap-widget'],
          removeText: ['/^Promoted:/u'],
        },
      ],
      disabledBuiltins: [],
    });
    const downloads: string[] = [];
    const page = new OptionsPage({
      doc,
      store,
      builtin: BUILTIN_RULES,
      validateSelector: selectorValidator(doc),
      download: (_name, text) => void downloads.push(text),
    });
    doc.body.append(page.root);
    await page.reload();
    doc.querySelector<HTMLButtonElement>('[data-testid="export-rules"]')!.click();
    expect(downloads).toHaveLength(1);

    const out: string[] = [];
    const err: string[] = [];
    const files: Record<string, string> = { '/w/page.html': PAGE, '/w/rules.json': downloads[0]! };
    const io: CliIo = {
      stdout: (t) => void out.push(t),
      stderr: (t) => void err.push(t),
      cwd: '/w',
      async readFile(path) {
        const f = files[path];
        if (f === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
        return new TextEncoder().encode(f);
      },
      async readStdin() {
        return new Uint8Array();
      },
    };
    const argv = [
      'extract',
      'page.html',
      '--url',
      'https://votes.example/a',
      '--rules',
      'rules.json',
    ];
    const code = await run(argv, io);
    expect(err.join('')).toBe('');
    expect(code).toBe(0);
    const article = JSON.parse(out.join('')) as Article;
    const byRule = article.removed.filter((r) => r.rule === 'rule:votes-site');
    expect(byRule.map((r) => r.text).sort()).toEqual([
      'Promoted: earn twelve percent on your idle stablecoins with no lockup period.',
      'Swap any token in one click with our partner exchange today.',
    ]);
    expect(article.textContent).not.toMatch(/Swap any token|Promoted:/);
    expect(article.textContent).toMatch(/threshold is met/);

    // Without the file the blocks stay: the difference is the exported rules.
    out.length = 0;
    expect(await run(argv.slice(0, 4), io)).toBe(0);
    expect((JSON.parse(out.join('')) as Article).textContent).toMatch(/Promoted:/);
  });
});
