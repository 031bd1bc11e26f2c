/**
 * Site rules expressed as detectors, so rule removals go through the same removal log as the
 * generic detectors (`Removal.kind = 'rule'`, `Removal.rule = 'rule:<id>'`). Only rules whose
 * `match` fits the page host (and that are enabled) apply.
 *
 * - `remove` selectors run in the `pre` phase on the page body and again in the `post` phase on
 *   the extracted content (Readability may rebuild or keep what the page had);
 * - `removeText` patterns run in the `post` phase on each block of the content;
 * - `article`, `title` and `byline` are returned for the pipeline to use.
 */
import { compileRuleIndex, rulesForUrl } from '../rules/match.js';
import type { SiteRule } from '../rules/schema.js';
import {
  compileTitlePattern,
  PatternBudget,
  PATTERN_WINDOW,
  testTextPattern,
} from '../rules/text-pattern.js';
import type { DetectorContext } from './context.js';

/** A site rule's step in one phase; `id` is `rule:<id>`, the removals' `rule`. */
export interface RuleStep {
  id: string;
  phase: 'pre' | 'post';
  run(ctx: DetectorContext): void;
}

export interface CompiledSiteRules {
  /** Ids of the rules that apply to the URL, in order. */
  ids: string[];
  preDetectors: RuleStep[];
  postDetectors: RuleStep[];
  /** CSS selectors of the essay container, most specific rule first (rule order). */
  articleSelectors: string[];
  /** Title cleanup patterns, global: use `applyTitlePatterns` or `title.replace(p, '')`. */
  titlePatterns: RegExp[];
  bylineSelectors: string[];
}

/**
 * `removeText` sees at most this many characters of a block (its start): patterns run in linear
 * time (RE2), and the window bounds that time per block.
 */
export const MAX_REMOVE_TEXT_BLOCK = PATTERN_WINDOW;

function querySafe(root: ParentNode, selector: string): Element[] {
  try {
    return [...root.querySelectorAll(selector)];
  } catch {
    return []; // an invalid selector never reaches here after parseRules; hand-built rules may
  }
}

function matchesSafe(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

function removeSelectors(ctx: DetectorContext, rule: SiteRule, protect: readonly string[]): void {
  const name = `rule:${rule.id}`;
  for (const selector of rule.remove ?? []) {
    for (const el of querySafe(ctx.content, selector)) {
      // Never take out the essay container (or what holds it) in the pre phase.
      if (
        ctx.phase === 'pre' &&
        protect.some((s) => matchesSafe(el, s) || querySafe(el, s).length)
      ) {
        continue;
      }
      ctx.remove(el, 'rule', name);
    }
  }
}

// One pattern-time budget per open, shared by every rule's detector: keyed by the content the
// post phase runs on (a new element each open, even if the compiled rules are reused).
const budgets = new WeakMap<object, PatternBudget>();
function patternBudget(ctx: DetectorContext): PatternBudget {
  let b = budgets.get(ctx.content);
  if (!b) budgets.set(ctx.content, (b = new PatternBudget()));
  return b;
}

/** The host index per rules array: built once, not on every extraction (the arrays are reused). */
const indexes = new WeakMap<readonly SiteRule[], ReturnType<typeof compileRuleIndex>>();

export function compileSiteRules(rules: readonly SiteRule[], url: URL): CompiledSiteRules {
  let index = indexes.get(rules);
  if (!index) indexes.set(rules, (index = compileRuleIndex(rules)));
  const applicable = rulesForUrl(index, url);
  const articleSelectors = applicable.flatMap((r) => (r.article ? [r.article] : []));
  const preDetectors: RuleStep[] = [];
  const postDetectors: RuleStep[] = [];
  const titlePatterns: RegExp[] = [];

  for (const rule of applicable) {
    const name = `rule:${rule.id}`;
    // Compiled on first use, inside the open's pattern budget (and cached for later opens).
    const textPatterns = (rule.removeText ?? []).filter((p) => p.trim());
    if (rule.remove?.length) {
      preDetectors.push({
        id: name,
        phase: 'pre',
        run: (ctx) => removeSelectors(ctx, rule, articleSelectors),
      });
    }
    if (rule.remove?.length || textPatterns.length) {
      postDetectors.push({
        id: name,
        phase: 'post',
        run(ctx) {
          removeSelectors(ctx, rule, []);
          if (!textPatterns.length) return;
          const budget = patternBudget(ctx);
          for (const block of ctx.blocks()) {
            if (budget.exhausted) {
              budget.skip();
              break;
            }
            if (textPatterns.some((p) => testTextPattern(p, block.text, budget))) {
              ctx.remove(block.el, 'rule', name);
            }
          }
        },
      });
    }
    if (rule.title) {
      const p = compileTitlePattern(rule.title);
      if (p !== null) titlePatterns.push(p);
    }
  }

  return {
    ids: applicable.map((r) => r.id),
    preDetectors,
    postDetectors,
    articleSelectors,
    titlePatterns,
    bylineSelectors: applicable.flatMap((r) => (r.byline ? [r.byline] : [])),
  };
}

/** Removes every title pattern from `title` and tidies the separators left at either end. */
export function applyTitlePatterns(title: string, patterns: readonly RegExp[]): string {
  let out = title;
  for (const p of patterns) {
    p.lastIndex = 0;
    out = out.replace(p, '');
  }
  out = out.replace(/\s+/g, ' ').trim();
  return out.replace(/^[\s\-–—|_:：·]+|[\s\-–—|_:：·]+$/g, '').trim() || title.trim();
}

/** The first element matching one of the rules' `article` selectors (in rule order), or null. */
export function findArticleRoot(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const s of selectors) {
    try {
      const el = root.querySelector(s);
      if (el) return el;
    } catch {
      // invalid selector in a hand-built rule: try the next one
    }
  }
  return null;
}

/** The normalized text of the first element matching a rule's `byline` selector, or null. */
export function findByline(root: ParentNode, selectors: readonly string[]): string | null {
  for (const s of selectors) {
    for (const el of querySafe(root, s)) {
      const text = (el.textContent ?? '').replace(/[\s\u00a0\u3000]+/g, ' ').trim();
      if (text) return text;
    }
  }
  return null;
}
