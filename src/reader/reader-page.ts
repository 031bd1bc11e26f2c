/**
 * The reader page (issue 12): `reader/reader.html`, loaded in an extension-origin frame that the
 * content script mounts over the page. The page's scripts cannot reach into it (another origin),
 * its CSS and `@font-face` rules do not apply here (another document), and only this page
 * writes the reading settings and asks the background to save "hide blocks like this" rules,
 * each from the user's own (trusted) click. The article comes over the port from the content
 * script, which keeps what needs the live page (extraction, rule proposals).
 */
import {
  isToFrame,
  type FromFrame,
  type ReaderRuleReply,
  type RerenderReply,
  type ToFrame,
} from '../shared/messages.js';
import type { ReaderSettings } from '../shared/settings.js';
import type { SiteRule } from '../rules/schema.js';
import type { Article } from '../core/types.js';
import { getMessage, loadSettings, saveSettings, uiLanguage } from '../platform/index.js';
import { connectToPage, type ChannelPort } from '../platform/reader-channel.js';
import { sendReaderRuleRequest } from '../platform/reader-rule-messages.js';
import { attachHideLikeThis, type HideLikeThis } from './hide-like-this.js';
import type { HideProposal } from './hide-proposal.js';
import { buildMessagePanel } from './message-panel.js';
import { READER_CSS } from './reader-styles.js';
import { renderReader, type ReaderView } from './render-reader.js';
import { STRINGS, type Translate } from './strings.js';

const t: Translate = (key, subs = []) =>
  getMessage(
    key,
    subs,
    STRINGS[key].replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? ''),
  );

/** The frame's own document: no margins, transparent until the reader paints its root. */
const PAGE_CSS = `
:root { color-scheme: light dark; }
html, body { margin: 0; padding: 0; height: 100%; background: transparent; overflow: hidden; }
`;

type Port = ChannelPort<ToFrame, FromFrame>;

function adoptStyles(): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(PAGE_CSS + READER_CSS);
  document.adoptedStyleSheets = [sheet];
}

/**
 * Runs `fn` when the first frame with the reader is being produced (rAF). The content script
 * reveals the frame in response, a message hop later, by when this frame has been submitted; a
 * timer backs up a throttled rAF (a transparent frame may be throttled).
 */
function afterPaint(fn: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    fn();
  };
  requestAnimationFrame(once);
  setTimeout(once, 200);
}

