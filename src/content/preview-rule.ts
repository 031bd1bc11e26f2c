/**
 * "Try on an open tab" (issue 4): runs the core on this page with and without a draft rule and
 * reports what the rule removes (the removals attributed to `rule:<id>`). The page is not
 * touched: `extractArticle` works on a clone.
 */
import { extractArticle } from '../core/extract-article.js';
import type { SiteRule } from '../rules/schema.js';
import type { RulePreviewResult } from '../shared/messages.js';

/** Removed texts longer than this are cut in the reply (the options page lists them). */
const MAX_TEXT = 300;

export function previewRule(
  doc: Document,
  rule: SiteRule,
  rules: readonly SiteRule[],
): RulePreviewResult {
  try {
    const url = doc.location?.href ?? doc.URL;
    const others = rules.filter((r) => r.id !== rule.id);
    const draft: SiteRule = { ...rule, enabled: true };
    const withRule = extractArticle(doc, { url, rules: [...others, draft] });
    const without = extractArticle(doc, { url, rules: others });
    const title = withRule?.title ?? without?.title ?? doc.title;
    if (!withRule) {
      return { ok: true, found: false, title, count: 0, removals: [], articleChanged: !!without };
    }
    const name = `rule:${rule.id}`;
    const mine = withRule.removed.filter((r) => r.rule === name);
    const removedChars = mine.reduce((n, r) => n + r.text.length, 0);
    // Beyond the removed blocks, does the article differ (an `article` selector picks another
    // container)? Compare the text lengths, with some slack for joins and whitespace.
    const delta = (without?.textContent.length ?? 0) - withRule.textContent.length - removedChars;
    return {
      ok: true,
      found: true,
      title,
      count: mine.length,
      removals: mine.map((r) => ({
        kind: r.kind,
        text: r.text.length > MAX_TEXT ? `${r.text.slice(0, MAX_TEXT - 1)}…` : r.text,
      })),
      articleChanged: !without || Math.abs(delta) > 200,
    };
  } catch (e) {
    return { ok: false, error: `the preview failed: ${String(e)}` };
  }
}
