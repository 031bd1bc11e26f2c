/**
 * The functions the open benchmark evaluates inside pages and frames (Playwright and puppeteer
 * serialize them with `toString()`). Each is self-contained; each starts by defining `__name`,
 * the helper tsx/esbuild's keepNames wraps named inner functions in, which would otherwise be an
 * undefined free variable in the page. No string is ever evaluated: extension pages refuse
 * `Function()` under their CSP (see e2e/lib/poll.ts).
 *
 * Times are epoch milliseconds (`performance.timeOrigin + performance.now()`), comparable across
 * the extension's control page, the tab and the reader's extension frame.
 */

export interface PaintResult {
  /** Epoch ms of the first animation frame after the reader showed the article text. */
  at: number;
  /** Where the reader was found: an open shadow root in the page, or an extension frame. */
  container: 'shadow' | 'frame';
}

export interface FramePaintResult {
  at: number;
  /** The text was already there when the probe was installed: `at` is late by an unknown amount. */
  late: boolean;
}

export interface ProbeOptions {
  /** Text the reader's `[data-testid="reader-content"]` must contain (whitespace-normalized). */
  snippet: string;
  timeoutMs: number;
}

type Shimmed = typeof globalThis & { __name?: (f: unknown) => unknown };

/**
 * In the tab's main world, before the toggle: resolves `window.__crOpen` with the first frame
 * after either container shows the article: an open shadow root (directly under `<html>` or
 * `<body>`) whose `reader-content` holds `snippet` and whose `reader-root` has a box, or an
 * `<iframe>` of an extension page that is displayed, visible and opaque (cross-origin: the page
 * cannot look inside; `installFrameProbe` checks its content). Returns the install time.
 */
export function installPageProbe(o: ProbeOptions): number {
  (globalThis as Shimmed).__name ??= (f: unknown) => f;
  const w = window as unknown as { __crOpen?: Promise<PaintResult> };
  const norm = (s: string | null) => (s ?? '').replace(/\s+/g, ' ');
  const want = norm(o.snippet);
  const hosts = (): ShadowRoot[] => {
    const out: ShadowRoot[] = [];
    for (const el of document.documentElement.children) if (el.shadowRoot) out.push(el.shadowRoot);
    if (document.body)
      for (const el of document.body.children) if (el.shadowRoot) out.push(el.shadowRoot);
    return out;
  };
  const inShadow = (): boolean =>
    hosts().some((r) => {
      const root = r.querySelector('[data-testid="reader-root"]');
      const content = r.querySelector('[data-testid="reader-content"]');
      if (!root || !content) return false;
      const box = root.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && norm(content.textContent).includes(want);
    });
  const inFrame = (): boolean =>
    [...document.querySelectorAll('iframe')].some((f) => {
      const src = f.getAttribute('src') ?? '';
      if (!src.startsWith('chrome-extension://') && !src.startsWith('moz-extension://'))
        return false;
      const cs = getComputedStyle(f);
      const box = f.getBoundingClientRect();
      return (
        cs.display !== 'none' &&
        cs.visibility === 'visible' &&
        Number(cs.opacity) >= 0.99 &&
        box.width > 0 &&
        box.height > 0
      );
    });
  w.__crOpen = new Promise<PaintResult>((resolve, reject) => {
    let done = false;
    const observed = new Set<ShadowRoot>();
    const check = () => {
      if (done) return;
      for (const r of hosts()) {
        if (observed.has(r)) continue;
        observed.add(r);
        mo.observe(r, { childList: true, subtree: true, characterData: true, attributes: true });
      }
      const container = inShadow() ? 'shadow' : inFrame() ? 'frame' : null;
      if (!container) return;
      done = true;
      mo.disconnect();
      clearInterval(timer);
      clearTimeout(limit);
      requestAnimationFrame(() =>
        resolve({ at: performance.timeOrigin + performance.now(), container }),
      );
    };
    const mo = new MutationObserver(check);
    mo.observe(document.documentElement, { childList: true, subtree: true, attributes: true });
    const timer = setInterval(check, 4);
    const limit = setTimeout(() => {
      done = true;
      mo.disconnect();
      clearInterval(timer);
      reject(new Error(`the reader did not show "${want}" within ${o.timeoutMs} ms`));
    }, o.timeoutMs);
  });
  // An unhandled rejection must not go to the page's console before the bench awaits it.
  w.__crOpen.catch(() => undefined);
  return performance.timeOrigin + performance.now();
}

export function awaitPageProbe(): Promise<PaintResult> {
  return (window as unknown as { __crOpen: Promise<PaintResult> }).__crOpen;
}

/**
 * In the reader's extension frame, as soon as it exists: resolves `window.__crFrameOpen` with
 * the first frame after its `reader-content` holds `snippet`.
 */
export function installFrameProbe(o: ProbeOptions): void {
  (globalThis as Shimmed).__name ??= (f: unknown) => f;
  const w = window as unknown as { __crFrameOpen?: Promise<FramePaintResult> };
  if (w.__crFrameOpen) return;
  const norm = (s: string | null) => (s ?? '').replace(/\s+/g, ' ');
  const want = norm(o.snippet);
  const hit = () =>
    norm(document.querySelector('[data-testid="reader-content"]')?.textContent ?? null).includes(
      want,
    );
  w.__crFrameOpen = new Promise<FramePaintResult>((resolve, reject) => {
    const late = hit();
    let done = false;
    const check = () => {
      if (done || !hit()) return;
      done = true;
      mo.disconnect();
      clearInterval(timer);
      clearTimeout(limit);
      requestAnimationFrame(() =>
        resolve({ at: performance.timeOrigin + performance.now(), late }),
      );
    };
    const mo = new MutationObserver(check);
    mo.observe(document, { childList: true, subtree: true, characterData: true });
    const timer = setInterval(check, 4);
    const limit = setTimeout(() => {
      done = true;
      mo.disconnect();
      clearInterval(timer);
      reject(new Error(`the reader frame did not show "${want}" within ${o.timeoutMs} ms`));
    }, o.timeoutMs);
    check();
  });
  w.__crFrameOpen.catch(() => undefined);
}