class ReaderPage {
  private view: ReaderView | null = null;
  private hide: HideLikeThis | null = null;
  private seq = 0;
  private readonly pending = new Map<number, (value: unknown) => void>();
  private hostname = '';
  private htmlIds = new Set<string>();
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly port: Port,
    private settings: ReaderSettings,
  ) {
    port.onMessage((msg) => this.onMessage(msg));
    // Esc closes (an open panel or drawer stops the event first, see renderReader).
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !e.isComposing) this.port.post({ type: 'close' });
    });
  }

  private request<T>(
    msg: DistributiveOmit<Extract<FromFrame, { seq: number }>, 'seq'>,
  ): Promise<T> {
    const seq = ++this.seq;
    return new Promise<T>((resolve) => {
      this.pending.set(seq, resolve as (v: unknown) => void);
      this.port.post({ ...msg, seq } as FromFrame);
    });
  }

  private onMessage(msg: ToFrame): void {
    switch (msg.type) {
      case 'article':
        this.hostname = msg.hostname;
        this.htmlIds = new Set(msg.htmlIds);
        this.render(msg.article, msg.truncated);
        afterPaint(() => this.port.post({ type: 'painted' }));
        return;
      case 'no-article': {
        const panel = buildMessagePanel(document, t, () => this.port.post({ type: 'close' }));
        document.body.append(panel);
        afterPaint(() => this.port.post({ type: 'painted' }));
        return;
      }
      case 'shown':
        this.view?.settled();
        return;
      case 'reply': {
        const resolve = this.pending.get(msg.seq);
        this.pending.delete(msg.seq);
        resolve?.(msg.value);
        return;
      }
    }
  }

  private render(article: Article, truncated: boolean): ReaderView {
    const old = this.view;
    const top = old?.scroller.scrollTop ?? 0;
    const view = renderReader({
      doc: document,
      article,
      settings: this.settings,
      t,
      uiLang: uiLanguage(),
      truncated,
      onClose: () => this.port.post({ type: 'close' }),
      onSettingsChange: (next) => this.saveSettings(next),
      removalHtml: {
        has: (id) => this.htmlIds.has(id),
        load: (id) => this.request<string | null>({ type: 'removal-html', id }),
      },
    });
    this.hide?.destroy();
    if (old) {
      old.destroy();
      old.root.replaceWith(view.root);
      view.scroller.scrollTop = top;
      view.settled();
    } else {
      document.body.append(view.root);
    }
    this.view = view;
    this.hide = this.attachHide(view);
    return view;
  }

  /** Settings are saved here, in the extension's own page, right away (the frame may go any time). */
  private saveSettings(next: ReaderSettings): void {
    this.settings = next;
    this.saving = this.saving
      .then(() => saveSettings(next))
      .catch((err: unknown) => console.error('[crypto-reader] saving settings failed', err));
  }

  private attachHide(view: ReaderView): HideLikeThis | null {
    const content = view.root.querySelector<HTMLElement>('[data-testid="reader-content"]');
    if (!content || !this.hostname) return null;
    return attachHideLikeThis({
      doc: document,
      root: view.root,
      content,
      hostname: this.hostname,
      t,
      propose: (blockText, readerTexts) =>
        this.request<HideProposal | null>({ type: 'propose-hide', blockText, readerTexts }),
      onSave: async (rule) => {
        const reply = await sendReaderRuleRequest({ type: 'rules/add-from-reader', rule });
        if (!reply?.ok) return reply ?? { ok: false, error: 'no reply' };
        const saved = reply.rule;
        const next = await this.rerender({ add: saved });
        const count = next?.removed.filter((r) => r.rule === `rule:${saved.id}`).length ?? 0;
        this.hide?.showUndo(t('hideSaved', [saved.match.join(', '), String(count)]), async () => {
          const undone: ReaderRuleReply = await sendReaderRuleRequest({
            type: 'rules/remove-from-reader',
            id: saved.id,
          });
          if (!undone?.ok) return t('hideFailed', [undone?.error ?? 'no reply']);
          await this.rerender({ remove: saved.id });
          this.hide?.showMessage(t('hideUndone'));
          return t('hideUndone');
        });
        return { ok: true };
      },
    });
  }

  private async rerender(change: { add?: SiteRule; remove?: string }): Promise<Article | null> {
    const got = await this.request<RerenderReply | null>({ type: 'rerender', ...change });
    if (!got) return null;
    this.htmlIds = new Set(got.htmlIds);
    this.render(got.article, got.truncated ?? false);
    return got.article;
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

async function main(): Promise<void> {
  adoptStyles();
  // `#<token>` or `#<token>:<tabId>` (see content/index.ts).
  const [token = '', tab] = location.hash.slice(1).split(':');
  const tabId = tab && /^\d+$/.test(tab) ? Number(tab) : null;
  // The content script proves to itself that our port comes from its own frame: it posts a
  // nonce into this window, which we echo over the port (see ReaderController.connect). A page
  // can post fakes here too; echoing them does no harm (only the right one is accepted).
  const nonces: string[] = [];
  let prove: ((nonce: string) => void) | null = null;
  window.addEventListener('message', (e) => {
    const data = e.data as { crNonce?: unknown } | null;
    if (e.source !== window.parent || typeof data?.crNonce !== 'string') return;
    if (nonces.length >= 8) return;
    nonces.push(data.crNonce);
    prove?.(data.crNonce);
  });
  const [port, settings] = await Promise.all([
    connectToPage(token, tabId, isToFrame),
    loadSettings(),
  ]);
  prove = (nonce) => port.post({ type: 'prove', nonce });
  for (const nonce of nonces) prove(nonce);
  new ReaderPage(port, settings);
}

main().catch((err: unknown) => console.error('[crypto-reader] the reader could not start', err));
