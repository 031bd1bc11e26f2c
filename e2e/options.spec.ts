/**
 * Site rules end to end (issue 4): a rule added in the options page changes the reader on a
 * fixture page (and "Try on an open tab" shows what it removes before saving); a bad import
 * leaves the rules as they were; a rule made in the reader ("Hide blocks like this") can be
 * undone and still applies after a reload; a site on the auto-open list opens in the reader.
 * Runs the test build `dist/chrome-test` (the shipped extension plus host
 * access to 127.0.0.1), so the reader opens from a runtime message without a toolbar click and
 * the options page can read the fixture tab's URL.
 */
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { squash } from './lib/farm-cases.js';
import { ExtensionDriver } from './lib/chromium.js';
import { reader } from './lib/reader.js';
import { repoRoot } from './lib/server.js';
import { CATASTROPHIC } from '../src/rules/catastrophic-patterns.js';
import { workerFixtures, type WorkerFixtures } from './lib/test.js';

const testBuild = path.join(repoRoot, 'dist', 'chrome-test');

const test = base.extend<{ options: Page }, WorkerFixtures>({
  ...workerFixtures(testBuild),
  /** A fresh options page, with no user rules stored. */
  options: async ({ driver }, use) => {
    const page = await driver.context.newPage();
    await page.goto(`chrome-extension://${driver.extensionId}/options/options.html`);
    await page.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: {
          storage: { sync: { clear(): Promise<void> }; local: { clear(): Promise<void> } };
        };
      };
      await chrome.storage.sync.clear();
      await chrome.storage.local.clear();
    });
    await page.reload();
    await expect(page.getByTestId('options-root')).toBeVisible();
    await use(page);
    await page.close();
  },
});

/** The paragraph the test rule hides (a kept paragraph of the sample farm page). */
const PROBE = 'Blob 交易改變了這個局面';

async function readerText(page: Page): Promise<string> {
  return squash(await reader(page).getByTestId('reader-content').innerText());
}

async function storedUserRuleIds(options: Page): Promise<string[]> {
  return options.evaluate(() =>
    [...document.querySelectorAll('[data-testid="rule-item"]')]
      .filter((el) => el.getAttribute('data-origin') !== 'builtin')
      .map((el) => el.getAttribute('data-rule-id') ?? ''),
  );
}

test('a rule added in the options page is previewed on a tab, then changes the reader there', async ({
  server,
  driver,
  options,
}) => {
  const { page, tabId } = await driver.openTab(
    ExtensionDriver.uniqueUrl(`${server.origin}/pages/sample-farm.html`),
  );

  // Before: the paragraph is in the reader.
  expect(await driver.toggle(tabId)).toEqual({ ok: true, state: { open: true, found: true } });
  expect(await readerText(page)).toContain(squash(PROBE));
  expect(await driver.toggle(tabId)).toEqual({ ok: true, state: { open: false, found: false } });

  await options.bringToFront();
  await options.getByTestId('rule-add').click();
  const form = options.getByTestId('rule-form');
  await expect(form).toBeVisible();
  await options.locator('#field-id').fill('e2e-hide-blob');
  await options.locator('#field-match').fill('127.0.0.1');
  // A bad selector: a message next to the field, and Save is off.
  await options.locator('#field-remove').fill('div[[');
  await expect(form.locator('[data-testid="rule-error"][data-field="remove"]')).toContainText(
    'invalid CSS selector',
  );
  await expect(options.getByTestId('rule-save')).toBeDisabled();
  await options.locator('#field-remove').fill('');
  await options.locator('#field-removeText').fill(PROBE);
  await expect(options.getByTestId('rule-save')).toBeEnabled();

  // Try it on the open tab before saving: one block, the probe paragraph.
  await options.getByTestId('try-tab').click();
  const result = options.getByTestId('try-result');
  await expect(result.getByTestId('try-count')).toHaveAttribute('data-count', '1');
  await expect(result.locator('li')).toHaveCount(1);
  expect(squash(await result.locator('li').first().innerText())).toContain(squash(PROBE));

  await options.getByTestId('rule-save').click();
  await expect(
    options.locator('[data-testid="rule-item"][data-rule-id="e2e-hide-blob"]'),
  ).toHaveAttribute('data-origin', 'user');

  // After: the reader on the same page no longer shows it, and lists it as removed by the rule.
  await page.bringToFront();
  expect(await driver.toggle(tabId)).toEqual({ ok: true, state: { open: true, found: true } });
  expect(await readerText(page)).not.toContain(squash(PROBE));
  await reader(page).getByTestId('reader-removed').click();
  const ruleItems = reader(page)
    .getByTestId('reader-removed-panel')
    .locator('li[data-kind="rule"]');
  await expect(ruleItems).toHaveCount(1);
  expect(squash(await ruleItems.first().innerText())).toContain(squash(PROBE).slice(0, 8));
  expect(await driver.toggle(tabId)).toEqual({ ok: true, state: { open: false, found: false } });

  // Turning the rule off in the list brings the paragraph back.
  await options.bringToFront();
  await options.locator('[data-rule-id="e2e-hide-blob"] [data-testid="rule-enabled"]').uncheck();
  await expect(options.locator('[data-rule-id="e2e-hide-blob"]')).toHaveClass(/off/);
  expect(await driver.toggle(tabId)).toEqual({ ok: true, state: { open: true, found: true } });
  expect(await readerText(page)).toContain(squash(PROBE));
  await driver.toggle(tabId);
  await page.close();
});

