import type { Page } from '@playwright/test';
import { farmCases, squash } from './lib/farm-cases.js';
import { fingerprintDiff, pageFingerprint, reader, readerStyles, shot } from './lib/reader.js';
import { expect, test } from './lib/test.js';

/** The reader's full-screen root (inside the reader's extension frame). */
const root = (page: Page) => reader(page).getByTestId('reader-root');

async function expectOpen(page: Page): Promise<void> {
  await expect(root(page)).toBeVisible();
  await expect(reader(page).getByTestId('reader-title')).toBeVisible();
}

async function expectClosed(page: Page): Promise<void> {
  await expect(root(page)).toHaveCount(0);
}

test('a tab the user never invoked the extension on: the message is refused, nothing injected', async ({
  openTab,
  toggle,
}) => {
  // No host permissions at install and no activeTab grant yet: the background must say so
  // instead of failing silently, and the page must not change.
  const { page, tabId } = await openTab('/pages/sample-farm.html', { activate: false });
  const before = await pageFingerprint(page);
  const reply = await toggle(tabId);
  expect(reply?.ok).toBe(false);
  expect(reply && !reply.ok ? reply.error : '').toMatch(/permission|access/i);
  await expect(root(page)).toHaveCount(0);
  const after = await pageFingerprint(page);
  expect(after.hash, fingerprintDiff(before, after)).toBe(before.hash);
});

test.describe('farm pages', () => {
  for (const c of farmCases()) {
    test(`${c.name}: clean title, outline, no injected run, removals shown back in place`, async ({
      openTab,
      toggle,
    }) => {
      const { page, tabId } = await openTab(c.path);
      const reply = await toggle(tabId);
      expect(reply, 'background reply to reader/toggle').toEqual({
        ok: true,
        state: { open: true, found: true },
      });
      await expectOpen(page);
      await shot(page, `farm-${c.name}-open`);

      await expect(reader(page).getByTestId('reader-title')).toHaveText(c.title);
      const entries = reader(page).getByTestId('reader-outline').locator('button[data-target]');
      await expect(entries).toHaveText(c.outline);

      const content = squash(await reader(page).getByTestId('reader-content').innerText());
      for (const text of c.remove)
        expect(content, `removed text still shown: ${text}`).not.toContain(squash(text));
      for (const text of c.keep)
        expect(content, `kept text missing: ${text}`).toContain(squash(text));

      // "N removed": the number on the control is the number of listed removals.
      const removedButton = reader(page).getByTestId('reader-removed');
      const shown = Number(/\d+/.exec(await removedButton.innerText())?.[0] ?? NaN);
      await removedButton.click();
      const panel = reader(page).getByTestId('reader-removed-panel');
      await expect(panel).toBeVisible();
      const items = panel.locator('li[data-removed-id]');
      await expect(items).toHaveCount(shown);
      expect(shown).toBeGreaterThan(0);
      for (const [kind, n] of Object.entries(c.removedCount)) {
        await expect(
          panel.locator(`li[data-kind="${kind}"]`),
          `removals of kind ${kind}`,
        ).toHaveCount(n);
      }
      await shot(page, `farm-${c.name}-removed-panel`);

      // Show one removal back in place: its text appears inside the content, then hides again.
      const toggles = panel.getByTestId('reader-removed-toggle');
      if (c.removedCount['flash-news'] !== 0)
        expect(await toggles.count(), 'removals that can be shown back').toBeGreaterThan(0);
      if ((await toggles.count()) > 0) {
        const first = toggles.first();
        const id = await first.getAttribute('data-removed-id');
        const itemText = squash(
          await panel.locator(`li[data-removed-id="${id}"] .cr-removed-text`).innerText(),
        ).replace(/…$/, '');
        const probe = itemText.slice(0, 20);
        expect(probe.length).toBeGreaterThan(0);
        await first.click();
        await expect(first).toHaveAttribute('aria-pressed', 'true');
        const marker = reader(page)
          .getByTestId('reader-content')
          .locator(`[data-cr-removed="${id}"]`);
        await expect(marker).toBeVisible();
        expect(squash(await marker.innerText())).toContain(probe);
        await shot(page, `farm-${c.name}-shown-back`);
        await first.click();
        await expect(marker).toBeHidden();
      }

      expect(await toggle(tabId)).toEqual({ ok: true, state: { open: false, found: false } });
      await expectClosed(page);
    });
  }
});

