/**
 * Pages the reader cannot open (issue 12): the browser's own pages, the extension stores,
 * `view-source:`, `data:` URLs. Known from the URL before anything is injected; a PDF viewer and a
 * frameset are recognised by the content script instead (their URL looks like any page's).
 */
const BROWSER_SCHEMES =
  /^(?:chrome|edge|brave|opera|vivaldi|about|chrome-extension|moz-extension|chrome-search|chrome-untrusted|devtools|resource|jar):/i;
const STORES = [
  /^https:\/\/chromewebstore\.google\.com\//i,
  /^https:\/\/chrome\.google\.com\/webstore/i,
  /^https:\/\/addons\.mozilla\.org\//i,
  /^https:\/\/microsoftedge\.microsoft\.com\/addons/i,
];

/** Why the reader cannot open `url`, or null when it may try. */
export function refusalFor(url: string | undefined): string | null {
  if (!url) return null;
  if (/^view-source:/i.test(url)) return 'a view-source: tab shows page source, not a page';
  if (/^data:/i.test(url)) return 'data: URLs cannot be read';
  if (/^blob:/i.test(url)) return 'blob: URLs cannot be read';
  if (BROWSER_SCHEMES.test(url)) return 'browser pages cannot be read';
  if (STORES.some((re) => re.test(url))) return 'the extension store cannot be read';
  return null;
}

/** Rejects with `message` when `promise` has not settled after `ms` (never leaves a toggle hanging). */
export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