test('a bad import leaves the rules intact; a good one adds after confirming', async ({
  options,
}) => {
  // One user rule to protect, written through the raw JSON view.
  await options.getByRole('button', { name: 'Edit my rules as JSON' }).click();
  const raw = options.getByTestId('raw-json');
  await raw.fill('{"rules": [{"id": "keep-me", "match": ["keep.example"], "remove": [".promo"]}]}');
  await options.getByTestId('raw-save').click();
  await expect(options.locator('[data-rule-id="keep-me"]')).toBeVisible();
  const before = await storedUserRuleIds(options);
  expect(before).toEqual(['keep-me']);

  // A broken JSON file, then a file whose only rule is invalid: nothing to confirm.
  await options.getByText('Import rules (JSON file or uBlock Origin filters)').click();
  const bad = [
    { name: 'broken.json', text: '{"rules": [ {"id": "keep-me", "match": [' },
    {
      name: 'invalid.json',
      text: '{"rules": [{"id": "keep-me", "match": ["x.example"], "removeText": ["/(a)\\\\1/"]}]}',
    },
  ];
  for (const f of bad) {
    await options
      .getByTestId('import-file')
      .setInputFiles({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) });
    await expect(options.getByTestId('import-errors')).toBeVisible();
    await expect(options.getByTestId('import-confirm')).toBeDisabled();
    await options.getByTestId('import-cancel').click();
  }
  await options.reload();
  await expect(options.getByTestId('options-root')).toBeVisible();
  await expect(options.locator('[data-rule-id="keep-me"]')).toBeVisible();
  expect(await storedUserRuleIds(options)).toEqual(before);

  // uBO lines with one bad line: the plan lists the addition and the error by line; confirm adds.
  await options.getByText('Import rules (JSON file or uBlock Origin filters)').click();
  await options.getByTestId('import-file').setInputFiles({
    name: 'filters.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('new.example##.ad-box\nnew.example#@#.x\n'),
  });
  await expect(options.getByTestId('import-adds')).toContainText('new.example');
  await expect(options.getByTestId('import-errors')).toContainText('line 2');
  await options.getByTestId('import-confirm').click();
  await expect(options.locator('[data-rule-id="ubo-new-example"]')).toBeVisible();
  expect(await storedUserRuleIds(options)).toEqual(['keep-me', 'ubo-new-example']);
});

test('a rule made from the reader hides the block, can be undone, and still works after a reload', async ({
  server,
  driver,
  options,
}) => {
  const { page, tabId } = await driver.openTab(
    ExtensionDriver.uniqueUrl(`${server.origin}/pages/sample-farm.html`),
  );
  expect(await driver.toggle(tabId)).toEqual({ ok: true, state: { open: true, found: true } });
  const content = reader(page).getByTestId('reader-content');
  const paragraph = content.locator('p', { hasText: PROBE });
  await expect(paragraph).toHaveCount(1);

  const hideOnce = async (): Promise<void> => {
    await content.locator('p', { hasText: PROBE }).click({ clickCount: 3 });
    await reader(page).getByTestId('reader-hide-like-this').click();
    await expect(reader(page).getByTestId('reader-hide-proposal')).toContainText(
      '1 in this article',
    );
    await reader(page).getByTestId('reader-hide-confirm').click();
    await expect(reader(page).getByTestId('reader-hide-undo')).toBeVisible();
    expect(await readerText(page)).not.toContain(squash(PROBE));
  };

  // Hide, then undo: the paragraph comes back and no rule is left.
  await hideOnce();
  await reader(page).getByTestId('reader-hide-undo').click();
  await expect(reader(page).getByTestId('reader-hide-proposal')).toContainText('Undone');
  expect(await readerText(page)).toContain(squash(PROBE));
  await options.reload();
  await expect(options.getByTestId('options-root')).toBeVisible();
  expect(await storedUserRuleIds(options)).toEqual([]);

  // Hide again and keep it: the rule is in the options page, and applies after a reload.
  await hideOnce();
  await options.reload();
  await expect(options.locator('[data-testid="rule-item"][data-origin="user"]')).toHaveCount(1);
  const [id] = await storedUserRuleIds(options);
  expect(id).toMatch(/^hide-127-0-0-1-/);

  await page.reload();
  expect(await driver.toggle(tabId)).toEqual({ ok: true, state: { open: true, found: true } });
  expect(await readerText(page)).not.toContain(squash(PROBE));
  await reader(page).getByTestId('reader-removed').click();
  await expect(
    reader(page).getByTestId('reader-removed-panel').locator('li[data-kind="rule"]'),
  ).toHaveCount(1);
  await page.close();
});

