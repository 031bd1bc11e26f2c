/**
 * Import and export as the options page shows them. The plan (`planImport`) says what an import
 * adds and replaces before anything is written; confirming applies it to the user's rules in one
 * write (`applyImportPlan` never drops an existing rule). The view also carries what needs a
 * named confirmation (`risks`) and whether the result fits the rules limit (`limit`).
 */
import {
  applyImportPlan,
  exportRules,
  planImport,
  type ImportFormat,
  type ImportPlan,
} from '../rules/export.js';
import { formatRuleError, type ParseRulesOptions } from '../rules/parse.js';
import type { StoredRules } from '../shared/rule-storage.js';
import { importLimit, importRisks, type ImportLimit, type ImportRisk } from './import-risk.js';

export interface ImportView {
  plan: ImportPlan;
  format: ImportFormat;
  /** One per rule added: `example-news (example.com)`, and whether it overrides a built-in. */
  adds: { label: string; replacesBuiltin: boolean }[];
  replaces: string[];
  unchanged: string[];
  /** Every problem, with its line (uBO) or rule and field (JSON). */
  errors: string[];
  /** Rules for every site or removing the whole page: confirmed only with a tick that names them. */
  risks: ImportRisk[];
  limit: ImportLimit;
  /** Something to write and within the limit (risks need the tick on top). */
  canConfirm: boolean;
}

const describe = (r: { id: string; match: string[] }): string => `${r.id} (${r.match.join(', ')})`;

export function buildImportView(
  state: StoredRules,
  text: string,
  options: ParseRulesOptions & { builtinIds?: ReadonlySet<string> } = {},
): ImportView {
  const plan = planImport(state.rules, text, options);
  const limit = importLimit(state.rules.length, plan.add.length, text);
  return {
    plan,
    format: plan.format,
    adds: plan.add.map((r) => ({
      label: describe(r),
      replacesBuiltin: options.builtinIds?.has(r.id) === true,
    })),
    replaces: plan.replace.map((r) => describe(r.after)),
    unchanged: plan.unchanged.map((r) => r.id),
    errors: plan.errors.map(formatRuleError),
    risks: importRisks([...plan.add, ...plan.replace.map((r) => r.after)], text),
    limit,
    canConfirm: plan.add.length + plan.replace.length > 0 && limit.excess === 0,
  };
}

/** The full state after a confirmed import (validated again by the store before it is written). */
export function applyImportToState(state: StoredRules, plan: ImportPlan): StoredRules {
  return { ...state, rules: applyImportPlan(state.rules, plan) };
}

/** The export file: the user's rules in the format the CLI's `--rules` and an import read. */
export function exportFile(state: StoredRules, now = new Date()): { name: string; text: string } {
  const day = now.toISOString().slice(0, 10);
  return { name: `crypto-reader-rules-${day}.json`, text: exportRules(state.rules) };
}
