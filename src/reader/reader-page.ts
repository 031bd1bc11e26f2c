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
import { browser, getMessage, loadSettings, saveSettings, uiLanguage } from '../platform/index.js';
import { repairReadingExtras, type ReadingExtras } from '../shared/reading-extras.js';
import { PROGRESS_BAR_CSS } from './progress-bar.js';
import { READ_ALOUD_CSS } from './read-aloud-controls.js';
import { readerTranslate } from './reader-strings.js';
import {
  READING_POSITIONS_KEY,
  recallPosition,
  rememberPosition,
  repairPositions,
  type ReadingPositions,
} from './reading-position.js';
import { REMOVED_ITEM_CSS } from './removed-item.js';
import { scriptTypographyCss } from './script-typography.js';
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

const rt = readerTranslate((key, subs) => getMessage(key, subs));

/** Issue 9's reading settings: their own record (saveSettings repairs away unknown fields). */
const EXTRAS_KEY = 'reader.extras';

/** The frame's own document: no margins, transparent until the reader paints its root. */
const PAGE_CSS = `
:root { color-scheme: light dark; }
html, body { margin: 0; padding: 0; height: 100%; background: transparent; overflow: hidden; }
`;

/** Issue 9's parts: per-script typography, removed entries, progress, read aloud, export. */
const EXTRA_CSS = [
  scriptTypographyCss('.cr-article'),
  REMOVED_ITEM_CSS,
  PROGRESS_BAR_CSS,
  READ_ALOUD_CSS,
  `
.cr-source { margin: 0 0 6px; font-size: 14px; color: var(--muted); }
.cr-source a { color: var(--accent); }
.cr-panel-foot { margin: 12px 0 0; }
.cr-options-link { color: var(--accent); text-decoration: underline; padding: 2px 0; }
fieldset.cr-setting { border: 0; padding: 0; margin: 10px 0 0; display: flex; flex-wrap: wrap; gap: 6px 14px; }
fieldset.cr-setting legend { padding: 0; margin-bottom: 4px; }
.cr-export { position: relative; }
.cr-export-menu { position: absolute; top: 100%; inset-inline-end: 0; z-index: 4; display: flex; flex-direction: column; min-width: 200px; background: var(--bg); border: 1px solid var(--line); border-radius: 8px; box-shadow: 0 8px 30px rgba(0,0,0,.18); padding: 4px; }
.cr-export-menu[hidden] { display: none; }
.cr-export-menu button { text-align: start; }
.cr-export-status { position: absolute; top: 100%; inset-inline-end: 0; margin: 4px 0 0; white-space: nowrap; font-size: 12px; background: var(--panel); padding: 2px 6px; border-radius: 4px; }
.cr-export-status:empty { display: none; }
/* The top page prints the article (content/print-rendition.ts): this frame prints nothing. */
@media print { body > * { display: none !important; } }
button[aria-disabled="true"] { opacity: .4; cursor: default; }
.cr-ra-bar { padding: 6px 12px; border-bottom: 1px solid var(--line); flex: none; }
@media (max-width: 599px) { .cr-toolbar { flex-wrap: wrap; } }
`,
].join('\n');

type Port = ChannelPort<ToFrame, FromFrame>;

function adoptStyles(): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(PAGE_CSS + READER_CSS + EXTRA_CSS);
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
  private pageUrl = '';
  private fraction: number | null = null;
  private tracking = false;
  private positionTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly port: Port,
    private settings: ReaderSettings,
    private extras: ReadingExtras,
    private positions: ReadingPositions,
  ) {
    port.onMessage((msg) => this.onMessage(msg));
    // Esc closes (an open panel or drawer stops the event first, see renderReader).
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !e.isComposing) this.close();
    });
    // The frame goes away with the reader: stop speaking and keep the place.
    window.addEventListener('pagehide', () => {
      this.view?.destroy();
      this.savePosition();
    });
  }

  private close(): void {
    this.savePosition();
    this.view?.destroy();
    this.port.post({ type: 'close' });
  }

  /**
   * The reading position is written only from this frame's own scroll handling and its close
   * paths (issue 12: storage changes only on the user's doing; the page cannot scroll this frame).
   */
  private onProgress(fraction: number): void {
    // Before the reader is settled (and the old place restored) a report is layout, not reading.
    if (!this.tracking) return;
    this.fraction = fraction;
    if (this.positionTimer) clearTimeout(this.positionTimer);
    this.positionTimer = setTimeout(() => this.savePosition(), 800);
  }

  private savePosition(): void {
    if (this.positionTimer) clearTimeout(this.positionTimer);
    this.positionTimer = null;
    if (this.fraction === null || !this.pageUrl) return;
    this.positions = rememberPosition(this.positions, this.pageUrl, this.fraction, Date.now());
    const record = this.positions;
    this.saving = this.saving
      .then(() => browser.storage.local.set({ [READING_POSITIONS_KEY]: record }))
      .catch((err: unknown) => console.error('[crypto-reader] saving the position failed', err));
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
        this.pageUrl = msg.url ?? '';
        this.htmlIds = new Set(msg.htmlIds);
        this.render(msg.article, msg.truncated);
        afterPaint(() => this.port.post({ type: 'painted' }));
        return;
      case 'no-article': {
        const panel = buildMessagePanel(document, t, () => this.close());
        document.body.append(panel);
        afterPaint(() => this.port.post({ type: 'painted' }));
        return;
      }
      case 'shown':
        this.view?.settled();
        this.tracking = true;
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
      onClose: () => this.close(),
      onSettingsChange: (next) => this.saveSettings(next),
      rt,
      pageUrl: this.pageUrl || undefined,
      extras: this.extras,
      onExtrasChange: (next) => this.saveExtras(next),
      openOptions: () => void browser.runtime.openOptionsPage(),
      onPrint: () => this.port.post({ type: 'print' }),
      startAt: old ? null : recallPosition(this.positions, this.pageUrl),
      onProgress: (f) => this.onProgress(f),
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

  private saveExtras(next: ReadingExtras): void {
    this.extras = next;
    this.saving = this.saving
      .then(() => browser.storage.local.set({ [EXTRAS_KEY]: repairReadingExtras(next) }))
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
  const [port, settings, stored] = await Promise.all([
    connectToPage(token, tabId, isToFrame),
    loadSettings(),
    browser.storage.local.get([EXTRAS_KEY, READING_POSITIONS_KEY]).catch(() => ({})),
  ]);
  const got = stored as Record<string, unknown>;
  prove = (nonce) => port.post({ type: 'prove', nonce });
  for (const nonce of nonces) prove(nonce);
  new ReaderPage(
    port,
    settings,
    repairReadingExtras(got[EXTRAS_KEY]),
    repairPositions(got[READING_POSITIONS_KEY]),
  );
}

main().catch((err: unknown) => console.error('[crypto-reader] the reader could not start', err));