test('auto-open: a listed site opens in the reader when a page of it loads', async ({
  server,
  driver,
  options,
}) => {
  // The test build already holds access to http://127.0.0.1 (what the options page's permission
  // request grants a user), so the list is written as the options page writes it.
  await options.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { local: { set(v: object): Promise<void> } } };
    };
    await chrome.storage.local.set({ 'autoOpen.hosts': ['127.0.0.1'] });
  });
  await options.reload();
  await expect(
    options.locator('[data-testid="auto-open-item"][data-host="127.0.0.1"]'),
  ).toBeVisible();

  const { page } = await driver.openTab(
    ExtensionDriver.uniqueUrl(`${server.origin}/pages/sample-farm.html`),
  );
  await expect(reader(page).getByTestId('reader-root')).toBeVisible();
  await expect(reader(page).getByTestId('reader-title')).not.toBeEmpty();

  // Removed from the list: the next page load stays as it is.
  await options.getByRole('button', { name: 'Stop opening 127.0.0.1 automatically' }).click();
  await expect(options.locator('[data-testid="auto-open-item"]')).toHaveCount(0);
  await page.reload();
  await page.waitForLoadState('load');
  await page.waitForTimeout(500);
  await expect(reader(page).getByTestId('reader-root')).toHaveCount(0);
  await page.close();
});

test('a rules file with every catastrophic pattern imports, and the reader still opens promptly on a page built to trip them', async ({
  server,
  driver,
  options,
}) => {
  test.setTimeout(120_000);
  // One rule per pattern, all for this test server's host (issue 12: a pattern such as
  // /(a{1,10}){1,10}b/ used to freeze the tab for good).
  const rules = CATASTROPHIC.map(([source, flags], i) => ({
    id: `redos-${i + 1}`,
    match: ['127.0.0.1'],
    removeText: [`/${source}/${flags}`],
  }));
  await options.getByText('Import rules (JSON file or uBlock Origin filters)').click();
  await options.getByTestId('import-file').setInputFiles({
    name: 'catastrophic.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ rules })),
  });
  await expect(options.getByTestId('import-adds')).toContainText('redos-1');
  await expect(options.getByTestId('import-errors')).toHaveCount(0);
  await options.getByTestId('import-confirm').click();
  await expect(options.locator(`[data-rule-id="redos-${rules.length}"]`)).toBeVisible();

  // A page whose paragraphs are each pattern's worst case (5,000 characters), added by the page.
  const { page, tabId } = await driver.openTab(
    ExtensionDriver.uniqueUrl(`${server.origin}/pages/sample-farm.html`),
  );
  await page.bringToFront();
  const texts = CATASTROPHIC.map(([, , text]) => text(5000));
  await page.evaluate((blocks) => {
    const at = document.querySelector('p')!.parentElement!;
    for (const t of blocks) {
      const p = document.createElement('p');
      p.textContent = t;
      at.append(p);
    }
  }, texts);
  expect(await driver.toggle(tabId)).toEqual({ ok: true, state: { open: true, found: true } });
  await expect(reader(page).getByTestId('reader-title')).toBeVisible();
  // (No check on what is left: a pattern such as ^(?:[^"\\]|\\.)*$ matches every plain paragraph.)
  // The rules ran: blocks they matched are listed as removed by a rule.
  await expect(
    reader(page).getByTestId('reader-removed-panel').locator('[data-kind="rule"]').first(),
  ).toBeAttached();
  // The tab still answers at once, and closes the reader.
  expect(await page.evaluate(() => 1 + 1)).toBe(2);
  expect(await driver.toggle(tabId)).toEqual({ ok: true, state: { open: false, found: false } });
  await page.close();
});
