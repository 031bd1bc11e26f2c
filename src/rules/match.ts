/**
 * Which rules apply to a URL. Rules are compiled once into a host index (host → rules), and a
 * lookup walks up the labels of the URL's host (`a.b.example.com`, `b.example.com`,
 * `example.com`, `com`), as uBlock Origin does: the cost of a lookup does not grow with the
 * number of rules.
 *
 * Host patterns: `example.com` = that host and its subdomains; `*.example.com` = its subdomains
 * only; `*` = every site (including `file:` pages, which have no host).
 */
import type { SiteRule } from './schema.js';

interface Entry {
  rule: SiteRule;
  order: number;
  subdomainsOnly: boolean;
}

export interface RuleIndex {
  readonly byHost: ReadonlyMap<string, readonly Entry[]>;
  readonly everywhere: readonly Entry[];
}

/**
 * Normalizes a host pattern (lower case, punycode, no trailing dot) or says why it is not one.
 */
export function normalizeHostPattern(raw: string): { value: string } | { error: string } {
  const p = raw.trim().toLowerCase().replace(/\.$/, '');
  if (!p) return { error: 'host pattern is empty' };
  if (p === '*') return { value: '*' };
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(p)) {
    return {
      error: `"${raw}" is a URL; write only the host, e.g. "${hostOf(p) ?? 'example.com'}"`,
    };
  }
  const wildcard = p.startsWith('*.');
  const host = wildcard ? p.slice(2) : p;
  if (/[*/:@?#\s\\]/.test(host) || host.startsWith('.') || host.includes('..')) {
    return {
      error: `"${raw}" is not a host pattern (use "example.com", "*.example.com" or "*")`,
    };
  }
  const ascii = hostOf(`http://${host}/`);
  if (!ascii || !isHostName(ascii)) {
    return {
      error: `"${raw}" is not a host name (letters, digits and dashes, in labels between dots)`,
    };
  }
  return { value: wildcard ? `*.${ascii}` : ascii };
}

/**
 * A real host name after the URL parser's normalization (lower case, punycode): DNS labels of
 * letters, digits and inner dashes, or an IP address. The URL parser alone lets through names
 * such as "__proto__" that no site has (and that must never become an object key).
 */
function isHostName(ascii: string): boolean {
  if (ascii.startsWith('[')) return true; // IPv6, already checked by the URL parser
  if (ascii.length > 253) return false;
  return ascii.split('.').every((label) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(label));
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/\.$/, '') || null;
  } catch {
    return null;
  }
}

export function compileRuleIndex(rules: readonly SiteRule[]): RuleIndex {
  const byHost = new Map<string, Entry[]>();
  const everywhere: Entry[] = [];
  rules.forEach((rule, order) => {
    for (const raw of rule.match) {
      const n = normalizeHostPattern(raw);
      if (!('value' in n)) continue;
      if (n.value === '*') {
        everywhere.push({ rule, order, subdomainsOnly: false });
        continue;
      }
      const subdomainsOnly = n.value.startsWith('*.');
      const host = subdomainsOnly ? n.value.slice(2) : n.value;
      let list = byHost.get(host);
      if (!list) byHost.set(host, (list = []));
      list.push({ rule, order, subdomainsOnly });
    }
  });
  return { byHost, everywhere };
}

/** Hosts to look up for `hostname`, most specific first (IP addresses are looked up whole). */
function hostChain(hostname: string): string[] {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (!host) return [];
  if (/^[\d.]+$/.test(host) || host.startsWith('[')) return [host];
  const out: string[] = [];
  let h = host;
  for (;;) {
    out.push(h);
    const dot = h.indexOf('.');
    if (dot < 0) break;
    h = h.slice(dot + 1);
  }
  return out;
}

/** The enabled rules whose `match` fits `url`'s host, in the order they were given. */
export function rulesForUrl(index: RuleIndex, url: string | URL): SiteRule[] {
  let hostname: string;
  try {
    hostname = (typeof url === 'string' ? new URL(url) : url).hostname;
  } catch {
    return [];
  }
  const hits = new Map<SiteRule, number>();
  const add = (e: Entry): void => {
    if (e.rule.enabled && !hits.has(e.rule)) hits.set(e.rule, e.order);
  };
  for (const e of index.everywhere) add(e);
  hostChain(hostname).forEach((h, depth) => {
    for (const e of index.byHost.get(h) ?? []) if (depth > 0 || !e.subdomainsOnly) add(e);
  });
  return [...hits].sort((a, b) => a[1] - b[1]).map(([rule]) => rule);
}

/** Whether one host pattern fits `hostname` (for editors that show which pattern matched). */
export function hostMatches(pattern: string, hostname: string): boolean {
  const n = normalizeHostPattern(pattern);
  if (!('value' in n)) return false;
  if (n.value === '*') return true;
  const chain = hostChain(hostname);
  if (n.value.startsWith('*.')) return chain.slice(1).includes(n.value.slice(2));
  return chain.includes(n.value);
}
