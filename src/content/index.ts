// Content script entry: injected on demand by the background (never declared in the manifest),
// once per page. It only listens; all work happens when the background asks for a toggle. The
// reader UI is the extension's reader page in a frame (issue 12), fed over a port.
import { onContentRequest } from '../platform/index.js';
import { onReaderPort, READER_PAGE } from '../platform/reader-channel.js';
import { browser } from '../platform/browser.js';
import { isFromFrame } from '../shared/messages.js';
import { previewRule } from './preview-rule.js';
import { ReaderController } from './reader-controller.js';

const INJECTED = Symbol.for('crypto-reader.content');

function start(): void {
  // The tab id the background told us with the last toggle: the frame opens its port with it
  // instead of asking the background first (a round trip less at every open).
  let tabId: number | undefined;
  const controller = new ReaderController({
    doc: document,
    // Not `new URL(…).origin`: Firefox gives "null" for moz-extension: URLs.
    frameOrigin: browser.runtime.getURL('').replace(/\/$/, ''),
    frameUrl: (token) =>
      browser.runtime.getURL(`${READER_PAGE}#${token}${tabId === undefined ? '' : `:${tabId}`}`),
  });
  onReaderPort(
    () => controller.expectedToken,
    (port) => controller.connect(port),
    isFromFrame,
  );
  onContentRequest(async (msg) => {
    if (msg.type === 'reader/toggle') {
      if (Number.isInteger(msg.tabId)) tabId = msg.tabId;
      return controller.toggle(msg.rules);
    }
    if (msg.type === 'rules/preview') return previewRule(document, msg.rule, msg.rules);
    if (msg.type === 'reader/page') return { url: document.URL };
    return controller.status;
  });
}

const scope = globalThis as unknown as Record<symbol, boolean | undefined>;
if (!scope[INJECTED]) {
  scope[INJECTED] = true;
  // The open benchmark's "injected" stage mark: content.js has been evaluated up to here.
  performance.mark('crypto-reader:injected');
  start();
}
