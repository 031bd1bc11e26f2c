/**
 * A rule's text pattern (`removeText` entries, `title`): plain text to find, or `/regex/flags`.
 * A string is a regex when it starts with `/` and ends with `/` plus only flag letters, with a
 * non-empty source between; anything else is plain text.
 */
import { checkRegexSafety } from './regex-safety.js';

export type TextPattern =
  { kind: 'plain'; text: string } | { kind: 'regex'; source: string; flags: string };

/** Flags a rule may carry. `g` and `y` are accepted and dropped when the pattern runs. */
export const ALLOWED_REGEX_FLAGS = 'gimsuy';

const REGEX_LITERAL = /^\/(.+)\/([a-zA-Z]*)$/s;

export function parseTextPattern(pattern: string): TextPattern {
  const m = REGEX_LITERAL.exec(pattern);
  if (!m) return { kind: 'plain', text: pattern };
  return { kind: 'regex', source: m[1]!, flags: m[2]! };
}

/** Null when `pattern` can be used, else why not (bad flags, does not compile, unsafe). */
export function checkTextPattern(pattern: string): string | null {
  if (!pattern.trim()) return 'pattern is empty';
  const p = parseTextPattern(pattern);
  if (p.kind === 'plain') return null;
  const bad = [...p.flags].filter((f) => !ALLOWED_REGEX_FLAGS.includes(f));
  if (bad.length)
    return `regex flag "${bad.join('')}" is not allowed (allowed: ${ALLOWED_REGEX_FLAGS})`;
  if (new Set(p.flags).size !== p.flags.length) return `regex flags "${p.flags}" repeat a flag`;
  try {
    new RegExp(p.source, p.flags);
  } catch (e) {
    return `regex does not compile: ${(e as Error).message}`;
  }
  const unsafe = checkRegexSafety(p.source, p.flags);
  return unsafe ? `unsafe regex: ${unsafe}` : null;
}

/**
 * The runtime form: a `RegExp` without `g`/`y` (so `test` keeps no state), or the plain string.
 * Returns null for a pattern that `checkTextPattern` would reject.
 */
export function compileTextPattern(pattern: string): RegExp | string | null {
  if (checkTextPattern(pattern) !== null) return null;
  const p = parseTextPattern(pattern);
  if (p.kind === 'plain') return p.text;
  return new RegExp(p.source, p.flags.replace(/[gy]/g, ''));
}

/** Whether `text` contains the pattern (plain: case-sensitive substring; regex: `test`). */
export function matchesTextPattern(compiled: RegExp | string, text: string): boolean {
  return typeof compiled === 'string' ? text.includes(compiled) : compiled.test(text);
}
