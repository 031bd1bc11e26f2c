/**
 * Which rules travel to a tab: only those whose hosts match it. The host index is compiled once
 * per rule set and kept in the worker's memory; it is rebuilt after the worker wakes, from the
 * stored rules that were validated when saved (nothing is validated here).
 */
import { BUILTIN_RULES } from '../rules/builtin/index.js';
import { compileRuleIndex, rulesForUrl, type RuleIndex } from '../rules/match.js';
import type { SiteRule } from '../rules/schema.js';
import { needsPatternEngine } from '../rules/text-pattern.js';

/** The regex engine as an injectable script (built from `src/rules/pattern-engine-entry.ts`). */
export const PATTERN_ENGINE_SCRIPT = 'pattern-engine.js';

// The last rule set and its index. `currentRules()` merges afresh on each call, so the list is a
// new array holding the same rule objects until storage changes: compared entry by entry.
let cached: { rules: readonly SiteRule[]; index: RuleIndex } | null = null;
let compiledCount = 0;

function sameRuleSet(a: readonly SiteRule[], b: readonly SiteRule[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    // A built-in the user turned off is a fresh `{...rule, enabled: false}` each time.
    if (x !== y && (x.enabled || y.enabled || x.id !== y.id)) return false;
  }
  return true;
}

/** The compiled host index of `rules`, from the cache when the rule set has not changed. */
export function ruleIndexFor(rules: readonly SiteRule[]): RuleIndex {
  if (cached && sameRuleSet(cached.rules, rules)) return cached.index;
  const index = compileRuleIndex(rules);
  compiledCount++;
  cached = { rules: [...rules], index };
  return index;
}

/** How many times an index was compiled (for tests: a toggle with unchanged rules compiles none). */
export function ruleIndexCompilations(): number {
  return compiledCount;
}

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
  return rulesForUrl(ruleIndexFor(rules), url);
}

/**
 * The scripts to inject before the content script handles `rules`: the regex engine when one of
 * them has a regex pattern (it registers itself in the content script's world), else none. Pages
 * whose rules have no regex never load it.
 */
export function patternEngineScripts(rules: readonly SiteRule[]): string[] {
  return needsPatternEngine(rules) ? [PATTERN_ENGINE_SCRIPT] : [];
}

/**
 * Injects the regex engine into a tab when `rules` need it. Best effort: if it cannot be
 * injected, the content script skips regex patterns (with a console warning) and the reader
 * still opens with the rest of the rules.
 */
export async function injectPatternEngine(
  rules: readonly SiteRule[],
  inject: (files: string[]) => Promise<unknown>,
): Promise<void> {
  const files = patternEngineScripts(rules);
  if (!files.length) return;
  try {
    await inject(files);
  } catch (err) {
    console.warn('[crypto-reader] regex engine not injected; regex patterns are skipped', err);
  }
}
