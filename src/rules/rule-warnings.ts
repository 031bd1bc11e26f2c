/**
 * Rules that are valid but reach far: a rule for every site (`match: "*"`, a generic uBO line)
 * and a `remove` selector that takes the page itself (`*`, `html`, `body`, `:root`). They are
 * kept, and reported as warnings so the options page can ask for an explicit confirmation that
 * names them (issue 12): one pasted `##*` must not empty every page without the user knowing.
 */
import type { SiteRule } from './schema.js';

export type RuleWarningCode = 'every-site' | 'removes-page';

export interface RuleWarningInfo {
  code: RuleWarningCode;
  /** Field path inside the rule (`match[0]`, `remove[2]`). */
  field: string;
  message: string;
}

/** Splits a selector list on its top-level commas (not those inside `()`, `[]` or quotes). */
function topLevelParts(selector: string, separators: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '\\') i++;
    else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0 && separators.test(c)) {
      parts.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(selector.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/**
 * Whether a selector matches the page itself or every element: the subject (the part after the
 * last combinator) of one of its selectors is `html`, `body` or `:root` (with anything after),
 * or a bare `*` (with only pseudo-classes after: `*.ad` is a class, not every element).
 */
export function removesWholePage(selector: string): boolean {
  return topLevelParts(selector, /,/).some((complex) => {
    const subject = topLevelParts(complex, /[\s>+~]/).pop() ?? '';
    if (/^(?:html|body|:root)(?![\w-])/i.test(subject)) return true;
    return /^\*(?::.*)?$/.test(subject);
  });
}

/** The warnings for one valid rule. */
export function ruleWarnings(rule: SiteRule): RuleWarningInfo[] {
  const out: RuleWarningInfo[] = [];
  const everywhere = rule.match.indexOf('*');
  if (everywhere >= 0) {
    out.push({
      code: 'every-site',
      field: `match[${everywhere}]`,
      message: 'applies to every site (match "*")',
    });
  }
  (rule.remove ?? []).forEach((selector, i) => {
    if (removesWholePage(selector)) {
      out.push({
        code: 'removes-page',
        field: `remove[${i}]`,
        message: `"${selector}" removes the whole page (html, body, :root or every element)`,
      });
    }
  });
  return out;
}
