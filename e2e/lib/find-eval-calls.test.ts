import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findEvalCalls } from './find-eval-calls.js';

const e2eDir = path.resolve(import.meta.dirname, '..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return tsFiles(p);
    return d.name.endsWith('.ts') ? [p] : [];
  });
}

describe('findEvalCalls', () => {
  it('finds waitForFunction, string or variable evaluate, eval, new Function and script tags', () => {
    const calls = findEvalCalls(
      [
        'await page.waitForFunction(() => window.ready);',
        "await page.evaluate('document.title');",
        'await page.evaluate(`(${fn})()`);',
        'await page.evaluate(check, 1);',
        "await frame.$eval('#a', 'el => el.id');",
        "eval('1');",
        "new Function('return 1');",
        "await page.addScriptTag({ content: 'x()' });",
        "await context.addInitScript('window.x = 1');",
        "const code: string | (() => void) = 'x()'; await page.evaluate(code);",
      ].join('\n'),
    );
    expect(calls.map((c) => [c.line, c.call])).toEqual([
      [1, 'waitForFunction'],
      [2, 'evaluate'],
      [3, 'evaluate'],
      [4, 'evaluate'],
      [5, '$eval'],
      [6, 'eval'],
      [7, 'new Function'],
      [8, 'addScriptTag'],
      [9, 'addInitScript'],
      [10, 'evaluate'],
    ]);
  });

  it('allows inline functions, and ignores comments and strings that name the calls', () => {
    const calls = findEvalCalls(
      [
        '// page.waitForFunction is not used here',
        'const note = \'page.evaluate("x")\';',
        'await page.evaluate(() => document.title);',
        'await page.evaluate((id) => id + 1, 1);',
        'await page.evaluate(async function () { return 1; });',
        "await frame.$eval('#a', (el) => el.id);",
        'const attacks: [string, (sel: string) => void][] = [["x", (sel) => void sel]];',
        'for (const [, run] of attacks) await page.evaluate(run, "iframe");',
      ].join('\n'),
    );
    expect(calls).toEqual([]);
  });
});

describe('e2e code', () => {
  it('never makes a page compile a string (extension-page CSP refuses it in Firefox ESR 140)', () => {
    const files = tsFiles(e2eDir).filter((f) => !f.endsWith('find-eval-calls.test.ts'));
    expect(files.length).toBeGreaterThan(5);
    const calls = files.flatMap((f) =>
      findEvalCalls(readFileSync(f, 'utf8'), path.relative(e2eDir, f)).map(
        (c) => `e2e/${c.file}:${c.line} ${c.call}: ${c.why}`,
      ),
    );
    expect(calls).toEqual([]);
  });
});
