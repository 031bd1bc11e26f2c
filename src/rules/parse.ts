/**
 * Validates a rules file against `SITE_RULE_SCHEMA`. Never throws: returns the good rules and
 * every error, each naming the rule (index and id) and the field. A rule with any error is
 * dropped whole, so a half rule never applies; the other rules still come back.
 */
import { parseJson, type JsonPosition } from './json-parse.js';
import { normalizeHostPattern } from './match.js';
import {
  RULES_LIMITS,
  SITE_RULE_FIELDS,
  SITE_RULE_SCHEMA,
  type FieldFormat,
  type FieldSpec,
  type SiteRule,
} from './schema.js';
import { validateTextPattern } from './linear-regex.js';
import { ruleWarnings, type RuleWarningCode } from './rule-warnings.js';

export interface RuleError {
  /** Position of the rule in the list; null for an error about the whole file. */
  index: number | null;
  /** The rule's id when it has a readable one. */
  id: string | null;
  /** Field path inside the rule (`remove[2]`), or '' for the rule (or file) itself. */
  field: string;
  message: string;
  /** Where in the JSON text (when the input was a string). */
  line?: number;
  column?: number;
}

/**
 * A valid rule that reaches far (every site, or a selector that removes the page): the rule is
 * kept, and the options page asks for a confirmation that names it.
 */
export interface RuleWarning extends RuleError {
  code: RuleWarningCode;
}

export interface ParseRulesOptions {
  /** Returns null for a valid CSS selector, else a message. Without it selectors are not checked. */
  validateSelector?: (selector: string) => string | null;
  /**
   * The text patterns were validated by this version of the validator when they were saved
   * (the stored verdict, `RULES_VALIDATOR_VERSION`): they are not compiled again. Shapes,
   * types, ids and hosts are still checked (storage is never trusted for those; they are cheap).
   */
  patternsValidated?: boolean;
}

/**
 * The version of what `parseRules` accepts. Stored rules carry the version that validated them;
 * after an update that changes it they are validated again (once) and written back. Bump it
 * whenever a rule valid before may be refused now. 2: patterns run on RE2 (lookbehind refused).
 */
export const RULES_VALIDATOR_VERSION = 2;

export interface ParseRulesResult {
  rules: SiteRule[];
  errors: RuleError[];
  /**
   * About rules in `rules` that need an explicit confirmation before they are saved. Present
   * only when there is one (so a result without any reads as before: `{rules, errors}`).
   */
  warnings?: RuleWarning[];
  /**
   * Set when the file holds more rules than `RULES_LIMITS.maxRules`: only the first `limit`
   * were read. An import of such a file must not be confirmed (the UI says what to trim).
   */
  overLimit?: { total: number; limit: number };
}

