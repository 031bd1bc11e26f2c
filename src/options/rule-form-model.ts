/**
 * The rule form's model: values as the form holds them (text lines for lists), validated by the
 * one validator, `parseRules`, so the form, the raw JSON view, imports and the stored data all
 * agree. Each error lands on its schema field, with the line of a list entry, so the page can
 * show it next to that field.
 */
import { parseRules } from '../rules/parse.js';
import { ruleRisks } from './import-risk.js';
import { englishOptions, type OptionsTranslate } from './options-strings.js';
import {
  SITE_RULE_FIELDS,
  SITE_RULE_SCHEMA,
  type SiteRule,
  type SiteRuleField,
} from '../rules/schema.js';

/** A field's value in the form: text (lists: one entry per line) or a checkbox. */
export type FormValues = Record<SiteRuleField, string | boolean>;

export interface FieldMessage {
  /** 1-based line of a list entry, or null for the field as a whole. */
  line: number | null;
  message: string;
}

export interface FormValidation {
  /** The validated rule, or null while any field has an error. */
  rule: SiteRule | null;
  errors: Partial<Record<SiteRuleField, FieldMessage[]>>;
  /** Not errors, but worth saying next to the field: an override, a rule for every site. */
  notes: Partial<Record<SiteRuleField, FormNote[]>>;
}

export type FormNote =
  | { kind: 'override'; id: string }
  | { kind: 'every-site' }
  | { kind: 'page-wide'; selector: string };

export interface ValidateFormOptions {
  validateSelector?: (selector: string) => string | null;
  /** Ids of the other user rules (a new or renamed rule must not take one). */
  userIds?: ReadonlySet<string>;
  /** The id the rule had when the form opened (keeping it is fine). */
  originalId?: string | null;
  builtinIds?: ReadonlySet<string>;
}

export function emptyFormValues(): FormValues {
  const v = {} as FormValues;
  for (const f of SITE_RULE_FIELDS) {
    const spec = SITE_RULE_SCHEMA[f];
    v[f] = spec.type === 'boolean' ? spec.default : '';
  }
  return v;
}

export function ruleToFormValues(rule: SiteRule): FormValues {
  const v = emptyFormValues();
  for (const f of SITE_RULE_FIELDS) {
    const value = rule[f];
    if (value === undefined) continue;
    v[f] = Array.isArray(value) ? value.join('\n') : value;
  }
  return v;
}

/** The raw rule object the form describes (empty text fields left out, list lines trimmed). */
export function formValuesToRaw(values: FormValues): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const f of SITE_RULE_FIELDS) {
    const spec = SITE_RULE_SCHEMA[f];
    const value = values[f];
    if (spec.type === 'boolean') {
      raw[f] = value === true;
    } else if (spec.type === 'string[]') {
      // Text patterns keep their spaces (they are matched as written); other entries are trimmed.
      raw[f] = String(value)
        .split(/\r\n|\r|\n/)
        .map((s) => (spec.format === 'text-pattern' ? s : s.trim()))
        .filter((s) => s.trim() !== '');
    } else {
      const s = String(value);
      const text = spec.format === 'text' || spec.format === 'text-pattern' ? s : s.trim();
      if (text.trim()) raw[f] = text;
    }
  }
  return raw;
}

/** Line numbers in list fields count non-empty lines; map them back to the lines the user sees. */
function visibleLine(value: string | boolean, entryIndex: number): number {
  const lines = String(value).split(/\r\n|\r|\n/);
  let n = -1;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim()) n++;
    if (n === entryIndex) return i + 1;
  }
  return entryIndex + 1;
}

export function validateRuleForm(
  values: FormValues,
  options: ValidateFormOptions = {},
): FormValidation {
  const raw = formValuesToRaw(values);
  const { rules, errors } = parseRules([raw], {
    validateSelector: options.validateSelector,
  });
  const out: FormValidation = { rule: rules[0] ?? null, errors: {}, notes: {} };
  const push = (field: SiteRuleField, msg: FieldMessage): void => {
    (out.errors[field] ??= []).push(msg);
  };
  for (const e of errors) {
    const m = /^([a-zA-Z]+)(?:\[(\d+)\])?$/.exec(e.field);
    const field = (
      m && (SITE_RULE_FIELDS as string[]).includes(m[1]!) ? m[1] : 'id'
    ) as SiteRuleField;
    const line = m?.[2] !== undefined ? visibleLine(values[field], Number(m[2])) : null;
    push(field, { line, message: e.message });
  }
  const id = typeof raw.id === 'string' ? raw.id : '';
  if (id && id !== options.originalId && options.userIds?.has(id)) {
    push('id', { line: null, message: `a user rule with the id "${id}" exists already` });
    out.rule = null;
  }
  if (id && options.builtinIds?.has(id)) out.notes.id = [{ kind: 'override', id }];
  const risks = ruleRisks({
    match: Array.isArray(raw.match) ? (raw.match as string[]) : [],
    remove: Array.isArray(raw.remove) ? (raw.remove as string[]) : [],
  });
  for (const r of risks) {
    if (r.kind === 'every-site') out.notes.match = [{ kind: 'every-site' }];
    else (out.notes.remove ??= []).push({ kind: 'page-wide', selector: r.subject });
  }
  return out;
}

export function hasErrors(v: FormValidation): boolean {
  return Object.values(v.errors).some((list) => (list?.length ?? 0) > 0);
}

/** One line for a field message: `line 2: invalid CSS selector …`. */
export function formatFieldMessage(m: FieldMessage, t: OptionsTranslate = englishOptions): string {
  return m.line !== null ? t('options_lineMessage', [m.line, m.message]) : m.message;
}
