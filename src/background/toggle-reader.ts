import type { ReaderState, ToggleReply } from '../shared/messages.js';
import { browser, getMessage, sendToTab } from '../platform/index.js';
import { refusalFor, withTimeout } from './refusal.js';
import { injectPatternEngine, resolveRules } from './resolve-rules.js';
import { currentRules } from './stored-rules.js';

export const CONTENT_SCRIPT = 'content.js';

/**
 * Injection answers in milliseconds or not at all (Chromium: a `view-source:` tab never settles,
 * issue 12); a toggle on a huge page may extract for seconds, but never this long.
 */
const INJECT_TIMEOUT_MS = 5_000;
const TOGGLE_TIMEOUT_MS = 30_000;

const queues = new Map<number, Promise<unknown>>();

/**
 * Toggles the reader in a tab. If our content script already listens there, one message does it;
 * otherwise inject it (on demand: the manifest declares no content scripts) and ask again.
 * Toggles for one tab run one after another, so a double click opens and closes cleanly.
 * A page that cannot be read gets a reply that says why, and the toolbar button shows it.
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
  return next.then((reply) => {
    void showOutcome(tabId, reply);
    return reply;
  });
}

/** Injects extension scripts into a tab's top frame, with a timeout. */
export async function injectFiles(tabId: number, files: string[]): Promise<void> {
  await withTimeout(
    browser.scripting.executeScript({ target: { tabId }, files }),
    INJECT_TIMEOUT_MS,
    'the page did not let the extension in (timed out)',
  );
}

/** Injects the content script (once per page) with a timeout. */
export function injectContentScript(tabId: number): Promise<void> {
  return injectFiles(tabId, [CONTENT_SCRIPT]);
}

function asReply(state: ReaderState): ToggleReply {
  if (state.refused) return { ok: false, error: state.refused };
  return { ok: true, state: { open: state.open, found: state.found } };
}

async function toggleNow(tabId: number, url?: string): Promise<ToggleReply> {
  const refused = refusalFor(url);
  if (refused) return { ok: false, error: refused };
  const rules = resolveRules(url, await currentRules());
  // The regex engine first, when these rules hold a regex (it registers itself for content.js).
  await injectPatternEngine(rules, (files) => injectFiles(tabId, files));
  const ask = () =>
    withTimeout(
      sendToTab(tabId, { type: 'reader/toggle', rules, tabId }),
      TOGGLE_TIMEOUT_MS,
      'the page did not answer (timed out)',
    );
  try {
    return asReply(await ask());
  } catch {
    // No listener yet: inject below.
  }
  try {
    await injectContentScript(tabId);
    return asReply(await ask());
  } catch (err) {
    // Browser pages, the web store, or a tab we have no grant for (activeTab comes from the
    // toolbar button, the shortcut or the context menu).
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * Feedback on the toolbar button: a `!` badge and the reason in its title when the reader could
 * not open, cleared when it could. Best effort (the tab may be gone).
 */
async function showOutcome(tabId: number, reply: ToggleReply): Promise<void> {
  try {
    if (reply.ok) {
      await browser.action.setBadgeText({ tabId, text: '' });
      await browser.action.setTitle({
        tabId,
        title: getMessage('actionTitle', [], 'Reader view (Alt+Shift+R)'),
      });
      return;
    }
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#b42318' });
    await browser.action.setBadgeText({ tabId, text: '!' });
    await browser.action.setTitle({
      tabId,
      title: getMessage(
        'actionRefused',
        [reply.error],
        `Crypto Reader cannot open this page: ${reply.error}`,
      ),
    });
  } catch {
    // The tab closed meanwhile: nothing to show.
  }
}
