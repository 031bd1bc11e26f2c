/**
 * A rule's text pattern (`removeText` entries, `title`): plain text to find, or `/regex/flags`.
 * A string is a regex when it starts with `/` and ends with `/` plus only flag letters, with a
 * non-empty source between; anything else is plain text.
 *
 * Regexes never run on the native `RegExp` (it backtracks: one pattern can freeze a tab). They
 * run on the pattern engine (`linear-regex.ts`, RE2), which this light module does not import:
 * the content script ships without it and loads it only for a page whose rules hold a regex.
 * Whoever loads the engine registers it here (`registerPatternEngine`).
 */
import { RULES_LIMITS } from './schema.js';
import { toRe2Syntax } from './regex-dialect.js';

export type TextPattern =
  { kind: 'plain'; text: string } | { kind: 'regex'; source: string; flags: string };

/** Flags a rule may carry. `g` and `y` are accepted and dropped when the pattern runs. */
export const ALLOWED_REGEX_FLAGS = 'gimsuy';

/**
 * A pattern only sees the first this-many characters of a text: with a linear engine this
 * bounds the time of one match (junk blocks and titles are far shorter).
 */
export const PATTERN_WINDOW = 5000;

/** Compiles a regex in linear-time form, or returns why it cannot. */
export interface PatternEngine {
  compile(source: string, flags: string): RegExp | string;
}

// One slot per JavaScript realm, shared by separately bundled scripts (the content script and
// the engine chunk injected next to it run in the same isolated world).
const ENGINE_SLOT = Symbol.for('crypto-reader.pattern-engine');
type EngineSlot = { [ENGINE_SLOT]?: PatternEngine };

export function registerPatternEngine(engine: PatternEngine): void {
  (globalThis as EngineSlot)[ENGINE_SLOT] = engine;
}

export function patternEngine(): PatternEngine | undefined {
  return (globalThis as EngineSlot)[ENGINE_SLOT];
}

const REGEX_LITERAL = /^\/(.+)\/([a-zA-Z]*)$/s;

export function parseTextPattern(pattern: string): TextPattern {
  const m = REGEX_LITERAL.exec(pattern);
  if (!m) return { kind: 'plain', text: pattern };
  return { kind: 'regex', source: m[1]!, flags: m[2]! };
}

/** Whether the pattern is a regex. */
export function isRegexPattern(pattern: string): boolean {
  return REGEX_LITERAL.test(pattern);
}

/**
 * A regex that is only literal text, optionally anchored: `^Sponsored: read this$`, with
 * punctuation escaped (what "Hide blocks like this" writes). With no quantifier, group, class
 * or alternative there is nothing to backtrack over, so it runs on the native `RegExp` and
 * needs no engine.
 */
export function isLiteralRegex(source: string): boolean {
  return /^\^?(?:[^\\^$.|?*+()[\]{}]|\\[^A-Za-z0-9])*\$?$/.test(source);
}

/** Whether the pattern needs the pattern engine to run (a regex that is more than a literal). */
export function needsEngine(pattern: string): boolean {
  const p = parseTextPattern(pattern);
  return p.kind === 'regex' && !isLiteralRegex(p.source);
}

/**
 * Null when `pattern` is well-formed, else why not: empty, bad flags, too long, not JavaScript
 * regex syntax, or a backreference or lookaround (with its position). The full check, that the
 * engine compiles it, is `validateTextPattern` in `linear-regex.ts` (run by `parseRules`).
 */
export function checkTextPattern(pattern: string): string | null {
  if (!pattern.trim()) return 'pattern is empty';
  const p = parseTextPattern(pattern);
  if (p.kind === 'plain') return null;
  const bad = [...p.flags].filter((f) => !ALLOWED_REGEX_FLAGS.includes(f));
  if (bad.length)
    return `regex flag "${bad.join('')}" is not allowed (allowed: ${ALLOWED_REGEX_FLAGS})`;
  if (new Set(p.flags).size !== p.flags.length) return `regex flags "${p.flags}" repeat a flag`;
  if (p.source.length > RULES_LIMITS.maxRegexLength)
    return `regex is ${p.source.length} characters long; the limit is ${RULES_LIMITS.maxRegexLength}`;
  try {
    // Syntax only (JavaScript's messages); a native RegExp built here never matches anything.
    new RegExp(p.source, p.flags);
  } catch (e) {
    return `regex does not compile: ${(e as Error).message}`;
  }
  const t = toRe2Syntax(p.source, p.flags);
  return t.ok ? null : `${t.error}, at character ${t.at + 1} of the regex`;
}

export type CompiledTextPattern = RegExp | string;

// Compiled once per pattern text for the life of the script: a reopen compiles nothing.
const compiled = new Map<string, CompiledTextPattern | null>();
// Title regexes are global (`replace` removes every occurrence); `replace` and `match` reset
// `lastIndex`, so one object serves every open.
const compiledTitles = new Map<string, RegExp>();
const MAX_CACHED = 1000;
let warned = false;

