// The package entry (`import { extractArticle } from 'crypto-reader'`).
export { extractArticle } from './core/extract-article.js';
export type { Article, Removal, RemovalKind, OutlineEntry, ExtractOptions } from './core/types.js';
// Site rules (added by the rules work): parse and validate a rules file, the built-in rules.
export { parseRules, formatRuleError } from './rules/parse.js';
export type { RuleError, ParseRulesOptions, ParseRulesResult } from './rules/parse.js';
export type { SiteRule, SiteRuleInput } from './rules/schema.js';
export { BUILTIN_RULES } from './rules/builtin/index.js';
