/**
 * Pages built for the open benchmark: the 50,000-paragraph page (issue 12 point 4) and the
 * sample farm page with adversarial blocks for worst-case user patterns (issue 12 point 2).
 */
import { parseRules, formatRuleError } from '../../../src/rules/parse.js';
import { buildSamplePage } from '../sample-page.js';
import type { PatternCase } from './open-bench.js';

export const BIG_SNIPPET = 'The long read opens with this paragraph';

/** A plain long article: a heading, an opening paragraph, then `paragraphs` short ones. */
export function buildBigPage(paragraphs: number): string {
  const body: string[] = [];
  for (let i = 1; i <= paragraphs; i++)
    body.push(
      `<p>Paragraph ${i}: miners moved ${i % 97} BTC to exchanges while funding rates stayed flat and open interest rose.</p>`,
    );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The long read: ${paragraphs} paragraphs</title></head>
<body><header><nav><a href="/">Home</a> <a href="/markets">Markets</a></nav></header>
<main><article><h1>The long read: ${paragraphs} paragraphs</h1>
<p>${BIG_SNIPPET}, which every reader should show first, before the rest of the article.</p>
${body.join('\n')}
</article></main><footer>© bench</footer></body></html>`;
}

const rep = (s: string, n: number): string => s.repeat(Math.ceil(n / s.length)).slice(0, n);

/**
 * Catastrophic shapes for a backtracking engine, each with a 5,000-character block that makes it
 * explode: the four from issue 12 and nested quantifiers (the rules helper's full list of 40+
 * lives in src/rules/linear-regex.test.ts on the `rules` branch; these are the same shapes).
 */
export const PATTERN_CASES: PatternCase[] = [
  { pattern: '/(a{1,10}){1,10}b/', text: `b${rep('a', 4999)}` },
  { pattern: '/a*a*b/', text: `b${rep('a', 4999)}` },
  { pattern: '/[\\s\\S]*[\\s\\S]*z/', text: `${rep('x', 4999)}y` },
  { pattern: '/.*Read more.*:/', text: `:${rep('Read more ', 4999)}` },
  { pattern: '/(a+)+$/', text: `${rep('a', 4999)}!` },
  { pattern: '/(x+x+)+y/', text: `y${rep('x', 4999)}` },
  { pattern: '/(\\w+\\s?)+$/', text: `${rep('ab ', 4999)}!` },
  { pattern: '/^(\\d+|\\d+\\.)+$/', text: `${rep('1.', 4999)}!` },
  { pattern: '/(.*a){12}/', text: rep('a', 11) + rep('b', 4989) },
  { pattern: '/金色财经(.*)+消息/', text: `消息${rep('金色财经', 4998)}` },
];

/** The sample farm page (1×) with one adversarial paragraph per case inside the essay. */
export function buildPatternPage(cases: readonly PatternCase[]): {
  html: string;
  snippet: string;
} {
  const page = buildSamplePage(1);
  const first = page.essay[0]!;
  const at = page.html.indexOf(first);
  if (at < 0) throw new Error('sample page: first essay paragraph not found');
  const end = page.html.indexOf('</p>', at) + '</p>'.length;
  const blocks = cases.map((c) => `<p>${c.text}</p>`).join('\n');
  return {
    html: `${page.html.slice(0, end)}\n${blocks}\n${page.html.slice(end)}`,
    snippet: first.slice(0, 20),
  };
}

/** Whether the extension's rule parser accepts each pattern (a rejected rule never runs). */
export function patternVerdicts(
  cases: readonly PatternCase[],
  host: string,
): { pattern: string; accepted: boolean; message?: string }[] {
  return cases.map((c) => {
    const { errors } = parseRules([
      { id: 'bench-worst-case', match: [host], removeText: [c.pattern] },
    ]);
    return errors.length
      ? { pattern: c.pattern, accepted: false, message: errors.map(formatRuleError).join('; ') }
      : { pattern: c.pattern, accepted: true };
  });
}
