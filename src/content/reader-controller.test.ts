import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type ReaderSettings } from '../shared/settings.js';
import { englishStrings } from '../reader/strings.js';
import { HOST_ATTR } from './overlay.js';
import { ReaderController } from './reader-controller.js';

const FARM = path.resolve(
  import.meta.dirname,
  '..',
  'core',
  'test-pages',
  'farm-zht-dedecms-essay',
  'source.html',
);

function page(html: string) {
  const dom = new JSDOM(html, { url: 'https://www.ubtx-mirror.test/info/52117.html' });
  const doc = dom.window.document;
  const saved: ReaderSettings[] = [];
  const controller = new ReaderController({
    doc,
    t: englishStrings,
    uiLang: 'en',
    loadSettings: async () => ({ ...DEFAULT_SETTINGS, theme: 'dark' }),
    saveSettings: async (s) => {
      saved.push(s);
    },
  });
  const hosts = () =>
    [...doc.documentElement.children].filter((el) => el.hasAttribute(HOST_ATTR)) as HTMLElement[];
  return { dom, doc, controller, saved, hosts };
}

/** The page is hidden after the reader's first paint (a task later here: jsdom has no frames). */
const painted = () => new Promise((r) => setTimeout(r, 20));

const farmHtml = () =>
  readFileSync(FARM, 'utf8').replace('</body>', '<form><input id="typed"></form></body>');

describe.skipIf(!existsSync(FARM))('ReaderController on a farm page', () => {
  it('opens the reader in an open shadow root on <html> and gives the page back exactly', async () => {
    const { doc, controller, hosts } = page(farmHtml());
    const input = doc.getElementById('typed') as HTMLInputElement;
    input.value = 'typed by the user';
    const before = doc.documentElement.outerHTML;

    expect(await controller.toggle([])).toEqual({ open: true, found: true });
    await painted();
    const [host] = hosts();
    expect(host?.shadowRoot).toBeTruthy();
    expect(host!.parentElement).toBe(doc.documentElement);
    const root = host!.shadowRoot!.querySelector('[data-testid="reader-root"]') as HTMLElement;
    expect(root.dataset.theme).toBe('dark'); // stored settings applied
    expect(host!.shadowRoot!.querySelector('[data-testid="reader-title"]')!.textContent).toContain(
      'Rollup',
    );
    expect(doc.documentElement.style.getPropertyValue('overflow')).toBe('hidden');
    expect(doc.documentElement.style.getPropertyPriority('visibility')).toBe('important');
    expect(host!.style.getPropertyValue('z-index')).toBe('2147483647');

    expect(await controller.toggle([])).toEqual({ open: false, found: false });
    expect(hosts()).toHaveLength(0);
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(input.value).toBe('typed by the user');
  });

  it('restores an inline style the page had on <html>, value and priority', async () => {
    const { doc, controller } = page(
      farmHtml().replace('<html', '<html style="overflow: scroll !important; color: red"'),
    );
    const before = doc.documentElement.getAttribute('style');
    await controller.open([]);
    await painted();
    expect(doc.documentElement.style.getPropertyValue('overflow')).toBe('hidden');
    controller.close();
    expect(doc.documentElement.style.getPropertyValue('overflow')).toBe('scroll');
    expect(doc.documentElement.style.getPropertyPriority('overflow')).toBe('important');
    expect(doc.documentElement.style.getPropertyValue('color')).toBe('red');
    expect(doc.documentElement.hasAttribute('style')).toBe(true);
    expect(before).toContain('overflow');
  });

  it('Esc closes, from inside the reader or from the page', async () => {
    const { dom, doc, controller, hosts } = page(farmHtml());
    await controller.open([]);
    const inside = hosts()[0]!.shadowRoot!.querySelector('[data-testid="reader-content"]')!;
    inside.dispatchEvent(
      new dom.window.KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }),
    );
    expect(hosts()).toHaveLength(0);
    await controller.open([]);
    doc.body.dispatchEvent(
      new dom.window.KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
    );
    expect(hosts()).toHaveLength(0);
    expect(controller.status.open).toBe(false);
  });

  it("keys typed in the reader do not reach the page's own listeners", async () => {
    const { dom, doc, controller, hosts } = page(farmHtml());
    const pageKeys = vi.fn();
    doc.addEventListener('keydown', pageKeys);
    await controller.open([]);
    const inside = hosts()[0]!.shadowRoot!.querySelector('[data-testid="reader-content"]')!;
    inside.dispatchEvent(
      new dom.window.KeyboardEvent('keydown', { key: 'j', bubbles: true, composed: true }),
    );
    expect(pageKeys).not.toHaveBeenCalled();
    controller.close();
  });

  it('saves changed settings (at the latest when the reader closes)', async () => {
    const { controller, hosts, saved } = page(farmHtml());
    await controller.open([]);
    const sepia = hosts()[0]!.shadowRoot!.querySelector<HTMLElement>(
      '[data-setting="theme"] button[data-value="sepia"]',
    )!;
    sepia.click();
    expect(saved).toHaveLength(0); // debounced
    controller.close();
    expect(saved.at(-1)?.theme).toBe('sepia');
  });
});

describe('ReaderController on a page without an article', () => {
  it('shows a closable notice and leaves the page alone', async () => {
    const { doc, controller, hosts } = page(
      '<!doctype html><html><head><title>Login</title></head><body><form><input name="u"></form></body></html>',
    );
    const before = doc.documentElement.outerHTML;
    expect(await controller.toggle([])).toEqual({ open: true, found: false });
    await painted();
    const shadow = hosts()[0]!.shadowRoot!;
    expect(shadow.querySelector('[data-testid="reader-message"]')!.textContent).toMatch(
      /no article/,
    );
    expect(shadow.querySelector('[data-testid="reader-root"]')).toBeTruthy();
    expect(doc.documentElement.hasAttribute('style')).toBe(false); // the page is not hidden
    shadow.querySelector<HTMLElement>('[data-testid="reader-close"]')!.click();
    expect(hosts()).toHaveLength(0);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('ReaderController: closing before the page was hidden', () => {
  it.skipIf(!existsSync(FARM))('a close right after open leaves no trace, even later', async () => {
    const { doc, controller, hosts } = page(farmHtml());
    const before = doc.documentElement.outerHTML;
    await controller.open([]);
    controller.close(); // before the deferred hide ran
    await painted();
    expect(hosts()).toHaveLength(0);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
