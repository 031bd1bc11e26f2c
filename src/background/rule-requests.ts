/**
 * Background handlers for the rule messages: `rules/preview` from the options page ("Try on an
 * open tab") and the reader's "Hide blocks like this" (`rules/add-from-reader`, and its undo).
 * Rules that come in are validated again here (`parseRules`); the reader may only add or remove
 * rules for the page it runs on, and undo only rules it made.
 */
import { sendToTab } from '../platform/index.js';
import { ruleStore } from '../platform/rule-store.js';
import { hostMatches } from '../rules/match.js';
import { parseRules } from '../rules/parse.js';
import type { SiteRule } from '../rules/schema.js';
import type { ReaderRuleReply, RulePreviewResult } from '../shared/messages.js';
import { injectPatternEngine } from './resolve-rules.js';
import { currentRules } from './stored-rules.js';
import { injectContentScript, injectFiles } from './toggle-reader.js';

/**
 * The URL of the page under the reader frame in `tabId`, as its content script sees it (the
 * reader frame's own URL is ours; `tab.url` needs a permission we may not hold).
 */
export async function readerPageUrlOf(tabId: number): Promise<string> {
  const { url } = await sendToTab(tabId, { type: 'reader/page' });
  return url;
}

/** Ids of rules made from the reader start with this (and only those can be undone from it). */
export const READER_RULE_PREFIX = 'hide-';

function validOne(rule: unknown): SiteRule | string {
  const { rules, errors } = parseRules([rule]);
  return rules[0] ?? errors.map((e) => e.message).join('; ');
}

export async function previewOnTab(tabId: number, raw: unknown): Promise<RulePreviewResult> {
  const rule = validOne(raw);
  if (typeof rule === 'string') return { ok: false, error: `invalid rule: ${rule}` };
  const msg = { type: 'rules/preview', rule, rules: await currentRules() } as const;
  await injectPatternEngine([rule, ...msg.rules], (files) => injectFiles(tabId, files));
  try {
    return await sendToTab(tabId, msg);
  } catch {
    // No content script yet: inject it below.
  }
  try {
    await injectContentScript(tabId);
    return await sendToTab(tabId, msg);
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

export async function addFromReader(raw: unknown, pageUrl: string): Promise<ReaderRuleReply> {
  const rule = validOne(raw);
  if (typeof rule === 'string') return { ok: false, error: `invalid rule: ${rule}` };
  let host: string;
  try {
    host = new URL(pageUrl).hostname;
  } catch {
    return { ok: false, error: 'no page host' };
  }
  if (
    !rule.id.startsWith(READER_RULE_PREFIX) ||
    !rule.match.every((m) => m !== '*' && hostMatches(m, host))
  ) {
    return { ok: false, error: 'a rule from the reader must be for the page it was made on' };
  }
  let saved: SiteRule = rule;
  const result = await ruleStore().update((s) => {
    const taken = new Set(s.rules.map((r) => r.id));
    let id = rule.id;
    for (let n = 2; taken.has(id); n++) id = `${rule.id.slice(0, 60)}-${n}`;
    saved = { ...rule, id };
    return { ...s, rules: [...s.rules, saved] };
  });
  return result.ok ? { ok: true, rule: saved } : { ok: false, error: result.error };
}

export async function removeFromReader(id: unknown, pageUrl: string): Promise<ReaderRuleReply> {
  if (typeof id !== 'string' || !id.startsWith(READER_RULE_PREFIX)) {
    return { ok: false, error: 'only rules made in the reader can be undone from it' };
  }
  let host = '';
  try {
    host = new URL(pageUrl).hostname;
  } catch {
    // no host: nothing matches below
  }
  let removed: SiteRule | undefined;
  const result = await ruleStore().update((s) => {
    removed = s.rules.find((r) => r.id === id && r.match.every((m) => hostMatches(m, host)));
    return removed ? { ...s, rules: s.rules.filter((r) => r !== removed) } : s;
  });
  if (!result.ok) return { ok: false, error: result.error };
  return removed
    ? { ok: true, rule: removed }
    : { ok: false, error: `no rule ${id} for this site` };
}
