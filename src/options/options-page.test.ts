import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { exportRules } from '../rules/export.js';
import type { SiteRule } from '../rules/schema.js';
import { selectorValidator } from '../rules/selector-validator.js';
import { MemoryArea } from '../platform/test-support/memory-area.js';
import type { RulePreviewResult } from './try-model.js';

vi.mock('../platform/browser.js', () => ({ browser: {} }));
const { createRuleStore } = await import('../platform/rule-store.js');
const { OptionsPage } = await import('./options-page.js');

const BUILTIN: SiteRule[] = [
  { id: 'builtin-one', match: ['one.example'], enabled: true, remove: ['.ad'], removeText: [] },
];

async function setup(opts: { preview?: RulePreviewResult; grant?: boolean } = {}) {
  const dom = new JSDOM('<!doctype html><html><body></body></html>', {
    url: 'chrome-extension://abc/options/options.html',
  });
  const doc = dom.window.document;
  dom.window.confirm = () => true;
  const store = createRuleStore({ sync: new MemoryArea(), local: new MemoryArea() });
  const downloads: { name: string; text: string }[] = [];
  const previews: { tabId: number; rule: SiteRule }[] = [];
  const requested: SiteRule[] = [];
  let autoHosts: string[] = [];
  const permissionAsked: string[] = [];
  const page = new OptionsPage({
    doc,
    store,
    builtin: BUILTIN,
    validateSelector: selectorValidator(doc),
    download: (name, text) => void downloads.push({ name, text }),
    autoOpen: {
      load: async () => [...autoHosts],
      save: async (hosts) => void (autoHosts = [...hosts]),
      request: async (host) => {
        permissionAsked.push(host);
        return opts.grant ?? true;
      },
      granted: async () => opts.grant ?? true,
    },
    tryOnTab: {
      requestAccess: async (rule) => {
        requested.push(rule);
        return true;
      },
      listTabs: async () => [
        { id: 7, url: 'https://news.example/a.html', title: 'An article', active: false },
        { id: 8, url: 'https://other.example/', title: 'Other', active: true },
      ],
      preview: async (tabId, rule) => {
        previews.push({ tabId, rule });
        return (
          opts.preview ?? {
            ok: true,
            found: true,
            title: 'An article',
            count: 0,
            removals: [],
            articleChanged: false,
          }
        );
      },
    },
  });
  doc.body.append(page.root);
  await page.reload();
  const q = <T extends Element = HTMLElement>(id: string) =>
    doc.querySelector<T & Element>(`[data-testid="${id}"]`);
  const input = (field: string, value: string) => {
    const el = doc.getElementById(`field-${field}`) as HTMLInputElement | HTMLTextAreaElement;
    el.value = value;
    el.dispatchEvent(new dom.window.Event('input'));
  };
  const settle = () => new Promise((r) => setTimeout(r, 20));
  const hosts = () => autoHosts;
  return {
    dom,
    doc,
    page,
    store,
    downloads,
    previews,
    requested,
    permissionAsked,
    hosts,
    q,
    input,
    settle,
  };
}

