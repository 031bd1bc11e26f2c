import { BUILTIN_RULES } from '../rules/builtin/index.js';
import { compileRuleIndex, rulesForUrl, type RuleIndex } from '../rules/match.js';
import type { SiteRule } from '../rules/schema.js';

// The built-in index is compiled on first use; cheap to rebuild when the service worker restarts.
let builtinIndex: RuleIndex | null = null;

/**
 * The site rules to send with a toggle: the enabled rules that match the tab's URL. `rules` is
 * every rule, user rules merged over the built-in ones (`currentRules()` in stored-rules.ts,
 * which reads the same store as the options page); the built-in rules alone by default.
 * When the URL is unknown (no grant to read it), every enabled rule: `extractArticle` itself keeps
 * only those matching the page's host.
 */
export function resolveRules(
  url: string | undefined,
  rules: readonly SiteRule[] = BUILTIN_RULES,
): SiteRule[] {
  if (!url) return rules.filter((r) => r.enabled);
  const index =
    rules === BUILTIN_RULES
      ? (builtinIndex ??= compileRuleIndex(BUILTIN_RULES))
      : compileRuleIndex(rules);
  return rulesForUrl(index, url);
}
