/**
 * The reader's "Hide blocks like this on <site>" (issue 4 item 4). Select text in a block (or
 * a whole paragraph): a bar offers to hide blocks like it; a click shows the proposed rule
 * (`proposeHideRule`) and how many blocks of this article it matches, highlighted; one confirm
 * saves it (`onSave`, through the background into the user's rules). The caller re-renders the
 * reader with the new rule and calls `showUndo` on the new view's bar.
 */
import { BLOCK_TAGS, listBlocks } from '../core/blocks.js';
import { normalizeText } from '../core/text.js';
import type { SiteRule } from '../rules/schema.js';
import { h } from './dom.js';
import { proposeHideRule, ruleHost, type HideProposal } from './hide-proposal.js';
import type { Translate } from './strings.js';

export interface HideLikeThisOptions {
  doc: Document;
  /** The reader root (the bar is added to it) and its content element. */
  root: HTMLElement;
  content: HTMLElement;
  /** The page URL's host name. */
  hostname: string;
  t: Translate;
  /** Saves the rule; the caller re-renders on success. */
  onSave(rule: SiteRule): Promise<{ ok: true } | { ok: false; error: string }>;
  /**
   * Proposes the rule for a picked block. The reader frame asks the content script (the page's
   * DOM is there, issue 12); default: `proposeHideRule` on `doc`.
   */
  propose?(
    blockText: string,
    readerTexts: string[],
  ): HideProposal | null | Promise<HideProposal | null>;
  /** Only the user's own clicks may save or undo a rule (issue 12). Default: `isTrusted`. */
  isTrusted?: (e: Event) => boolean;
}

export interface HideLikeThis {
  /** Shows "Hidden … Undo" on the bar; `onUndo` deletes the rule and re-renders. */
  showUndo(message: string, onUndo: () => Promise<string>): void;
  /** Shows a message on the bar (e.g. "Undone" on the view rendered after an undo). */
  showMessage(message: string): void;
  destroy(): void;
}

const MATCH_CLASS = 'cr-hide-match';

/** The block (a direct leaf block of the content) holding `node`, or null. */
function blockOf(content: HTMLElement, node: Node | null): Element | null {
  let el: Element | null =
    node && node.nodeType === 1 ? (node as Element) : (node?.parentElement ?? null);
  let block: Element | null = null;
  while (el && el !== content) {
    if (BLOCK_TAGS.has(el.tagName) && !block) block = el;
    if (el.hasAttribute('data-cr-removed')) return null; // a removed block shown back in place
    el = el.parentElement;
  }
  return el === content ? block : null;
}

