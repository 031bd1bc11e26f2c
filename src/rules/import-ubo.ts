/**
 * uBlock Origin–style cosmetic filters → site rules. Supported lines:
 *   example.com##.selector            → remove: [".selector"] on example.com (and subdomains)
 *   a.com,b.com##.sel                 → one rule for the host set {a.com, b.com}
 *   example.com##p:has-text(/regex/i) → removeText: ["/regex/i"]  (the element part, `p`, is
 *   ##p:has-text(plain)                 ignored and named in the rule's notes; no host = "*")
 * `:-abp-contains(…)` and `:contains(…)` are read as `:has-text(…)`; `#?#` as `##`.
 * Lines are grouped by host set, one rule per set. `!` comments, `[Adblock …]` headers and blank
 * lines are skipped; every other line that cannot be expressed as a rule (exceptions `#@#`,
 * scriptlets `##+js`, network filters, `~excluded` hosts, other procedural operators) is
 * reported with its line number. Never throws.
 */
import { normalizeHostPattern } from './match.js';
import { parseRules, type ParseRulesOptions, type RuleError, type RuleWarning } from './parse.js';
import { SITE_RULE_SCHEMA, type SiteRule } from './schema.js';
import { validateTextPattern } from './linear-regex.js';

export interface UboImportResult {
  rules: SiteRule[];
  /** One per rejected line: `line` is 1-based, `field` is '' and `message` quotes the line. */
  errors: RuleError[];
  /**
   * Rules that need an explicit confirmation: generic lines (`##.ad`, every site) and
   * selectors that remove the page (`##body`, `example.com##*`), at the first line of the rule.
   */
  warnings: RuleWarning[];
}

/** uBO procedural operators we cannot express (`:has-text` and its aliases are handled). */
const UNSUPPORTED_OPERATORS = [
  ':upward(',
  ':remove(',
  ':remove-attr(',
  ':remove-class(',
  ':style(',
  ':matches-css(',
  ':matches-css-before(',
  ':matches-css-after(',
  ':matches-attr(',
  ':matches-path(',
  ':matches-prop(',
  ':matches-media(',
  ':min-text-length(',
  ':watch-attr(',
  ':xpath(',
  ':others(',
  ':shadow(',
  ':-abp-has(',
  ':if(',
  ':if-not(',
  ':nth-ancestor(',
  ':spath(',
];

const HAS_TEXT = /^(.*?):(?:has-text|-abp-contains|contains)\((.*)\)$/s;

interface Group {
  hosts: string[];
  remove: string[];
  removeText: string[];
  ignoredElements: string[];
  lines: number[];
  /** The line of each `remove` entry. */
  selectorLines: number[];
}

function ruleIdFor(hosts: string[], taken: Set<string>): string {
  const base =
    hosts[0] === '*'
      ? 'ubo-generic'
      : `ubo-${hosts[0]!.replace(/^\*\./, '').replace(/[^a-z0-9]+/g, '-')}${hosts.length > 1 ? `-and-${hosts.length - 1}-more` : ''}`;
  let id = base.slice(0, 56).replace(/-+$/, '');
  for (let n = 2; taken.has(id); n++) id = `${base.slice(0, 52).replace(/-+$/, '')}-${n}`;
  taken.add(id);
  return id;
}