export function awaitFrameProbe(): Promise<FramePaintResult> {
  return (window as unknown as { __crFrameOpen: Promise<FramePaintResult> }).__crFrameOpen;
}

/** Does this frame's `reader-content` hold `snippet`? (A check after the fact.) */
export function frameHasText(snippet: string): boolean {
  (globalThis as Shimmed).__name ??= (f: unknown) => f;
  const norm = (s: string | null) => (s ?? '').replace(/\s+/g, ' ');
  return norm(
    document.querySelector('[data-testid="reader-content"]')?.textContent ?? null,
  ).includes(norm(snippet));
}

export interface MarkAt {
  name: string;
  /** Epoch ms. */
  at: number;
}

/**
 * The extension's `performance.mark`s (`crypto-reader:*`, `cr:*`) since `sinceEpoch`, in epoch
 * ms. The content script's marks land on the tab's timeline (content scripts share it), the
 * reader page's on its frame's.
 */
export function readMarks(sinceEpoch: number): MarkAt[] {
  return performance
    .getEntriesByType('mark')
    .filter((m) => m.name.startsWith('cr:') || m.name.startsWith('crypto-reader:'))
    .map((m) => ({ name: m.name, at: performance.timeOrigin + m.startTime }))
    .filter((m) => m.at >= sinceEpoch - 0.5);
}

/**
 * From an extension page: sends the toggle to its own background and returns the epoch time it
 * was sent, without waiting for the reply (kept in `window.__crReply`): the reply comes only when
 * the content script has finished opening, which a frozen tab never does.
 */
export function sendToggle(tabId: number): number {
  (globalThis as Shimmed).__name ??= (f: unknown) => f;
  const g = globalThis as unknown as {
    browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
    chrome?: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
    __crReply?: Promise<unknown>;
  };
  const api = (g.browser ?? g.chrome)!;
  const t0 = performance.timeOrigin + performance.now();
  g.__crReply = api.runtime.sendMessage({ type: 'reader/toggle', tabId }).catch((e: Error) => ({
    ok: false,
    error: e.message,
  }));
  return t0;
}

/** The reply to the last `sendToggle` from this page. */
export function awaitReply(): Promise<unknown> {
  return (globalThis as unknown as { __crReply: Promise<unknown> }).__crReply;
}

/** From an extension page: every tab id (no `tabs` permission needed for ids). */
export async function tabIds(): Promise<number[]> {
  (globalThis as Shimmed).__name ??= (f: unknown) => f;
  const g = globalThis as unknown as {
    browser?: { tabs: { query(q: object): Promise<{ id?: number }[]> } };
    chrome?: { tabs: { query(q: object): Promise<{ id?: number }[]> } };
  };
  const tabs = await (g.browser ?? g.chrome)!.tabs.query({});
  return tabs.map((t) => t.id).filter((id): id is number => typeof id === 'number');
}

/** From an extension page: replaces the user's stored rules (storage.local, newest wins). */
export async function storeUserRules(rules: unknown[]): Promise<void> {
  (globalThis as Shimmed).__name ??= (f: unknown) => f;
  const g = globalThis as unknown as {
    browser?: { storage: { local: { set(v: object): Promise<void> } } };
    chrome?: { storage: { local: { set(v: object): Promise<void> } } };
  };
  await (g.browser ?? g.chrome)!.storage.local.set({
    rules: {
      schemaVersion: 1,
      rules,
      disabledBuiltins: [],
      savedAt: Date.now(),
      localReason: 'too-large',
    },
  });
}

/** Nodes in the document, open shadow roots included (a TreeWalker over everything). */
export function countNodes(): number {
  (globalThis as Shimmed).__name ??= (f: unknown) => f;
  let n = 0;
  const walk = (root: Node) => {
    const tw = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
    for (let node: Node | null = tw.currentNode; node; node = tw.nextNode()) {
      n++;
      const sr = (node as Element).shadowRoot;
      if (sr) walk(sr);
    }
  };
  walk(document);
  return n;
}

/**
 * A heartbeat on the page's main thread (a 10 ms timer): every gap over 50 ms is time the thread
 * was blocked (the content script runs on this thread). Works the same in Chromium and Firefox
 * (Firefox has no Long Tasks API).
 */
export function startHeartbeat(): void {
  (globalThis as Shimmed).__name ??= (f: unknown) => f;
  const w = window as unknown as {
    __crBeat?: { blocked: number; longest: number; lastGapAt: number; stop: boolean };
  };
  const beat = { blocked: 0, longest: 0, lastGapAt: 0, stop: false };
  w.__crBeat = beat;
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    const gap = now - last;
    last = now;
    if (gap > 50) {
      beat.blocked += gap;
      beat.longest = Math.max(beat.longest, gap);
      beat.lastGapAt = performance.timeOrigin + now;
    }
    if (!beat.stop) setTimeout(tick, 10);
  };
  setTimeout(tick, 10);
}

export function readHeartbeat(stop: boolean): {
  blocked: number;
  longest: number;
  lastGapAt: number;
} {
  const beat = (
    window as unknown as {
      __crBeat: { blocked: number; longest: number; lastGapAt: number; stop: boolean };
    }
  ).__crBeat;
  if (stop) beat.stop = true;
  return { blocked: beat.blocked, longest: beat.longest, lastGapAt: beat.lastGapAt };
}