export const RULE_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A one-line description: `rule 3 "jinse", remove[2] (line 14:9): message`. */
export function formatRuleError(e: RuleError): string {
  const where: string[] = [];
  if (e.index !== null) where.push(`rule ${e.index}${e.id !== null ? ` "${e.id}"` : ''}`);
  if (e.field) where.push(e.field);
  let head = where.join(', ');
  if (e.line !== undefined) head += `${head ? ' ' : ''}(line ${e.line}:${e.column ?? 1})`;
  return head ? `${head}: ${e.message}` : e.message;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

function pointer(base: string, ...parts: (string | number)[]): string {
  return base + parts.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Checks one string against its format; returns [normalized value, error]. */
function checkString(
  value: string,
  format: FieldFormat,
  maxLength: number,
  options: ParseRulesOptions,
): [string, string | null] {
  if (value.length > maxLength)
    return [value, `is ${value.length} characters long; the limit is ${maxLength}`];
  switch (format) {
    case 'id':
      return [
        value,
        RULE_ID_PATTERN.test(value)
          ? null
          : `"${value}" is not kebab-case (a-z, 0-9, single dashes)`,
      ];
    case 'host-pattern': {
      const n = normalizeHostPattern(value);
      return 'value' in n ? [n.value, null] : [value, n.error];
    }
    case 'selector': {
      const s = value.trim();
      if (!s) return [s, 'selector is empty'];
      if (!options.validateSelector) return [s, null];
      let msg: string | null;
      try {
        msg = options.validateSelector(s);
      } catch (e) {
        msg = (e as Error)?.message ?? 'invalid selector';
      }
      return [s, msg === null ? null : `invalid CSS selector "${s}": ${msg}`];
    }
    case 'text-pattern':
      if (options.patternsValidated) return [value, value.trim() ? null : 'pattern is empty'];
      return [value, validateTextPattern(value)];
    case 'text':
      return [value, null];
  }
}

/** Validates one rule. Returns the rule, or null and pushes errors. */
function parseRule(
  raw: unknown,
  index: number,
  base: string,
  options: ParseRulesOptions,
  errors: RuleError[],
  at: (path: string) => JsonPosition | undefined,
): SiteRule | null {
  const id = isRecord(raw) && typeof raw.id === 'string' ? raw.id : null;
  const before = errors.length;
  const err = (field: string, message: string, path: string): void => {
    errors.push({ index, id, field, message, ...at(path) });
  };
  if (!isRecord(raw)) {
    err('', `a rule must be an object, found ${describeType(raw)}`, base);
    return null;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(raw)) {
    if (!(SITE_RULE_FIELDS as string[]).includes(key)) {
      err(
        key,
        `unknown field "${key}" (fields: ${SITE_RULE_FIELDS.join(', ')})`,
        pointer(base, key),
      );
    }
  }
  for (const field of SITE_RULE_FIELDS) {
    const spec: FieldSpec = SITE_RULE_SCHEMA[field];
    const has = Object.prototype.hasOwnProperty.call(raw, field);
    const value = has ? raw[field] : undefined;
    const path = pointer(base, field);
    if (value === undefined || value === null) {
      if ('required' in spec && spec.required)
        err(field, `"${field}" is required`, has ? path : base);
      else if (spec.type === 'boolean') out[field] = spec.default;
      else if (spec.type === 'string[]') out[field] = [];
      continue;
    }
    if (spec.type === 'boolean') {
      if (typeof value !== 'boolean')
        err(field, `must be true or false, found ${describeType(value)}`, path);
      else out[field] = value;
      continue;
    }
    if (spec.type === 'string') {
      if (typeof value !== 'string') {
        err(field, `must be a string, found ${describeType(value)}`, path);
        continue;
      }
      const [v, msg] = checkString(value, spec.format, spec.maxLength, options);
      if (msg) err(field, msg, path);
      else out[field] = v;
      continue;
    }
    if (!Array.isArray(value)) {
      err(field, `must be an array of strings, found ${describeType(value)}`, path);
      continue;
    }
    if (value.length > spec.maxItems) {
      err(field, `has ${value.length} entries; the limit is ${spec.maxItems}`, path);
      continue;
    }
    if ('nonEmpty' in spec && spec.nonEmpty && value.length === 0) {
      err(field, 'needs at least one entry', path);
      continue;
    }
    const list: string[] = [];
    value.forEach((item: unknown, j) => {
      const f = `${field}[${j}]`;
      if (typeof item !== 'string') {
        err(f, `must be a string, found ${describeType(item)}`, pointer(path, j));
        return;
      }
      const [v, msg] = checkString(item, spec.format, spec.maxLength, options);
      if (msg) err(f, msg, pointer(path, j));
      else list.push(v);
    });
    out[field] = list;
  }
  return errors.length === before ? (out as SiteRule) : null;
}

/**
 * Parses rules from a JSON string or an already-parsed value: `{"rules": [...]}` or a bare
 * array. Never throws. Good rules come back in order; a rule with any error is dropped whole;
 * a repeated id keeps the first rule and reports the others.
 */
export function parseRules(input: unknown, options: ParseRulesOptions = {}): ParseRulesResult {
  const errors: RuleError[] = [];
  const rules: SiteRule[] = [];
  const warnings: RuleWarning[] = [];
  let overLimit: ParseRulesResult['overLimit'];
  const finish = (): ParseRulesResult => ({
    rules,
    errors,
    ...(warnings.length ? { warnings } : {}),
    ...(overLimit ? { overLimit } : {}),
  });
  try {
    let value = input;
    let positionOf: ((pointer: string) => JsonPosition | undefined) | null = null;
    if (typeof input === 'string') {
      const parsed = parseJson(input);
      if (!parsed.ok) {
        errors.push({
          index: null,
          id: null,
          field: '',
          message: `JSON syntax error: ${parsed.message}`,
          line: parsed.line,
          column: parsed.column,
        });
        return finish();
      }
      value = parsed.value;
      positionOf = parsed.positionOf;
    }
    const positionAt = (path: string): JsonPosition | undefined => {
      const p = positionOf?.(path);
      return p ? { line: p.line, column: p.column } : undefined;
    };
    let list: unknown[];
    let base: string;
    if (Array.isArray(value)) {
      list = value;
      base = '';
    } else if (isRecord(value) && Array.isArray(value.rules)) {
      list = value.rules;
      base = '/rules';
    } else {
      const found =
        isRecord(value) && 'rules' in value
          ? `"rules" is ${describeType(value.rules)}`
          : `found ${describeType(value)}`;
      errors.push({
        index: null,
        id: null,
        field: '',
        message: `expected {"rules": [...]} or an array of rules; ${found}`,
        ...positionAt(isRecord(value) && 'rules' in value ? '/rules' : ''),
      });
      return finish();
    }
    if (list.length > RULES_LIMITS.maxRules) {
      errors.push({
        index: null,
        id: null,
        field: '',
        message:
          `${list.length} rules; only the first ${RULES_LIMITS.maxRules} are read ` +
          `(the limit): remove ${list.length - RULES_LIMITS.maxRules} or split the file`,
      });
      overLimit = { total: list.length, limit: RULES_LIMITS.maxRules };
      list = list.slice(0, RULES_LIMITS.maxRules);
    }
    const seen = new Map<string, number>();
    list.forEach((raw, index) => {
      const rule = parseRule(raw, index, pointer(base, index), options, errors, positionAt);
      if (!rule) return;
      const first = seen.get(rule.id);
      if (first !== undefined) {
        errors.push({
          index,
          id: rule.id,
          field: 'id',
          message: `duplicate id "${rule.id}" (rule ${first} has it too); this rule is skipped`,
          ...positionAt(pointer(base, index, 'id')),
        });
        return;
      }
      seen.set(rule.id, index);
      rules.push(rule);
      const rulePath = pointer(base, index);
      for (const w of ruleWarnings(rule)) {
        const [field, at] = /^(\w+)\[(\d+)\]$/.exec(w.field)!.slice(1) as [string, string];
        warnings.push({
          index,
          id: rule.id,
          field: w.field,
          message: w.message,
          code: w.code,
          ...positionAt(pointer(rulePath, field, Number(at))),
        });
      }
    });
  } catch (e) {
    // Defensive: a getter or proxy in a parsed value could throw. Report, keep what we have.
    errors.push({
      index: null,
      id: null,
      field: '',
      message: `could not read the rules: ${String(e)}`,
    });
  }
  return finish();
}