test.describe('titles lose the site name of <title>', () => {
  const pages: Array<[string, string]> = [
    ['/pages/strict-csp.html', '链上数据周报:稳定币流入交易所的三个信号'],
    ['/pages/css-attack.html', '比特幣礦工收入結構正在改變'],
    ['/pages/form-media.html', 'Stablecoin Supply Hits a Record as Treasury Yields Slide'],
    ['/pages/hostile.html', 'Claim Window Opens for the Meridian Airdrop, With Caveats'],
  ];
  for (const [pathname, title] of pages) {
    test(pathname, async ({ openTab, toggle }) => {
      const { page, tabId } = await openTab(pathname);
      expect((await toggle(tabId))?.ok).toBe(true);
      await expect(reader(page).getByTestId('reader-title')).toHaveText(title);
      // The page's own <h1> is the title: the content does not show it a second time.
      const headings = await page
        .getByTestId('reader-content')
        .locator('h1, h2, h3')
        .allInnerTexts();
      expect(headings.map(squash), 'a content heading repeats the title').not.toContain(
        squash(title),
      );
    });
  }
});

test('an outline click scrolls its section to the top of the reader', async ({
  openTab,
  toggle,
}) => {
  const { page, tabId } = await openTab('/pages/sample-farm.html');
  expect((await toggle(tabId))?.ok).toBe(true);
  await expectOpen(page);
  const entries = reader(page).getByTestId('reader-outline').locator('button[data-target]');
  expect(await entries.count()).toBeGreaterThanOrEqual(3);

  // The second section: far enough down to need a scroll, with enough text after it to reach the top.
  const entry = entries.nth(1);
  const id = await entry.getAttribute('data-target');
  expect(id).toBeTruthy();
  const offset = async () => ({
    ...(await reader(page)
      .getByTestId('reader-content')
      .evaluate((content, target) => {
        const heading = [...(content?.querySelectorAll('[id]') ?? [])].find(
          (el) => el.id === target,
        );
        const scroller = heading?.closest('.cr-scroll') ?? content?.parentElement?.parentElement;
        if (!heading || !scroller) throw new Error(`no heading #${target} in the reader content`);
        return {
          top: heading.getBoundingClientRect().top - scroller.getBoundingClientRect().top,
          viewport: scroller.clientHeight,
        };
      }, id)),
    pageScrollY: await page.evaluate(() => window.scrollY),
  });

  const before = await offset();
  expect(before.top, 'the section starts below the first screen').toBeGreaterThan(
    before.viewport * 0.5,
  );
  await entry.click();
  await expect.poll(async () => (await offset()).top).toBeLessThan(80);
  const after = await offset();
  expect(after.top).toBeGreaterThanOrEqual(-2);
  expect(after.pageScrollY, 'the page itself did not scroll').toBe(before.pageScrollY);
  await expect(entry).toHaveAttribute('aria-current', 'true');
  await shot(page, 'outline-jump');
});

