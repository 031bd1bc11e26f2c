/**
 * The stored form of the user's rules, its migrations and the merge with the built-in rules.
 * Pure (no browser APIs): the platform layer reads and writes the object, this module decides
 * what it means. Stored data is checked on every read, never trusted: a broken stored rule is
 * skipped and reported (and kept verbatim in `broken`, so saving does not lose it), and never
 * disables the other rules. Patterns are compiled only when the stored verdict (`validatedBy`)
 * is not this validator's: they were checked when saved.
 */
import {
  parseRules,
  RULE_ID_PATTERN,
  RULES_VALIDATOR_VERSION,
  type RuleError,
} from '../rules/parse.js';
import type { SiteRule } from '../rules/schema.js';

export const RULES_SCHEMA_VERSION = 1;

/** The storage key the rules live under. */
export const RULES_STORAGE_KEY = 'rules';

export interface StoredRules {
  schemaVersion: typeof RULES_SCHEMA_VERSION;
  rules: SiteRule[];
  /** Ids of built-in rules the user turned off. */
  disabledBuiltins: string[];
  /** Stored entries that failed validation, kept as they were so a later fix can recover them. */
  broken?: unknown[];
}

export interface MigrationResult {
  data: StoredRules;
  /** Every problem found, each naming the rule and field (index is the rule's stored index). */
  errors: RuleError[];
  /** True when `raw` was in an older shape: the caller should write `data` back. */
  migrated: boolean;
  /**
   * True when the stored rules carry no verdict of this validator (`validatedBy`, written by
   * the store on save): they were validated fully now, and the caller should write them back
   * so the next read (every service-worker wake) trusts their patterns.
   */
  revalidated: boolean;
}

