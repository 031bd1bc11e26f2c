/**
 * Rule authors write JavaScript regex syntax (`/…/flags`, as in uBlock Origin's `:has-text`);
 * patterns run on RE2 (`re2js`, linear time). This translates the one into the other so a
 * pattern keeps the matches it had with `RegExp`, and refuses, with the position, what RE2
 * cannot run in linear time: backreferences and lookaround.
 *
 * Kept as our own code: `RE2JS.translateRegExp` maps only the spelling (named groups, `\u`) and
 * silently turns `\k<name>` into the text "k<name>"; it keeps RE2's ASCII `\s` and its `.` that
 * matches `\r`. Here `\s`, `\S` (outside classes) and `.` get JavaScript's meaning. Known
 * differences left: `\S` inside a class is ASCII-only, and `i` folds case by Unicode rules.
 */

export type DialectResult = { ok: true; source: string } | { ok: false; error: string; at: number };

/** JavaScript's `\s` (ECMA-262 WhiteSpace + LineTerminator) as RE2 class items. */
const JS_SPACE =
  '\\t-\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}';
/** JavaScript's `.` without the `s` flag. */
const JS_DOT = '[^\\n\\r\\x{2028}\\x{2029}]';
const RE2_ESCAPED_PUNCTUATION = /[\\^$.|?*+()[\]{}\-/#&~!%,:;<=>@`'"]/;

const hex = (n: number): string => `\\x{${n.toString(16)}}`;

/**
 * Translates the source of a JavaScript regex (flags `imsu` matter here; `g`/`y` do not) to
 * RE2 syntax. `at` in an error is the 0-based index in `source`.
 */
export function toRe2Syntax(source: string, flags: string): DialectResult {
  const unicode = flags.includes('u');
  const dotAll = flags.includes('s');
  const namedGroups = /\(\?<[^=!]/.test(source);
  let out = '';
  let i = 0;
  const fail = (error: string, at: number): DialectResult => ({ ok: false, error, at });

  /** Reads the escape at `i` (a backslash); returns the RE2 text and advances `i`. */
  const escape = (inClass: boolean): string | DialectResult => {
    const at = i;
    const c = source[i + 1];
    if (c === undefined) return fail('the pattern ends with a lone "\\"', at);
    i += 2;
    if (c >= '1' && c <= '9') {
      return inClass
        ? fail(`octal escape "\\${c}" is not supported; write \\x{…}`, at)
        : fail(
            `backreference "\\${c}" is not supported (patterns run in linear time: no backreferences)`,
            at,
          );
    }
    switch (c) {
      case '0':
        if (/[0-9]/.test(source[i] ?? '')) return fail('octal escapes are not supported', at);
        return hex(0);
      case 'k':
        if (unicode || namedGroups || source[i] === '<') {
          const name = /^<[^>]*>/.exec(source.slice(i))?.[0] ?? '';
          return fail(
            `backreference "\\k${name}" is not supported (patterns run in linear time: no backreferences)`,
            at,
          );
        }
        return 'k';
      case 'u': {
        const braced = unicode ? /^\{([0-9a-fA-F]{1,6})\}/.exec(source.slice(i)) : null;
        if (braced) {
          i += braced[0].length;
          return hex(parseInt(braced[1]!, 16));
        }
        const four = /^[0-9a-fA-F]{4}/.exec(source.slice(i));
        if (!four) return 'u';
        i += 4;
        let code = parseInt(four[0], 16);
        const low = /^\\u([dD][c-fC-F][0-9a-fA-F]{2})/.exec(source.slice(i));
        if (code >= 0xd800 && code <= 0xdbff && low) {
          i += low[0].length;
          code = (code - 0xd800) * 0x400 + (parseInt(low[1]!, 16) - 0xdc00) + 0x10000;
        }
        return hex(code);
      }
      case 'x': {
        const two = /^[0-9a-fA-F]{2}/.exec(source.slice(i));
        if (!two) return 'x';
        i += 2;
        return hex(parseInt(two[0], 16));
      }
      case 'c': {
        const letter = /^[a-zA-Z]/.exec(source.slice(i));
        if (!letter) return '\\\\c';
        i += 1;
        return hex(letter[0].charCodeAt(0) % 32);
      }
      case 's':
        return inClass ? JS_SPACE : `[${JS_SPACE}]`;
      case 'S':
        return inClass ? '\\S' : `[^${JS_SPACE}]`;
      case 'b':
        return inClass ? hex(8) : '\\b';
      case 'v':
        return hex(11);
      case 'd':
      case 'D':
      case 'w':
      case 'W':
      case 'B':
      case 't':
      case 'n':
      case 'r':
      case 'f':
        return `\\${c}`;
      case 'p':
      case 'P': {
        const prop = unicode ? /^\{([^}]*)\}/.exec(source.slice(i)) : null;
        if (!prop) return c;
        i += prop[0].length;
        // RE2 names scripts and categories bare: \p{Han}, \p{L}.
        const name = prop[1]!.replace(
          /^(?:Script|sc|Script_Extensions|scx|General_Category|gc)=/,
          '',
        );
        return `\\${c}{${name}}`;
      }
      default:
        // An identity escape: the character itself.
        return RE2_ESCAPED_PUNCTUATION.test(c) ? `\\${c}` : c;
    }
  };

  while (i < source.length) {
    const c = source[i]!;
    if (c === '\\') {
      const e = escape(false);
      if (typeof e !== 'string') return e;
      out += e;
      continue;
    }
    if (c === '(') {
      const head = source.slice(i, i + 4);
      if (head.startsWith('(?=') || head.startsWith('(?!'))
        return fail(
          `lookahead "${head.slice(0, 3)}" is not supported (patterns run in linear time: no lookaround)`,
          i,
        );
      if (head === '(?<=' || head === '(?<!')
        return fail(
          `lookbehind "${head}" is not supported (patterns run in linear time: no lookaround)`,
          i,
        );
      if (head.startsWith('(?<')) {
        out += '(?P<';
        i += 3;
        continue;
      }
      out += '(';
      i += 1;
      continue;
    }
    if (c === '[') {
      if (source.startsWith('[^]', i)) {
        out += '[\\x{0}-\\x{10ffff}]';
        i += 3;
        continue;
      }
      if (source.startsWith('[]', i)) {
        out += '[^\\x{0}-\\x{10ffff}]';
        i += 2;
        continue;
      }
      const start = i;
      out += '[';
      i += 1;
      if (source[i] === '^') {
        out += '^';
        i += 1;
      }
      for (;;) {
        const d = source[i];
        if (d === undefined) return fail('unterminated character class "["', start);
        if (d === ']') {
          out += ']';
          i += 1;
          break;
        }
        if (d === '\\') {
          const e = escape(true);
          if (typeof e !== 'string') return e;
          out += e;
          continue;
        }
        // RE2 reads "[:" inside a class as a POSIX class; JavaScript reads a "[".
        out += d === '[' ? '\\[' : d;
        i += 1;
      }
      continue;
    }
    if (c === '.') {
      out += dotAll ? '.' : JS_DOT;
      i += 1;
      continue;
    }
    if (c === ']' || c === '}') {
      out += `\\${c}`;
      i += 1;
      continue;
    }
    if (c === '{') {
      // A quantifier goes through whole; any other "{" is a literal in JavaScript.
      const q = /^\{\d+(?:,\d*)?\}/.exec(source.slice(i));
      out += q ? q[0] : '\\{';
      i += q ? q[0].length : 1;
      continue;
    }
    out += c;
    i += 1;
  }
  return { ok: true, source: out };
}
