/**
 * Scroll memory and reading progress (`data-testid="reader-progress"`), as a pure model over
 * `storage.local`-shaped data: the reader reads the record under READING_POSITIONS_KEY, calls
 * these functions, and writes the result back (from its own scroll and close handlers, never on
 * a page's request). Nothing is synced: where someone read to is their business and this
 * browser's. The record keeps the last MAX_POSITIONS pages, least recently read dropped first.
 */

export const READING_POSITIONS_KEY = 'reader.positions';
export const READING_POSITIONS_VERSION = 1;
export const MAX_POSITIONS = 200;

export interface ReadingPosition {
  /** How far down the article, 0–1: survives a font size or width change, unlike pixels. */
  fraction: number;
  /** When it was last read (ms since the epoch), for the LRU bound. */
  at: number;
}

export interface ReadingPositions {
  version: number;
  /** By `positionKey(url)`. */
  pages: Record<string, ReadingPosition>;
}

export const EMPTY_POSITIONS: Readonly<ReadingPositions> = Object.freeze({
  version: READING_POSITIONS_VERSION,
  pages: Object.freeze({}) as Record<string, ReadingPosition>,
});

/** Tracking parameters that make one page look like many. */
const TRACKING =
  /^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|spm|share_source|from|source|ref|ref_src)$/i;

/**
 * The key a page is remembered under: the URL without its fragment and tracking parameters, so
 * a link from a feed and one from a chat open at the same place. Null for a URL that is not one.
 */
export function positionKey(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:' && u.protocol !== 'file:') return null;
  u.hash = '';
  for (const name of [...u.searchParams.keys()])
    if (TRACKING.test(name)) u.searchParams.delete(name);
  u.searchParams.sort();
  return u.href;
}

const clamp01 = (n: number) => Math.min(1, Math.max(0, n));

/** Valid positions from anything read out of storage (missing, old, corrupt). Never throws. */
export function repairPositions(raw: unknown): ReadingPositions {
  const pagesRaw =
    raw && typeof raw === 'object' && !Array.isArray(raw)
      ? (raw as { pages?: unknown }).pages
      : undefined;
  if (!pagesRaw || typeof pagesRaw !== 'object' || Array.isArray(pagesRaw)) {
    return { version: READING_POSITIONS_VERSION, pages: {} };
  }
  const entries: [string, ReadingPosition][] = [];
  for (const [key, value] of Object.entries(pagesRaw as Record<string, unknown>)) {
    if (!value || typeof value !== 'object') continue;
    const { fraction, at } = value as { fraction?: unknown; at?: unknown };
    if (typeof fraction !== 'number' || !Number.isFinite(fraction)) continue;
    if (typeof at !== 'number' || !Number.isFinite(at)) continue;
    const k = positionKey(key);
    if (!k) continue;
    entries.push([k, { fraction: clamp01(fraction), at }]);
  }
  return { version: READING_POSITIONS_VERSION, pages: Object.fromEntries(prune(entries)) };
}

function prune(entries: [string, ReadingPosition][]): [string, ReadingPosition][] {
  if (entries.length <= MAX_POSITIONS) return entries;
  return [...entries].sort((a, b) => b[1].at - a[1].at).slice(0, MAX_POSITIONS);
}

/** Below this nobody has started reading: nothing to restore, and the entry is dropped. */
const AT_TOP = 0.01;

/**
 * The positions with `url`'s updated (a new object; the input is not changed). A position at
 * the top removes the page's entry; past MAX_POSITIONS the least recently read page goes.
 */
export function rememberPosition(
  positions: ReadingPositions,
  url: string,
  fraction: number,
  now: number,
): ReadingPositions {
  const key = positionKey(url);
  if (!key || !Number.isFinite(fraction)) return positions;
  const pages = { ...positions.pages };
  delete pages[key];
  if (clamp01(fraction) >= AT_TOP) pages[key] = { fraction: clamp01(fraction), at: now };
  return {
    version: READING_POSITIONS_VERSION,
    pages: Object.fromEntries(prune(Object.entries(pages))),
  };
}

/** Where to reopen `url`: its fraction, or null for a page not read before. */
export function recallPosition(positions: ReadingPositions, url: string): number | null {
  const key = positionKey(url);
  return key ? (positions.pages[key]?.fraction ?? null) : null;
}

/** How far one has read, 0–1, from the scroller's metrics; an article that fits is read. */
export function progressFraction(
  scrollTop: number,
  scrollHeight: number,
  clientHeight: number,
): number {
  const range = scrollHeight - clientHeight;
  if (!(range > 0)) return 1;
  return clamp01(scrollTop / range);
}

/** The `scrollTop` that puts the scroller at `fraction` of the way down. */
export function scrollTopFor(fraction: number, scrollHeight: number, clientHeight: number): number {
  return Math.round(clamp01(fraction) * Math.max(0, scrollHeight - clientHeight));
}