export function attachHideLikeThis(opts: HideLikeThisOptions): HideLikeThis {
  const { doc, root, content, t } = opts;
  const isTrusted = opts.isTrusted ?? ((e: Event) => e.isTrusted);
  const propose =
    opts.propose ??
    ((blockText: string, readerTexts: string[]) =>
      proposeHideRule({ blockText, page: doc, readerTexts, hostname: opts.hostname }));
  const site = ruleHost(opts.hostname) ?? opts.hostname;
  const offer = h(doc, 'button', { type: 'button', 'data-testid': 'reader-hide-like-this' }, [
    t('hideLikeThis', [site]),
  ]);
  const text = h(doc, 'span', { class: 'cr-hide-text', 'data-testid': 'reader-hide-proposal' });
  const confirm = h(
    doc,
    'button',
    { type: 'button', class: 'cr-hide-primary', 'data-testid': 'reader-hide-confirm' },
    [t('hideConfirm')],
  );
  const undo = h(doc, 'button', { type: 'button', 'data-testid': 'reader-hide-undo' }, [
    t('hideUndo'),
  ]);
  const cancel = h(
    doc,
    'button',
    { type: 'button', 'data-testid': 'reader-hide-cancel', 'aria-label': t('hideCancel') },
    ['×'],
  );
  const bar = h(
    doc,
    'div',
    {
      class: 'cr-hide',
      'data-testid': 'reader-hide-bar',
      role: 'region',
      'aria-live': 'polite',
      hidden: true,
    },
    [offer, text, confirm, undo, cancel],
  );
  root.append(bar);

  let picked: Element | null = null;
  let proposal: HideProposal | null = null;
  let undoAction: (() => Promise<string>) | null = null;

  const show = (mode: 'offer' | 'proposal' | 'message' | 'undo'): void => {
    bar.hidden = false;
    bar.dataset.mode = mode;
    offer.hidden = mode !== 'offer';
    text.hidden = mode === 'offer';
    confirm.hidden = mode !== 'proposal';
    undo.hidden = mode !== 'undo';
  };
  const clearMatches = (): void => {
    for (const el of content.querySelectorAll(`.${MATCH_CLASS}`)) el.classList.remove(MATCH_CLASS);
  };
  const hide = (): void => {
    bar.hidden = true;
    proposal = null;
    undoAction = null;
    clearMatches();
  };

  const selection = (): Selection | null => {
    // Chrome: selections inside a shadow root are read from it; Firefox: from the document.
    const rootNode = content.getRootNode() as ShadowRoot & {
      getSelection?: () => Selection | null;
    };
    return rootNode.getSelection?.() ?? doc.getSelection();
  };

  const onPick = (e: Event): void => {
    if (proposal || undoAction) return; // a proposal or an undo is on the bar
    const sel = selection();
    if (!sel || sel.isCollapsed || !normalizeText(sel.toString())) {
      if (!bar.hidden && bar.dataset.mode === 'offer') hide();
      return;
    }
    const target = (e.composedPath?.()[0] as Node | undefined) ?? null;
    picked = blockOf(content, sel.anchorNode) ?? blockOf(content, target);
    if (!picked) return;
    show('offer');
  };
  // Read the selection once the browser has finished updating it for this click or key.
  let pending: ReturnType<typeof setTimeout> | null = null;
  const schedulePick = (e: Event): void => {
    if (pending) clearTimeout(pending);
    pending = setTimeout(() => {
      pending = null;
      onPick(e);
    }, 0);
  };
  content.addEventListener('mouseup', schedulePick);
  content.addEventListener('keyup', schedulePick);

  const showProposal = (got: HideProposal | null, blocks: ReturnType<typeof listBlocks>): void => {
    proposal = got;
    if (!proposal) {
      text.textContent = t('hideNone');
      return show('message');
    }
    const p = proposal;
    const shown = p.kind === 'class' ? p.pattern : p.pattern.replace(/^\/\^|\$?\/u$/g, '');
    text.textContent = t(p.kind === 'class' ? 'hideByClass' : 'hideByText', [
      shown.replace(/\\(.)/g, '$1'),
      String(p.matches),
    ]);
    // Highlight what would go.
    clearMatches();
    const re = p.kind === 'text' ? new RegExp(p.pattern.slice(1, -2), 'u') : null;
    for (const b of blocks) {
      if (re ? re.test(b.text) : b.el === picked) b.el.classList.add(MATCH_CLASS);
    }
    show('proposal');
    confirm.focus();
  };

  offer.addEventListener('click', (e) => {
    if (!isTrusted(e)) return;
    if (!picked) return hide();
    const blocks = listBlocks(content).filter((b) => !b.el.closest('[data-cr-removed]'));
    const got = propose(
      picked.textContent ?? '',
      blocks.map((b) => b.text),
    );
    if (got instanceof Promise)
      void got.then(
        (p) => showProposal(p, blocks),
        () => showProposal(null, blocks),
      );
    else showProposal(got, blocks);
  });

  confirm.addEventListener('click', (e) => {
    const p = proposal;
    // The write that matters: never from a script's click (issue 12).
    if (!p || !isTrusted(e)) return;
    confirm.disabled = true;
    void opts.onSave(p.rule).then(
      (r) => {
        confirm.disabled = false;
        if (r.ok) return; // the caller re-renders and shows the undo on the new view
        text.textContent = t('hideFailed', [r.error]);
        proposal = null;
        show('message');
      },
      (err: unknown) => {
        confirm.disabled = false;
        text.textContent = t('hideFailed', [String(err)]);
        proposal = null;
        show('message');
      },
    );
  });

  undo.addEventListener('click', (e) => {
    const action = undoAction;
    if (!action || !isTrusted(e)) return;
    undo.disabled = true;
    void action().then(
      (message) => {
        undo.disabled = false;
        undoAction = null;
        text.textContent = message;
        show('message');
      },
      (err: unknown) => {
        undo.disabled = false;
        text.textContent = t('hideFailed', [String(err)]);
        show('message');
      },
    );
  });

  cancel.addEventListener('click', () => hide());

  return {
    showUndo(message, onUndo) {
      proposal = null;
      undoAction = onUndo;
      text.textContent = message;
      show('undo');
      undo.focus();
    },
    showMessage(message) {
      proposal = null;
      undoAction = null;
      text.textContent = message;
      show('message');
    },
    destroy() {
      if (pending) clearTimeout(pending);
      content.removeEventListener('mouseup', schedulePick);
      content.removeEventListener('keyup', schedulePick);
      bar.remove();
    },
  };
}
