import {
  isReaderRuleRequest,
  type ReaderRuleReply,
  type ReaderRuleRequest,
} from '../shared/messages.js';
import { browser, type Runtime } from './browser.js';
import { isReaderPageUrl } from './reader-channel.js';

/** From the reader frame: ask the background to add or undo a rule. */
export function sendReaderRuleRequest(msg: ReaderRuleRequest): Promise<ReaderRuleReply> {
  return browser.runtime.sendMessage(msg) as Promise<ReaderRuleReply>;
}

/**
 * In the background: handle the reader's rule requests. Only from our reader page inside a tab
 * (issue 12: never from a content script, whose messages a page can provoke without a user
 * gesture); `tabId` is the sender's tab, whose page URL the handler checks the rule against.
 */
export function onReaderRuleRequest(
  handler: (msg: ReaderRuleRequest, tabId: number) => Promise<ReaderRuleReply>,
): void {
  browser.runtime.onMessage.addListener((msg: unknown, sender: Runtime.MessageSender) => {
    if (!isReaderRuleRequest(msg)) return undefined;
    if (sender.id !== browser.runtime.id || !isReaderPageUrl(sender.url)) return undefined;
    const tabId = sender.tab?.id;
    if (typeof tabId !== 'number') return undefined;
    return handler(msg, tabId);
  });
}
