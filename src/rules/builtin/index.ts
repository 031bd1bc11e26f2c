/**
 * The built-in site rules: one file per rule, `<id>.json`, in the same `{"rules": [...]}` format
 * a user pastes or imports. They are validated by `builtin.test.ts` (every file parses with zero
 * errors, file name = id, every file is listed here), not at runtime; only defaults are filled.
 */
import type { SiteRule, SiteRuleInput } from '../schema.js';
import rules8btc from './8btc.json';
import chaincatcher from './chaincatcher.json';
import coindesk from './coindesk.json';
import cointelegraph from './cointelegraph.json';
import decrypt from './decrypt.json';
import jinse from './jinse.json';
import odaily from './odaily.json';
import panewslab from './panewslab.json';
import theblock from './theblock.json';
import theblockbeats from './theblockbeats.json';

type RuleFile = { rules: SiteRuleInput[] };

/** The files as imported, keyed by file name (without `.json`). */
export const BUILTIN_RULE_FILES: Readonly<Record<string, RuleFile>> = {
  '8btc': rules8btc,
  chaincatcher,
  coindesk,
  cointelegraph,
  decrypt,
  jinse,
  odaily,
  panewslab,
  theblock,
  theblockbeats,
};

export const BUILTIN_RULES: readonly SiteRule[] = Object.values(BUILTIN_RULE_FILES).flatMap(
  (file) => file.rules.map((r): SiteRule => ({ enabled: true, remove: [], removeText: [], ...r })),
);

export const BUILTIN_RULE_IDS: ReadonlySet<string> = new Set(BUILTIN_RULES.map((r) => r.id));
