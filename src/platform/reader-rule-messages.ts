import {
  isReaderRuleRequest,
  type ReaderRuleReply,
  type ReaderRuleRequest,
} from '../shared/messages.js';
import { browser, type Runtime } from './browser.js';
import { extensionOrigin } from './messaging.js';

/** From the content script (the reader): ask the background to add or undo a rule. */
export function sendReaderRuleRequest(msg: ReaderRuleRequest): Promise<ReaderRuleReply> {
  return browser.runtime.sendMessage(msg) as Promise<ReaderRuleReply>;
}

/**
 * In the background: handle the reader's rule requests. Only from our own content script in a
 * web page (our id, a tab, a page URL that is not one of our pages); `pageUrl` is the URL of
 * the frame that sent it, which the handler checks the rule against.
 */
export function onReaderRuleRequest(
  handler: (msg: ReaderRuleRequest, pageUrl: string) => Promise<ReaderRuleReply>,
): void {
  browser.runtime.onMessage.addListener((msg: unknown, sender: Runtime.MessageSender) => {
    if (!isReaderRuleRequest(msg)) return undefined;
    if (sender.id !== browser.runtime.id || !sender.tab || typeof sender.url !== 'string')
      return undefined;
    if (sender.url.startsWith(extensionOrigin())) return undefined;
    return handler(msg, sender.url);
  });
}
