/**
 * The channel between the content script and the reader frame (issue 12). The reader is the
 * extension page `reader/reader.html` in an iframe the content script mounts over the page; the
 * frame asks the background which tab it is in (`reader/hello`, answered from `sender.tab`) and
 * opens a runtime port to that tab's top-frame content script. Page scripts cannot open runtime
 * ports (the manifest has no `externally_connectable`), so whatever arrives on the port comes
 * from our own reader page; the content script checks the sender URL and a one-time token too.
 */
import {
  isReaderHello,
  READER_PORT,
  type FromFrame,
  type ReaderHelloReply,
  type ToFrame,
} from '../shared/messages.js';
import { browser, type Runtime } from './browser.js';

export const READER_PAGE = 'reader/reader.html';

/** `chrome-extension://<id>/reader/reader.html` (or moz-extension://…). */
export function readerPageUrl(): string {
  return browser.runtime.getURL(READER_PAGE);
}

/** True when `url` is our reader page (any query or hash). */
export function isReaderPageUrl(url: unknown): url is string {
  if (typeof url !== 'string') return false;
  const page = readerPageUrl();
  return url === page || url.startsWith(`${page}#`) || url.startsWith(`${page}?`);
}

/** A port as both ends use it (webextension-polyfill's Runtime.Port narrowed to our messages). */
export interface ChannelPort<In, Out> {
  post(msg: Out): void;
  onMessage(fn: (msg: In) => void): void;
  onDisconnect(fn: () => void): void;
  disconnect(): void;
}

function wrap<In, Out>(port: Runtime.Port, accept: (x: unknown) => x is In): ChannelPort<In, Out> {
  // Messages that arrive before the receiver listens are kept for it (the other end may post
  // right on connect).
  let listener: ((msg: In) => void) | null = null;
  const early: In[] = [];
  port.onMessage.addListener((msg: unknown) => {
    if (!accept(msg)) return;
    if (listener) listener(msg);
    else early.push(msg);
  });
  return {
    post: (msg) => {
      try {
        port.postMessage(msg);
      } catch {
        // The other end went away; onDisconnect reports it.
      }
    },
    onMessage: (fn) => {
      listener = fn;
      for (const msg of early.splice(0)) fn(msg);
    },
    onDisconnect: (fn) => port.onDisconnect.addListener(() => fn()),
    disconnect: () => port.disconnect(),
  };
}

/**
 * In the content script: accept reader ports. `token` is the one the current frame was given
 * (null when no frame is expected: then every port is refused); the port must come from our
 * extension's reader page.
 */
export function onReaderPort(
  expected: () => string | null,
  accept: (port: ChannelPort<FromFrame, ToFrame>) => void,
  isFromFrame: (x: unknown) => x is FromFrame,
): void {
  browser.runtime.onConnect.addListener((port: Runtime.Port) => {
    const token = expected();
    // From our reader page itself, or from our background relaying it (no tab: not a page).
    const ok =
      token !== null &&
      port.name === `${READER_PORT}:${token}` &&
      port.sender?.id === browser.runtime.id &&
      (isReaderPageUrl(port.sender?.url) || port.sender?.tab === undefined);
    if (!ok) {
      if (port.name.startsWith(`${READER_PORT}:`)) port.disconnect();
      return;
    }
    accept(wrap(port, isFromFrame));
  });
}

/**
 * In the reader frame: open the port to the content script of our tab. `tabId` comes with the
 * frame's URL when the content script knew it; otherwise the background says (`reader/hello`).
 * A wrong id only reaches a content script that refuses the token.
 *
 * Firefox gives an extension page framed in a web page no `tabs` API (ESR 140/153: `tabs` is
 * undefined there), so it connects to the background, which relays to the content script
 * (`relayReaderPorts`).
 */
export async function connectToPage(
  token: string,
  tabId: number | null,
  isToFrame: (x: unknown) => x is ToFrame,
): Promise<ChannelPort<ToFrame, FromFrame>> {
  if (typeof browser.tabs?.connect !== 'function') {
    return wrap(browser.runtime.connect({ name: `${READER_RELAY}:${token}` }), isToFrame);
  }
  let id = tabId;
  if (id === null) {
    const hello = (await browser.runtime.sendMessage({ type: 'reader/hello' })) as
      ReaderHelloReply | undefined;
    if (!hello?.ok) throw new Error(hello ? hello.error : 'no reply from the background');
    id = hello.tabId;
  }
  const port = browser.tabs.connect(id, { name: `${READER_PORT}:${token}`, frameId: 0 });
  return wrap(port, isToFrame);
}

const READER_RELAY = 'reader-relay';

/**
 * In the background (Firefox's path, see `connectToPage`): a reader frame's port is piped to the
 * content script of the frame's own tab (from `sender.tab`, which the frame cannot choose).
 */
export function relayReaderPorts(): void {
  browser.runtime.onConnect.addListener((outer: Runtime.Port) => {
    if (!outer.name.startsWith(`${READER_RELAY}:`)) return;
    const sender = outer.sender;
    const tabId = sender?.tab?.id;
    if (sender?.id !== browser.runtime.id || !isReaderPageUrl(sender.url) || tabId === undefined) {
      outer.disconnect();
      return;
    }
    const token = outer.name.slice(READER_RELAY.length + 1);
    const inner = browser.tabs.connect(tabId, { name: `${READER_PORT}:${token}`, frameId: 0 });
    let open = true;
    const end = () => {
      if (!open) return;
      open = false;
      outer.disconnect();
      inner.disconnect();
    };
    outer.onMessage.addListener((msg: unknown) => open && inner.postMessage(msg));
    inner.onMessage.addListener((msg: unknown) => open && outer.postMessage(msg));
    outer.onDisconnect.addListener(end);
    inner.onDisconnect.addListener(end);
  });
}

/** In the background: answer the reader frame's `reader/hello` with its tab id. */
export function onReaderHello(): void {
  browser.runtime.onMessage.addListener((msg: unknown, sender: Runtime.MessageSender) => {
    if (!isReaderHello(msg)) return undefined;
    if (sender.id !== browser.runtime.id || !isReaderPageUrl(sender.url)) return undefined;
    const tabId = sender.tab?.id;
    const reply: ReaderHelloReply =
      typeof tabId === 'number' ? { ok: true, tabId } : { ok: false, error: 'not in a tab' };
    return Promise.resolve(reply);
  });
}
