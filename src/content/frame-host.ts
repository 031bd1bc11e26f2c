/**
 * The reader's host in the page (issue 12): an `<iframe>` of the extension's reader page,
 * appended to `<html>` (not `<body>`, which the page owns and hides). The page cannot look into
 * an extension-origin frame, script it, select in it, or style its content; it can only remove or
 * restyle the `<iframe>` element itself, which `watchFrame` notices (the reader then closes and
 * gives the page back). Inline `!important` styles beat any page stylesheet aimed at the element.
 */
export const HOST_ATTR = 'data-crypto-reader';

/** Full-screen reader, or a small corner notice that leaves the page usable. */
export type FrameMode = 'reader' | 'notice';

export interface FrameHost {
  frame: HTMLIFrameElement;
  mode: FrameMode;
  /** Shown (after the frame painted): only then must it also stay visible and on top. */
  shown: boolean;
  setMode(mode: FrameMode): void;
  /** Shows the frame (it is mounted transparent, so it can load while the page is extracted). */
  show(): void;
  remove(): void;
}

const BASE: Record<string, string> = {
  position: 'fixed',
  display: 'block',
  border: '0',
  margin: '0',
  padding: '0',
  'z-index': '2147483647',
  visibility: 'visible',
  transform: 'none',
  filter: 'none',
  'clip-path': 'none',
  'pointer-events': 'auto',
  'max-width': 'none',
  'max-height': 'none',
  'min-width': '0',
  'min-height': '0',
  'color-scheme': 'normal',
  background: 'transparent',
};
const GEOMETRY: Record<FrameMode, Record<string, string>> = {
  reader: { inset: '0', width: '100vw', height: '100vh' },
  notice: { inset: 'auto', top: '16px', right: '16px', width: '420px', height: '96px' },
};

export function mountFrame(doc: Document, src: string): FrameHost {
  const frame = doc.createElement('iframe');
  frame.setAttribute(HOST_ATTR, 'reader');
  frame.setAttribute('title', 'Crypto Reader');
  const s = frame.style;
  s.setProperty('all', 'initial', 'important');
  const apply = (mode: FrameMode, opacity: string) => {
    for (const [p, v] of Object.entries({ ...BASE, ...GEOMETRY[mode], opacity }))
      s.setProperty(p, v, 'important');
    if (mode === 'notice')
      for (const p of ['bottom', 'left']) s.setProperty(p, 'auto', 'important');
  };
  const host: FrameHost = {
    frame,
    mode: 'reader',
    shown: false,
    setMode(mode) {
      host.mode = mode;
      frame.setAttribute(HOST_ATTR, mode);
      apply(mode, host.shown ? '1' : '0');
    },
    show() {
      host.shown = true;
      s.setProperty('opacity', '1', 'important');
    },
    remove() {
      // Hidden at once, removed a moment later: Chromium loses the acknowledgement of an input
      // event (the Esc or click that closed the reader) when the out-of-process frame handling
      // it is destroyed at once, which hung CDP-driven key presses for good.
      s.setProperty('display', 'none', 'important');
      frame.setAttribute(HOST_ATTR, 'closing');
      if (frame.ownerDocument.activeElement === frame) frame.blur();
      setTimeout(() => frame.remove(), 100);
    },
  };
  apply('reader', '0');
  frame.src = src;
  doc.documentElement.append(frame);
  return host;
}

/** Why the reader closed itself. */
export type GoneReason = 'removed' | 'hidden' | 'covered' | 'navigated';

/**
 * Watches the frame while the reader is open (issue 12): the page removed or moved it, hid or
 * covered it (its own styles, `<html>` styles, a top-layer dialog), or changed its URL (an SPA
 * navigation: the article is stale). Calls `onGone` once. Cheap: a MutationObserver for removal
 * and attribute changes, and a check every `intervalMs` for what no mutation reports.
 */
export function watchFrame(
  doc: Document,
  host: FrameHost,
  onGone: (reason: GoneReason) => void,
  intervalMs = 400,
  /** Check the frame's box and what is on top of it (needs layout: off in jsdom tests). */
  geometry = true,
): () => void {
  const win = doc.defaultView;
  const html = doc.documentElement;
  const startUrl = withoutHash(doc.URL);
  let done = false;
  const gone = (reason: GoneReason) => {
    if (done) return;
    stop();
    onGone(reason);
  };
  const check = (): void => {
    if (done) return;
    const { frame } = host;
    if (!frame.isConnected || frame.parentNode !== html) return gone('removed');
    if (withoutHash(doc.URL) !== startUrl) return gone('navigated');
    if (!win || !host.shown) return;
    const fs = win.getComputedStyle(frame);
    if (
      fs.display === 'none' ||
      fs.visibility !== 'visible' ||
      Number(fs.opacity) < 0.99 ||
      fs.contentVisibility === 'hidden'
    )
      return gone('hidden');
    const hs = win.getComputedStyle(html);
    if (
      hs.display === 'none' ||
      Number(hs.opacity) < 0.99 ||
      hs.filter !== 'none' ||
      hs.transform !== 'none' ||
      hs.clipPath !== 'none' ||
      hs.contentVisibility === 'hidden'
    )
      return gone('hidden');
    if (host.mode !== 'reader' || !geometry) return;
    const box = frame.getBoundingClientRect();
    const w = win.innerWidth;
    const h = win.innerHeight;
    if (box.left > 1 || box.top > 1 || box.width < w * 0.95 || box.height < h * 0.95)
      return gone('hidden');
    // Something on top (a page element above ours, a top-layer dialog): the user would see the
    // page's element, not the reader.
    for (const [x, y] of [
      [w / 2, h / 2],
      [w * 0.1, h * 0.1],
      [w * 0.9, h * 0.9],
    ] as const) {
      const at = doc.elementFromPoint(x, y);
      if (at && at !== frame) return gone('covered');
    }
  };
  const Observer = win?.MutationObserver ?? MutationObserver;
  const mo = new Observer(check);
  mo.observe(html, { childList: true, attributes: true });
  mo.observe(host.frame, { attributes: true });
  const timer = setInterval(check, intervalMs);
  const onNav = () => check();
  win?.addEventListener('popstate', onNav);
  win?.addEventListener('hashchange', onNav);
  const stop = () => {
    done = true;
    mo.disconnect();
    clearInterval(timer);
    win?.removeEventListener('popstate', onNav);
    win?.removeEventListener('hashchange', onNav);
  };
  return stop;
}

function withoutHash(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}
