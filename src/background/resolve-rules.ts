import { BUILTIN_RULES } from '../rules/builtin/index.js';
import { compileRuleIndex, rulesForUrl, type RuleIndex } from '../rules/match.js';
import type { SiteRule } from '../rules/schema.js';

// Compiled on first use; cheap to rebuild when the service worker restarts.
let index: RuleIndex | null = null;

/**
 * The site rules to send with a toggle: the enabled built-in rules that match the tab's URL.
 * When the URL is unknown (no grant to read it), every enabled rule: `extractArticle` itself keeps
 * only those matching the page's host.
 * TODO(issue 4): user rules from storage (and built-ins turned off or overridden there).
 */
export function resolveRules(url: string | undefined): SiteRule[] {
  if (!url) return BUILTIN_RULES.filter((r) => r.enabled);
  index ??= compileRuleIndex(BUILTIN_RULES);
  return rulesForUrl(index, url);
}
