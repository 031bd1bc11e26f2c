import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { farmCases, squash } from './lib/farm-cases.js';
import { FirefoxExtension, firefoxReaderFrame } from './lib/firefox.js';
import { poll } from './lib/poll.js';
import { artifactsDir } from './lib/reader.js';
import { startServer, type FixtureServer } from './lib/server.js';

// Firefox runs under the same runner, driven by puppeteer-core over WebDriver BiDi (see
// e2e/lib/firefox.ts for how the extension is reached). One browser per worker: a failed test
// restarts the worker, and beforeAll sets everything up again, so later tests still run.

let server: FixtureServer;
let ff: FirefoxExtension;
let beforeGrant: { reply: { ok: boolean; error?: string }; hosts: number };
let granted: boolean;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = await startServer();
  ff = await FirefoxExtension.launch();
  const { page, tabId } = await ff.openTab(`${server.origin}/pages/sample-farm.html`);
  beforeGrant = {
    reply: (await ff.toggle(tabId)) as { ok: boolean; error?: string },
    hosts: (await snapshot(page)).hosts,
  };
  await page.close();
  granted = await ff.grantHost(server.origin);
});

test.afterAll(async () => {
  await ff?.close();
  await server?.close();
});

interface ReaderSnapshot {
  hosts: number;
  title: string | null;
  outline: string[];
  content: string | null;
  removedLabel: string | null;
}

/** The reader as the user sees it: its frame over the page (issue 12), read from inside it. */
async function snapshot(page: Page): Promise<ReaderSnapshot> {
  const hosts = await page.evaluate(
    () => document.querySelectorAll('iframe[data-crypto-reader="reader"]').length,
  );
  const frame = await firefoxReaderFrame(page);
  if (!frame) return { hosts, title: null, outline: [], content: null, removedLabel: null };
  const inside = await frame.evaluate(() => {
    const text = (sel: string) =>
      (document.querySelector(sel) as HTMLElement | null)?.innerText ?? null;
    return {
      title: text('[data-testid="reader-title"]'),
      outline: [
        ...document.querySelectorAll('[data-testid="reader-outline"] button[data-target]'),
      ].map((b) => (b as HTMLElement).innerText.trim()),
      content: text('[data-testid="reader-content"]'),
      removedLabel: text('[data-testid="reader-removed"]'),
    };
  });
  return { hosts, ...inside };
}

/**
 * Whether the page shows the reader's frame or, with 'title', the reader's title inside it
 * (plain `evaluate` calls for `poll`: no waitForFunction).
 */
async function readerShown(page: Page, part: 'host' | 'title'): Promise<boolean> {
  const framed = await page.evaluate(() => !!document.querySelector('iframe[data-crypto-reader]'));
  if (part === 'host' || !framed) return framed;
  const frame = await firefoxReaderFrame(page);
  if (!frame) return false;
  return frame.evaluate(
    () => !!document.querySelector('[data-testid="reader-title"]')?.textContent,
  );
}

test('firefox: before the user opts the site in, the toggle is refused and nothing is injected', () => {
  expect(beforeGrant.reply.ok).toBe(false);
  expect(beforeGrant.reply.error).toMatch(/permission/i);
  expect(beforeGrant.hosts).toBe(0);
});

test('firefox: granting the optional host permission for the fixture server', () => {
  expect(granted).toBe(true);
});

for (const c of farmCases()) {
  test(`firefox: ${c.name}: the reader opens with the clean title, the outline and no injected run`, async () => {
    const { page, tabId } = await ff.openTab(server.origin + c.path);
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    expect(await ff.toggle(tabId)).toEqual({ ok: true, state: { open: true, found: true } });
    await poll(() => readerShown(page, 'title'), {
      message: `${c.name}: the reader did not show its title after the toggle`,
    });
    mkdirSync(artifactsDir, { recursive: true });
    await page.screenshot({ path: path.join(artifactsDir, `firefox-${c.name}-open.png`) });

    const s = await snapshot(page);
    expect(s.hosts).toBe(1);
    expect(s.title?.trim()).toBe(c.title);
    expect(s.outline).toEqual(c.outline);
    const content = squash(s.content ?? '');
    expect(content.length).toBeGreaterThan(200);
    for (const text of c.remove)
      expect(content, `removed text still shown: ${text}`).not.toContain(squash(text));
    for (const text of c.keep)
      expect(content, `kept text missing: ${text}`).toContain(squash(text));
    expect(Number(/\d+/.exec(s.removedLabel ?? '')?.[0] ?? 0)).toBeGreaterThan(0);

    // Esc closes and the page comes back unchanged.
    await page.keyboard.press('Escape');
    await poll(async () => !(await readerShown(page, 'host')), {
      message: `${c.name}: the reader was still on the page after Escape`,
    });
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    await page.close();
  });
}