test.describe('closing gives the page back as it was', () => {
  const closers: Array<[string, (page: Page, toggle: () => Promise<unknown>) => Promise<void>]> = [
    ['close button', async (page) => reader(page).getByTestId('reader-close').click()],
    ['Esc', async (page) => page.keyboard.press('Escape')],
    ['toggle again', async (_page, toggle) => void (await toggle())],
  ];

  for (const [how, close] of closers) {
    test(`${how}: typed input, scroll position, playing media and DOM restored`, async ({
      openTab,
      toggle,
    }) => {
      const { page, tabId } = await openTab('/pages/form-media.html');
      await page.locator('#comment-name').fill('Satoshi 中本聪');
      await page.locator('#comment-text').fill('Typed before the reader opened.\nSecond line.');
      const audio = page.locator('#episode');
      await audio.evaluate((el: HTMLAudioElement) => el.play());
      await expect
        .poll(() => audio.evaluate((el: HTMLAudioElement) => el.currentTime))
        .toBeGreaterThan(0.2);
      // Far down the page, with the typed comment form in view (so the screenshots show it).
      const target = await page
        .locator('#comment-form')
        .evaluate((el) => Math.round(el.getBoundingClientRect().top + window.scrollY - 300));
      expect(target).toBeGreaterThan(1500);
      await page.evaluate((top) => window.scrollTo({ top, behavior: 'instant' }), target);
      const scrollBefore = await page.evaluate(() => window.scrollY);
      expect(scrollBefore).toBe(target);
      const domBefore = await pageFingerprint(page);
      const timeBefore = await audio.evaluate((el: HTMLAudioElement) => el.currentTime);

      expect((await toggle(tabId))?.ok).toBe(true);
      await expectOpen(page);
      await shot(page, `restore-${how.replace(/\s+/g, '-')}-open`);
      await close(page, () => toggle(tabId));
      await expectClosed(page);
      await shot(page, `restore-${how.replace(/\s+/g, '-')}-closed`);

      expect(await page.locator('#comment-name').inputValue()).toBe('Satoshi 中本聪');
      expect(await page.locator('#comment-text').inputValue()).toBe(
        'Typed before the reader opened.\nSecond line.',
      );
      expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
      const media = await audio.evaluate((el: HTMLAudioElement) => ({
        paused: el.paused,
        t: el.currentTime,
      }));
      expect(media.paused, 'the episode is still playing').toBe(false);
      expect(media.t).toBeGreaterThanOrEqual(timeBefore);
      expect(media.t).toBeLessThan(timeBefore + 30);
      const domAfter = await pageFingerprint(page);
      expect(domAfter.hosts, 'no reader host left in the page').toBe(0);
      expect(
        domAfter.hash,
        `page DOM after closing equals the DOM before opening: ${fingerprintDiff(domBefore, domAfter)}`,
      ).toBe(domBefore.hash);
    });
  }

  test('paused media stays paused at its position', async ({ openTab, toggle }) => {
    const { page, tabId } = await openTab('/pages/form-media.html');
    const audio = page.locator('#episode');
    await audio.evaluate(async (el: HTMLAudioElement) => {
      if (el.readyState < 1)
        await new Promise((r) => el.addEventListener('loadedmetadata', r, { once: true }));
      el.currentTime = 42.5;
      await new Promise((r) => el.addEventListener('seeked', r, { once: true }));
    });
    expect(await audio.evaluate((el: HTMLAudioElement) => el.currentTime)).toBeCloseTo(42.5, 1);
    expect((await toggle(tabId))?.ok).toBe(true);
    await expectOpen(page);
    await page.keyboard.press('Escape');
    await expectClosed(page);
    const media = await audio.evaluate((el: HTMLAudioElement) => ({
      paused: el.paused,
      t: el.currentTime,
    }));
    expect(media.paused).toBe(true);
    expect(Math.abs(media.t - 42.5)).toBeLessThan(0.1);
  });
});

test('a strict-CSP page (default-src none) gets a working, styled reader', async ({
  openTab,
  toggle,
}) => {
  // Baseline: the reader's computed styles on the same page served without its CSP.
  const plain = await openTab('/pages/plain/strict-csp.html');
  expect(plain.headers['content-security-policy']).toBeUndefined();
  expect((await toggle(plain.tabId))?.ok).toBe(true);
  await expectOpen(plain.page);
  const baseline = await readerStyles(plain.page);
  await plain.page.close();

  const { page, tabId, headers } = await openTab('/pages/strict-csp.html');
  expect(headers['content-security-policy']).toBe("default-src 'none'");
  // The policy is live: the page's own same-origin fetch is refused.
  expect(
    await page.evaluate(() =>
      fetch(location.href).then(
        () => 'allowed',
        () => 'blocked',
      ),
    ),
  ).toBe('blocked');

  const reply = await toggle(tabId);
  expect(reply).toEqual({ ok: true, state: { open: true, found: true } });
  await expectOpen(page);
  await expect(reader(page).getByTestId('reader-title')).toContainText(
    '链上数据周报:稳定币流入交易所的三个信号',
  );
  await expect(reader(page).getByTestId('reader-content')).toContainText('信号指向同一个方向');
  await expect(
    reader(page).getByTestId('reader-outline').locator('button[data-target]'),
  ).toHaveCount(3);
  const styles = await readerStyles(page);
  expect(styles).toEqual(baseline);
  // And the reader is styled at all (not the user agent's defaults).
  expect(styles.rootPosition).not.toBe('static');
  expect(styles.rootBackground).not.toBe('rgba(0, 0, 0, 0)');
  await shot(page, 'strict-csp-open');
});

