/**
 * "Try on an open tab": which host permissions to ask for, and which tabs a draft rule applies
 * to. The permission asked for covers only the rule's own sites (the options page gets no
 * activeTab), so a rule for `example.com` asks for `*://example.com/*` and `*://*.example.com/*`.
 */
import { compileRuleIndex, normalizeHostPattern, rulesForUrl } from '../rules/match.js';
import type { SiteRule } from '../rules/schema.js';

export function originsForRule(rule: Pick<SiteRule, 'match'>): string[] {
  const out = new Set<string>();
  for (const m of rule.match) {
    const n = normalizeHostPattern(m);
    if (!('value' in n)) continue;
    if (n.value === '*') {
      out.add('*://*/*');
      continue;
    }
    if (n.value.startsWith('*.')) out.add(`*://${n.value}/*`);
    else {
      out.add(`*://${n.value}/*`);
      // Subdomains too, except for IP addresses (which have none).
      if (!/^[\d.]+$/.test(n.value) && !n.value.startsWith('[')) out.add(`*://*.${n.value}/*`);
    }
  }
  return [...out];
}

export interface TabChoice {
  id: number;
  title: string;
  url: string;
  active: boolean;
}

/** A tab as `tabs.query` gives it (no URL for a tab the extension may not read). */
export interface RawTab {
  id?: number;
  url?: string;
  title?: string;
  active?: boolean;
}

/** The tabs whose URL the rule applies to (active tab first). */
export function tabsForRule(rule: SiteRule, tabs: readonly RawTab[]): TabChoice[] {
  const index = compileRuleIndex([{ ...rule, enabled: true }]);
  const out: TabChoice[] = [];
  for (const t of tabs) {
    if (t.id === undefined || !t.url || !/^https?:/.test(t.url)) continue;
    if (rulesForUrl(index, t.url).length === 0) continue;
    out.push({ id: t.id, url: t.url, title: t.title || t.url, active: t.active === true });
  }
  return out.sort((a, b) => Number(b.active) - Number(a.active));
}

export type { RulePreviewResult } from '../shared/messages.js';
