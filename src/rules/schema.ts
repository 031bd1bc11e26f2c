/**
 * The one schema of a site rule. The `SiteRule` type is inferred from `SITE_RULE_SCHEMA`, and
 * `parse.ts` validates against the same object, so a field is declared exactly once. The schema
 * is plain data (no code): the options page also reads it for labels, help texts and limits.
 */

/** What a string field holds; each format has its own check in `parse.ts`. */
export type FieldFormat =
  /** kebab-case: `^[a-z0-9]+(-[a-z0-9]+)*$`. */
  | 'id'
  /** `example.com` (that host and its subdomains), `*.example.com` (subdomains only), `*`. */
  | 'host-pattern'
  /** A CSS selector (checked by the caller's `validateSelector`, when given). */
  | 'selector'
  /**
   * Plain text to find, or `/regex/flags` run on RE2 (linear time: no backreferences or
   * lookaround), on the first 5,000 characters of a text (`PATTERN_WINDOW`).
   */
  | 'text-pattern'
  /** Free text. */
  | 'text';

interface FieldBase {
  readonly label: string;
  readonly help: string;
}

export interface StringField extends FieldBase {
  readonly type: 'string';
  readonly format: FieldFormat;
  readonly maxLength: number;
  readonly required?: true;
}

export interface StringListField extends FieldBase {
  readonly type: 'string[]';
  readonly format: FieldFormat;
  readonly maxLength: number;
  readonly maxItems: number;
  /** At least one entry. */
  readonly nonEmpty?: true;
  readonly required?: true;
}

export interface BooleanField extends FieldBase {
  readonly type: 'boolean';
  readonly default: boolean;
}

export type FieldSpec = StringField | StringListField | BooleanField;

export const SITE_RULE_SCHEMA = {
  id: {
    type: 'string',
    format: 'id',
    maxLength: 64,
    required: true,
    label: 'Id',
    help: 'Unique, kebab-case (e.g. "jinse"). A user rule with a built-in rule\'s id replaces it.',
  },
  match: {
    type: 'string[]',
    format: 'host-pattern',
    maxLength: 253,
    maxItems: 100,
    nonEmpty: true,
    required: true,
    label: 'Sites',
    help: '"example.com" = that host and its subdomains; "*.example.com" = subdomains only; "*" = every site.',
  },
  enabled: {
    type: 'boolean',
    default: true,
    label: 'Enabled',
    help: 'A disabled rule is kept but not applied.',
  },
  article: {
    type: 'string',
    format: 'selector',
    maxLength: 500,
    label: 'Article container',
    help: 'CSS selector of the element that holds the essay.',
  },
  remove: {
    type: 'string[]',
    format: 'selector',
    maxLength: 500,
    maxItems: 200,
    label: 'Remove elements',
    help: 'CSS selectors; every matching element is removed (before and after extraction).',
  },
  removeText: {
    type: 'string[]',
    format: 'text-pattern',
    maxLength: 500,
    maxItems: 200,
    label: 'Remove blocks by text',
    help: "Plain text (case-sensitive, found anywhere in a block) or /regex/flags, tested against each block's normalized text (its first 5,000 characters). Regexes run in linear time: no backreferences or lookaround.",
  },
  title: {
    type: 'string',
    format: 'text-pattern',
    maxLength: 500,
    label: 'Title cleanup',
    help: 'Plain text or /regex/flags removed from the title.',
  },
  byline: {
    type: 'string',
    format: 'selector',
    maxLength: 500,
    label: 'Byline',
    help: 'CSS selector of the author line.',
  },
  notes: {
    type: 'string',
    format: 'text',
    maxLength: 2000,
    label: 'Notes',
    help: 'Free text for people reading the rule; never applied.',
  },
} as const satisfies Record<string, FieldSpec>;

export type SiteRuleSchema = typeof SITE_RULE_SCHEMA;
export type SiteRuleField = keyof SiteRuleSchema;
export const SITE_RULE_FIELDS = Object.keys(SITE_RULE_SCHEMA) as SiteRuleField[];

type ValueOf<F> = F extends { type: 'string' }
  ? string
  : F extends { type: 'string[]' }
    ? string[]
    : F extends { type: 'boolean' }
      ? boolean
      : never;

/** Fields always present on a parsed rule: required ones and those with a default. */
type PresentKeys<S> = {
  [K in keyof S]: S[K] extends { required: true } | { default: unknown } ? K : never;
}[keyof S];
type RequiredInputKeys<S> = {
  [K in keyof S]: S[K] extends { required: true } ? K : never;
}[keyof S];

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/**
 * A validated site rule (what `parseRules` returns). `remove` and `removeText` are optional in
 * the type so hand-built rules may omit them; `parseRules` always fills them (possibly `[]`).
 */
export type SiteRule = Simplify<
  { [K in PresentKeys<SiteRuleSchema>]: ValueOf<SiteRuleSchema[K]> } & {
    [K in Exclude<SiteRuleField, PresentKeys<SiteRuleSchema>>]?: ValueOf<SiteRuleSchema[K]>;
  }
>;

/** A rule as written in a file: fields with defaults may be left out. */
export type SiteRuleInput = Simplify<
  { [K in RequiredInputKeys<SiteRuleSchema>]: ValueOf<SiteRuleSchema[K]> } & {
    [K in Exclude<SiteRuleField, RequiredInputKeys<SiteRuleSchema>>]?: ValueOf<SiteRuleSchema[K]>;
  }
>;

/** Limits on a whole rules file. */
export const RULES_LIMITS = {
  maxRules: 2000,
  /** Regex sources longer than this are refused (plain text patterns only hit `maxLength`). */
  maxRegexLength: 300,
} as const;
