import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STRINGS } from '../../src/reader/strings.js';
import { buildManifest, type Manifest } from './manifest.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const read = (p: string) =>
  JSON.parse(readFileSync(path.join(root, p), 'utf8')) as Record<string, unknown>;
const source = read('manifest.json') as Manifest;
const pkg = read('package.json') as { version: string };
const LOCALES = ['en', 'zh_CN', 'zh_TW'] as const;

describe('buildManifest', () => {
  const chrome = buildManifest(source, 'chrome', pkg.version);
  const firefox = buildManifest(source, 'firefox', pkg.version);

  it("stamps package.json's version into both", () => {
    expect(chrome.version).toBe(pkg.version);
    expect(firefox.version).toBe(pkg.version);
    expect(() => buildManifest(source, 'chrome', 'v1.0-beta')).toThrow(/version/);
  });

  it('asks for exactly activeTab, scripting, storage and contextMenus, and no host at install', () => {
    for (const m of [chrome, firefox]) {
      expect([...(m.permissions as string[])].sort()).toEqual([
        'activeTab',
        'contextMenus',
        'scripting',
        'storage',
      ]);
      expect(m.host_permissions).toBeUndefined();
      expect(m.optional_host_permissions).toEqual(['*://*/*']);
      expect(m.content_scripts).toBeUndefined();
      expect(m.manifest_version).toBe(3);
    }
  });

  it('Chrome: a module service worker and no browser_specific_settings', () => {
    expect(chrome.background).toEqual({ service_worker: 'background.js', type: 'module' });
    expect(chrome.browser_specific_settings).toBeUndefined();
  });

  it('Firefox: background.scripts and a gecko id with the minimum versions its keys need', () => {
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
    const settings = firefox.browser_specific_settings as {
      gecko: { id: string; strict_min_version: string; data_collection_permissions?: unknown };
      gecko_android?: { strict_min_version: string };
    };
    expect(settings.gecko.id).toMatch(/@/);
    // data_collection_permissions exists from Firefox 140 and Firefox for Android 142; a lower
    // minimum is a web-ext lint warning (KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION).
    expect(settings.gecko.data_collection_permissions).toBeTruthy();
    expect(Number.parseFloat(settings.gecko.strict_min_version)).toBeGreaterThanOrEqual(140);
    expect(
      Number.parseFloat(settings.gecko_android?.strict_min_version ?? '0'),
    ).toBeGreaterThanOrEqual(142);
  });

  it('Chrome: a minimum version no lower than the syntax the bundles are built for', () => {
    const buildScript = readFileSync(path.join(root, 'scripts', 'build-ext.ts'), 'utf8');
    const targets = [...buildScript.matchAll(/'chrome(\d+)'/g)].map((m) => Number(m[1]));
    expect(targets.length).toBeGreaterThan(0);
    expect(Number(chrome.minimum_chrome_version)).toBeGreaterThanOrEqual(Math.max(...targets));
  });

  it('otherwise the two are the same manifest', () => {
    const strip = (m: Manifest) => ({
      ...m,
      background: undefined,
      browser_specific_settings: undefined,
    });
    expect(strip(chrome)).toEqual(strip(firefox));
  });

  it('does not change the source', () => {
    const before = JSON.stringify(source);
    buildManifest(source, 'firefox', '1.2.3');
    expect(JSON.stringify(source)).toBe(before);
  });

  it('has the toggle command on Alt+Shift+R, the toolbar action and an options page', () => {
    const commands = chrome.commands as Record<string, { suggested_key: { default: string } }>;
    expect(commands['toggle-reader']?.suggested_key.default).toBe('Alt+Shift+R');
    expect(chrome.action).toBeTruthy();
    expect((chrome.options_ui as { page: string }).page).toBe('options/options.html');
  });
});

describe('_locales', () => {
  const messages = Object.fromEntries(
    LOCALES.map((l) => [
      l,
      read(`_locales/${l}/messages.json`) as Record<string, { message: string }>,
    ]),
  );
  const manifestKeys = [...JSON.stringify(source).matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]!);

  it('every locale has every manifest and UI string, and the same keys as en', () => {
    const needed = [...new Set([...manifestKeys, ...Object.keys(STRINGS), 'menuToggle'])];
    expect(manifestKeys.length).toBeGreaterThan(2);
    for (const l of LOCALES) {
      for (const key of needed) expect(messages[l]?.[key]?.message, `${l}: ${key}`).toBeTruthy();
      expect(Object.keys(messages[l]!).sort()).toEqual(Object.keys(messages.en!).sort());
    }
  });

  it("the reader's English fallbacks are the en locale's text", () => {
    for (const [key, text] of Object.entries(STRINGS))
      expect(messages.en![key]?.message, key).toBe(text);
  });

  it('substitutions ($1) are kept in every translation', () => {
    for (const key of Object.keys(messages.en!)) {
      const wants = (messages.en![key]!.message.match(/\$\d/g) ?? []).sort();
      for (const l of LOCALES)
        expect((messages[l]![key]!.message.match(/\$\d/g) ?? []).sort(), `${l}: ${key}`).toEqual(
          wants,
        );
    }
  });

  it('the Chinese locales are translated, not copies of English', () => {
    for (const l of ['zh_CN', 'zh_TW'] as const) {
      expect(messages[l]!.noArticle!.message).not.toBe(messages.en!.noArticle!.message);
      expect(messages[l]!.noArticle!.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(messages.zh_CN!.settings!.message).not.toBe(messages.zh_TW!.settings!.message);
  });
});