describe('options page', () => {
  it('lists the built-in rules read-only with their badge', async () => {
    const { doc } = await setup();
    const items = doc.querySelectorAll('[data-testid="rule-item"]');
    expect(items).toHaveLength(1);
    expect(items[0]!.getAttribute('data-origin')).toBe('builtin');
    expect(items[0]!.querySelector('[data-testid="rule-badge"]')!.textContent).toBe('Built-in');
    expect(items[0]!.querySelector('[data-testid="rule-delete"]')).toBeNull();
  });

  it('the form shows a bad selector next to its field and keeps Save off until it is fixed', async () => {
    const { doc, q, input, settle, store } = await setup();
    q<HTMLButtonElement>('rule-add')!.click();
    const form = q('rule-form')!;
    expect(form).not.toBeNull();
    // The form is generated from the schema: one labelled control per field.
    for (const f of [
      'id',
      'match',
      'enabled',
      'article',
      'remove',
      'removeText',
      'title',
      'byline',
      'notes',
    ])
      expect(doc.querySelector(`label[for="field-${f}"]`), f).not.toBeNull();
    const save = q<HTMLButtonElement>('rule-save')!;
    input('id', 'news-promo');
    input('match', 'news.example');
    input('remove', '.promo\ndiv[[');
    const err = doc.querySelector('[data-testid="rule-error"][data-field="remove"]')!;
    expect(err.hasAttribute('hidden')).toBe(false);
    expect(err.textContent).toMatch(/line 2: invalid CSS selector "div\[\["/);
    expect(save.disabled).toBe(true);
    input('removeText', '/(a+)+b/');
    expect(
      doc.querySelector('[data-testid="rule-error"][data-field="removeText"]')!.textContent,
    ).toMatch(/unsafe regex/);
    input('remove', '.promo');
    input('removeText', 'Sponsored:');
    expect(err.hasAttribute('hidden')).toBe(true);
    expect(save.disabled).toBe(false);
    form.dispatchEvent(new doc.defaultView!.Event('submit', { cancelable: true }));
    await settle();
    const stored = await store.load();
    expect(stored.data.rules.map((r) => r.id)).toEqual(['news-promo']);
    const item = doc.querySelector('[data-testid="rule-item"][data-rule-id="news-promo"]')!;
    expect(item.getAttribute('data-origin')).toBe('user');
    expect(q('rule-form')).toBeNull();
  });

  it('a built-in rule can be turned off, and customized into an override', async () => {
    const { doc, q, settle, store } = await setup();
    const box = doc.querySelector<HTMLInputElement>(
      '[data-rule-id="builtin-one"] [data-testid="rule-enabled"]',
    )!;
    box.checked = false;
    box.dispatchEvent(new doc.defaultView!.Event('change'));
    await settle();
    expect((await store.load()).data.disabledBuiltins).toEqual(['builtin-one']);
    doc
      .querySelector<HTMLButtonElement>('[data-rule-id="builtin-one"] [data-testid="rule-edit"]')!
      .click();
    expect(q<HTMLButtonElement>('rule-save')!.disabled).toBe(false);
    q('rule-form')!.dispatchEvent(new doc.defaultView!.Event('submit', { cancelable: true }));
    await settle();
    const item = doc.querySelector('[data-rule-id="builtin-one"]')!;
    expect(item.getAttribute('data-origin')).toBe('override');
    expect((await store.load()).data.rules.map((r) => r.id)).toEqual(['builtin-one']);
  });

  it('raw JSON: errors are listed with positions and Save stays off while invalid', async () => {
    const { doc, q, settle, store } = await setup();
    doc.querySelector<HTMLButtonElement>('[aria-controls="raw-panel"]')!.click();
    const text = q<HTMLTextAreaElement>('raw-json')!;
    const save = q<HTMLButtonElement>('raw-save')!;
    text.value = '{"rules": [\n  {"id": "x", "match": ["x.example"], "remove": ["a[["]}\n]}';
    text.dispatchEvent(new doc.defaultView!.Event('input'));
    expect(save.disabled).toBe(true);
    expect(q('raw-errors')!.textContent).toMatch(/remove\[0\] \(line 2:\d+\)/);
    text.value = exportRules([
      { id: 'x', match: ['x.example'], enabled: true, remove: ['.a'], removeText: [] },
    ]);
    text.dispatchEvent(new doc.defaultView!.Event('input'));
    expect(save.disabled).toBe(false);
    save.click();
    await settle();
    expect((await store.load()).data.rules.map((r) => r.id)).toEqual(['x']);
  });

  it('import: a bad file changes nothing; a good one shows the plan and applies on confirm', async () => {
    const { page, q, settle, store } = await setup();
    await store.save({
      schemaVersion: 1,
      rules: [{ id: 'keep', match: ['k.example'], enabled: true, remove: ['.k'], removeText: [] }],
      disabledBuiltins: [],
    });
    await page.reload();
    page.planImport('{"rules": [ {"id": "broken", ', 'bad.json');
    expect(q<HTMLButtonElement>('import-confirm')!.disabled).toBe(true);
    expect(q('import-errors')!.textContent).toMatch(/JSON syntax error/);
    q<HTMLButtonElement>('import-confirm')!.click();
    await settle();
    expect((await store.load()).data.rules.map((r) => r.id)).toEqual(['keep']);

    page.planImport('news.example##.promo\nnews.example##+js(nope)\n', 'filters.txt');
    expect(q('import-adds')!.textContent).toMatch(/ubo-news-example \(news\.example\)/);
    expect(q('import-errors')!.textContent).toMatch(/line 2/);
    q<HTMLButtonElement>('import-confirm')!.click();
    await settle();
    expect((await store.load()).data.rules.map((r) => r.id)).toEqual(['keep', 'ubo-news-example']);
  });

  it('export downloads the user rules as a rules file', async () => {
    const { q, store, page, downloads } = await setup();
    const r: SiteRule = {
      id: 'mine',
      match: ['m.example'],
      enabled: true,
      remove: ['.m'],
      removeText: [],
    };
    await store.save({ schemaVersion: 1, rules: [r], disabledBuiltins: [] });
    await page.reload();
    q<HTMLButtonElement>('export-rules')!.click();
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.text).toBe(exportRules([r]));
  });

  it('try on a tab: runs the draft rule on a tab it applies to and shows count and list', async () => {
    const { q, input, settle, previews } = await setup({
      preview: {
        ok: true,
        found: true,
        title: 'An article',
        count: 2,
        removals: [
          { kind: 'rule', text: 'Sponsored: one' },
          { kind: 'rule', text: 'Sponsored: two' },
        ],
        articleChanged: false,
      },
    });
    q<HTMLButtonElement>('rule-add')!.click();
    input('id', 'news-sponsored');
    input('match', 'news.example');
    input('removeText', 'Sponsored:');
    await settle();
    q<HTMLButtonElement>('try-tab')!.click();
    await settle();
    expect(previews).toHaveLength(1);
    expect(previews[0]!.tabId).toBe(7);
    expect(previews[0]!.rule.removeText).toEqual(['Sponsored:']);
    expect(q('try-count')!.getAttribute('data-count')).toBe('2');
    expect(q('try-result')!.querySelectorAll('li')).toHaveLength(2);
  });

  it('auto-open: adding a site asks for that site only and lists it; a refusal changes nothing', async () => {
    const { doc, q, settle, permissionAsked, hosts } = await setup();
    await settle();
    const host = q<HTMLInputElement>('auto-open-host')!;
    host.value = 'https://www.News.example/a/b.html';
    q<HTMLButtonElement>('auto-open-add')!.click();
    await settle();
    expect(permissionAsked).toEqual(['www.news.example']);
    expect(hosts()).toEqual(['www.news.example']);
    expect(doc.querySelector('[data-testid="auto-open-item"]')!.getAttribute('data-host')).toBe(
      'www.news.example',
    );
    const bad = q<HTMLInputElement>('auto-open-host')!;
    bad.value = '*.example';
    q<HTMLButtonElement>('auto-open-add')!.click();
    await settle();
    expect(doc.getElementById('auto-open-error')!.textContent).toMatch(/Type a site/);
    expect(permissionAsked).toHaveLength(1);

    const denied = await setup({ grant: false });
    await denied.settle();
    denied.q<HTMLInputElement>('auto-open-host')!.value = 'other.example';
    denied.q<HTMLButtonElement>('auto-open-add')!.click();
    await denied.settle();
    expect(denied.hosts()).toEqual([]);
    expect(denied.doc.getElementById('auto-open-error')!.textContent).toMatch(/did not grant/);
  });

  it('a broken stored rule is flagged on the page while the other rules load; it can be discarded', async () => {
    const { doc, page, store, q, settle } = await setup();
    const good = {
      id: 'good',
      match: ['g.example'],
      enabled: true,
      remove: ['.g'],
      removeText: [],
    };
    const bad = { id: 'bad', match: ['b.example'], removeText: ['/(x+)+y/'] };
    await store.save({ schemaVersion: 1, rules: [good], disabledBuiltins: [], broken: [bad] });
    await page.reload();
    expect(q('broken-rules')!.hidden).toBe(false);
    expect(q('broken-rules')!.textContent).toMatch(/1 stored entry is skipped/);
    expect(q('broken-rules')!.querySelector('[data-testid="broken-error"]')!.textContent).toMatch(
      /^"bad": removeText\[0\]: unsafe regex/,
    );
    expect(doc.querySelector('[data-rule-id="good"]')).not.toBeNull();
    expect(doc.querySelector('[data-rule-id="bad"]')).toBeNull();
    q<HTMLButtonElement>('broken-discard')!.click();
    await settle();
    expect((await store.load()).data.broken).toBeUndefined();
    expect(q('broken-rules')!.hidden).toBe(true);
    expect((await store.load()).data.rules.map((r) => r.id)).toEqual(['good']);
  });
});
