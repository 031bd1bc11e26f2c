/**
 * "Always open in reader view" (issue 4 item 6): when a tab on a listed host finishes loading,
 * and the extension holds the optional host permission for that host (asked for when the user
 * listed it), open the reader there.
 */
import { browser, sendToTab } from '../platform/index.js';
import { loadAutoOpenHosts } from '../platform/auto-open-store.js';
import { autoOpenHostOf } from '../shared/auto-open.js';
import { toggleReader } from './toggle-reader.js';

async function maybeOpen(tabId: number, url: string): Promise<void> {
  const host = autoOpenHostOf(await loadAutoOpenHosts(), url);
  if (!host) return;
  // The grant for this page's scheme and host (the options page asks for `*://<host>/*`).
  const origin = `${new URL(url).protocol}//${host}/*`;
  if (!(await browser.permissions.contains({ origins: [origin] }))) return;
  // Already open (a same-document navigation reported "complete" again): leave it.
  const state = await sendToTab(tabId, { type: 'reader/state' }).catch(() => null);
  if (state?.open) return;
  const reply = await toggleReader(tabId, url);
  if (!reply.ok) console.warn('[crypto-reader] auto-open failed:', reply.error);
}

/** Call once at the top level of the background. */
export function watchAutoOpen(): void {
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status !== 'complete' || !tab.url) return;
    void maybeOpen(tabId, tab.url).catch((err: unknown) =>
      console.warn('[crypto-reader] auto-open', err),
    );
  });
}
