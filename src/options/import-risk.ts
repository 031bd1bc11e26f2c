/**
 * What an import must confirm by name before it is written (issue 12 item 6, issue 11 item 3):
 * a rule for every site (`match: "*"`, a uBO line with no host such as `##.ad`) and a removal of
 * the whole page (`*`, `html`, `body`, `:root` as the element a selector removes). Both are valid
 * rules, so the parser reports them as warnings (`rules/rule-warnings.ts`); this module names
 * them for the import and raw-JSON confirmations.
 */
import { RULES_LIMITS, type SiteRule } from '../rules/schema.js';
import { detectImportFormat } from '../rules/export.js';
import { removesWholePage, ruleWarnings } from '../rules/rule-warnings.js';

export type RiskKind = 'every-site' | 'page-wide';

export interface ImportRisk {
  ruleId: string;
  kind: RiskKind;
  /** The selector for `page-wide`; `*` for `every-site`. */
  subject: string;
  /** uBO imports: the source lines (1-based) with their text, so the warning names them. */
  lines: { line: number; text: string }[];
}

/** The parser's page-wide check, under the name the options page uses. */
export const isPageWideSelector = removesWholePage;

/** The uBO lines that produced a rule: its notes say `(line 3)` / `(lines 1, 4)`. */
function uboLines(rule: SiteRule, sourceLines: string[] | null): { line: number; text: string }[] {
  if (!sourceLines) return [];
  const m = /\(lines? ([\d, ]+)\)/.exec(rule.notes ?? '');
  if (!m) return [];
  return m[1]!
    .split(',')
    .map((n) => Number(n.trim()))
    .filter((n) => n >= 1 && n <= sourceLines.length)
    .map((line) => ({ line, text: sourceLines[line - 1]!.trim() }));
}

/** What in one valid rule needs an explicit confirmation: every site, page-wide selectors. */
export function ruleRisks(
  rule: Pick<SiteRule, 'match' | 'remove'>,
): { kind: RiskKind; subject: string }[] {
  return ruleWarnings(rule as SiteRule).map((w) => {
    if (w.code === 'every-site') return { kind: 'every-site', subject: '*' };
    const index = Number(/\[(\d+)\]/.exec(w.field)?.[1] ?? -1);
    return { kind: 'page-wide', subject: rule.remove?.[index] ?? '' };
  });
}

/** Every rule of an import that needs an explicit confirmation, each named. */
export function importRisks(rules: readonly SiteRule[], text?: string): ImportRisk[] {
  const sourceLines =
    text !== undefined && detectImportFormat(text) === 'ubo' ? text.split(/\r\n|\r|\n/) : null;
  return rules.flatMap((rule) => {
    const lines = uboLines(rule, sourceLines);
    return ruleRisks(rule).map((risk) => {
      // uBO: a page-wide selector names its own line(s).
      const own = lines.filter((l) => risk.kind === 'page-wide' && l.text.includes(risk.subject));
      return { ruleId: rule.id, ...risk, lines: own.length ? own : lines };
    });
  });
}

export interface ImportLimit {
  /** Rules in the file (JSON: before the parser's cut at the limit). */
  incoming: number;
  /** The user's rules after the import. */
  total: number;
  max: number;
  /** How many to remove from the file so that the import fits; 0 when it fits. */
  excess: number;
}

/** uBO: one rule per host set of cosmetic lines, grouped as `importUboFilters` groups them. */
function countUboRules(text: string): number {
  const hostSets = new Set<string>();
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('!') || /#@\??#/.test(line)) continue;
    const sep = /#\??#/.exec(line);
    if (!sep) continue;
    const hosts = line.slice(0, sep.index).split(',');
    hostSets.add(
      hosts
        .map((h) => h.trim().toLowerCase())
        .sort()
        .join(','),
    );
  }
  return hostSets.size;
}

/** How many rules an import text holds, counted before the parser's cut at `maxRules`. */
function countIncoming(text: string): number {
  if (detectImportFormat(text) !== 'json') return countUboRules(text);
  try {
    const v = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
    const list = Array.isArray(v)
      ? v
      : v && typeof v === 'object' && Array.isArray((v as { rules?: unknown }).rules)
        ? ((v as { rules: unknown[] }).rules as unknown[])
        : null;
    return list ? list.length : 0;
  } catch {
    return 0;
  }
}

/**
 * Whether the import fits the stored-rules limit (issue 12 item 5: 5,000 imported rules used to
 * leave confirm on and then fail with a misleading message). `added` are the rules that would be
 * appended; replacements do not change the count.
 */
export function importLimit(existing: number, added: number, text: string): ImportLimit {
  const max = RULES_LIMITS.maxRules;
  const incoming = Math.max(countIncoming(text), added);
  // The parser reads only the first `max` entries; the ones it cut off count too, since the
  // user has to take them out of the file (or they would be lost without a word).
  const total = existing + added + Math.max(0, incoming - max);
  return { incoming, total, max, excess: Math.max(0, total - max) };
}