function compileRegex(source: string, flags: string): RegExp | null {
  if (isLiteralRegex(source)) return new RegExp(source, flags);
  const engine = patternEngine();
  if (!engine) {
    if (!warned) console.warn('[crypto-reader] regex rule patterns skipped: no pattern engine');
    warned = true;
    return null;
  }
  const re = engine.compile(source, flags);
  return typeof re === 'string' ? null : re;
}

/**
 * The runtime form: a linear-time `RegExp` without `g`/`y` (so `test` keeps no state), or the
 * plain string. Null for a pattern that cannot run (it never passed validation, or no engine
 * is loaded). Rules are validated when saved, so this does not validate again.
 */
export function compileTextPattern(pattern: string): CompiledTextPattern | null {
  const hit = compiled.get(pattern);
  if (hit !== undefined) return hit;
  const p = parseTextPattern(pattern);
  const out =
    p.kind === 'plain'
      ? pattern.trim()
        ? p.text
        : null
      : compileRegex(p.source, p.flags.replace(/[gy]/g, ''));
  // Not cached when the engine was missing: it may be loaded before the next open.
  if (out !== null || p.kind === 'plain') {
    if (compiled.size >= MAX_CACHED) compiled.clear();
    compiled.set(pattern, out);
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A title pattern as a global `RegExp` for `title.replace(re, '')`: plain text as an escaped
 * literal (a native `RegExp` of a literal cannot backtrack), a regex on the engine.
 */
export function compileTitlePattern(pattern: string): RegExp | null {
  const hit = compiledTitles.get(pattern);
  if (hit) return hit;
  const p = parseTextPattern(pattern);
  if (p.kind === 'plain') return pattern.trim() ? new RegExp(escapeRegExp(p.text), 'g') : null;
  const re = compileRegex(p.source, `${p.flags.replace(/[gy]/g, '')}g`);
  if (re) {
    if (compiledTitles.size >= MAX_CACHED) compiledTitles.clear();
    compiledTitles.set(pattern, re);
  }
  return re;
}

/** The time one page open may spend matching rule patterns (issue 12: ~50 ms). */
export const PATTERN_BUDGET_MS = 50;

/**
 * The time left for pattern matching in one open. Each match is linear and bounded by the
 * window, but a rule set at the schema's limits (hundreds of regexes on hundreds of blocks)
 * still adds up: once the budget is spent, the remaining matches of this open are skipped
 * (and reported once in the console) rather than hold the tab.
 */
export class PatternBudget {
  #spent = 0;
  #skipped = 0;

  constructor(
    readonly limitMs: number = PATTERN_BUDGET_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get exhausted(): boolean {
    return this.#spent >= this.limitMs;
  }

  /** Matches skipped because the budget was spent. */
  get skipped(): number {
    return this.#skipped;
  }

  /** Counts a skipped match (false), warning once. */
  skip(): false {
    if (this.#skipped++ === 0)
      console.warn(`[crypto-reader] rule patterns: ${this.limitMs} ms spent; the rest skipped`);
    return false;
  }

  /** Runs `match` if time is left, else skips it (false). */
  run(match: () => boolean): boolean {
    if (this.exhausted) return this.skip();
    const start = this.now();
    try {
      return match();
    } finally {
      this.#spent += this.now() - start;
    }
  }
}

/**
 * Whether `text` contains the pattern (plain: case-sensitive substring; regex: `test`), looking
 * at the first `PATTERN_WINDOW` characters only, within `budget` when given.
 */
export function matchesTextPattern(
  compiled: CompiledTextPattern,
  text: string,
  budget?: PatternBudget,
): boolean {
  if (budget?.exhausted) return budget.skip();
  const window = text.length > PATTERN_WINDOW ? text.slice(0, PATTERN_WINDOW) : text;
  const match = (): boolean =>
    typeof compiled === 'string' ? window.includes(compiled) : compiled.test(window);
  return budget ? budget.run(match) : match();
}

/**
 * Whether `text` contains `pattern` (a rule's pattern as written): compiled on first use (then
 * cached) and matched, both inside `budget`, so a first open with hundreds of regexes spends at
 * most the budget on them too. A pattern that cannot run matches nothing.
 */
export function testTextPattern(pattern: string, text: string, budget?: PatternBudget): boolean {
  if (budget?.exhausted) return budget.skip();
  const run = (): boolean => {
    const compiled = compileTextPattern(pattern);
    return compiled !== null && matchesTextPattern(compiled, text);
  };
  return budget ? budget.run(run) : run();
}

/** Whether any of `rules`' text patterns needs the pattern engine (see `needsEngine`). */
export function needsPatternEngine(
  rules: readonly { removeText?: readonly string[]; title?: string }[],
): boolean {
  return rules.some(
    (r) => (r.removeText ?? []).some(needsEngine) || (r.title ? needsEngine(r.title) : false),
  );
}
