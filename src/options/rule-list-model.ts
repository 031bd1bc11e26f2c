/**
 * The options page's list: built-in and user rules as rows with their source, a search filter,
 * and the state changes the list's buttons make. Pure functions on `StoredRules`: the page
 * saves the returned state in one write.
 */
import type { SiteRule } from '../rules/schema.js';
import { resolveRules, type RuleOrigin, type StoredRules } from '../shared/rule-storage.js';

export interface RuleRow {
  rule: SiteRule;
  origin: RuleOrigin;
  /** The built-in rule this row is or overrides. */
  builtin: SiteRule | null;
}

export function buildRuleRows(builtin: readonly SiteRule[], stored: StoredRules): RuleRow[] {
  const byId = new Map(builtin.map((b) => [b.id, b]));
  return resolveRules(builtin, stored.rules, stored.disabledBuiltins).map((r) => ({
    ...r,
    builtin: r.origin === 'user' ? null : (byId.get(r.rule.id) ?? null),
  }));
}

/** Rows whose id, sites, notes, selectors or patterns contain every word of `query`. */
export function filterRows(rows: readonly RuleRow[], query: string): RuleRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [...rows];
  return rows.filter((row) => {
    const r = row.rule;
    const hay = [
      r.id,
      row.origin,
      ...r.match,
      ...(r.remove ?? []),
      ...(r.removeText ?? []),
      r.article ?? '',
      r.title ?? '',
      r.byline ?? '',
      r.notes ?? '',
    ]
      .join('\n')
      .toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

/** Adds `rule`, or replaces the user rule `originalId` (in place, even when the id changed). */
export function upsertUserRule(
  state: StoredRules,
  rule: SiteRule,
  originalId: string | null = null,
): StoredRules {
  const at = state.rules.findIndex((r) => r.id === (originalId ?? rule.id));
  const rules = [...state.rules];
  if (at >= 0) rules[at] = rule;
  else rules.push(rule);
  return { ...state, rules };
}

/** Deletes a user rule (an override: the built-in rule comes back). */
export function deleteUserRule(state: StoredRules, id: string): StoredRules {
  return { ...state, rules: state.rules.filter((r) => r.id !== id) };
}

/** Turns a row on or off: a user rule (or override) by its `enabled`, a built-in by `disabledBuiltins`. */
export function setRowEnabled(state: StoredRules, row: RuleRow, enabled: boolean): StoredRules {
  if (row.origin === 'builtin') {
    const others = state.disabledBuiltins.filter((id) => id !== row.rule.id);
    return { ...state, disabledBuiltins: enabled ? others : [...others, row.rule.id] };
  }
  return {
    ...state,
    rules: state.rules.map((r) => (r.id === row.rule.id ? { ...r, enabled } : r)),
  };
}

/** A free id starting with `base` (`base`, `base-2`, …). */
export function freeRuleId(base: string, taken: ReadonlySet<string>): string {
  const clean =
    base
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56) || 'my-rule';
  if (!taken.has(clean)) return clean;
  for (let n = 2; ; n++) if (!taken.has(`${clean}-${n}`)) return `${clean}-${n}`;
}
