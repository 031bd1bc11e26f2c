/** `--rules <file>` and `--no-builtin` → the rule set the core applies (built-in + user). */
import { resolve } from 'node:path';
import { BUILTIN_RULES } from '../rules/builtin/index.js';
import { formatRuleError, parseRules } from '../rules/parse.js';
import type { SiteRule } from '../rules/schema.js';
import { selectorValidator } from '../rules/selector-validator.js';
import { mergeRules } from '../shared/rule-storage.js';
import { describeReadError } from './read-error.js';

let validator: ((selector: string) => string | null) | null = null;
/**
 * Selector validation by the same engine that will run the rules (jsdom), loaded only when there
 * is a rules file: a batch's main thread reads no page and needs no DOM otherwise.
 */
async function jsdomSelectorValidator(): Promise<(selector: string) => string | null> {
  const { JSDOM } = await import('jsdom');
  validator ??= selectorValidator(new JSDOM('').window.document);
  return validator;
}

/**
 * The merged rules, or every error (with its position) when the file cannot be read or any rule
 * in it is invalid: nothing is extracted with half a rule set.
 */
export async function loadRules(
  path: string | null,
  builtin: boolean,
  io: { cwd: string; readFile(path: string): Promise<Uint8Array> },
): Promise<{ rules: SiteRule[] } | { errors: string[] }> {
  let user: SiteRule[] = [];
  if (path !== null) {
    let bytes: Uint8Array;
    try {
      bytes = await io.readFile(resolve(io.cwd, path));
    } catch (e) {
      return { errors: [`cannot read rules file ${path}: ${describeReadError(e)}`] };
    }
    const text = new TextDecoder('utf-8').decode(bytes);
    const { rules, errors } = parseRules(text, {
      validateSelector: await jsdomSelectorValidator(),
    });
    if (errors.length) {
      return {
        errors: errors.map((e) => {
          const pos = e.line !== undefined ? `:${e.line}:${e.column ?? 1}` : '';
          return `${path}${pos}: ${formatRuleError({ ...e, line: undefined, column: undefined })}`;
        }),
      };
    }
    user = rules;
  }
  return { rules: mergeRules(builtin ? BUILTIN_RULES : [], user, []) };
}
