/**
 * `npm run bench:patterns`: the time one open spends in rule text patterns, with a worst-case
 * rule set: rules at the schema's limit of `removeText` entries, every entry a catastrophic
 * regex shape (issue 12's four first) and none matching, on a long page with adversarial blocks
 * (5,000+ characters of the text each shape backtracks on). Target: ≤ 50 ms per open.
 *
 *   npm run bench:patterns [-- --rules 1] [--blocks 300] [--runs 7] [--json]
 *
 * It runs what `compileSiteRules` runs for removeText and title (testTextPattern within the
 * per-open PatternBudget, compileTitlePattern) on the block texts, so the DOM is out of the number.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import '../src/rules/linear-regex.js';
import { SITE_RULE_SCHEMA } from '../src/rules/schema.js';
import {
  compileTitlePattern,
  PatternBudget,
  PATTERN_BUDGET_MS,
  PATTERN_WINDOW,
  testTextPattern,
} from '../src/rules/text-pattern.js';

const { values } = parseArgs({
  options: {
    rules: { type: 'string', default: '1' },
    blocks: { type: 'string', default: '300' },
    runs: { type: 'string', default: '7' },
    json: { type: 'boolean', default: false },
  },
});

/**
 * Shapes that backtrack catastrophically in RegExp. `%` becomes an optional group that makes each
 * entry unique without giving RE2 a literal it could reject the text with before matching.
 */
const SHAPES = [
  '(a{1,10}){1,10}b%',
  'a*a*b%',
  '[\\s\\S]*[\\s\\S]*z%',
  '.*Read more.*:%',
  '(a+)+$%',
  '(a|aa)+c%',
  '(\\w+\\s?)+$%',
  '(.*a){12}%',
  '(x+x+)+y%',
  '^(([a-z])+.)+[A-Z]([a-z])+%$',
  '(.|\\s)*z%',
  '(<[^>]*>|[^<]+)*</div>%',
];

/** Texts those shapes backtrack on, longer than the window. */
const ADVERSARIAL = [
  `b z : c y </div> ${'a'.repeat(6000)}`,
  `b z : c y </div> ${'Read more '.repeat(600)}`,
  `b z : c y </div> ${'ab '.repeat(2000)}`,
  `b z : c y </div> ${'x'.repeat(6000)}`,
  `b z : c y </div> ${'<b>x'.repeat(1500)}`,
  `b z : c y </div> ${' '.repeat(6000)}`,
];

function pageBlocks(n: number): string[] {
  const normal =
    'Bitcoin rose 3% on Tuesday as traders weighed the latest inflation data and what it ' +
    'means for rates; analysts at several desks said flows into spot funds stayed strong. ' +
    // The literals the shapes need, so RE2's literal prefilter cannot skip the block.
    'b z Read more: c y </div> A, ';
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(i % 15 === 7 ? ADVERSARIAL[i % ADVERSARIAL.length]! : normal.repeat(1 + (i % 4)));
  }
  return out;
}

