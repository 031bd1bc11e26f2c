/**
 * Static check that a user regex cannot hang the page (issue 4 item 5). JavaScript regexes
 * backtrack; the patterns below can take exponential (or high-polynomial) time on a block that
 * almost matches. We parse the pattern into a small tree and reject:
 * - backreferences (`\1`, `\k<name>`);
 * - nested quantifiers: a repeated group that itself contains a repeated element, such as
 *   `(a+)+`, `(.*)*`, `(\w+\s?)+`;
 * - a repeated group whose alternatives can start with the same character, such as `(a|a)*`,
 *   `(a|ab)+`, `(.|\s)*`;
 * - three or more unbounded quantifiers in a row over the same characters, such as `.*a.*b.*`
 *   (cubic time on a long block);
 * - patterns longer than `RULES_LIMITS.maxRegexLength`.
 * The check is conservative: it may reject a pattern that would have been fine, never the other
 * way round for the shapes above. Character sets are compared on a sample alphabet (ASCII plus
 * common CJK and space characters), which is enough to see that `.` and `\s` overlap.
 */
import { RULES_LIMITS } from './schema.js';

type Node =
  | { t: 'atom'; src: string; start: number; end: number }
  | { t: 'assert'; start: number; end: number; body?: Node[][] }
  | { t: 'group'; alts: Node[][]; start: number; end: number }
  | { t: 'backref'; start: number; end: number }
  | { t: 'quant'; node: Node; min: number; max: number; start: number; end: number };

class Unsafe extends Error {}

