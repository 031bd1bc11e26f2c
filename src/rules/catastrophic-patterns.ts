/**
 * Patterns that backtrack catastrophically in `RegExp` (the four from issue 12 first), each with
 * a text of n characters that makes them do so. Shared by the engine's unit tests (linear step
 * counts) and the e2e test that imports them all as user rules and opens the reader on a page
 * built to trip them. Test data, not shipped code.
 */
export const rep = (s: string, n: number): string =>
  n > 0 ? s.repeat(Math.ceil(n / s.length)).slice(0, n) : '';

/**
 * The texts start or end with the literals the pattern needs, so RE2's literal prefilter cannot
 * answer alone and the automaton has to run.
 */
export const CATASTROPHIC: [source: string, flags: string, text: (n: number) => string][] = [
  ['(a{1,10}){1,10}b', '', (n) => `b${rep('a', n - 1)}`],
  ['a*a*b', '', (n) => `b${rep('a', n - 1)}`],
  ['[\\s\\S]*[\\s\\S]*z', '', (n) => `z${rep('x', n - 1)}`.split('').reverse().join('')],
  ['.*Read more.*:', '', (n) => `:${rep('Read more ', n - 1)}`],
  ['(a+)+$', '', (n) => `${rep('a', n - 1)}!`],
  ['(a+)+b', '', (n) => `b${rep('a', n - 1)}`],
  ['(a*)*b', '', (n) => `b${rep('a', n - 1)}`],
  ['(a|a)*b', '', (n) => `b${rep('a', n - 1)}`],
  ['(a|aa)+$', '', (n) => `${rep('a', n - 1)}!`],
  ['(a|ab)*c', '', (n) => `c${rep('ab', n - 1)}`],
  ['(.*)*x', '', (n) => `x\n${rep('y', n - 2)}`],
  ['(\\w+\\s?)+$', '', (n) => `${rep('ab ', n - 1)}!`],
  ['^(\\w+\\s?)*$', '', (n) => `${rep('ab ', n - 1)}!`],
  ['(x+x+)+y', '', (n) => `y${rep('x', n - 1)}`],
  ['(\\d+)*\\.', '', (n) => `.\n${rep('1', n - 2)}`],
  ['([a-z]+)*@', '', (n) => `@\n${rep('a', n - 2)}`],
  ['(a?){25}a{25}', '', (n) => rep('a', Math.min(n, 24)) + rep('b', n - 24)],
  ['^(a+)+$', '', (n) => `${rep('a', n - 1)}!`],
  ['(.|\\s)*z', '', (n) => `z\n${rep(' ', n - 2)}`],
  ['(\\s*\\w+\\s*)*!', '', (n) => `!\n${rep('a ', n - 2)}`],
  [
    '^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$',
    '',
    (n) => `${rep('a', n - 1)}@`,
  ],
  ['^(([a-z])+.)+[A-Z]([a-z])+$', '', (n) => `${rep('a', n - 1)}!`],
  ['(.*a){12}', '', (n) => rep('a', 11) + rep('b', n - 11)],
  ['.*.*.*=.*', '', (n) => `=\n${rep('x', n - 2)}`],
  ['(\\w|\\d)+\\$', '', (n) => `$\n${rep('1', n - 2)}`],
  ['([^,]*,)*x', '', (n) => `x\n${rep('a,', n - 2)}`],
  ['(ab|a)*c', '', (n) => `c${rep('ab', n - 1)}`],
  ['(\\s+|\\S+)*z', '', (n) => `z\n${rep('a b', n - 2)}`],
  ['^(.+)+\\s+END$', '', (n) => `END${rep('x ', n - 3)}`],
  ['\\b(\\w+\\s*)+\\b!', '', (n) => `!${rep('ab ', n - 1)}`],
  ['(x|x|x|x)*y', '', (n) => `y${rep('x', n - 1)}`],
  ['^(\\d+|\\d+\\.)+$', '', (n) => `${rep('1.', n - 1)}!`],
  ['((a+)+)+b', '', (n) => `b${rep('a', n - 1)}`],
  ['(.+\\s?)+:', '', (n) => `:\n${rep('ab ', n - 2)}`],
  ['金色财经(.*)+消息', '', (n) => `消息${rep('金色财经', n - 2)}`],
  ['(a|\\w)+!', '', (n) => `!${rep('a', n - 1)}`],
  ['([\\s\\S]+)+$', 'm', (n) => rep('ab\n', n)],
  ['^(\\s*-?\\d+(\\.\\d+)?\\s*,?)+$', '', (n) => `${rep('1 ', n - 1)}x`],
  ['(?:a+|b)+c', 'i', (n) => `C${rep('aB', n - 1)}`],
  ['^(?:[^"\\\\]|\\\\.)*$', 's', (n) => `${rep('\\"', n - 1)}\\`],
  ['(<[^>]*>|[^<]+)*</div>', '', (n) => `</div>\n${rep('<b>x', n - 7)}`],
];

/** Catastrophic shapes RE2 cannot express: refused when the rule is saved, with the reason. */
