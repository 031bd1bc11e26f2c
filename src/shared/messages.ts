import type { Article } from '../core/types.js';
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
  /** `tabId`: the tab's own id, which the reader frame needs to open its port (issue 12). */
  | { type: 'reader/toggle'; rules: SiteRule[]; tabId?: number }
  | { type: 'reader/state' }
  /** The page URL the content script sees (the background checks reader rules against it). */
  | { type: 'reader/page' }
  /** Run the core with and without `rule` (on top of `rules`, the tab's current rules). */
  | { type: 'rules/preview'; rule: SiteRule; rules: SiteRule[] };

/**
 * The reader frame (the extension's reader page inside a web page; "Hide blocks like this",
 * issue 4) → background. The background accepts these only from the reader page (never from a
 * content script, which cannot prove a user gesture: issue 12), only rules for the page of the
 * sender's tab, and undoes only rules made in the reader.
 */
export type ReaderRuleRequest =
  | { type: 'rules/add-from-reader'; rule: SiteRule }
  | { type: 'rules/remove-from-reader'; id: string };

/** The reader frame → background: which tab am I in (to open the port to its content script)? */
export interface ReaderHello {
  type: 'reader/hello';
}
export type ReaderHelloReply = { ok: true; tabId: number } | { ok: false; error: string };

/** The name of the port the reader frame opens to the content script: `reader:<token>`. */
export const READER_PORT = 'reader';

/** Content script → reader frame, over the port. */
export type ToFrame =
  | {
      type: 'article';
      /** Without the removals' HTML (fetched with `removal-html` when shown back). */
      article: Article;
      /** Ids of the removals that have HTML to show back. */
      htmlIds: string[];
      hostname: string;
      /** The page's URL (source line, exports, scroll memory). */
      url?: string;
      /** The article was cut (an absurdly long page): the reader says so. */
      truncated: boolean;
    }
  | { type: 'no-article' }
  /** The frame is on screen, the page hidden behind it, the frame focused: settle. */
  | { type: 'shown' }
  | { type: 'reply'; seq: number; value: unknown };

/** Reader frame → content script, over the port. Requests carry `seq`; the reply echoes it. */
export type FromFrame =
  /** The nonce the content script posted into the frame's window (proves it is our frame). */
  | { type: 'prove'; nonce: string }
  | { type: 'painted' }
  | { type: 'close' }
  /** The reader's print button: the content script prints the top page. */
  | { type: 'print' }
  | { type: 'removal-html'; seq: number; id: string }
  | { type: 'propose-hide'; seq: number; blockText: string; readerTexts: string[] }
  /** Extract again with one rule added or removed (after "Hide blocks like this" / its undo). */
  | { type: 'rerender'; seq: number; add?: SiteRule; remove?: string };

/** What `rerender` replies with. */
export interface RerenderReply {
  article: Article;
  htmlIds: string[];
  truncated?: boolean;
}

export function isFromFrame(x: unknown): x is FromFrame {
  if (!isRecord(x)) return false;
  if (x.type === 'painted' || x.type === 'close' || x.type === 'print') return true;
  if (x.type === 'prove') return typeof x.nonce === 'string';
  if (!Number.isInteger(x.seq)) return false;
  if (x.type === 'removal-html') return typeof x.id === 'string';
  if (x.type === 'propose-hide')
    return (
      typeof x.blockText === 'string' &&
      Array.isArray(x.readerTexts) &&
      x.readerTexts.every((t) => typeof t === 'string')
    );
  if (x.type === 'rerender')
    return (
      (x.add === undefined || isRecord(x.add)) &&
      (x.remove === undefined || typeof x.remove === 'string')
    );
  return false;
}

export function isToFrame(x: unknown): x is ToFrame {
  if (!isRecord(x)) return false;
  if (x.type === 'article') return isRecord(x.article) && Array.isArray(x.htmlIds);
  if (x.type === 'reply') return Number.isInteger(x.seq);
  return x.type === 'no-article' || x.type === 'shown';
}

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

/**
 * What the content script says after a toggle: `found` is false when the page had no article.
 * Also the reply of `reader/toggle` when the page cannot be read (`refused`, issue 12).
 */
export interface ReaderState {
  open: boolean;
  found: boolean;
  /** Why this page cannot be read at all (a frameset, a PDF): the background shows it. */
  refused?: string;
}

export type ToggleReply = { ok: true; state: ReaderState } | { ok: false; error: string };

export interface BackgroundReplies {
  'reader/toggle': ToggleReply;
  'rules/preview': RulePreviewResult;
}

export interface ContentReplies {
  'reader/toggle': ReaderState;
  'reader/state': ReaderState;
  'reader/page': { url: string };
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
  if (x.type === 'reader/state' || x.type === 'reader/page') return true;
  if (x.type === 'rules/preview') return isRecord(x.rule) && Array.isArray(x.rules);
  return x.type === 'reader/toggle' && Array.isArray(x.rules);
}

export function isReaderHello(x: unknown): x is ReaderHello {
  return isRecord(x) && x.type === 'reader/hello';
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
