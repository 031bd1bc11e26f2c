/**
 * Import and export as the options page shows them. The plan (`planImport`) says what an import
 * adds and replaces before anything is written; confirming applies it to the user's rules in one
 * write (`applyImportPlan` never drops an existing rule).
 */
import { applyImportPlan, exportRules, planImport, type ImportPlan } from '../rules/export.js';
import { formatRuleError, type ParseRulesOptions } from '../rules/parse.js';
import type { StoredRules } from '../shared/rule-storage.js';

export interface ImportView {
  plan: ImportPlan;
  /** One line per rule added: `example-news (example.com)`. */
  adds: string[];
  replaces: string[];
  unchanged: string[];
  /** Every problem, with its line (uBO) or rule and field (JSON). */
  errors: string[];
  /** Something to write: the confirm button is on only then. */
  canConfirm: boolean;
  summary: string;
}

const describe = (r: { id: string; match: string[] }): string => `${r.id} (${r.match.join(', ')})`;

export function buildImportView(
  state: StoredRules,
  text: string,
  options: ParseRulesOptions & { builtinIds?: ReadonlySet<string> } = {},
): ImportView {
  const plan = planImport(state.rules, text, options);
  const overrides = (id: string): string =>
    options.builtinIds?.has(id) ? ' (replaces the built-in rule)' : '';
  const view: ImportView = {
    plan,
    adds: plan.add.map((r) => describe(r) + overrides(r.id)),
    replaces: plan.replace.map((r) => describe(r.after)),
    unchanged: plan.unchanged.map((r) => r.id),
    errors: plan.errors.map(formatRuleError),
    canConfirm: plan.add.length + plan.replace.length > 0,
    summary: '',
  };
  const format = plan.format === 'ubo' ? 'uBlock Origin filters' : 'JSON rules';
  const parts = [
    `${plan.add.length} to add`,
    `${plan.replace.length} to replace`,
    `${plan.unchanged.length} unchanged`,
  ];
  if (plan.errors.length)
    parts.push(`${plan.errors.length} error${plan.errors.length === 1 ? '' : 's'} (skipped)`);
  view.summary = `${format}: ${parts.join(', ')}.`;
  return view;
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
