import type { ToggleReply } from '../shared/messages.js';
import { browser, sendToTab } from '../platform/index.js';
import { injectPatternEngine, resolveRules } from './resolve-rules.js';
import { currentRules } from './stored-rules.js';

export const CONTENT_SCRIPT = 'content.js';

const queues = new Map<number, Promise<unknown>>();

/**
 * Toggles the reader in a tab. If our content script already listens there, one message does it;
 * otherwise inject it (on demand: the manifest declares no content scripts) and ask again.
 * Toggles for one tab run one after another, so a double click opens and closes cleanly.
 */
export function toggleReader(tabId: number, url?: string): Promise<ToggleReply> {
  const previous = queues.get(tabId) ?? Promise.resolve();
  const next = previous.then(
    () => toggleNow(tabId, url),
    () => toggleNow(tabId, url),
  );
  queues.set(tabId, next);
  void next.finally(() => {
    if (queues.get(tabId) === next) queues.delete(tabId);
  });
  return next;
}

async function toggleNow(tabId: number, url?: string): Promise<ToggleReply> {
  const rules = resolveRules(url, await currentRules());
  // The regex engine first, when these rules hold a regex (it registers itself for content.js).
  await injectPatternEngine(rules, (files) =>
    browser.scripting.executeScript({ target: { tabId }, files }),
  );
  try {
    return { ok: true, state: await sendToTab(tabId, { type: 'reader/toggle', rules }) };
  } catch {
    // No listener yet: inject below.
  }
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
    return { ok: true, state: await sendToTab(tabId, { type: 'reader/toggle', rules }) };
  } catch (err) {
    // Browser pages, the web store, or a tab we have no grant for (activeTab comes from the
    // toolbar button, the shortcut or the context menu).
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
