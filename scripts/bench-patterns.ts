/**
 * `npm run bench:patterns`: the time one open spends in rule text patterns, with a worst-case
 * rule set: rules at the schema's limit of `removeText` entries, every entry a catastrophic
 * regex shape (issue 12's four first) and none matching, on a long page with adversarial blocks
 * (5,000+ characters of the text each shape backtracks on). Target: ≤ 50 ms per open.
 *
 *   npm run bench:patterns [-- --rules 1] [--blocks 300] [--runs 7] [--json]
 *
 * It runs what `compileSiteRules` runs for removeText and title (compileTextPattern,
 * compileTitlePattern, matchesTextPattern) on the block texts, so the DOM is out of the number.
 */
import { parseArgs } from 'node:util';
import '../src/rules/linear-regex.js';
import { SITE_RULE_SCHEMA } from '../src/rules/schema.js';
import {
  compileTextPattern,
  compileTitlePattern,
  matchesTextPattern,
  PatternBudget,
  PATTERN_BUDGET_MS,
  PATTERN_WINDOW,
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

function ruleSet(count: number): { removeText: string[]; title: string }[] {
  const max = SITE_RULE_SCHEMA.removeText.maxItems;
  return Array.from({ length: count }, (_, r) => ({
    removeText: Array.from(
      { length: max },
      (_, i) => `/${SHAPES[i % SHAPES.length]!.replace('%', `(?:q${r}x${i})?`)}/`,
    ),
    title: `/${SHAPES[r % SHAPES.length]!.replace('%', `(?:t${r})?`)}/`,
  }));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function main(): void {
  const rules = ruleSet(Number(values.rules));
  const blocks = pageBlocks(Number(values.blocks));
  const title = `${'a'.repeat(200)} - ${'Read more '.repeat(20)}`;
  const patterns = rules.reduce((n, r) => n + r.removeText.length + 1, 0);

  // Warm the engine once on other patterns (the content script pays module start-up and JIT
  // once per page, with its first pattern; timed separately).
  let t = performance.now();
  compileTextPattern('/warm(?:up)?[a-z]+\\d*$/');
  const warmMs = performance.now() - t;
  // First open: compile every pattern (later opens hit the compiled cache).
  t = performance.now();
  const compiled = rules.map((r) => ({
    text: r.removeText.map(compileTextPattern).filter((p) => p !== null),
    title: compileTitlePattern(r.title),
  }));
  const compileMs = performance.now() - t;
  if (compiled.some((c) => c.text.length !== SITE_RULE_SCHEMA.removeText.maxItems || !c.title)) {
    throw new Error('a pattern did not compile');
  }

  // Every pattern on every block (the core stops at a block's first match; the worst case is a
  // page where none matches), without and with the per-open budget the core applies.
  const open = (budget?: PatternBudget): number => {
    const start = performance.now();
    for (const c of compiled) {
      for (const block of blocks) for (const p of c.text) matchesTextPattern(p, block, budget);
      title.replace(c.title!, '');
    }
    return performance.now() - start;
  };
  const unbounded: number[] = [];
  const opens: number[] = [];
  let skipped = 0;
  let evaluated = 0;
  for (let run = 0; run < Number(values.runs); run++) {
    unbounded.push(open());
    const budget = new PatternBudget();
    opens.push(open(budget));
    skipped = budget.skipped;
    evaluated = patterns * blocks.length - skipped;
  }
  const result = {
    rules: rules.length,
    patterns,
    blocks: blocks.length,
    adversarialBlocks: blocks.filter((b) => b.length > PATTERN_WINDOW).length,
    unboundedMedianMs: +median(unbounded).toFixed(1),
    unboundedWorstMs: +Math.max(...unbounded).toFixed(1),
    budgetMs: PATTERN_BUDGET_MS,
    matchesRun: evaluated,
    matchesSkipped: skipped,
    engineWarmMs: +warmMs.toFixed(1),
    compileMs: +compileMs.toFixed(1),
    openMedianMs: +median(opens).toFixed(1),
    openWorstMs: +Math.max(...opens).toFixed(1),
    firstOpenWorstMs: +(compileMs + Math.max(...opens)).toFixed(1),
    targetMs: 50,
  };
  if (values.json) {
    console.log(JSON.stringify(result));
    return;
  }
  console.log(
    `${result.rules} rule(s), ${result.patterns} catastrophic regex patterns, ` +
      `${result.blocks} blocks (${result.adversarialBlocks} adversarial, > ${PATTERN_WINDOW} chars)`,
  );
  console.log(`  engine warm-up (first pattern): ${result.engineWarmMs} ms`);
  console.log(`  compile (first open only):   ${result.compileMs} ms`);
  console.log(
    `  match, no budget:   median ${result.unboundedMedianMs} ms, worst ${result.unboundedWorstMs} ms`,
  );
  console.log(
    `  match, ${PATTERN_BUDGET_MS} ms budget: median ${result.openMedianMs} ms, worst ${result.openWorstMs} ms ` +
      `(${result.matchesRun} matches run, ${result.matchesSkipped} skipped)`,
  );
  console.log(
    `  first open, worst (compile + budgeted match): ${result.firstOpenWorstMs} ms; ` +
      `later opens ≤ ${result.openWorstMs} ms (target ≤ ${result.targetMs})`,
  );
}

main();
