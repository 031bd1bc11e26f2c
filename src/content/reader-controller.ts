import { extractArticle } from '../core/extract-article.js';
import type { Article } from '../core/types.js';
import type { ReaderRuleReply, ReaderState } from '../shared/messages.js';
import type { ReaderSettings } from '../shared/settings.js';
import type { SiteRule } from '../rules/schema.js';
import { attachHideLikeThis, type HideLikeThis } from '../reader/hide-like-this.js';
import { buildMessagePanel } from '../reader/message-panel.js';
import { renderReader, type ReaderView } from '../reader/render-reader.js';
import type { Translate } from '../reader/strings.js';
import { mountOverlay, type Overlay } from './overlay.js';
import { savePage, type PageState } from './page-state.js';

export interface ControllerDeps {
  doc: Document;
  t: Translate;
  uiLang: string;
  loadSettings(): Promise<ReaderSettings>;
  saveSettings(s: ReaderSettings): Promise<void>;
  /** "Hide blocks like this" (issue 4): save a rule made in the reader / undo it. */
  saveRule?(rule: SiteRule): Promise<ReaderRuleReply>;
  deleteRule?(id: string): Promise<ReaderRuleReply>;
}

interface OpenState {
  overlay: Overlay;
  view: ReaderView | null;
  page: PageState | null;
  found: boolean;
  restoreFocus: Element | null;
  cleanup: () => void;
  /** The rules the article was extracted with (a rule made in the reader is added to them). */
  rules: readonly SiteRule[];
  hide: HideLikeThis | null;
}

const KEY_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

/**
 * Opens and closes the reader on the live page. Open: extract (once), render (once), mount in the
 * shadow root, then hide the page. Close: remove the host and give the page back as it was.
 */
