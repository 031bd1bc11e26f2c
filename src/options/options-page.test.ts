// @vitest-environment jsdom
// lit-html renders with the global `document`, so this file runs in vitest's jsdom environment.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { exportRules } from '../rules/export.js';
import type { SiteRule } from '../rules/schema.js';
import { selectorValidator } from '../rules/selector-validator.js';
import { MemoryArea } from '../platform/test-support/memory-area.js';
import { fillIn, OPTIONS_STRINGS, type OptionsTranslate } from './options-strings.js';
import type { RulePreviewResult } from './try-model.js';

vi.mock('../platform/browser.js', () => ({ browser: {} }));
const { createRuleStore } = await import('../platform/rule-store.js');
const { OptionsPage } = await import('./options-page.js');

const BUILTIN: SiteRule[] = [
  { id: 'builtin-one', match: ['one.example'], enabled: true, remove: ['.ad'], removeText: [] },
];

const rule = (id: string, extra: Partial<SiteRule> = {}): SiteRule => ({
  id,
  match: [`${id}.example`],
  enabled: true,
  remove: ['.x'],
  removeText: [],
  ...extra,
});

/** Events the test makes "as the user": jsdom cannot make trusted events. */
const userEvents = new WeakSet<Event>();

function deferred<T>(): { promise: Promise<T>; resolve(v: T): void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

interface SetupOptions {
  preview?: RulePreviewResult;
  grant?: boolean;
  /** Tabs the extension can read before any permission request. */
  readable?: boolean;
  /** A pending permission answer the test resolves itself. */
  access?: Promise<boolean>;
  t?: OptionsTranslate;
}

async function setup(opts: SetupOptions = {}) {
  document.body.replaceChildren();
  window.confirm = () => true;
  const store = createRuleStore({ sync: new MemoryArea(), local: new MemoryArea() });
  const downloads: { name: string; text: string }[] = [];
  const previews: { tabId: number; rule: SiteRule }[] = [];
  const requested: SiteRule[] = [];
  let granted = opts.readable ?? true;
  let autoHosts: string[] = [];
  const permissionAsked: string[] = [];
  const page = new OptionsPage({
    doc: document,
    store,
    builtin: BUILTIN,
    validateSelector: selectorValidator(document),
    download: (name, text) => void downloads.push({ name, text }),
    isUserEvent: (e) => userEvents.has(e),
    t: opts.t,
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
      requestAccess: async (r) => {
        requested.push(r);
        const ok = await (opts.access ?? Promise.resolve(true));
        granted ||= ok;
        return ok;
      },
      listTabs: async () => [
        { id: 8, url: 'https://other.example/', title: 'Other', active: true },
        ...(granted
          ? [{ id: 7, url: 'https://news.example/a.html', title: 'An article', active: false }]
          : [{ id: 7, title: 'An article', active: false }]),
      ],
      preview: async (tabId, r) => {
        previews.push({ tabId, rule: r });
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
  document.body.append(page.root);
  await page.reload();
  const q = <T extends HTMLElement = HTMLElement>(id: string) =>
    document.querySelector<T>(`[data-testid="${id}"]`);
  const input = (field: string, value: string) => {
    const el = document.getElementById(`field-${field}`) as HTMLInputElement | HTMLTextAreaElement;
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  };
  /** A click the user made (trusted in a browser). */
  const click = (el: Element) => {
    const e = new MouseEvent('click', { bubbles: true, cancelable: true });
    userEvents.add(e);
    el.dispatchEvent(e);
  };
  const settle = () => new Promise((r) => setTimeout(r, 20));
  const stored = async () => (await store.load()).data;
  return {
    page,
    store,
    downloads,
    previews,
    requested,
    permissionAsked,
    hosts: () => autoHosts,
    q,
    input,
    click,
    settle,
    stored,
  };
}

const fieldError = (f: string) =>
  document.querySelector<HTMLElement>(`[data-testid="rule-error"][data-field="${f}"]`)!;

beforeEach(() => {
  document.documentElement.lang = '';
});

describe('options page', () => {
  it('lists the built-in rules read-only with their badge', async () => {
    await setup();
    const items = document.querySelectorAll('[data-testid="rule-item"]');
    expect(items).toHaveLength(1);
    expect(items[0]!.getAttribute('data-origin')).toBe('builtin');
    expect(items[0]!.querySelector('[data-testid="rule-badge"]')!.textContent!.trim()).toBe(
      'Built-in',
    );
    expect(items[0]!.querySelector('[data-testid="rule-delete"]')).toBeNull();
  });

  it('a new rule opens without errors; a field shows its errors once the user was in it', async () => {
    const { q, input, click } = await setup();
    click(q('rule-add')!);
    const save = q<HTMLButtonElement>('rule-save')!;
    // Nothing typed yet: no "needs at least one entry" under Sites, but Save is off and says why.
    expect(fieldError('match').hidden).toBe(true);
    expect(fieldError('match').textContent!.trim()).toBe('');
    expect(save.disabled).toBe(true);
    expect(document.getElementById('rule-save-hint')!.textContent).toMatch(/fill in: Sites/);
    // Leaving the empty field shows its message.
    document.getElementById('field-match')!.dispatchEvent(new Event('blur'));
    expect(fieldError('match').hidden).toBe(false);
    expect(fieldError('match').textContent).toMatch(/at least one/);
    input('match', 'news.example');
    expect(fieldError('match').hidden).toBe(true);
    expect(save.disabled).toBe(false);
  });

  it('the form shows a bad selector next to its field and keeps Save off until it is fixed', async () => {
    const { q, input, settle, click, stored } = await setup();
    click(q('rule-add')!);
    const form = q('rule-form')!;
    expect(document.activeElement?.id).toBe('field-id');
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
      expect(form.querySelector(`label[for="field-${f}"]`), f).not.toBeNull();
    const save = q<HTMLButtonElement>('rule-save')!;
    input('id', 'news-promo');
    input('match', 'news.example');
    input('remove', '.promo\ndiv[[');
    const err = fieldError('remove');
    expect(err.hidden).toBe(false);
    expect(err.textContent).toMatch(/line 2: invalid CSS selector "div\[\["/);
    expect(save.disabled).toBe(true);
    // A backreference: refused by the safety check and by a linear-time engine alike.
    input('removeText', '/(a)\\1/');
    expect(fieldError('removeText').textContent).toMatch(/backreference/);
    input('remove', '.promo');
    input('removeText', 'Sponsored:');
    expect(err.hidden).toBe(true);
    expect(save.disabled).toBe(false);
    // Typing keeps the text the user typed (the template does not reset the control).
    expect((document.getElementById('field-remove') as HTMLTextAreaElement).value).toBe('.promo');
    click(save);
    await settle();
    expect((await stored()).rules.map((r) => r.id)).toEqual(['news-promo']);
    const item = document.querySelector('[data-testid="rule-item"][data-rule-id="news-promo"]')!;
    expect(item.getAttribute('data-origin')).toBe('user');
    expect(q('rule-form')).toBeNull();
    expect(document.activeElement).toBe(item.querySelector('[data-testid="rule-edit"]'));
    expect(q('options-status')!.textContent).toMatch(/Rule news-promo saved/);
  });

  it('a click or submit made by a script writes nothing', async () => {
    const { q, input, settle, click, stored } = await setup();
    click(q('rule-add')!);
    input('id', 'scripted');
    input('match', 'news.example');
    q<HTMLButtonElement>('rule-save')!.click();
    q<HTMLFormElement>('rule-form')!.requestSubmit();
    await settle();
    expect((await stored()).rules).toEqual([]);
    expect(q('options-status')!.textContent).toMatch(/not a user action/);
    const box = document.querySelector<HTMLInputElement>(
      '[data-rule-id="builtin-one"] [data-testid="rule-enabled"]',
    )!;
    box.click();
    await settle();
    expect((await stored()).disabledBuiltins).toEqual([]);
    // The switch shows the stored state again.
    expect(box.checked).toBe(true);
  });

  it('a built-in rule can be turned off, and customized into an override', async () => {
    const { q, settle, click, stored } = await setup();
    const box = () =>
      document.querySelector<HTMLInputElement>(
        '[data-rule-id="builtin-one"] [data-testid="rule-enabled"]',
      )!;
    click(box());
    await settle();
    expect((await stored()).disabledBuiltins).toEqual(['builtin-one']);
    expect(box().checked).toBe(false);
    expect(document.querySelector('[data-rule-id="builtin-one"]')!.classList).toContain('off');
    click(document.querySelector('[data-rule-id="builtin-one"] [data-testid="rule-edit"]')!);
    expect(q<HTMLButtonElement>('rule-save')!.disabled).toBe(false);
    expect(q('rule-form')!.querySelector('.field-note')!.textContent).toMatch(
      /Replaces the built-in rule “builtin-one”/,
    );
    click(q('rule-save')!);
    await settle();
    const item = document.querySelector('[data-rule-id="builtin-one"]')!;
    expect(item.getAttribute('data-origin')).toBe('override');
    expect((await stored()).rules.map((r) => r.id)).toEqual(['builtin-one']);
  });

  it('raw JSON: errors are listed with positions and Save stays off while invalid', async () => {
    const { q, settle, click, stored } = await setup();
    const toggle = document.querySelector<HTMLButtonElement>('[aria-controls="raw-panel"]')!;
    click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const text = q<HTMLTextAreaElement>('raw-json')!;
    const save = q<HTMLButtonElement>('raw-save')!;
    text.value = '{"rules": [\n  {"id": "x", "match": ["x.example"], "remove": ["a[["]}\n]}';
    text.dispatchEvent(new Event('input'));
    expect(save.disabled).toBe(true);
    expect(q('raw-errors')!.textContent).toMatch(/remove\[0\] \(line 2:\d+\)/);
    text.value = exportRules([rule('x', { remove: ['.a'] })]);
    text.dispatchEvent(new Event('input'));
    expect(save.disabled).toBe(false);
    click(save);
    await settle();
    expect((await stored()).rules.map((r) => r.id)).toEqual(['x']);
    expect(q('raw-json')).toBeNull();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('raw JSON: a new rule for every site is named and saved only after the tick', async () => {
    const { q, settle, click, stored } = await setup();
    click(document.querySelector('[aria-controls="raw-panel"]')!);
    const text = q<HTMLTextAreaElement>('raw-json')!;
    text.value = exportRules([rule('everywhere', { match: ['*'], remove: ['.ad'] })]);
    text.dispatchEvent(new Event('input'));
    expect(q('raw-risks')!.textContent).toMatch(/everywhere applies to every site/);
    expect(q<HTMLButtonElement>('raw-save')!.disabled).toBe(true);
    click(q('raw-risk-accept')!);
    expect(q<HTMLButtonElement>('raw-save')!.disabled).toBe(false);
    click(q('raw-save')!);
    await settle();
    expect((await stored()).rules.map((r) => r.id)).toEqual(['everywhere']);
    // Stored already: editing it again asks nothing.
    click(document.querySelector('[aria-controls="raw-panel"]')!);
    expect(q('raw-risks')).toBeNull();
    expect(q<HTMLButtonElement>('raw-save')!.disabled).toBe(false);
  });

  it('import: a bad file changes nothing; a good one shows the plan and applies on confirm', async () => {
    const { page, q, settle, click, store, stored } = await setup();
    await store.save({ schemaVersion: 1, rules: [rule('keep')], disabledBuiltins: [] });
    await page.reload();
    page.planImport('{"rules": [ {"id": "broken", ', 'bad.json');
    expect(q<HTMLButtonElement>('import-confirm')!.disabled).toBe(true);
    expect(q('import-errors')!.textContent).toMatch(/JSON syntax error/);
    click(q('import-confirm')!);
    await settle();
    expect((await stored()).rules.map((r) => r.id)).toEqual(['keep']);

    page.planImport('news.example##.promo\nnews.example##+js(nope)\n', 'filters.txt');
    expect(q('import-summary')!.textContent).toBe(
      'uBlock Origin filters: 1 to add, 0 to replace, 0 unchanged, 1 with errors (skipped).',
    );
    expect(q('import-adds')!.textContent).toMatch(/ubo-news-example \(news\.example\)/);
    expect(q('import-errors')!.textContent).toMatch(/line 2/);
    expect(q('import-risks')).toBeNull();
    click(q('import-confirm')!);
    await settle();
    expect((await stored()).rules.map((r) => r.id)).toEqual(['keep', 'ubo-news-example']);
    expect(q('import-confirm')).toBeNull();
  });

  it('import: a generic uBO line is named, and imported only after the user ticks the warning', async () => {
    const { page, q, settle, click, stored } = await setup();
    page.planImport('news.example##.promo\n##.ad\n', 'filters.txt');
    const risks = q('import-risks')!;
    expect(risks.textContent).toMatch(/ubo-generic applies to every site \("\*"\)/);
    expect(risks.textContent).toMatch(/line 2: ##\.ad/);
    const confirm = q<HTMLButtonElement>('import-confirm')!;
    expect(confirm.disabled).toBe(true);
    click(confirm);
    await settle();
    expect((await stored()).rules).toEqual([]);
    click(q('import-risk-accept')!);
    expect(q<HTMLButtonElement>('import-confirm')!.disabled).toBe(false);
    click(q('import-confirm')!);
    await settle();
    expect((await stored()).rules.map((r) => r.id).sort()).toEqual([
      'ubo-generic',
      'ubo-news-example',
    ]);
  });

  it('import: a rule that removes the whole page is named before it can be confirmed', async () => {
    const { page, q } = await setup();
    page.planImport(exportRules([rule('wipe', { remove: ['.ok', 'body > *'] })]), 'wipe.json');
    expect(q('import-risks')!.textContent).toMatch(/wipe removes “body > \*”/);
    expect(q<HTMLButtonElement>('import-confirm')!.disabled).toBe(true);
  });

  it('import over the rules limit: confirm is off and the page says how many to take out', async () => {
    const { page, q, store } = await setup();
    await store.save({
      schemaVersion: 1,
      rules: [rule('mine-a'), rule('mine-b')],
      disabledBuiltins: [],
    });
    await page.reload();
    const many = Array.from({ length: 2500 }, (_, i) =>
      rule(`r-${i}`, { remove: [], removeText: ['Sponsored'] }),
    );
    page.planImport(exportRules(many), 'big.json');
    expect(q<HTMLButtonElement>('import-confirm')!.disabled).toBe(true);
    // 2 mine + 2,500 in the file = 2,502: 502 too many.
    expect(q('import-limit')!.textContent).toMatch(
      /you would have 2502 rules, and at most 2000 can be stored\. Remove at least 502 rules/,
    );
    page.planImport(exportRules(many.slice(0, 1998)), 'fits.json');
    expect(q('import-limit')).toBeNull();
    expect(q<HTMLButtonElement>('import-confirm')!.disabled).toBe(false);
  });

  it('export downloads the user rules as a rules file', async () => {
    const { q, store, page, downloads, click } = await setup();
    await store.save({ schemaVersion: 1, rules: [rule('mine')], disabledBuiltins: [] });
    await page.reload();
    click(q('export-rules')!);
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.text).toBe(exportRules([rule('mine')]));
  });

  it('try on a tab: runs the draft rule on a tab it applies to and shows count and list', async () => {
    const { q, input, settle, previews, click, requested } = await setup({
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
    click(q('rule-add')!);
    input('id', 'news-sponsored');
    input('match', 'news.example');
    input('removeText', 'Sponsored:');
    await settle();
    click(q('try-tab')!);
    await settle();
    expect(requested).toEqual([]);
    expect(previews).toHaveLength(1);
    expect(previews[0]!.tabId).toBe(7);
    expect(previews[0]!.rule.removeText).toEqual(['Sponsored:']);
    expect(q('try-count')!.getAttribute('data-count')).toBe('2');
    expect(q('try-result')!.querySelectorAll('li')).toHaveLength(2);

    // Editing the rule: the result no longer describes it.
    input('removeText', 'Sponsored: one');
    expect(q('try-count')).toBeNull();
    expect(q('try-result')!.textContent).toMatch(/rule changed since the last preview/);
  });

  it('try on a tab: a pending permission request says so, and a rule edited meanwhile is not previewed', async () => {
    const access = deferred<boolean>();
    const { q, input, settle, previews, click, requested } = await setup({
      readable: false,
      access: access.promise,
    });
    click(q('rule-add')!);
    input('id', 'news-sponsored');
    input('match', 'news.example');
    input('removeText', 'Sponsored:');
    await settle();
    click(q('try-tab')!);
    expect(requested.map((r) => r.match)).toEqual([['news.example']]);
    expect(q('try-result')!.textContent).toMatch(/Asking the browser for access to news\.example/);
    input('removeText', 'Other text');
    access.resolve(true);
    await settle();
    expect(previews).toEqual([]);
    expect(q('try-result')!.textContent).toMatch(/rule changed since the last preview/);
    // Trying again runs the rule as it is now, without a second prompt.
    click(q('try-tab')!);
    await settle();
    expect(requested).toHaveLength(1);
    expect(previews.map((p) => p.rule.removeText)).toEqual([['Other text']]);
    expect(q('try-count')!.getAttribute('data-count')).toBe('0');
    // An invalid draft asks to fix it first; fixing it clears that hint.
    input('match', '');
    click(q('try-tab')!);
    expect(q('try-result')!.textContent).toMatch(/Fix the errors above first/);
    input('match', 'news.example');
    expect(q('try-result')!.textContent!.trim()).toBe('');
  });

  it('auto-open: adding a site asks for that site only and lists it; a refusal changes nothing', async () => {
    const { q, settle, permissionAsked, hosts, click } = await setup();
    await settle();
    q<HTMLInputElement>('auto-open-host')!.value = 'https://www.News.example/a/b.html';
    click(q('auto-open-add')!);
    await settle();
    expect(permissionAsked).toEqual(['www.news.example']);
    expect(hosts()).toEqual(['www.news.example']);
    expect(
      document.querySelector('[data-testid="auto-open-item"]')!.getAttribute('data-host'),
    ).toBe('www.news.example');
    q<HTMLInputElement>('auto-open-host')!.value = '*.example';
    click(q('auto-open-add')!);
    await settle();
    expect(document.getElementById('auto-open-error')!.textContent).toMatch(/Type a site/);
    expect(permissionAsked).toHaveLength(1);
    click(document.querySelector('[aria-label="Stop opening www.news.example automatically"]')!);
    await settle();
    expect(hosts()).toEqual([]);
    expect(document.querySelector('[data-testid="auto-open-item"]')).toBeNull();

    const denied = await setup({ grant: false });
    await denied.settle();
    denied.q<HTMLInputElement>('auto-open-host')!.value = 'other.example';
    denied.click(denied.q('auto-open-add')!);
    await denied.settle();
    expect(denied.hosts()).toEqual([]);
    expect(document.getElementById('auto-open-error')!.textContent).toMatch(/did not grant/);
  });

  it('a broken stored rule is flagged on the page while the other rules load; it can be discarded', async () => {
    const { page, store, q, settle, click, stored } = await setup();
    const bad = { id: 'bad', match: ['b.example'], removeText: ['/(x)\\1/'] };
    await store.save({
      schemaVersion: 1,
      rules: [rule('good')],
      disabledBuiltins: [],
      broken: [bad],
    });
    await page.reload();
    expect(q('broken-rules')!.hidden).toBe(false);
    expect(q('broken-rules')!.textContent).toMatch(/1 stored entry is skipped/);
    expect(q('broken-error')!.textContent).toMatch(/^"bad": removeText\[0\]: .*backreference/);
    expect(document.querySelector('[data-rule-id="good"]')).not.toBeNull();
    expect(document.querySelector('[data-rule-id="bad"]')).toBeNull();
    click(q('broken-discard')!);
    await settle();
    expect((await stored()).broken).toBeUndefined();
    expect(q('broken-rules')!.hidden).toBe(true);
    expect((await stored()).rules.map((r) => r.id)).toEqual(['good']);
  });

  it('shows the strings of the locale it is given', async () => {
    const file = path.resolve(import.meta.dirname, '../../_locales/zh_TW/messages.json');
    const zh = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { message: string }>;
    const t: OptionsTranslate = (key, subs = []) =>
      fillIn(zh[key]?.message ?? OPTIONS_STRINGS[key], subs);
    const { q, click } = await setup({ t });
    expect(q('rule-add')!.textContent!.trim()).toBe('新增規則');
    expect(q('rule-badge')!.textContent!.trim()).toBe('內建');
    click(q('rule-add')!);
    expect(document.querySelector('label[for="field-match"]')!.textContent).toBe('網站 *');
    expect(q('rule-save')!.textContent!.trim()).toBe('儲存規則');
  });
});