export function importUboFilters(
  text: string,
  options: ParseRulesOptions & { existingIds?: Iterable<string> } = {},
): UboImportResult {
  const errors: RuleError[] = [];
  const groups = new Map<string, Group>();
  const lines = String(text ?? '').split(/\r\n|\r|\n/);
  const reject = (n: number, line: string, why: string): void => {
    const shown = line.length > 120 ? `${line.slice(0, 117)}...` : line;
    errors.push({
      index: null,
      id: null,
      field: '',
      line: n,
      column: 1,
      message: `${why}: ${shown}`,
    });
  };

  lines.forEach((raw, i) => {
    const n = i + 1;
    const line = raw.trim();
    if (!line || line.startsWith('!') || /^\[adblock/i.test(line)) return;
    if (line.includes('#@#') || line.includes('#@?#'))
      return reject(n, line, 'exception filters (#@#) are not supported');
    if (/#\$#|#\$\?#|#%#/.test(line))
      return reject(n, line, 'CSS/JS injection filters are not supported');
    if (line.includes('##+js(') || line.includes('##^'))
      return reject(n, line, 'scriptlet and HTML filters are not supported');
    const sep = /#\??#/.exec(line);
    if (!sep) {
      return reject(
        n,
        line,
        'network filter: only cosmetic lines (example.com##selector) can become rules',
      );
    }
    const domainPart = line.slice(0, sep.index).trim();
    const body = line.slice(sep.index + sep[0].length).trim();
    if (!body) return reject(n, line, 'no selector after ##');

    // Hosts.
    const hosts: string[] = [];
    if (!domainPart) hosts.push('*');
    for (const d of domainPart ? domainPart.split(',') : []) {
      const host = d.trim();
      if (host.startsWith('~'))
        return reject(n, line, `excluded hosts ("${host}") are not supported`);
      if (host.endsWith('.*')) return reject(n, line, `entity hosts ("${host}") are not supported`);
      const norm = normalizeHostPattern(host);
      if (!('value' in norm)) return reject(n, line, norm.error);
      if (!hosts.includes(norm.value)) hosts.push(norm.value);
    }
    hosts.sort();

    // Selector or text.
    let selector: string | null = null;
    let textPattern: string | null = null;
    let element: string | null = null;
    const ht = HAS_TEXT.exec(body);
    if (ht) {
      element = ht[1]!.trim() || null;
      textPattern = ht[2]!.trim();
      if (/:(?:has-text|-abp-contains|contains)\(/.test(ht[1]!)) {
        return reject(n, line, 'only one :has-text() per line is supported');
      }
      const bad = validateTextPattern(textPattern);
      if (bad) return reject(n, line, bad);
      if (textPattern.length > SITE_RULE_SCHEMA.removeText.maxLength)
        return reject(n, line, 'text is too long');
    } else {
      const op = UNSUPPORTED_OPERATORS.find((o) => body.includes(o));
      if (op) return reject(n, line, `procedural operator ${op.slice(0, -1)}() is not supported`);
      selector = body;
      if (selector.length > SITE_RULE_SCHEMA.remove.maxLength)
        return reject(n, line, 'selector is too long');
      if (options.validateSelector) {
        let msg: string | null;
        try {
          msg = options.validateSelector(selector);
        } catch (e) {
          msg = String(e);
        }
        if (msg !== null) return reject(n, line, `invalid CSS selector (${msg})`);
      }
    }

    const key = hosts.join(',');
    let g = groups.get(key);
    if (!g)
      groups.set(
        key,
        (g = {
          hosts,
          remove: [],
          removeText: [],
          ignoredElements: [],
          lines: [],
          selectorLines: [],
        }),
      );
    g.lines.push(n);
    if (selector !== null && !g.remove.includes(selector)) {
      g.remove.push(selector);
      g.selectorLines.push(n);
    }
    if (textPattern !== null && !g.removeText.includes(textPattern)) g.removeText.push(textPattern);
    if (element && !g.ignoredElements.includes(element)) g.ignoredElements.push(element);
  });

  const taken = new Set(options.existingIds ?? []);
  const drafts = [...groups.values()].map((g) => {
    const notes = [
      `Imported from uBlock Origin filters (line${g.lines.length > 1 ? 's' : ''} ${g.lines.join(', ')}).`,
    ];
    if (g.ignoredElements.length) {
      notes.push(
        `:has-text() element parts not used (text is matched in every block): ${g.ignoredElements.join(', ')}.`,
      );
    }
    return {
      group: g,
      rule: {
        id: ruleIdFor(g.hosts, taken),
        match: g.hosts,
        enabled: true,
        remove: g.remove,
        removeText: g.removeText,
        notes: notes.join(' ').slice(0, SITE_RULE_SCHEMA.notes.maxLength),
      },
    };
  });

  // Final check by the one validator (limits such as the number of selectors per rule).
  const parsed = parseRules(
    drafts.map((d) => d.rule),
    options,
  );
  for (const e of parsed.errors) {
    const g = e.index !== null ? drafts[e.index]?.group : undefined;
    errors.push({ ...e, line: g?.lines[0], column: 1 });
  }
  errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const warnings = (parsed.warnings ?? []).map((w) => {
    const g = w.index !== null ? drafts[w.index]?.group : undefined;
    // A selector's own line when it has one, else the group's first line.
    const n = /^remove\[(\d+)\]$/.exec(w.field);
    const line = n ? g?.selectorLines[Number(n[1])] : g?.lines[0];
    return { ...w, line, column: 1 };
  });
  return { rules: parsed.rules, errors, warnings };
}
