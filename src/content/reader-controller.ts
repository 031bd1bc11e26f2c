import { extractArticle } from '../core/extract-article.js';
import type { Article } from '../core/types.js';
import type { FromFrame, ReaderState, RerenderReply, ToFrame } from '../shared/messages.js';
import type { SiteRule } from '../rules/schema.js';
import { proposeHideRule } from '../reader/hide-proposal.js';
import { capArticle, capDocument } from './cap-article.js';
import { mountFrame, watchFrame, type FrameHost, type GoneReason } from './frame-host.js';
import { articleDocument, refusal } from './page-kind.js';
import { savePage, type PageState } from './page-state.js';
import { insertPrintRendition, type PrintRendition } from './print-rendition.js';

/** Ports with the right token a reader may have at once (ours and a few page-made copies). */
const MAX_CANDIDATES = 4;

/** The content script's end of the reader port (see platform/reader-channel.ts). */
export interface FramePort {
  post(msg: ToFrame): void;
  onMessage(fn: (msg: FromFrame) => void): void;
  onDisconnect(fn: () => void): void;
  disconnect(): void;
}

export interface ControllerDeps {
  doc: Document;
  /** The reader page URL for a frame with this one-time token. */
  frameUrl(token: string): string;
  /** The reader page's origin (`chrome-extension://<id>`): nonces are posted only to it. */
  frameOrigin: string;
  /** How long a frame may take to connect and paint before the reader gives up (ms). */
  frameTimeoutMs?: number;
  /** How often the open reader checks that it is still on screen (ms). */
  watchIntervalMs?: number;
  /** Whether that check looks at layout (the frame's box, what is on top); jsdom has none. */
  watchGeometry?: boolean;
  /** Whether a key event is the user's own; default `isTrusted` (a page's synthetic Esc is not). */
  isTrusted?: (e: Event) => boolean;
}

interface OpenState {
  host: FrameHost;
  token: string;
  /** The port of our frame, once it proved it (see `connect`). */
  port: FramePort | null;
  /** Ports with the right token that have not proved yet. */
  candidates: FramePort[];
  nonce: string;
  /** The full article (removal HTML included; the frame gets it without, and asks). */
  article: Article | null;
  truncated: boolean;
  /** The document the article was read from (the page, or a same-origin frame filling it). */
  source: Document;
  /** What extraction runs on: `source`, or the first part of it on an absurdly long page. */
  work: Document;
  url: string;
  page: PageState | null;
  shown: boolean;
  restoreFocus: Element | null;
  rules: SiteRule[];
  cleanups: Array<() => void>;
}

/**
 * Opens and closes the reader on the live page (issue 12: the reader UI lives in an extension
 * frame). Open: mount the frame (it loads while the page is extracted), extract, hand the article
 * to the frame when it connects; when it has painted, show it and hide the page. Close: remove
 * the frame and give the page back as it was. The frame can only ask for what the reader needs
 * (a removal's HTML, a "hide blocks like this" proposal, a re-extraction with one rule more or
 * less, close); writes to storage happen in the frame itself, never here.
 */
export class ReaderController {
  private state: OpenState | null = null;
  /** Why the reader last closed itself (for tests and the console). */
  lastGone: GoneReason | null = null;

  constructor(private readonly deps: ControllerDeps) {}

  get status(): ReaderState {
    return { open: this.state !== null, found: this.state?.article != null };
  }

  /** The token of the frame the controller is waiting for (null: accept no port). */
  get expectedToken(): string | null {
    return this.state && !this.state.port ? this.state.token : null;
  }

  async toggle(rules: readonly SiteRule[]): Promise<ReaderState> {
    if (this.state) {
      this.close();
      return this.status;
    }
    return this.open(rules);
  }