export class ReaderController {
  private state: OpenState | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly deps: ControllerDeps) {}

  get status(): ReaderState {
    return { open: this.state !== null, found: this.state?.found ?? false };
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
    mark('open');
    // Storage answers while extraction runs (extraction is synchronous).
    const settingsPromise = this.deps.loadSettings();
    let article: Article | null = null;
    try {
      article = extractArticle(doc, { url: doc.location?.href ?? doc.URL, rules });
    } catch (err) {
      console.error('[crypto-reader] extraction failed', err);
    }
    mark('extracted');
    const settings = await settingsPromise;
    if (this.state) return this.status; // a second toggle raced us and won
    const restoreFocus = doc.activeElement;

    if (!article) {
      const panel = buildMessagePanel(doc, this.deps.t, () => this.close());
      const overlay = mountOverlay(doc, 'notice', panel);
      this.state = {
        overlay,
        view: null,
        page: null,
        found: false,
        restoreFocus,
        cleanup: this.listenKeys(overlay),
        rules,
        hide: null,
      };
      return this.status;
    }

    const page = savePage(doc);
    const view = this.render(article, settings);
    const overlay = mountOverlay(doc, 'reader', view.root);
    mark('mounted');
    const state: OpenState = {
      overlay,
      view,
      page,
      found: true,
      restoreFocus,
      cleanup: this.listenKeys(overlay),
      rules,
      hide: null,
    };
    this.state = state;
    state.hide = this.attachHide(state, view);
    // Hiding the page (no scrollbar: the page lays out again) and the outline's first measure
    // wait until the reader has painted: the reader shows first, the page work comes after.
    afterPaint(doc, () => {
      if (this.state !== state) return;
      mark('painted');
      page.hide();
      view.settled();
    });
    return this.status;
  }

  close(): void {
    const s = this.state;
    if (!s) return;
    this.state = null;
    s.cleanup();
    s.hide?.destroy();
    s.view?.destroy();
    s.overlay.remove();
    s.page?.restore();
    // Not `instanceof HTMLElement`: the page's element may come from another realm (Firefox Xrays).
    const focusable = s.restoreFocus as HTMLElement | null;
    if (focusable?.isConnected && typeof focusable.focus === 'function')
      focusable.focus({ preventScroll: true });
    this.flushSave();
  }

  private render(article: Article, settings: ReaderSettings): ReaderView {
    return renderReader({
      doc: this.deps.doc,
      article,
      settings,
      t: this.deps.t,
      uiLang: this.deps.uiLang,
      onClose: () => this.close(),
      onSettingsChange: (next) => this.scheduleSave(next),
    });
  }

  /** "Hide blocks like this" on a reader view (when the content script can save rules). */
  private attachHide(state: OpenState, view: ReaderView): HideLikeThis | null {
    const { saveRule, deleteRule } = this.deps;
    const content = view.root.querySelector<HTMLElement>('[data-testid="reader-content"]');
    const hostname = this.deps.doc.location?.hostname ?? '';
    if (!saveRule || !deleteRule || !content || !hostname) return null;
    const { t } = this.deps;
    return attachHideLikeThis({
      doc: this.deps.doc,
      root: view.root,
      content,
      hostname,
      t,
      onSave: async (rule) => {
        const reply = await saveRule(rule);
        if (!reply.ok) return reply;
        const saved = reply.rule;
        const before = state.rules;
        const hidden = await this.rerender(state, [
          ...before.filter((r) => r.id !== saved.id),
          saved,
        ]);
        const count = hidden?.removed.filter((r) => r.rule === `rule:${saved.id}`).length ?? 0;
        state.hide?.showUndo(t('hideSaved', [saved.match.join(', '), String(count)]), async () => {
          const undone = await deleteRule(saved.id);
          if (!undone.ok) return t('hideFailed', [undone.error]);
          await this.rerender(state, before);
          // The bar that was clicked went with the old view: say it on the new one.
          state.hide?.showMessage(t('hideUndone'));
          return t('hideUndone');
        });
        return { ok: true };
      },
    });
  }

  /**
   * Extracts again with `rules` and swaps the reader view in place (the page stays hidden, the
   * scroll position is kept). Returns the new article, or null when the reader is gone or the
   * page has no article with these rules (then the old view stays).
   */
  private async rerender(state: OpenState, rules: readonly SiteRule[]): Promise<Article | null> {
    const { doc } = this.deps;
    if (this.state !== state || !state.view) return null;
    let article: Article | null = null;
    try {
      article = extractArticle(doc, { url: doc.location?.href ?? doc.URL, rules });
    } catch (err) {
      console.error('[crypto-reader] extraction failed', err);
    }
    if (!article) return null;
    const settings = await this.deps.loadSettings();
    if (this.state !== state || !state.view) return null;
    const old = state.view;
    const top = old.scroller.scrollTop;
    const view = this.render(article, settings);
    state.hide?.destroy();
    old.destroy();
    old.root.replaceWith(view.root);
    state.view = view;
    state.rules = rules;
    state.hide = this.attachHide(state, view);
    view.scroller.scrollTop = top;
    view.settled();
    return article;
  }

  /**
   * Esc closes. Keys typed inside the reader stay inside it (the page's own shortcuts do not
   * fire behind the reader); an Esc aimed at the page itself (focus outside) closes too.
   */
  private listenKeys(overlay: Overlay): () => void {
    const win = this.deps.doc.defaultView;
    const inside = (e: Event) => {
      // No `instanceof KeyboardEvent`: Firefox content scripts see page events through Xrays.
      const k = e as KeyboardEvent;
      if (k.type === 'keydown' && k.key === 'Escape' && !k.isComposing) this.close();
      e.stopPropagation();
    };
    const outside = (e: KeyboardEvent) => {
      if (e.target === overlay.host) return; // came from inside: handled above
      if (e.key === 'Escape' && !e.isComposing) this.close();
    };
    for (const type of KEY_EVENTS) overlay.shadow.addEventListener(type, inside);
    win?.addEventListener('keydown', outside, true);
    return () => {
      for (const type of KEY_EVENTS) overlay.shadow.removeEventListener(type, inside);
      win?.removeEventListener('keydown', outside, true);
    };
  }

  private pending: ReaderSettings | null = null;

  private scheduleSave(next: ReaderSettings): void {
    this.pending = next;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.flushSave(), 300);
  }

  private flushSave(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    const next = this.pending;
    this.pending = null;
    if (next)
      this.deps
        .saveSettings(next)
        .catch((err: unknown) => console.error('[crypto-reader] saving settings failed', err));
  }
}

/** Runs `fn` after the next frame has painted (rAF, then a task); a task alone without rAF. */
function afterPaint(doc: Document, fn: () => void): void {
  const win = doc.defaultView;
  if (win && typeof win.requestAnimationFrame === 'function') {
    win.requestAnimationFrame(() => setTimeout(fn, 0));
  } else {
    setTimeout(fn, 0);
  }
}

/** `crypto-reader:<step>` performance marks, for the toggle benchmark (cheap; no measuring here). */
function mark(step: string): void {
  try {
    performance.mark(`crypto-reader:${step}`);
  } catch {
    // no performance timeline: nothing to mark
  }
}
