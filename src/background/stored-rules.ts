/**
 * The rules the background applies: built-in + the user's stored rules − built-ins turned off
 * (`mergeRules`), read through the same store as the options page. The stored state is cached
 * and dropped whenever storage changes, so a toggle costs no storage read after the first.
 */
import { onRulesChanged, ruleStore, type LoadedRules } from '../platform/rule-store.js';
import { BUILTIN_RULES } from '../rules/builtin/index.js';
import type { SiteRule } from '../rules/schema.js';
import { mergeRules } from '../shared/rule-storage.js';

let cached: Promise<LoadedRules> | null = null;

/** Call once at the top level of the background. */
export function watchStoredRules(): void {
  onRulesChanged(() => {
    cached = null;
  });
}

/** Every rule (enabled or not), user rules merged over the built-in ones. Never rejects. */
export async function currentRules(): Promise<SiteRule[]> {
  cached ??= ruleStore().load();
  try {
    const { data } = await cached;
    return mergeRules(BUILTIN_RULES, data.rules, data.disabledBuiltins);
  } catch (err) {
    cached = null;
    // Storage unreadable: the built-in rules still apply; the reader never breaks over rules.
    console.warn('[crypto-reader] stored rules unreadable; using the built-in rules', err);
    return [...BUILTIN_RULES];
  }
}