  async open(rules: readonly SiteRule[]): Promise<ReaderState> {
    if (this.state) return this.status;
    const { doc } = this.deps;
    const refused = refusal(doc);
    if (refused) return { open: false, found: false, refused };
    mark('open');
    const token = randomToken();
    // The frame loads in its own process while this one extracts.
    const host = mountFrame(doc, this.deps.frameUrl(token));
    const source = articleDocument(doc);
    const url = source.location?.href ?? source.URL;
    // An absurdly long page: extract from its first part only (and say so).
    const capped = capDocument(source);
    const work = capped ?? source;
    let article: Article | null = null;
    try {
      article = extractArticle(work, { url, rules });
    } catch (err) {
      console.error('[crypto-reader] extraction failed', err);
    }
    mark('extracted');
    let truncated = capped !== null;
    if (article) {
      const cut = capArticle(article);
      article = cut.article;
      truncated ||= cut.truncated;
    }
    const state: OpenState = {
      host,
      token,
      port: null,
      candidates: [],
      nonce: randomToken(),
      article,
      truncated,
      source,
      work,
      url,
      page: article ? savePage(doc) : null,
      shown: false,
      restoreFocus: doc.activeElement,
      rules: [...rules],
      cleanups: [],
    };
    this.state = state;
    if (!article) host.setMode('notice');
    state.cleanups.push(this.listenKeys(state));
    if (article) state.cleanups.push(this.listenPrint(state), this.cleanTitle(doc, article.title));
    // From the start the frame must stay in the page (and, once shown, visible and on top).
    state.cleanups.push(
      watchFrame(
        doc,
        host,
        (why) => this.goneWhileOpen(state, why),
        this.deps.watchIntervalMs,
        this.deps.watchGeometry,
      ),
    );
    const timer = setTimeout(() => {
      if (this.state === state && !state.shown) {
        console.error('[crypto-reader] the reader frame did not load');
        this.close();
      }
    }, this.deps.frameTimeoutMs ?? 10_000);
    state.cleanups.push(() => clearTimeout(timer));
    return this.status;
  }

  /** A reader frame connected (the platform layer checked its origin and token). */
  connect(port: FramePort): void {
    const state = this.state;
    if (!state || state.port || state.candidates.length >= MAX_CANDIDATES) {
      port.disconnect();
      return;
    }
    // The token is in the frame's URL, which the page can read and copy into a frame of its own
    // (the reader page is web-accessible). So a port must also prove it comes from OUR frame: a
    // nonce goes only into our frame's window (a posted message the page cannot read), and the
    // port that echoes it is the one fed.
    state.candidates.push(port);
    port.onDisconnect(() => {
      state.candidates = state.candidates.filter((p) => p !== port);
      // Our frame went away (removed, or navigated by the page): the reader is not on screen.
      if (this.state === state && state.port === port) this.goneWhileOpen(state, 'removed');
    });
    port.onMessage((msg) => {
      if (this.state !== state) return;
      if (state.port !== port) {
        if (msg.type === 'prove' && msg.nonce === state.nonce && !state.port)
          this.adopt(state, port);
        return;
      }
      void this.onFrameMessage(state, msg);
    });
    try {
      state.host.frame.contentWindow?.postMessage({ crNonce: state.nonce }, this.deps.frameOrigin);
    } catch {
      // our frame is gone: the watcher closes the reader
    }
  }

  private adopt(state: OpenState, port: FramePort): void {
    state.port = port;
    for (const other of state.candidates) if (other !== port) other.disconnect();
    state.candidates = [port];
    if (state.article)
      port.post({
        type: 'article',
        ...forFrame(state.article),
        hostname: hostOf(state.source),
        url: state.source.location?.href ?? '',
        truncated: state.truncated,
      });
    else port.post({ type: 'no-article' });
  }

  close(): void {
    const s = this.state;
    if (!s) return;
    this.state = null;
    for (const c of s.cleanups.splice(0)) c();
    s.host.remove();
    for (const port of s.candidates) {
      try {
        port.disconnect();
      } catch {
        // already gone
      }
    }
    s.page?.restore();
    // Not `instanceof HTMLElement`: the page's element may come from another realm (Firefox Xrays).
    const focusable = s.restoreFocus as HTMLElement | null;
    if (focusable?.isConnected && typeof focusable.focus === 'function')
      focusable.focus({ preventScroll: true });
  }

  private goneWhileOpen(state: OpenState, why: GoneReason): void {
    if (this.state !== state) return;
    this.lastGone = why;
    console.warn(`[crypto-reader] the reader closed itself: ${why}`);
    this.close();
  }

