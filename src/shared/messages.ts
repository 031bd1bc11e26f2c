import type { SiteRule } from '../rules/schema.js';

/**
 * Every runtime message, as discriminated unions named by direction, with typed replies.
 * `area/verb` names. Receivers check shape with the guards below and never trust the sender.
 */

/** Extension pages (options, tests) → background. */
export type BackgroundRequest =
  | { type: 'reader/toggle'; tabId: number }
  /** Options page, "Try on an open tab": what would `rule` remove on that tab? (issue 4) */
  | { type: 'rules/preview'; tabId: number; rule: SiteRule };

/** Background → content script in a tab. */
export type ContentRequest =
  | { type: 'reader/toggle'; rules: SiteRule[] }
  | { type: 'reader/state' }
  /** Run the core with and without `rule` (on top of `rules`, the tab's current rules). */
  | { type: 'rules/preview'; rule: SiteRule; rules: SiteRule[] };

/**
 * Content script (the reader's "Hide blocks like this") → background (issue 4). The background
 * only accepts rules for the sender's own page, and undoes only rules made in the reader.
 */
export type ReaderRuleRequest =
  | { type: 'rules/add-from-reader'; rule: SiteRule }
  | { type: 'rules/remove-from-reader'; id: string };

export type ReaderRuleReply = { ok: true; rule: SiteRule } | { ok: false; error: string };

/** What a rule removes on a tab (the removals the core attributes to `rule:<id>`). */
export type RulePreviewResult =
  | {
      ok: true;
      /** Whether an article was found with the rule. */
      found: boolean;
      title: string;
      count: number;
      removals: { kind: string; text: string }[];
      /** The article text differs in more than the removed blocks (e.g. an `article` selector). */
      articleChanged: boolean;
    }
  | { ok: false; error: string };

/** What the content script says after a toggle: `found` is false when the page had no article. */
export interface ReaderState {
  open: boolean;
  found: boolean;
}

export type ToggleReply = { ok: true; state: ReaderState } | { ok: false; error: string };

export interface BackgroundReplies {
  'reader/toggle': ToggleReply;
  'rules/preview': RulePreviewResult;
}

export interface ContentReplies {
  'reader/toggle': ReaderState;
  'reader/state': ReaderState;
  'rules/preview': RulePreviewResult;
}

export type ReplyTo<M extends { type: keyof R }, R> = R[M['type']];

function isRecord(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

export function isBackgroundRequest(x: unknown): x is BackgroundRequest {
  if (!isRecord(x)) return false;
  const tabOk = Number.isInteger(x.tabId) && (x.tabId as number) >= 0;
  if (x.type === 'rules/preview') return tabOk && isRecord(x.rule);
  return x.type === 'reader/toggle' && tabOk;
}

export function isContentRequest(x: unknown): x is ContentRequest {
  if (!isRecord(x)) return false;
  if (x.type === 'reader/state') return true;
  if (x.type === 'rules/preview') return isRecord(x.rule) && Array.isArray(x.rules);
  return x.type === 'reader/toggle' && Array.isArray(x.rules);
}

export function isReaderRuleRequest(x: unknown): x is ReaderRuleRequest {
  if (!isRecord(x)) return false;
  if (x.type === 'rules/add-from-reader') return isRecord(x.rule);
  return x.type === 'rules/remove-from-reader' && typeof x.id === 'string';
}

/** The parts of a runtime.MessageSender that the guards read. */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { url?: string } | undefined;
}

/**
 * True when a message comes from one of this extension's own pages (options page, a test page,
 * the service worker itself), never from a content script or a web page. `extensionOrigin` is
 * `runtime.getURL('')`, e.g. `chrome-extension://<id>/` or `moz-extension://<uuid>/`.
 */
export function isExtensionSender(
  sender: SenderLike,
  extensionId: string,
  extensionOrigin: string,
): boolean {
  if (!extensionId || !extensionOrigin || sender.id !== extensionId) return false;
  const origin = extensionOrigin.endsWith('/') ? extensionOrigin : `${extensionOrigin}/`;
  if (typeof sender.url !== 'string' || !sender.url.startsWith(origin)) return false;
  // A content script's sender.url is the page's URL (rejected above). An extension page in a tab
  // has a tab whose URL is our own origin; Chrome leaves tab.url out without the `tabs`
  // permission, so only a tab URL that is present and foreign (our frame inside a web page) fails.
  const tabUrl = sender.tab?.url;
  if (typeof tabUrl === 'string' && tabUrl !== '' && !tabUrl.startsWith(origin)) return false;
  return true;
}
