/**
 * Export and import planning for rules files. The export is the same `{"rules": [...]}` format
 * the built-in rules use and `parseRules`, the options page and the CLI `--rules` read. An
 * import is planned first (what it adds, what it replaces, what is wrong) and applied only when
 * the user confirms, in one write: it never deletes an existing rule.
 */
import { importUboFilters } from './import-ubo.js';
import { RULES_SCHEMA_URL } from './json-schema.js';
import { parseRules, type ParseRulesOptions, type RuleError, type RuleWarning } from './parse.js';
import { SITE_RULE_FIELDS, type SiteRule } from './schema.js';

/** One rule in schema field order, without empty lists (they are the default). */
function tidy(rule: SiteRule): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of SITE_RULE_FIELDS) {
    const v = rule[f];
    if (v === undefined || (Array.isArray(v) && v.length === 0 && f !== 'match')) continue;
    out[f] = Array.isArray(v) ? [...v] : v;
  }
  return out;
}

/**
 * The text of a rules file: `{"$schema": …, "rules": [...]}`, pretty-printed, ending with a
 * newline. `$schema` lets editors complete and check the file; readers ignore it.
 */
export function exportRules(rules: readonly SiteRule[]): string {
  return `${JSON.stringify({ $schema: RULES_SCHEMA_URL, rules: rules.map(tidy) }, null, 2)}\n`;
}

export type ImportFormat = 'json' | 'ubo';

/** JSON when the text starts like JSON (`{` or `[`), else uBlock Origin filter lines. */
export function detectImportFormat(text: string): ImportFormat {
  return /^\uFEFF?\s*[[{]/.test(text) ? 'json' : 'ubo';
}

export interface ImportPlan {
  /** Rules whose id is new. */
  add: SiteRule[];
  /** Rules whose id exists and whose content differs: `after` replaces `before` in place. */
  replace: { before: SiteRule; after: SiteRule }[];
  /** Rules identical to an existing one (nothing to do). */
  unchanged: SiteRule[];
  /** Every problem in the incoming file; the rules above are only the valid ones. */
  errors: RuleError[];
  /**
   * Rules above that reach far (every site, or a selector that removes the page): the import
   * is confirmed only after a confirmation that names each of them.
   */
  warnings: RuleWarning[];
  /** The file holds more rules than the limit: confirming is not offered (see `parseRules`). */
  overLimit?: { total: number; limit: number };
  format: ImportFormat;
}

function same(a: SiteRule, b: SiteRule): boolean {
  return JSON.stringify(tidy(a)) === JSON.stringify(tidy(b));
}

/**
 * What importing `incoming` (file text in our JSON or uBO format, or parsed rules) into
 * `existing` would do. Pure: nothing is written. uBO imports get ids that do not clash with
 * `existing`, so they only ever add.
 */
export function planImport(
  existing: readonly SiteRule[],
  incoming: string | readonly SiteRule[],
  options: ParseRulesOptions & { format?: ImportFormat } = {},
): ImportPlan {
  let rules: SiteRule[];
  let errors: RuleError[];
  let warnings: RuleWarning[];
  let overLimit: ImportPlan['overLimit'];
  let format: ImportFormat = 'json';
  if (typeof incoming === 'string') {
    format = options.format ?? detectImportFormat(incoming);
    const r =
      format === 'json'
        ? parseRules(incoming, options)
        : importUboFilters(incoming, { ...options, existingIds: existing.map((e) => e.id) });
    rules = r.rules;
    errors = r.errors;
    warnings = r.warnings ?? [];
    overLimit = 'overLimit' in r ? r.overLimit : undefined;
  } else {
    const r = parseRules([...incoming], options);
    rules = r.rules;
    errors = r.errors;
    warnings = r.warnings ?? [];
    overLimit = r.overLimit;
  }
  const byId = new Map(existing.map((r) => [r.id, r]));
  const plan: ImportPlan = {
    add: [],
    replace: [],
    unchanged: [],
    errors,
    warnings,
    ...(overLimit ? { overLimit } : {}),
    format,
  };
  for (const rule of rules) {
    const before = byId.get(rule.id);
    if (!before) plan.add.push(rule);
    else if (same(before, rule)) plan.unchanged.push(rule);
    else plan.replace.push({ before, after: rule });
  }
  return plan;
}

/** The rules after a confirmed import: replacements in place, additions at the end. */
export function applyImportPlan(existing: readonly SiteRule[], plan: ImportPlan): SiteRule[] {
  const replaced = new Map(plan.replace.map((r) => [r.before.id, r.after]));
  return [...existing.map((r) => replaced.get(r.id) ?? r), ...plan.add];
}