  private async onFrameMessage(state: OpenState, msg: FromFrame): Promise<void> {
    const reply = (seq: number, value: unknown) => state.port?.post({ type: 'reply', seq, value });
    switch (msg.type) {
      case 'painted':
        return this.show(state);
      case 'close':
        return this.close();
      case 'print':
        // The reader's print button: the top page prints (its rendition, see listenPrint).
        this.deps.doc.defaultView?.print();
        return;
      case 'removal-html': {
        const r = state.article?.removed.find((x) => x.id === msg.id);
        return reply(msg.seq, r?.html ?? null);
      }
      case 'propose-hide':
        return reply(
          msg.seq,
          proposeHideRule({
            blockText: msg.blockText,
            page: state.source,
            readerTexts: msg.readerTexts,
            hostname: hostOf(state.source),
          }),
        );
      case 'rerender': {
        const rules = state.rules.filter((r) => r.id !== msg.remove && r.id !== msg.add?.id);
        if (msg.add) rules.push(msg.add);
        let article: Article | null = null;
        try {
          article = extractArticle(state.work, { url: state.url, rules });
        } catch (err) {
          console.error('[crypto-reader] extraction failed', err);
        }
        if (!article) return reply(msg.seq, null);
        const cut = capArticle(article);
        article = cut.article;
        state.truncated = cut.truncated || state.work !== state.source;
        state.article = article;
        state.rules = rules;
        const value: RerenderReply = { ...forFrame(article), truncated: state.truncated };
        return reply(msg.seq, value);
      }
    }
  }

  /** The frame has painted: show it, hide the page behind it, move focus into it. */
  private show(state: OpenState): void {
    if (state.shown) return;
    state.shown = true;
    mark('painted');
    state.host.show();
    if (state.host.mode === 'reader') state.host.frame.focus();
    state.port?.post({ type: 'shown' });
    // Hiding the page lays it out again (no scrollbar): on a huge page that is a long frame, so
    // it waits until the reader has been revealed.
    afterFrame(this.deps.doc, () => {
      if (this.state === state) state.page?.hide();
    });
  }

  /**
   * Ctrl+P and the reader's print button print the whole article: a print-only rendition in
   * the top document between `beforeprint` and `afterprint` (a frame prints clipped to its box).
   */
  private listenPrint(state: OpenState): () => void {
    const doc = this.deps.doc;
    const win = doc.defaultView;
    let rendition: PrintRendition | null = null;
    const before = () => {
      if (this.state !== state || !state.article) return;
      rendition?.remove();
      rendition = insertPrintRendition(doc, state.article, state.url);
    };
    const after = () => {
      rendition?.remove();
      rendition = null;
    };
    win?.addEventListener('beforeprint', before);
    win?.addEventListener('afterprint', after);
    return () => {
      after();
      win?.removeEventListener('beforeprint', before);
      win?.removeEventListener('afterprint', after);
    };
  }

  /** The tab's title is the clean title while the reader is open; the page's comes back. */
  private cleanTitle(doc: Document, title: string): () => void {
    const old = doc.title;
    // No <title> to retitle: setting one would add an element to the page.
    if (!title || title === old || !doc.querySelector('title')) return () => {};
    doc.title = title;
    return () => {
      // The page changed its title meanwhile: keep the page's.
      if (doc.title === title) doc.title = old;
    };
  }

  /** Esc aimed at the page itself (focus outside the frame) closes too. */
  private listenKeys(state: OpenState): () => void {
    const win = this.deps.doc.defaultView;
    const trusted = this.deps.isTrusted ?? ((e: Event) => e.isTrusted);
    const outside = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.isComposing && this.state === state && trusted(e)) this.close();
    };
    win?.addEventListener('keydown', outside, true);
    return () => win?.removeEventListener('keydown', outside, true);
  }
}

/** The article without its removals' HTML (sent when the removed panel asks: speed). */
function forFrame(article: Article): RerenderReply {
  const htmlIds: string[] = [];
  const removed = article.removed.map((r) => {
    if (r.html) htmlIds.push(r.id);
    return { ...r, html: null };
  });
  return { article: { ...article, removed }, htmlIds };
}

/** Runs `fn` after the page's next frame (rAF, then a task); a task alone without rAF (jsdom). */
function afterFrame(doc: Document, fn: () => void): void {
  const win = doc.defaultView;
  if (win && typeof win.requestAnimationFrame === 'function')
    win.requestAnimationFrame(() => setTimeout(fn, 0));
  else setTimeout(fn, 0);
}

function hostOf(doc: Document): string {
  return doc.location?.hostname ?? '';
}

function randomToken(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** `crypto-reader:<step>` performance marks, for the toggle benchmark (cheap; no measuring here). */
function mark(step: string): void {
  try {
    performance.mark(`crypto-reader:${step}`);
  } catch {
    // no performance timeline: nothing to mark
  }
}
