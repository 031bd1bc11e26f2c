// Options page entry: wires the page to the browser (storage, tabs, permissions, messaging).
import { browser, getMessage } from '../platform/index.js';
import { loadAutoOpenHosts, saveAutoOpenHosts } from '../platform/auto-open-store.js';
import { onRulesChanged, ruleStore } from '../platform/rule-store.js';
import { autoOpenOrigin } from '../shared/auto-open.js';
import { BUILTIN_RULES } from '../rules/builtin/index.js';
import type { SiteRule } from '../rules/schema.js';
import { selectorValidator } from '../rules/selector-validator.js';
import { OptionsPage } from './options-page.js';
import { fillIn, OPTIONS_STRINGS, type OptionsTranslate } from './options-strings.js';
import { originsForRule, type RulePreviewResult } from './try-model.js';

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Firefox: revoking right away can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function preview(tabId: number, rule: SiteRule): Promise<RulePreviewResult> {
  const reply = (await browser.runtime.sendMessage({ type: 'rules/preview', tabId, rule })) as
    RulePreviewResult | undefined;
  return reply ?? { ok: false, error: 'the background did not answer (preview not available)' };
}

const t: OptionsTranslate = (key, subs = []) => {
  const strings = subs.map(String);
  return getMessage(key, strings, fillIn(OPTIONS_STRINGS[key], strings));
};
// The language of the strings shown (the locale the browser picked, or the English fallback).
document.documentElement.lang = t('options_lang');
document.title = t('options_pageTitle');

const page = new OptionsPage({
  doc: document,
  t,
  store: ruleStore(),
  builtin: BUILTIN_RULES,
  validateSelector: selectorValidator(document),
  download,
  onRulesChanged: (listener) => void onRulesChanged(listener),
  tryOnTab: {
    requestAccess: (rule) => browser.permissions.request({ origins: originsForRule(rule) }),
    listTabs: () => browser.tabs.query({}),
    preview,
  },
  autoOpen: {
    load: loadAutoOpenHosts,
    save: saveAutoOpenHosts,
    request: (host) => browser.permissions.request({ origins: [autoOpenOrigin(host)] }),
    // Either scheme counts: the background checks the loaded page's own scheme.
    granted: async (host) =>
      (await browser.permissions.contains({ origins: [`https://${host}/*`] })) ||
      browser.permissions.contains({ origins: [`http://${host}/*`] }),
  },
});
document.body.replaceChildren(page.root);
void page.reload().catch((e: unknown) => {
  console.error('[crypto-reader] options', e);
});
