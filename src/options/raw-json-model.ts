/**
 * The raw JSON view: the user's rules as one `{"rules": [...]}` text, validated by `parseRules`
 * with every error's rule, field and line:column. Saving replaces the user's rules with the
 * text's rules, and is possible only when the text has no error at all.
 */
import { exportRules } from '../rules/export.js';
import { formatRuleError, parseRules, type ParseRulesOptions } from '../rules/parse.js';
import type { SiteRule } from '../rules/schema.js';
import type { StoredRules } from '../shared/rule-storage.js';

export function rawJsonOf(state: StoredRules): string {
  return exportRules(state.rules);
}

export interface RawJsonCheck {
  rules: SiteRule[];
  errors: string[];
  valid: boolean;
}

export function checkRawJson(text: string, options: ParseRulesOptions = {}): RawJsonCheck {
  const { rules, errors } = parseRules(text, options);
  return { rules, errors: errors.map(formatRuleError), valid: errors.length === 0 };
}

export function applyRawJson(state: StoredRules, check: RawJsonCheck): StoredRules {
  if (!check.valid) throw new Error('applyRawJson: the text has errors');
  return { ...state, rules: check.rules };
}
