/**
 * The pattern engine: rule regexes run on `re2js` (RE2 semantics), whose matching time is linear
 * in the text whatever the pattern, so no rule can freeze a tab (issue 12). A hand-written
 * ReDoS analyzer always misses shapes; an engine that cannot backtrack has none to miss.
 *
 * This module is heavy (re2js with its Unicode tables), so the content script does not bundle
 * it: it is loaded only when a page has a rule with a regex (`pattern-engine-entry.ts`, injected
 * by the background). Importing it registers it (`registerPatternEngine`), so Node users (CLI,
 * package, tests) that validate rules with `parseRules` can also run them.
 */
import { RE2JS } from 're2js';
import { toRe2Syntax } from './regex-dialect.js';
import {
  checkTextPattern,
  parseTextPattern,
  registerPatternEngine,
  type PatternEngine,
} from './text-pattern.js';

function re2Flags(flags: string): number {
  let f = 0;
  if (flags.includes('i')) f |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('m')) f |= RE2JS.MULTILINE;
  if (flags.includes('s')) f |= RE2JS.DOTALL;
  return f;
}

/**
 * A `RegExp` whose matching runs on RE2: `test`, `exec` (and through it `String#replace`,
 * `match`, `matchAll`, `search`) never backtrack. It is a real `RegExp` (`instanceof`, `flags`,
 * `lastIndex`), so code written for `RegExp` (title cleanup) takes it as it is. `split` is
 * refused: the built-in algorithm would build a native `RegExp` from the source.
 */
export class LinearRegExp extends RegExp {
  readonly #re2: RE2JS;

  constructor(re2: RE2JS, source: string, flags: string) {
    // The native part only carries the flags and lastIndex; it never matches anything.
    super('(?:)', flags);
    // Built-in algorithms that copy a RegExp (`matchAll`, `split`) call the constructor with a
    // pattern: refused, they are overridden below.
    if (!(re2 instanceof RE2JS))
      throw new TypeError('a LinearRegExp is made by compileLinearRegex');
    this.#re2 = re2;
    Object.defineProperty(this, 'source', { value: source });
  }

  override test(input: string): boolean {
    if (!this.global && !this.sticky) return this.#re2.test(String(input));
    return this.exec(input) !== null;
  }

  override exec(input: string): RegExpExecArray | null {
    const s = String(input);
    const stateful = this.global || this.sticky;
    const from = stateful ? this.lastIndex : 0;
    const m = from <= s.length ? this.#re2.matcher(s) : null;
    if (!m || !m.find(from) || (this.sticky && m.start() !== from)) {
      if (stateful) this.lastIndex = 0;
      return null;
    }
    const groups: (string | undefined)[] = [];
    for (let g = 0; g <= m.groupCount(); g++) groups.push(m.group(g) ?? undefined);
    const result = Object.assign(groups as unknown as RegExpExecArray, {
      index: m.start(),
      input: s,
      groups: undefined as Record<string, string> | undefined,
    });
    const names = Object.entries(this.#re2.namedGroups());
    if (names.length) {
      const named: Record<string, string> = Object.create(null) as Record<string, string>;
      for (const [name, n] of names) if (groups[n] !== undefined) named[name] = groups[n];
      result.groups = named;
    }
    if (stateful) this.lastIndex = m.end();
    return result;
  }

  override *[Symbol.matchAll](input: string): RegExpStringIterator<RegExpExecArray> {
    const copy = new LinearRegExp(
      this.#re2,
      this.source,
      this.flags.includes('g') ? this.flags : `${this.flags}g`,
    );
    copy.lastIndex = this.lastIndex;
    const s = String(input);
    for (let m = copy.exec(s); m; m = copy.exec(s)) {
      yield m;
      if (m[0] === '') copy.lastIndex++;
    }
  }

  override [Symbol.split](): string[] {
    throw new TypeError('split() is not supported on a rule pattern');
  }
}

/** A regex for RE2, or why it cannot be one (translation or RE2's own refusal). */
export function compileLinearRegex(source: string, flags: string): LinearRegExp | string {
  const t = toRe2Syntax(source, flags);
  if (!t.ok) return `${t.error}, at character ${t.at + 1} of the regex`;
  try {
    const re2 = RE2JS.compile(t.source, re2Flags(flags));
    return new LinearRegExp(re2, source, flags);
  } catch (e) {
    // "error parsing regexp: invalid repeat count: `{2000}`", "expression too large".
    const msg = (e as Error).message.replace(/^error parsing regexp: /, '');
    return `the linear-time engine refuses it: ${msg}`;
  }
}

export const re2PatternEngine: PatternEngine = { compile: compileLinearRegex };

/**
 * The full check of a rule's text pattern, run when rules are saved or imported (`parseRules`):
 * the syntax and flags (`checkTextPattern`), then RE2 compiles it. Null when it can be used.
 */
export function validateTextPattern(pattern: string): string | null {
  const light = checkTextPattern(pattern);
  if (light !== null) return light;
  const p = parseTextPattern(pattern);
  if (p.kind === 'plain') return null;
  const compiled = compileLinearRegex(p.source, p.flags);
  return typeof compiled === 'string' ? compiled : null;
}

registerPatternEngine(re2PatternEngine);
