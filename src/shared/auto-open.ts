/**
 * "Always open in reader view" per site (issue 4 item 6): a list of host names in
 * `storage.local` under AUTO_OPEN_KEY. A host is only opened automatically while the extension
 * also holds the optional host permission for it (asked for when the user turns it on), so the
 * list alone grants nothing. Stored values are repaired on read, never trusted.
 */
import { normalizeHostPattern } from '../rules/match.js';

export const AUTO_OPEN_KEY = 'autoOpen.hosts';
export const AUTO_OPEN_MAX_HOSTS = 500;

/** A host name from what a user typed (`example.com`, `https://www.example.com/a`), or null. */
export function normalizeAutoOpenHost(input: string): string | null {
  let s = input.trim();
  if (!s) return null;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) {
    try {
      s = new URL(s).hostname;
    } catch {
      return null;
    }
  }
  const n = normalizeHostPattern(s);
  if (!('value' in n) || n.value === '*' || n.value.startsWith('*.')) return null;
  return n.value;
}

/** Valid, unique host names from anything read out of storage. Never throws. */
export function repairAutoOpenHosts(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  const out: string[] = [];
  for (const item of raw) {
    if (typeof item !== 'string') continue;
    const host = normalizeAutoOpenHost(item);
    if (host && !out.includes(host)) out.push(host);
    if (out.length >= AUTO_OPEN_MAX_HOSTS) break;
  }
  return out;
}

/** The optional host permission asked for one site: that host only, any scheme. */
export function autoOpenOrigin(host: string): string {
  return `*://${host}/*`;
}

/** Whether a page URL is on one of the hosts (exact host name: the permission is for that host). */
export function autoOpenHostOf(hosts: readonly string[], url: string): string | null {
  let hostname: string;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    hostname = u.hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return null;
  }
  return hosts.includes(hostname) ? hostname : null;
}