test('a hostile page runs nothing inside the reader', async ({ openTab, toggle }) => {
  const { page, tabId, dialogs, activate } = await openTab('/pages/hostile.html', {
    activate: false,
  });
  await page.waitForLoadState('load');
  await page.waitForTimeout(300);
  const pwned = () => page.evaluate(() => (window as { __pwned?: unknown }).__pwned);
  expect(await pwned(), 'the page is quiet before the reader opens').toBeUndefined();
  expect(dialogs).toEqual([]);
  await activate();
  expect(
    await pwned(),
    'nothing ran while the toolbar button opened and the message closed the reader',
  ).toBeUndefined();

  expect((await toggle(tabId))?.ok).toBe(true);
  await expectOpen(page);
  const content = reader(page).getByTestId('reader-content');
  await expect(content).toContainText('Eligibility was calculated from a snapshot');
  // The escaped markup in the article is shown as text, not parsed.
  await expect(content).toContainText(`<img src=x onerror="window.__pwned='escaped-text'`);
  await content.hover();
  await content.locator('p').nth(1).hover();
  await page.waitForTimeout(500); // let any image error or timer fire
  await shot(page, 'hostile-open');

  const dangerous = await content.evaluate((el) => ({
    scripts: el.querySelectorAll('script').length,
    handlers: [...el.querySelectorAll('*')].filter((n) =>
      [...n.attributes].some((a) => a.name.startsWith('on')),
    ).length,
    jsUrls: [...el.querySelectorAll('[href],[src],[action],[formaction]')].filter((n) =>
      ['href', 'src', 'action', 'formaction'].some((a) =>
        /^\s*javascript:/i.test(n.getAttribute(a) ?? ''),
      ),
    ).length,
    embeds: el.querySelectorAll(
      'iframe,object,embed,frame,frameset,form,input,button,textarea,select,style,link,meta,base',
    ).length,
    // An empty <template> is inert; one that still carries the page's markup is not clean.
    templateContent: [...el.querySelectorAll('template')].reduce(
      (n, t) => n + t.content.childNodes.length,
      0,
    ),
  }));
  expect(dangerous).toEqual({ scripts: 0, handlers: 0, jsUrls: 0, embeds: 0, templateContent: 0 });
  const bonus = content.getByText('claim the bonus allocation');
  if ((await bonus.count()) > 0) await bonus.first().click({ noWaitAfter: true });
  await page.waitForTimeout(300);
  expect(await pwned()).toBeUndefined();
  expect(dialogs).toEqual([]);

  await page.keyboard.press('Escape');
  await expectClosed(page);
  expect(await pwned()).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test('a page without an article gets a clear message and stays untouched', async ({
  openTab,
  toggle,
}) => {
  const { page, tabId } = await openTab('/pages/no-article.html');
  await page.locator('#q').fill('ETH');
  const before = await pageFingerprint(page);
  const reply = await toggle(tabId);
  expect(reply).toEqual({ ok: true, state: { open: true, found: false } });
  const message = reader(page).getByTestId('reader-message');
  await expect(message).toBeVisible();
  const text = (await message.innerText()).trim();
  expect(text.length, `message text: ${text}`).toBeGreaterThan(10);
  expect(text).toMatch(/article|文章/i);
  await expect(reader(page).getByTestId('reader-title')).toHaveCount(0);
  // The page is still there and usable under the notice.
  await expect(page.locator('#prices')).toBeVisible();
  const during = await pageFingerprint(page);
  expect(
    during.hash,
    `page DOM untouched while the notice shows: ${fingerprintDiff(before, during)}`,
  ).toBe(before.hash);
  await shot(page, 'no-article-message');

  expect(await toggle(tabId)).toEqual({ ok: true, state: { open: false, found: false } });
  await expectClosed(page);
  const after = await pageFingerprint(page);
  expect(after.hash, fingerprintDiff(before, after)).toBe(before.hash);
  expect(await page.locator('#q').inputValue()).toBe('ETH');
});

test('page CSS cannot restyle the reader', async ({ openTab, toggle }) => {
  // Baseline: the same page without its stylesheet.
  const plain = await openTab('/pages/plain/css-attack.html');
  expect((await toggle(plain.tabId))?.ok).toBe(true);
  await expectOpen(plain.page);
  const baseline = await readerStyles(plain.page);
  await plain.page.close();

  const { page, tabId } = await openTab('/pages/css-attack.html');
  // The attack is live on the page itself.
  expect(await page.locator('h1').evaluate((el) => getComputedStyle(el).color)).toBe(
    'rgb(255, 0, 0)',
  );
  expect((await toggle(tabId))?.ok).toBe(true);
  await expectOpen(page);
  await expect(reader(page).getByTestId('reader-title')).toContainText(
    '比特幣礦工收入結構正在改變',
  );
  const styles = await readerStyles(page);
  expect(styles.titleColor).not.toBe('rgb(255, 0, 0)');
  expect(styles.titleFontSize).not.toBe('40px');
  expect(styles).toEqual(baseline);
  await shot(page, 'css-attack-open');
});
