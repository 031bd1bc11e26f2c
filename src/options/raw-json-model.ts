/**
 * The raw JSON view: the user's rules as one `{"rules": [...]}` text, validated by `parseRules`
 * with every error's rule, field and line:column. Saving replaces the user's rules with the
 * text's rules, and is possible only when the text has no error at all.
 */
import { exportRules } from '../rules/export.js';
import { formatRuleError, parseRules, type ParseRulesOptions } from '../rules/parse.js';
import type { SiteRule } from '../rules/schema.js';
import type { StoredRules } from '../shared/rule-storage.js';
import { importRisks, type ImportRisk } from './import-risk.js';

export function rawJsonOf(state: StoredRules): string {
  return exportRules(state.rules);
}

export interface RawJsonCheck {
  rules: SiteRule[];
  errors: string[];
  valid: boolean;
  /**
   * Rules for every site or page-wide removals that the stored rules do not have yet: saving
   * them needs the same named confirmation as an import (one already stored is not asked again).
   */
  risks: ImportRisk[];
}

const riskKey = (r: ImportRisk): string => `${r.ruleId}\n${r.kind}\n${r.subject}`;

export function checkRawJson(
  text: string,
  options: ParseRulesOptions = {},
  stored: readonly SiteRule[] = [],
): RawJsonCheck {
  const { rules, errors } = parseRules(text, options);
  const known = new Set(importRisks(stored).map(riskKey));
  return {
    rules,
    errors: errors.map(formatRuleError),
    valid: errors.length === 0,
    risks: importRisks(rules).filter((r) => !known.has(riskKey(r))),
  };
}

export function applyRawJson(state: StoredRules, check: RawJsonCheck): StoredRules {
  if (!check.valid) throw new Error('applyRawJson: the text has errors');
  return { ...state, rules: check.rules };
}