function parsePattern(src: string, unicode: boolean): Node[][] {
  let i = 0;
  // Capture groups, counted roughly (escapes skipped; a "(" inside a class may overcount, which
  // only makes the check stricter).
  const bare = src.replace(/\\./gs, '');
  const groupCount = (bare.match(/\((?!\?)|\(\?<(?![=!])/g) ?? []).length;
  const namedGroups = /\(\?<(?![=!])/.test(bare);
  const parseAlts = (): Node[][] => {
    const alts: Node[][] = [[]];
    while (i < src.length && src[i] !== ')') {
      const seq = alts[alts.length - 1]!;
      const c = src[i]!;
      const start = i;
      if (c === '|') {
        i++;
        alts.push([]);
        continue;
      }
      if (c === '(') {
        i++;
        let look = false;
        if (src.startsWith('?:', i)) i += 2;
        else if (src.startsWith('?=', i) || src.startsWith('?!', i)) {
          i += 2;
          look = true;
        } else if (src.startsWith('?<=', i) || src.startsWith('?<!', i)) {
          i += 3;
          look = true;
        } else if (src.startsWith('?<', i)) {
          const close = src.indexOf('>', i);
          i = close < 0 ? src.length : close + 1;
        }
        const body = parseAlts();
        i++; // ')'
        seq.push(
          look ? { t: 'assert', start, end: i, body } : { t: 'group', alts: body, start, end: i },
        );
        continue;
      }
      if (c === '[') {
        i++;
        if (src[i] === '^') i++;
        while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
        i++;
        seq.push({ t: 'atom', src: src.slice(start, i), start, end: i });
        continue;
      }
      if (c === '\\') {
        const n = src[i + 1] ?? '';
        const digits = /^[1-9]\d*/.exec(src.slice(i + 1))?.[0];
        // Without the u flag, `\8` with fewer than 8 groups is a literal escape, not a reference.
        const isRef = digits !== undefined && (unicode || Number(digits) <= groupCount);
        if (isRef || (n === 'k' && src[i + 2] === '<' && (unicode || namedGroups))) {
          i += 2;
          if (n === 'k') i = src.indexOf('>', i) + 1 || src.length;
          else while (/[0-9]/.test(src[i] ?? '')) i++;
          seq.push({ t: 'backref', start, end: i });
          continue;
        }
        if (n === 'b' || n === 'B') {
          i += 2;
          seq.push({ t: 'assert', start, end: i });
          continue;
        }
        i += 2;
        if ((n === 'p' || n === 'P') && unicode && src[i] === '{')
          i = src.indexOf('}', i) + 1 || src.length;
        else if (n === 'u' && src[i] === '{') i = src.indexOf('}', i) + 1 || src.length;
        else if (n === 'u') i += 4;
        else if (n === 'x') i += 2;
        else if (n === 'c' && /[a-zA-Z]/.test(src[i] ?? '')) i += 1;
        seq.push({ t: 'atom', src: src.slice(start, i), start, end: i });
        continue;
      }
      if (c === '^' || c === '$') {
        i++;
        seq.push({ t: 'assert', start, end: i });
        continue;
      }
      const q = /^(?:[*+?]|\{(\d+)(,(\d*))?\})\??/.exec(src.slice(i));
      if (q && seq.length) {
        const prev = seq.pop()!;
        let min = 0;
        let max = Infinity;
        if (q[0][0] === '+') min = 1;
        else if (q[0][0] === '?') max = 1;
        else if (q[0][0] === '{') {
          min = Number(q[1]);
          max = q[2] === undefined ? min : q[3] ? Number(q[3]) : Infinity;
        }
        i += q[0].length;
        seq.push({ t: 'quant', node: prev, min, max, start: prev.start, end: i });
        continue;
      }
      const cp = unicode ? String.fromCodePoint(src.codePointAt(i)!) : c;
      i += cp.length;
      seq.push({ t: 'atom', src: src.slice(start, i), start, end: i });
    }
    return alts;
  };
  const alts = parseAlts();
  if (i < src.length) throw new Unsafe('unbalanced parenthesis');
  return alts;
}

const SAMPLE: string[] = (() => {
  const out: string[] = [];
  for (let c = 0; c < 128; c++) out.push(String.fromCharCode(c));
  out.push(...'\u00a0\u3000\u2028\u200b中國文，。：、【】é');
  return out;
})();

type CharSet = boolean[];

class Analyzer {
  private cache = new Map<string, CharSet>();
  constructor(
    private readonly src: string,
    private readonly flags: string,
  ) {}

  charsOfAtom(atomSrc: string): CharSet {
    let set = this.cache.get(atomSrc);
    if (!set) {
      let re: RegExp | null = null;
      try {
        re = new RegExp(`^(?:${atomSrc})$`, this.flags);
      } catch {
        re = null;
      }
      // An atom we cannot compile alone (rare escape forms): assume it matches anything.
      set = SAMPLE.map((ch) => (re ? re.test(ch) : true));
      this.cache.set(atomSrc, set);
    }
    return set;
  }

  first(node: Node): CharSet {
    switch (node.t) {
      case 'atom':
        return this.charsOfAtom(node.src);
      case 'assert':
      case 'backref':
        return SAMPLE.map(() => false);
      case 'quant':
        return this.first(node.node);
      case 'group':
        return union(node.alts.map((a) => this.firstSeq(a)));
    }
  }

  firstSeq(seq: Node[]): CharSet {
    const sets: CharSet[] = [];
    for (const n of seq) {
      sets.push(this.first(n));
      if (!nullable(n)) break;
    }
    return union(sets);
  }

  frag(node: { start: number; end: number }): string {
    return this.src.slice(node.start, node.end);
  }

  check(alts: Node[][]): void {
    for (const seq of alts) {
      for (const n of seq) this.checkNode(n);
      this.checkChain(seq);
    }
  }

  private checkNode(node: Node): void {
    if (node.t === 'backref') {
      throw new Unsafe(
        `backreference "${this.frag(node)}": matching backreferences can take exponential time`,
      );
    }
    if (node.t === 'group') return this.check(node.alts);
    if (node.t === 'assert') return node.body ? this.check(node.body) : undefined;
    if (node.t !== 'quant') return;
    if (node.max > 1) {
      const inner = findRepeated(node.node);
      if (inner && (node.max === Infinity || inner.max === Infinity)) {
        throw new Unsafe(
          `nested quantifier: "${this.frag(inner)}" is repeated inside "${this.frag(node)}", ` +
            'which can try exponentially many ways to split the text',
        );
      }
      this.checkAlternations(node, node.node);
    }
    this.checkNode(node.node);
  }

  /** Inside a repeated element, alternatives that can start alike make every iteration a choice. */
  private checkAlternations(outer: Node, node: Node): void {
    if (node.t === 'quant') return this.checkAlternations(outer, node.node);
    if (node.t !== 'group') return;
    const firsts = node.alts.map((a) => this.firstSeq(a));
    for (let a = 0; a < firsts.length; a++) {
      for (let b = a + 1; b < firsts.length; b++) {
        if (intersects(firsts[a]!, firsts[b]!)) {
          throw new Unsafe(
            `overlapping alternatives in a repeated group "${this.frag(outer)}": ` +
              `"${seqSrc(this.src, node.alts[a]!)}" and "${seqSrc(this.src, node.alts[b]!)}" can match ` +
              'the same text, so each repetition can go either way (exponential time)',
          );
        }
      }
    }
    for (const alt of node.alts) for (const n of alt) this.checkAlternations(outer, n);
  }

  /** `.*a.*b.*`: three unbounded quantifiers over the same characters take cubic time. */
  private checkChain(seq: Node[]): void {
    let chain = 0;
    let prev: { set: CharSet; index: number } | null = null;
    let first: Node | null = null;
    for (let k = 0; k < seq.length; k++) {
      const n = seq[k]!;
      if (n.t !== 'quant' || n.max !== Infinity) continue;
      const set = this.first(n.node);
      const linked =
        prev !== null &&
        intersects(prev.set, set) &&
        seq.slice(prev.index + 1, k).every((m) => subset(this.first(m), prev!.set));
      if (linked) chain++;
      else {
        chain = 1;
        first = n;
      }
      prev = { set, index: k };
      if (chain >= 3 && first) {
        throw new Unsafe(
          `too many unbounded quantifiers over the same text ("${this.src.slice(first.start, n.end)}"): ` +
            'a long block that does not match takes cubic time or worse',
        );
      }
    }
  }
}

function nullable(node: Node): boolean {
  switch (node.t) {
    case 'atom':
      return false;
    case 'assert':
    case 'backref':
      return true;
    case 'quant':
      return node.min === 0 || nullable(node.node);
    case 'group':
      return node.alts.some((a) => a.every(nullable));
  }
}

function findRepeated(node: Node): (Node & { t: 'quant' }) | null {
  if (node.t === 'quant') return node.max > 1 ? node : findRepeated(node.node);
  if (node.t === 'group') {
    for (const alt of node.alts) {
      for (const n of alt) {
        const hit = findRepeated(n);
        if (hit) return hit;
      }
    }
  }
  return null;
}

function seqSrc(src: string, seq: Node[]): string {
  return seq.length ? src.slice(seq[0]!.start, seq[seq.length - 1]!.end) : '';
}

function union(sets: CharSet[]): CharSet {
  return SAMPLE.map((_, i) => sets.some((s) => s[i]));
}

function intersects(a: CharSet, b: CharSet): boolean {
  return a.some((v, i) => v && b[i]);
}

function subset(a: CharSet, b: CharSet): boolean {
  return a.every((v, i) => !v || b[i]);
}

/**
 * Returns null when `source` (with `flags`) is safe to run on page text, or a message saying
 * which part is unsafe and why. Assumes the pattern compiles (check that first).
 */
export function checkRegexSafety(source: string, flags: string): string | null {
  if (source.length > RULES_LIMITS.maxRegexLength) {
    return `regex is ${source.length} characters long; the limit is ${RULES_LIMITS.maxRegexLength}`;
  }
  const runFlags = flags.replace(/[gy]/g, '');
  try {
    const tree = parsePattern(source, /[uv]/.test(flags));
    new Analyzer(source, runFlags).check(tree);
    return null;
  } catch (e) {
    if (e instanceof Unsafe) return e.message;
    return `regex could not be analysed: ${(e as Error).message}`;
  }
}
