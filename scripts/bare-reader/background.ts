/**
 * The bare reader's background (benchmark baseline): `{type: 'reader/toggle', tabId}` from its
 * own page toggles the reader in that tab the way the extension's background does, minus rules
 * and storage: one message to the content script, or inject it and ask again.
 */
interface BackgroundApi {
  runtime: {
    onMessage: {
      addListener(
        fn: (msg: unknown, sender: unknown, reply: (r: unknown) => void) => boolean | void,
      ): void;
    };
    onInstalled: { addListener(fn: () => void): void };
  };
  tabs: {
    sendMessage(tabId: number, msg: unknown): Promise<unknown>;
    executeScript?(tabId: number, details: { file: string }): Promise<unknown>;
    create(p: { url: string; active: boolean }): Promise<unknown>;
  };
  scripting?: {
    executeScript(p: { target: { tabId: number }; files: string[] }): Promise<unknown>;
  };
}

const isFirefox = typeof (globalThis as { browser?: unknown }).browser === 'object';
const api = ((globalThis as { browser?: BackgroundApi }).browser ??
  (globalThis as unknown as { chrome: BackgroundApi }).chrome) as BackgroundApi;

async function inject(tabId: number): Promise<void> {
  if (api.scripting)
    await api.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
  else await api.tabs.executeScript?.(tabId, { file: '/content.js' }); // Firefox MV2 build
}

async function toggle(tabId: number): Promise<unknown> {
  try {
    return { ok: true, state: await api.tabs.sendMessage(tabId, { type: 'bare/toggle' }) };
  } catch {
    // No listener yet: inject below.
  }
  try {
    await inject(tabId);
    return { ok: true, state: await api.tabs.sendMessage(tabId, { type: 'bare/toggle' }) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

api.runtime.onMessage.addListener((msg, _sender, reply) => {
  const m = msg as { type?: string; tabId?: number } | null;
  if (m?.type !== 'reader/toggle' || typeof m.tabId !== 'number') return;
  void toggle(m.tabId).then(reply);
  return true;
});

// Firefox: the add-on's UUID is random, so its page announces itself by opening (the bench
// finds it among the tabs).
if (isFirefox)
  api.runtime.onInstalled.addListener(() => {
    void api.tabs.create({ url: '/control.html', active: false });
  });