export function emptyStoredRules(): StoredRules {
  return { schemaVersion: RULES_SCHEMA_VERSION, rules: [], disabledBuiltins: [] };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readRuleList(
  list: unknown[],
  errors: RuleError[],
  patternsValidated: boolean,
): { rules: SiteRule[]; broken: unknown[] } {
  const { rules, errors: ruleErrors } = parseRules(list, { patternsValidated });
  errors.push(...ruleErrors);
  const bad = new Set(ruleErrors.map((e) => e.index).filter((i): i is number => i !== null));
  return { rules, broken: list.filter((_, i) => bad.has(i)) };
}

/**
 * Reads whatever is stored under `RULES_STORAGE_KEY` into the current shape. Never throws.
 * - nothing stored (undefined/null) → empty, not migrated;
 * - v0: a bare array of rules, or `{rules: [...]}` without a version → v1, migrated;
 * - v1: validated;
 * - a newer version: read as v1 as far as possible, with an error (the caller should not write
 *   it back, or it would drop fields it does not know).
 */
export function migrateStoredRules(raw: unknown): MigrationResult {
  const errors: RuleError[] = [];
  const data = emptyStoredRules();
  const fileError = (message: string): void => {
    errors.push({ index: null, id: null, field: '', message });
  };
  try {
    if (raw === undefined || raw === null)
      return { data, errors, migrated: false, revalidated: false };
    let list: unknown;
    let migrated = false;
    let disabled: unknown = [];
    let previouslyBroken: unknown = [];
    if (Array.isArray(raw)) {
      list = raw;
      migrated = true;
    } else if (isRecord(raw) && raw.schemaVersion === undefined && Array.isArray(raw.rules)) {
      list = raw.rules;
      disabled = raw.disabledBuiltins ?? [];
      migrated = true;
    } else if (isRecord(raw) && typeof raw.schemaVersion === 'number') {
      if (raw.schemaVersion > RULES_SCHEMA_VERSION) {
        fileError(
          `stored rules were written by a newer version (schemaVersion ${raw.schemaVersion}); ` +
            `read as version ${RULES_SCHEMA_VERSION}`,
        );
      } else if (raw.schemaVersion !== RULES_SCHEMA_VERSION) {
        fileError(
          `unknown schemaVersion ${raw.schemaVersion}; read as version ${RULES_SCHEMA_VERSION}`,
        );
      }
      list = raw.rules ?? [];
      disabled = raw.disabledBuiltins ?? [];
      previouslyBroken = raw.broken ?? [];
    } else {
      fileError('stored rules are not in a known shape; starting from no user rules');
      return { data: { ...data, broken: [raw] }, errors, migrated: false, revalidated: false };
    }

    if (!Array.isArray(list)) {
      fileError('stored "rules" is not an array');
      list = [];
    }
    // The verdict stored with the rules: this validator passed them when they were saved.
    const trusted = isRecord(raw) && raw.validatedBy === RULES_VALIDATOR_VERSION;
    const { rules, broken } = readRuleList(list as unknown[], errors, trusted);
    data.rules = rules;

    // Entries kept as broken earlier may be valid now (a newer schema, a fixed bug).
    if (Array.isArray(previouslyBroken)) {
      for (const entry of previouslyBroken) {
        const again = parseRules([entry]).rules[0];
        if (again && !data.rules.some((r) => r.id === again.id)) {
          data.rules.push(again);
          migrated = true;
        } else {
          broken.push(entry);
        }
      }
    }
    if (broken.length) data.broken = broken;

    if (!Array.isArray(disabled)) {
      fileError('stored "disabledBuiltins" is not an array; ignored');
      disabled = [];
    }
    for (const [i, id] of (disabled as unknown[]).entries()) {
      if (typeof id === 'string' && RULE_ID_PATTERN.test(id)) {
        if (!data.disabledBuiltins.includes(id)) data.disabledBuiltins.push(id);
      } else {
        errors.push({
          index: null,
          id: null,
          field: `disabledBuiltins[${i}]`,
          message: 'not a rule id; ignored',
        });
      }
    }
    const revalidated = !trusted && (data.rules.length > 0 || broken.length > 0);
    return { data, errors, migrated, revalidated };
  } catch (e) {
    fileError(`could not read stored rules: ${String(e)}`);
    return { data, errors, migrated: false, revalidated: false };
  }
}

export type RuleOrigin = 'builtin' | 'user' | 'override';

export interface ResolvedRule {
  rule: SiteRule;
  origin: RuleOrigin;
}

/**
 * Built-in and user rules as one list, with where each comes from (for the options page):
 * built-ins first in their order, a user rule with a built-in's id in that built-in's place
 * (`override`), then the other user rules. A built-in listed in `disabledBuiltins` comes back
 * with `enabled: false` (still listed, never applied); a user override is never disabled by it.
 */
export function resolveRules(
  builtin: readonly SiteRule[],
  user: readonly SiteRule[],
  disabledBuiltins: readonly string[],
): ResolvedRule[] {
  const userById = new Map(user.map((r) => [r.id, r]));
  const disabled = new Set(disabledBuiltins);
  const out: ResolvedRule[] = [];
  const builtinIds = new Set<string>();
  for (const b of builtin) {
    builtinIds.add(b.id);
    const u = userById.get(b.id);
    if (u) out.push({ rule: u, origin: 'override' });
    else out.push({ rule: disabled.has(b.id) ? { ...b, enabled: false } : b, origin: 'builtin' });
  }
  for (const u of user) if (!builtinIds.has(u.id)) out.push({ rule: u, origin: 'user' });
  return out;
}

/** The rules to apply: `resolveRules` without the origins. */
export function mergeRules(
  builtin: readonly SiteRule[],
  user: readonly SiteRule[],
  disabledBuiltins: readonly string[],
): SiteRule[] {
  return resolveRules(builtin, user, disabledBuiltins).map((r) => r.rule);
}

/** Chrome's `storage.sync` limits (Firefox's are the same or larger). */
export const SYNC_QUOTA = { bytesPerItem: 8192, totalBytes: 102400 } as const;

/** Size as `storage.sync` counts it: the key plus the JSON of the value, in UTF-8 bytes. */
export function storedSize(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

/** Where the rules fit: `sync` when under the per-item quota, else `local` (show a note). */
export function chooseStorageArea(data: StoredRules): 'sync' | 'local' {
  return storedSize(RULES_STORAGE_KEY, data) <= SYNC_QUOTA.bytesPerItem ? 'sync' : 'local';
}
