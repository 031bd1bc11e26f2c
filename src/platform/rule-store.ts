/**
 * Typed read/write of the user's site rules (issue 4 item 1). What the stored object means
 * (shape, migrations, merge with the built-ins) is decided by `shared/rule-storage.ts`; this
 * module only decides where it lives and how it is written.
 *
 * Where: `storage.sync` when it fits its quota, else `storage.local` with a flag (`localReason`)
 * so the options page can say the rules stay in this browser. In sync the rules are split into
 * parts of at most QUOTA_BYTES_PER_ITEM each, under generation keys (`rules.<gen>.<n>`), with an
 * index under `rules` that names the generation:
 *
 *   rules          {schemaVersion, disabledBuiltins, broken?, savedAt, parts: {gen, count}}
 *   rules.<gen>.0  [rule, rule, …]      rules.<gen>.1  […]
 *
 * All or nothing: a save validates the whole new state first, writes the new parts, and only
 * then the index that points to them (a failure before that leaves the old generation in
 * charge); old generations are removed afterwards. The local copy carries `savedAt` too, and a
 * read takes the newer of the two, so a failed write never shadows a good one.
 *
 * Reads never throw and never trust storage: `migrateStoredRules` checks every rule; a broken
 * one is skipped, reported in `errors` and kept in `broken` (so a later save does not lose it).
 * A save validates fully (patterns compiled by the regex engine) and stores the verdict
 * (`validatedBy`: the validator's version); a read of stamped rules skips the pattern compile,
 * so a service-worker wake costs no regex work. Unstamped or older-stamped rules (after an
 * update) are validated fully once and written back stamped.
 */
import { parseRules, RULES_VALIDATOR_VERSION, type RuleError } from '../rules/parse.js';
import {
  migrateStoredRules,
  RULES_SCHEMA_VERSION,
  RULES_STORAGE_KEY,
  storedSize,
  SYNC_QUOTA,
  type StoredRules,
} from '../shared/rule-storage.js';
import { browser } from './browser.js';

