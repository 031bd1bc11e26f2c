import {
  isBackgroundRequest,
  isContentRequest,
  isExtensionSender,
  type BackgroundReplies,
  type BackgroundRequest,
  type ContentReplies,
  type ContentRequest,
} from '../shared/messages.js';
import { browser, type Runtime } from './browser.js';

/** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
export function extensionOrigin(): string {
  return browser.runtime.getURL('');
}

/** From an extension page: ask the background to do something. */
export function sendToBackground<M extends BackgroundRequest>(
  msg: M,
): Promise<BackgroundReplies[M['type']]> {
  return browser.runtime.sendMessage(msg) as Promise<BackgroundReplies[M['type']]>;
}

/** From the background: ask the content script in a tab (rejects when none is listening). */
export function sendToTab<M extends ContentRequest>(
  tabId: number,
  msg: M,
): Promise<ContentReplies[M['type']]> {
  return browser.tabs.sendMessage(tabId, msg) as Promise<ContentReplies[M['type']]>;
}

type Handler<M extends { type: string }, R> = (msg: M, sender: Runtime.MessageSender) => Promise<R>;

/**
 * In the background: handle requests from this extension's own pages only. Messages from
 * content scripts and web pages, and messages of unknown shape, get no reply (undefined lets
 * other listeners answer).
 */
export function onBackgroundRequest(
  handler: Handler<BackgroundRequest, BackgroundReplies[BackgroundRequest['type']]>,
): void {
  browser.runtime.onMessage.addListener((msg: unknown, sender: Runtime.MessageSender) => {
    if (!isBackgroundRequest(msg)) return undefined;
    if (!isExtensionSender(sender, browser.runtime.id, extensionOrigin())) return undefined;
    return handler(msg, sender);
  });
}

/** In a content script: handle requests from the background (the sender has no tab and our id). */
export function onContentRequest(
  handler: Handler<ContentRequest, ContentReplies[ContentRequest['type']]>,
): void {
  browser.runtime.onMessage.addListener((msg: unknown, sender: Runtime.MessageSender) => {
    if (!isContentRequest(msg) || sender.id !== browser.runtime.id || sender.tab) return undefined;
    return handler(msg, sender);
  });
}