function ruleSet(count: number, tag: string): { removeText: string[]; title: string }[] {
  const max = SITE_RULE_SCHEMA.removeText.maxItems;
  return Array.from({ length: count }, (_, r) => ({
    removeText: Array.from(
      { length: max },
      (_, i) => `/${SHAPES[i % SHAPES.length]!.replace('%', `(?:${tag}q${r}x${i})?`)}/`,
    ),
    title: `/${SHAPES[r % SHAPES.length]!.replace('%', `(?:${tag}t${r})?`)}/`,
  }));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * One open as the core runs it (apply-rules.ts): per rule, per block, stop when the budget is
 * spent; patterns compiled on first use inside the budget. Every pattern is tried on every block
 * (the core stops at a block's first match: the worst case is a page where none matches).
 */
function open(
  rules: readonly { removeText: string[]; title: string }[],
  blocks: readonly string[],
  title: string,
  budget?: PatternBudget,
): number {
  const start = performance.now();
  for (const rule of rules) {
    const t = compileTitlePattern(rule.title);
    if (t) title.replace(t, '');
    for (const block of blocks) {
      if (budget?.exhausted) {
        budget.skip();
        break;
      }
      for (const p of rule.removeText) testTextPattern(p, block, budget);
    }
  }
  return performance.now() - start;
}

function main(): void {
  const count = Number(values.rules);
  const blocks = pageBlocks(Number(values.blocks));
  const title = `${'a'.repeat(200)} - ${'Read more '.repeat(20)}`;
  const runs = Number(values.runs);

  // The engine's start-up (module and JIT), paid once per page with its first pattern.
  let t = performance.now();
  testTextPattern('/warm(?:up)?[a-z]+\\d*$/', 'warm');
  const warmMs = performance.now() - t;

  // Without a budget: compile (first open) and match everything.
  const unboundedSet = ruleSet(count, 'u');
  t = performance.now();
  for (const r of unboundedSet) for (const p of r.removeText) testTextPattern(p, '');
  const compileMs = performance.now() - t;
  const unbounded = Array.from({ length: runs }, () => open(unboundedSet, blocks, title));

  // With the core's budget: each run a first open (new patterns: compile + match), then a
  // reopen of the same rules (compiled patterns cached).
  const firstOpens: number[] = [];
  const reopens: number[] = [];
  let skipped = 0;
  for (let run = 0; run < runs; run++) {
    const set = ruleSet(count, `b${run}`);
    const first = new PatternBudget();
    firstOpens.push(open(set, blocks, title, first));
    const again = new PatternBudget();
    reopens.push(open(set, blocks, title, again));
    skipped = Math.max(skipped, first.skipped, again.skipped);
  }
  // Each shape alone (issue 12: no catastrophic pattern may add more than 100 ms to an open):
  // the worst time of one open of the page with a rule holding only that pattern.
  const single = SHAPES.map((shape, i) => {
    const set = [{ removeText: [`/${shape.replace('%', `(?:one${i})?`)}/`], title: ' - x' }];
    open(set, blocks, title); // first open compiles
    const times = Array.from({ length: runs }, () => open(set, blocks, title));
    const budgeted = Array.from({ length: runs }, () =>
      open(set, blocks, title, new PatternBudget()),
    );
    return {
      shape: shape.replace('%', ''),
      worstMs: +Math.max(...times).toFixed(1),
      budgetedWorstMs: +Math.max(...budgeted).toFixed(1),
    };
  }).sort((a, b) => b.worstMs - a.worstMs);

  const patterns = count * (SITE_RULE_SCHEMA.removeText.maxItems + 1);
  const result = {
    rules: count,
    patterns,
    blocks: blocks.length,
    adversarialBlocks: blocks.filter((b) => b.length > PATTERN_WINDOW).length,
    loadAverage: loadavg()[0]!.toFixed(1),
    engineWarmMs: +warmMs.toFixed(1),
    unboundedCompileMs: +compileMs.toFixed(1),
    unboundedMatchMedianMs: +median(unbounded).toFixed(1),
    unboundedMatchWorstMs: +Math.max(...unbounded).toFixed(1),
    budgetMs: PATTERN_BUDGET_MS,
    firstOpenMedianMs: +median(firstOpens).toFixed(1),
    firstOpenWorstMs: +Math.max(...firstOpens).toFixed(1),
    reopenMedianMs: +median(reopens).toFixed(1),
    reopenWorstMs: +Math.max(...reopens).toFixed(1),
    skippedBlocksWorst: skipped,
    singlePatternWorst: single[0]!,
  };
  if (values.json) {
    console.log(JSON.stringify(result));
    return;
  }
  console.log(
    `${count} rule(s), ${patterns} catastrophic regex patterns, ${blocks.length} blocks ` +
      `(${result.adversarialBlocks} adversarial, > ${PATTERN_WINDOW} chars); load average ${result.loadAverage}`,
  );
  console.log(`  engine start-up (first pattern of a page): ${result.engineWarmMs} ms`);
  console.log(
    `  no budget:  compile ${result.unboundedCompileMs} ms, then match median ` +
      `${result.unboundedMatchMedianMs} ms, worst ${result.unboundedMatchWorstMs} ms`,
  );
  console.log(
    `  ${PATTERN_BUDGET_MS} ms budget (as the core runs): first open median ${result.firstOpenMedianMs} ms, ` +
      `worst ${result.firstOpenWorstMs} ms; reopen median ${result.reopenMedianMs} ms, worst ${result.reopenWorstMs} ms`,
  );
  console.log(
    `  one catastrophic pattern alone, slowest: /${single[0]!.shape}/ ${single[0]!.worstMs} ms per open ` +
      `without the budget, ${single[0]!.budgetedWorstMs} ms with it (next: ${single
        .slice(1, 4)
        .map((s) => `/${s.shape}/ ${s.worstMs} ms`)
        .join(', ')})`,
  );
}

main();