/** The part of `storage.StorageArea` this module uses (a fake one in tests). */
export interface StorageAreaLike {
  get(keys?: null | string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export type RulesArea = 'sync' | 'local';
/** Why the rules are in `storage.local`: too big for sync, or sync refused the write. */
export type LocalReason = 'too-large' | 'sync-failed';

export interface LoadedRules {
  data: StoredRules;
  /** Problems found in storage (broken rules, missing parts), each naming the rule and field. */
  errors: RuleError[];
  area: RulesArea;
  /** Set when the rules live in `storage.local`: the UI shows a note. */
  localReason: LocalReason | null;
}

export type SaveResult =
  | { ok: true; area: RulesArea; localReason: LocalReason | null }
  | { ok: false; error: string; errors: RuleError[] };

/** Sync limits besides the byte quotas (Chrome's; Firefox's are the same or looser). */
const SYNC_MAX_ITEMS = 512;
/** Room left in sync for anything else stored there (and for rounding in size accounting). */
const SYNC_MARGIN_BYTES = 2048;
const PART_PREFIX = `${RULES_STORAGE_KEY}.`;

interface SyncIndex {
  schemaVersion: number;
  /** The verdict: the `RULES_VALIDATOR_VERSION` that validated these rules when they were saved. */
  validatedBy?: number;
  disabledBuiltins: unknown;
  broken?: unknown;
  savedAt: number;
  parts: { gen: string; count: number };
}

interface LocalRecord {
  schemaVersion: number;
  validatedBy?: number;
  rules: unknown;
  disabledBuiltins: unknown;
  broken?: unknown;
  savedAt?: number;
  localReason?: LocalReason;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isSyncIndex(v: unknown): v is SyncIndex {
  return (
    isRecord(v) &&
    isRecord(v.parts) &&
    typeof v.parts.gen === 'string' &&
    Number.isInteger(v.parts.count) &&
    (v.parts.count as number) >= 0
  );
}

function savedAtOf(v: unknown): number {
  return isRecord(v) && typeof v.savedAt === 'number' && Number.isFinite(v.savedAt) ? v.savedAt : 0;
}

const partKey = (gen: string, n: number): string => `${PART_PREFIX}${gen}.${n}`;

/**
 * Splits `rules` into parts that each fit one sync item. Null when one rule alone is too big
 * or the whole set exceeds the sync quota or item count.
 */
export function planSyncParts(
  data: StoredRules,
  gen: string,
  savedAt: number,
): Record<string, unknown> | null {
  const items: Record<string, unknown> = {};
  let part: unknown[] = [];
  let n = 0;
  const flush = (): void => {
    items[partKey(gen, n++)] = part;
    part = [];
  };
  for (const rule of data.rules) {
    const withRule = [...part, rule];
    if (storedSize(partKey(gen, n), withRule) <= SYNC_QUOTA.bytesPerItem) {
      part = withRule;
      continue;
    }
    if (part.length === 0) return null; // one rule alone is over the per-item quota
    flush();
    part = [rule];
    if (storedSize(partKey(gen, n), part) > SYNC_QUOTA.bytesPerItem) return null;
  }
  if (part.length) flush();
  const index: SyncIndex = {
    schemaVersion: data.schemaVersion,
    validatedBy: RULES_VALIDATOR_VERSION,
    disabledBuiltins: data.disabledBuiltins,
    ...(data.broken?.length ? { broken: data.broken } : {}),
    savedAt,
    parts: { gen, count: n },
  };
  if (storedSize(RULES_STORAGE_KEY, index) > SYNC_QUOTA.bytesPerItem) return null;
  items[RULES_STORAGE_KEY] = index;
  const total = Object.entries(items).reduce((sum, [k, v]) => sum + storedSize(k, v), 0);
  if (total > SYNC_QUOTA.totalBytes - SYNC_MARGIN_BYTES) return null;
  if (Object.keys(items).length > SYNC_MAX_ITEMS - 8) return null;
  return items;
}

/** The problems that keep `data` from being saved (empty when it can be). */
export function validateForSave(data: StoredRules): RuleError[] {
  const errors = parseRules(data.rules).errors;
  data.disabledBuiltins.forEach((id, i) => {
    if (typeof id !== 'string' || !id) {
      errors.push({
        index: null,
        id: null,
        field: `disabledBuiltins[${i}]`,
        message: 'not a rule id',
      });
    }
  });
  return errors;
}

export interface RuleStore {
  load(): Promise<LoadedRules>;
  save(data: StoredRules): Promise<SaveResult>;
  /** Loads, applies `change` to the loaded state, and saves the result in one write. */
  update(change: (current: StoredRules) => StoredRules): Promise<SaveResult>;
}

export function createRuleStore(areas: {
  sync: StorageAreaLike;
  local: StorageAreaLike;
}): RuleStore {
  const { sync, local } = areas;

  async function readSync(): Promise<{ raw: unknown; errors: RuleError[]; savedAt: number }> {
    const errors: RuleError[] = [];
    let got: Record<string, unknown>;
    try {
      got = await sync.get(RULES_STORAGE_KEY);
    } catch {
      return { raw: undefined, errors, savedAt: 0 };
    }
    const index = got[RULES_STORAGE_KEY];
    // An older layout (one item: a bare array or {rules}) goes to the migration as it is.
    if (!isSyncIndex(index)) return { raw: index, errors, savedAt: savedAtOf(index) };
    const keys = Array.from({ length: index.parts.count }, (_, n) => partKey(index.parts.gen, n));
    let parts: Record<string, unknown> = {};
    try {
      parts = keys.length ? await sync.get(keys) : {};
    } catch (e) {
      errors.push({
        index: null,
        id: null,
        field: '',
        message: `could not read the stored rules: ${String(e)}`,
      });
    }
    const rules: unknown[] = [];
    keys.forEach((k, n) => {
      const part = parts[k];
      if (Array.isArray(part)) rules.push(...part);
      else {
        errors.push({
          index: null,
          id: null,
          field: '',
          message: `part ${n + 1} of ${keys.length} of the stored rules is missing or damaged; its rules are not applied`,
        });
        if (part !== undefined) rules.push(part);
      }
    });
    return {
      raw: {
        schemaVersion: index.schemaVersion,
        validatedBy: index.validatedBy,
        rules,
        disabledBuiltins: index.disabledBuiltins,
        ...(index.broken !== undefined ? { broken: index.broken } : {}),
      },
      errors,
      savedAt: index.savedAt,
    };
  }

  async function readLocal(): Promise<LocalRecord | undefined> {
    try {
      const got = await local.get(RULES_STORAGE_KEY);
      const v = got[RULES_STORAGE_KEY];
      return v === undefined || v === null ? undefined : (v as LocalRecord);
    } catch {
      return undefined;
    }
  }

  async function load(): Promise<LoadedRules> {
    const [fromSync, fromLocal] = await Promise.all([readSync(), readLocal()]);
    const useLocal = fromLocal !== undefined && savedAtOf(fromLocal) >= fromSync.savedAt;
    const raw = useLocal ? stripLocal(fromLocal) : fromSync.raw;
    const migration = migrateStoredRules(raw);
    const errors = [...(useLocal ? [] : fromSync.errors), ...migration.errors];
    const localReason: LocalReason | null = useLocal
      ? fromLocal.localReason === 'sync-failed'
        ? 'sync-failed'
        : 'too-large'
      : null;
    const loaded: LoadedRules = {
      data: migration.data,
      errors,
      area: useLocal ? 'local' : 'sync',
      localReason,
    };
    // An older shape is written back in the current one (broken entries are kept in `broken`).
    // Never over data from a newer version: it would drop what this version does not know.
    const newer =
      isRecord(raw) &&
      typeof raw.schemaVersion === 'number' &&
      raw.schemaVersion > RULES_SCHEMA_VERSION;
    if ((migration.migrated || migration.revalidated) && !newer) {
      const saved = await save(migration.data).catch(() => null);
      if (saved?.ok) {
        loaded.area = saved.area;
        loaded.localReason = saved.localReason;
      }
    }
    return loaded;
  }

  async function save(data: StoredRules): Promise<SaveResult> {
    const errors = validateForSave(data);
    if (errors.length) {
      return { ok: false, error: 'the rules are not valid; nothing was saved', errors };
    }
    const clean: StoredRules = {
      schemaVersion: RULES_SCHEMA_VERSION,
      rules: data.rules,
      disabledBuiltins: [...new Set(data.disabledBuiltins)],
      ...(data.broken?.length ? { broken: data.broken } : {}),
    };
    const savedAt = Math.max(Date.now(), (await lastSavedAt()) + 1);
    const gen = `${savedAt.toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
    const items = planSyncParts(clean, gen, savedAt);
    let reason: LocalReason = 'too-large';
    if (items) {
      const { [RULES_STORAGE_KEY]: index, ...parts } = items;
      try {
        // Parts first, the index last: until the index is written, the old generation rules.
        if (Object.keys(parts).length) await sync.set(parts);
        await sync.set({ [RULES_STORAGE_KEY]: index });
        await cleanupSync(gen);
        await local.remove(RULES_STORAGE_KEY).catch(() => undefined);
        return { ok: true, area: 'sync', localReason: null };
      } catch {
        reason = 'sync-failed';
        await cleanupSync(null, gen);
      }
    }
    const record: LocalRecord = {
      ...clean,
      validatedBy: RULES_VALIDATOR_VERSION,
      savedAt,
      localReason: reason,
    };
    try {
      await local.set({ [RULES_STORAGE_KEY]: record });
    } catch (e) {
      return { ok: false, error: `could not save the rules: ${String(e)}`, errors: [] };
    }
    return { ok: true, area: 'local', localReason: reason };
  }

  async function lastSavedAt(): Promise<number> {
    const [s, l] = await Promise.all([
      sync.get(RULES_STORAGE_KEY).catch(() => ({}) as Record<string, unknown>),
      local.get(RULES_STORAGE_KEY).catch(() => ({}) as Record<string, unknown>),
    ]);
    return Math.max(savedAtOf(s[RULES_STORAGE_KEY]), savedAtOf(l[RULES_STORAGE_KEY]));
  }

  /** Removes rule parts of every generation but `keep` (or only those of `only`). Best effort. */
  async function cleanupSync(keep: string | null, only?: string): Promise<void> {
    try {
      const all = await sync.get(null);
      const stale = Object.keys(all).filter((k) => {
        if (!k.startsWith(PART_PREFIX)) return false;
        const gen = k.slice(PART_PREFIX.length).split('.')[0];
        return only !== undefined ? gen === only : gen !== keep;
      });
      if (stale.length) await sync.remove(stale);
    } catch {
      // leftovers are removed by the next successful save
    }
  }

  async function update(change: (current: StoredRules) => StoredRules): Promise<SaveResult> {
    const current = await load();
    return save(change(current.data));
  }

  return { load, save, update };
}

function stripLocal(record: LocalRecord): unknown {
  const { savedAt: _savedAt, localReason: _reason, ...rest } = record;
  return rest;
}

let defaultStore: RuleStore | null = null;

/** The store on the extension's own `storage.sync` and `storage.local`. */
export function ruleStore(): RuleStore {
  defaultStore ??= createRuleStore({
    sync: browser.storage.sync as unknown as StorageAreaLike,
    local: browser.storage.local as unknown as StorageAreaLike,
  });
  return defaultStore;
}

/** Calls `listener` whenever the stored rules change (in any area, from any page). */
export function onRulesChanged(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>): void => {
    if (Object.keys(changes).some((k) => k === RULES_STORAGE_KEY || k.startsWith(PART_PREFIX)))
      listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
