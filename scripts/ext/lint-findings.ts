/**
 * Which of the add-on linter's findings fail `npm run lint:ext`: every error and warning except
 * the known ones below. Each known one is in library code bundled into our files, and the linter
 * cannot be told about it another way: it ignores inline `eslint-disable` comments, and it exempts
 * only libraries shipped as separate, unmodified files of versions on its list (which stops at
 * DOMPurify 2.3 and has no Readability). A finding is matched by its code and the built text
 * around it, minified or not, so the same warning in our own code still fails.
 */
export interface Finding {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface LintResult {
  errors: Finding[];
  warnings: Finding[];
  notices: Finding[];
}

export interface KnownFinding {
  code: string;
  /** A match in the built text (400 characters before, 200 after) must cover the finding. */
  around: RegExp;
  why: string;
}

export const KNOWN_LIBRARY_FINDINGS: readonly KnownFinding[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    around: /\w+\.innerHTML\s*=\s*\w+\s*[,;]\s*this\._attempts\.push\(/,
    why: "Readability (_grabArticle) puts back the HTML it cached of the page it parses before a retry; that page is the core's clone of the document (no window: nothing in it runs or loads)",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    around: /_isSingleImage\([\s\S]{0,400}?\.innerHTML\s*=\s*\w+\.innerHTML/,
    why: "Readability (_unwrapNoscriptImages) copies a <noscript>'s HTML into a <div> of that same clone",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    around: /createDocument\([^)]*template[^)]*\)[\s\S]{0,40}?documentElement\.innerHTML\s*=/,
    why: "DOMPurify (_initDocument) parses its input into an inert document it created, when DOMParser fails: the sanitizer's own parsing",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    around: /createElement\(\s*["'`]template["'`]\s*\)\s*[;,]?\s*(?:return\s+)?\w+\.innerHTML\s*=/,
    why: "lit-html (Template.createElement) parses a template's own literal HTML into an inert <template>; values are set as text and attributes, never as HTML",
  },
];

/** Offset of a finding (1-based line, 0-based column) in its file's text. */
function offsetOf(source: string, f: Finding): number {
  const lines = source.split('\n');
  return lines.slice(0, (f.line ?? 1) - 1).reduce((n, l) => n + l.length + 1, 0) + (f.column ?? 0);
}

/**
 * Whether `k` explains finding `f`: a match of its pattern in the text around the finding (across
 * line breaks: unminified bundles split statements) that covers the finding's own position.
 */
export function explains(k: KnownFinding, f: Finding, source: string): boolean {
  if (k.code !== f.code || !f.line) return false;
  const at = offsetOf(source, f);
  const from = Math.max(0, at - 400);
  const text = source.slice(from, at + 200);
  const pos = at - from;
  const re = new RegExp(k.around.source, `${k.around.flags.replace('g', '')}g`);
  for (const m of text.matchAll(re)) if (m.index <= pos && pos < m.index + m[0].length) return true;
  return false;
}

export interface Classified {
  failures: Finding[];
  known: Array<{ finding: Finding; why: string }>;
  /** Known entries no finding matched (their library left the bundle, or is not in it yet). */
  unseen: KnownFinding[];
}

export function classifyFindings(
  result: LintResult,
  read: (file: string) => string,
  known: readonly KnownFinding[] = KNOWN_LIBRARY_FINDINGS,
): Classified {
  const out: Classified = { failures: [...result.errors], known: [], unseen: [] };
  const seen = new Set<KnownFinding>();
  for (const f of result.warnings) {
    const source = f.file ? read(f.file) : '';
    const k = known.find((k) => explains(k, f, source));
    if (k) {
      seen.add(k);
      out.known.push({ finding: f, why: k.why });
    } else out.failures.push(f);
  }
  out.unseen = known.filter((k) => !seen.has(k));
  return out;
}
