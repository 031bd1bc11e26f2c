import { parseSanitizedHtml } from '../core/sanitize.js';
import type { Article } from '../core/types.js';
import type { ReaderSettings } from '../shared/settings.js';
import { h } from './dom.js';
import { articleLang } from './article-lang.js';
import { cjkPunctuationView } from './cjk-punctuation.js';
import { buildCjkPunctuationSetting } from './cjk-punctuation-setting.js';
import { buildExportMenu } from './export-menu.js';
import { buildOptionsLink } from './options-link.js';
import { buildProgressBar, trackProgress } from './progress-bar.js';
import { buildReadAloudControls, type ReadAloudControls } from './read-aloud-controls.js';
import { englishReader, type ReaderTranslate } from './reader-strings.js';
import { progressFraction, scrollTopFor } from './reading-position.js';
import { scriptFontStack, scriptOf } from './script-typography.js';
import { buildSourceLine } from './source-line.js';
import { sourceLinks } from './source-link.js';
import {
  DEFAULT_READING_EXTRAS,
  type CjkPunctuationMode,
  type ReadingExtras,
} from '../shared/reading-extras.js';
import { buildOutlineNav } from './outline-nav.js';
import { buildRemovedPanel } from './removed-panel.js';
import { buildSettingsPanel } from './settings-panel.js';
import type { Translate } from './strings.js';

export interface ReaderView {
  root: HTMLElement;
  /** The reader's own scroll container (the page never scrolls while the reader is open). */
  scroller: HTMLElement;
  /**
   * Call after the first paint: focuses the reader (keys scroll it) and starts highlighting the
   * current section (both need style and layout: doing them before the paint would delay it).
   */
  settled(): void;
  destroy(): void;
}

export interface ReaderOptions {
  doc: Document;
  article: Article;
  settings: ReaderSettings;
  t: Translate;
  /** The UI language (`i18n.getUILanguage()`), for the date format. */
  uiLang: string;
  onClose(): void;
  onSettingsChange(next: ReaderSettings): void;
  /** Whether an event is the user's own (issue 12: only those change settings). Default: `isTrusted`. */
  isTrusted?: (e: Event) => boolean;
  /** Removals' HTML fetched on demand (the reader frame; see buildRemovedPanel). */
  removalHtml?: { has(id: string): boolean; load(id: string): Promise<string | null> };
  /** The article was cut (an absurdly long page): say so above the text. */
  truncated?: boolean;
  /** Issue 9's strings (`reader_*` keys); English when absent. */
  rt?: ReaderTranslate;
  /** The page's URL: the source line, exports and the scroll memory. */
  pageUrl?: string;
  /** Issue 9's reading settings (CJK punctuation, read aloud). */
  extras?: ReadingExtras;
  /** Saves issue 9's settings; called only for the user's own changes. */
  onExtrasChange?(next: ReadingExtras): void;
  /** Prints the article (the content script prints the top page); no button without it. */
  onPrint?(): void;
  /** Opens the options page ("Manage site rules"); no link without it. */
  openOptions?(): void;
  /** Where the user left off on this page (0–1), restored once the reader is settled. */
  startAt?: number | null;
  /** The reading progress (0–1) after each scroll, at most once a frame. */
  onProgress?(fraction: number): void;
  /** Ids of the user's own rules and built-in rule sites, for the removed panel's words. */
  builtinSites?: ReadonlyMap<string, string>;
}

/** Top-level content blocks laid out before the first paint; the rest follows in chunks. */
const FIRST_BLOCKS = 150;
const CHUNK_BLOCKS = 400;

const NARROW = '(max-width: 899px)';

/** Builds the whole reader view in one pass (the article HTML is parsed once, here). */
export function renderReader(opts: ReaderOptions): ReaderView {
  const { doc, article, t } = opts;
  const rt = opts.rt ?? englishReader;
  let extras = opts.extras ?? { ...DEFAULT_READING_EXTRAS };
  const isTrusted = opts.isTrusted ?? ((e: Event) => e.isTrusted);
  let settings = opts.settings;
  const win = doc.defaultView;

  const content = h(doc, 'div', { class: 'cr-content', 'data-testid': 'reader-content' });
  content.append(parseSanitizedHtml(article.contentHtml, doc));
  markPseudoHeadings(content, article);
  // A long article: the first blocks go in now, the rest after the first paint (issue 12), so
  // the first screen does not wait for the layout of all of it.
  const later = flattenForChunks(content);
  // Farm pages often say no `lang`, only `zh` or the template's `en`: the text decides the
  // script, which picks the fonts (where 。， sit) and the punctuation rules (issue 9).
  const lang = articleLang(article.lang, (content.textContent ?? '').slice(0, 20_000));
  const cjk = scriptOf(lang) !== 'latin';
  const punctuation = cjkPunctuationView(content, cjk ? extras.cjkPunctuation : 'as-published');

  // In the Tab order: the article scrolls by keyboard, and axe's scrollable-region-focusable.
  const scroller = h(doc, 'div', { class: 'cr-scroll', tabindex: '0' });
  const date = formatDate(article.publishedTime, opts.uiLang);
  const meta = h(doc, 'p', { class: 'cr-meta' }, [
    h(doc, 'span', { 'data-testid': 'reader-byline', hidden: !article.byline }, [
      article.byline ?? '',
    ]),
    article.siteName ? h(doc, 'span', { 'data-testid': 'reader-site' }, [article.siteName]) : null,
    date
      ? h(doc, 'time', { 'data-testid': 'reader-date', datetime: article.publishedTime }, [date])
      : null,
    h(doc, 'span', { 'data-testid': 'reader-time' }, [
      t('readingTime', [String(article.readingMinutes)]),
    ]),
  ]);
  scroller.append(
    h(doc, 'article', { class: 'cr-article', lang: lang ?? article.lang, dir: article.dir }, [
      h(doc, 'header', {}, [
        h(doc, 'h1', { class: 'cr-title', 'data-testid': 'reader-title' }, [article.title]),
        opts.pageUrl ? buildSourceLine(doc, sourceLinks(article, opts.pageUrl, content), rt) : null,
        meta,
        opts.truncated
          ? h(
              doc,
              'p',
              { class: 'cr-truncated', 'data-testid': 'reader-truncated', role: 'note' },
              [t('truncated')],
            )
          : null,
      ]),
      content,
    ]),
  );

  const narrow = () => win?.matchMedia?.(NARROW).matches ?? false;
  const outline = buildOutlineNav(
    doc,
    article.outline,
    content,
    scroller,
    t,
    () => {
      if (narrow()) setDrawer(false);
    },
    () => later.flush(),
  );

  // Toolbar.
  const outlineButton = h(
    doc,
    'button',
    {
      type: 'button',
      'aria-controls': 'cr-outline',
      'data-testid': 'reader-outline-toggle',
      title: t('outlineToggle'),
      hidden: !article.outline.length,
    },
    ['☰ ', t('outline')],
  );
  const removedButton = h(
    doc,
    'button',
    {
      type: 'button',
      'aria-controls': 'cr-removed-panel',
      'aria-expanded': 'false',
      'data-testid': 'reader-removed',
    },
    [t('removedCount', [String(article.removed.length)])],
  );
  const settingsButton = h(
    doc,
    'button',
    {
      type: 'button',
      'aria-controls': 'cr-settings-panel',
      'aria-expanded': 'false',
      'data-testid': 'reader-settings',
      title: t('settings'),
      'aria-label': t('settings'),
    },
    ['Aa'],
  );
  const closeButton = h(
    doc,
    'button',
    {
      type: 'button',
      class: 'cr-close',
      'data-testid': 'reader-close',
      title: t('close'),
      'aria-label': t('close'),
    },
    ['×'],
  );
  closeButton.addEventListener('click', () => opts.onClose());

  const reveal = (el: HTMLElement) => {
    const top =
      el.getBoundingClientRect().top -
      scroller.getBoundingClientRect().top +
      scroller.scrollTop -
      48;
    scroller.scrollTo({ top, behavior: 'instant' });
  };
  const removedPanel = buildRemovedPanel(
    doc,
    article.removed,
    later.all,
    t,
    (el) => {
      later.flush();
      reveal(el);
    },
    opts.removalHtml,
    {
      rt,
      uiLang: opts.uiLang,
      byline: article.byline,
      builtinSites: opts.builtinSites,
      openOptions: opts.openOptions,
      onShown: () => punctuation.refresh(),
    },
  );
  const settingsPanel = buildSettingsPanel(
    doc,
    settings,
    t,
    (next) => {
      settings = next;
      applySettings();
      opts.onSettingsChange(next);
    },
    isTrusted,
  );
  if (cjk) {
    // Radios' `change` is the user's own when trusted (issue 12: only those save a setting).
    let picked: CjkPunctuationMode | null = null;
    const setting = buildCjkPunctuationSetting(doc, rt, extras.cjkPunctuation, (mode) => {
      picked = mode;
    });
    setting.addEventListener('change', (e) => {
      if (!picked || !isTrusted(e)) return;
      extras = { ...extras, cjkPunctuation: picked };
      punctuation.set(picked);
      opts.onExtrasChange?.(extras);
    });
    settingsPanel.append(setting);
  }
  if (opts.openOptions) {
    const link = buildOptionsLink(doc, rt, opts.openOptions);
    link.dataset.testid = 'reader-settings-options-link';
    settingsPanel.append(h(doc, 'p', { class: 'cr-panel-foot' }, [link]));
  }
  const progress = buildProgressBar(doc, rt);
  const exportMenu = buildExportMenu(doc, rt, () => ({
    doc,
    article,
    url: opts.pageUrl ?? '',
  }));
  let readAloud: ReadAloudControls | null = null;
  const readAloudBar = h(doc, 'div', { class: 'cr-ra-bar', hidden: true });
  const readAloudButton = h(
    doc,
    'button',
    {
      type: 'button',
      'aria-expanded': 'false',
      'data-testid': 'reader-read-aloud-toggle',
      title: rt('reader_readAloud'),
    },
    ['▶ ', rt('reader_readAloud')],
  );
  readAloudButton.addEventListener('click', () => {
    if (!readAloud) {
      readAloud = buildReadAloudControls({
        doc,
        t: rt,
        content,
        lang,
        uiLang: opts.uiLang,
        voiceURI: extras.readAloudVoice,
        rate: extras.readAloudRate,
        onSettingsChange: (next) => {
          extras = { ...extras, ...next };
          opts.onExtrasChange?.(extras);
        },
        startAt: () => firstInView(content, scroller),
      });
      readAloudBar.append(readAloud.root);
    }
    const open = readAloudBar.hidden;
    readAloudBar.hidden = !open;
    readAloudButton.setAttribute('aria-expanded', String(open));
    if (open) readAloudBar.querySelector('button')?.focus();
    else readAloud.stop();
  });
  const printButton = opts.onPrint
    ? h(
        doc,
        'button',
        { type: 'button', 'data-testid': 'reader-print', title: rt('reader_print') },
        [rt('reader_print')],
      )
    : null;
  printButton?.addEventListener('click', () => opts.onPrint?.());
  const backdrop = h(doc, 'div', { class: 'cr-backdrop' });
  backdrop.addEventListener('click', () => setDrawer(false));

  const root = h(
    doc,
    'div',
    {
      class: 'cr-root',
      'data-testid': 'reader-root',
      role: 'dialog',
      'aria-modal': 'true',
      'aria-label': article.title,
    },
    [
      h(doc, 'div', { class: 'cr-toolbar', role: 'toolbar' }, [
        outlineButton,
        h(doc, 'span', { class: 'cr-spacer' }),
        readAloudButton,
        exportMenu.root,
        printButton,
        removedButton,
        settingsButton,
        closeButton,
      ]),
      progress.root,
      readAloudBar,
      h(doc, 'div', { class: 'cr-body' }, [
        outline.element,
        backdrop,
        scroller,
        removedPanel,
        settingsPanel,
      ]),
    ],
  );

  function applySettings(): void {
    root.dataset.theme = settings.theme;
    root.dataset.outline = settings.outlineOpen ? 'open' : 'closed';
    const s = root.style;
    s.setProperty('--cr-fs', `${settings.fontSize}px`);
    s.setProperty('--cr-lh', String(settings.lineHeight));
    s.setProperty('--cr-width', `${settings.contentWidth}em`);
    s.setProperty('--cr-font', scriptFontStack(settings.fontFamily, lang ?? article.lang));
    syncOutlineButton();
  }

  // Wide windows: the sidebar collapses (a saved setting). Narrow windows: a drawer, closed at first.
  function syncOutlineButton(): void {
    const open = narrow() ? root.dataset.drawer === 'open' : settings.outlineOpen;
    outlineButton.setAttribute('aria-expanded', String(open));
  }
  function setDrawer(open: boolean): void {
    root.dataset.drawer = open ? 'open' : 'closed';
    syncOutlineButton();
  }
  outlineButton.addEventListener('click', (e) => {
    if (narrow()) {
      const open = root.dataset.drawer !== 'open';
      setDrawer(open);
      if (open) outline.element.querySelector('button')?.focus();
    } else {
      settings = { ...settings, outlineOpen: !settings.outlineOpen };
      applySettings();
      // A saved setting: only from the user's own click (issue 12).
      if (isTrusted(e)) opts.onSettingsChange(settings);
    }
  });

  function panelToggle(
    button: HTMLButtonElement,
    panel: HTMLElement,
    other: [HTMLButtonElement, HTMLElement],
  ): void {
    button.addEventListener('click', () => {
      const open = panel.hidden;
      panel.hidden = !open;
      button.setAttribute('aria-expanded', String(open));
      if (open) {
        other[1].hidden = true;
        other[0].setAttribute('aria-expanded', 'false');
        panel.querySelector<HTMLElement>('button')?.focus();
      }
    });
  }
  panelToggle(removedButton, removedPanel, [settingsButton, settingsPanel]);
  panelToggle(settingsButton, settingsPanel, [removedButton, removedPanel]);

  // Esc closes an open panel or drawer first; the content script closes the reader otherwise.
  root.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    for (const [button, panel] of [
      [removedButton, removedPanel],
      [settingsButton, settingsPanel],
    ] as const) {
      if (!panel.hidden) {
        panel.hidden = true;
        button.setAttribute('aria-expanded', 'false');
        button.focus();
        e.stopPropagation();
        return;
      }
    }
    if (root.dataset.drawer === 'open' && narrow()) {
      setDrawer(false);
      outlineButton.focus();
      e.stopPropagation();
    }
  });

  // A click outside an open panel closes it (its own toggle button toggles it instead).
  root.addEventListener('pointerdown', (e) => {
    const target = e.target as Node;
    for (const [button, panel] of [
      [removedButton, removedPanel],
      [settingsButton, settingsPanel],
    ] as const) {
      if (panel.hidden || panel.contains(target) || button.contains(target)) continue;
      panel.hidden = true;
      button.setAttribute('aria-expanded', 'false');
    }
  });

  root.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.isComposing) return;
    // Focus stays in the reader (aria-modal): Tab wraps around at either end.
    if (e.key === 'Tab') {
      const stops = tabStops(root);
      if (!stops.length) return;
      const first = stops[0]!;
      const last = stops[stops.length - 1]!;
      const active = doc.activeElement;
      if (e.shiftKey && (active === first || !root.contains(active))) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (active === last || !root.contains(active))) {
        e.preventDefault();
        first.focus();
      }
      return;
    }
    // Scrolling keys scroll the article wherever focus is, except where they mean something.
    const target = e.target as HTMLElement;
    if (scroller.contains(target) || e.altKey || e.ctrlKey || e.metaKey) return;
    if (target.closest('input, textarea, select, [contenteditable], [role="menu"]')) return;
    const page = scroller.clientHeight * 0.9;
    const moves: Record<string, number | 'top' | 'bottom'> = {
      PageDown: page,
      PageUp: -page,
      Home: 'top',
      End: 'bottom',
    };
    // Space on a button presses it; elsewhere (the toolbar's gaps, a heading) it scrolls.
    if (!target.closest('button, a')) moves[' '] = e.shiftKey ? -page : page;
    const move = moves[e.key];
    if (move === undefined) return;
    e.preventDefault();
    if (move === 'top') scroller.scrollTo({ top: 0 });
    else if (move === 'bottom') {
      later.flush();
      scroller.scrollTo({ top: scroller.scrollHeight });
    } else scroller.scrollBy({ top: move });
  });

  setDrawer(false);
  applySettings();
  const mql = win?.matchMedia?.(NARROW);
  const onMedia = () => syncOutlineButton();
  mql?.addEventListener?.('change', onMedia);
  const untrack = trackProgress(scroller, (f) => {
    progress.update(f);
    opts.onProgress?.(f);
  });

  return {
    root,
    scroller,
    settled() {
      scroller.focus({ preventScroll: true });
      if (opts.startAt) {
        // The whole text must be laid out for the fraction to land where the user left off.
        later.flush();
        scroller.scrollTop = scrollTopFor(
          opts.startAt,
          scroller.scrollHeight,
          scroller.clientHeight,
        );
      }
      // Laid out now (the first measure may have come before the frame had a size).
      progress.update(
        progressFraction(scroller.scrollTop, scroller.scrollHeight, scroller.clientHeight),
      );
      outline.observe();
      // The headings further down arrive with the last chunk: watch them too.
      later.start(() => outline.observe());
    },
    destroy() {
      later.stop();
      untrack();
      readAloud?.stop();
      punctuation.destroy();
      outline.destroy();
      mql?.removeEventListener?.('change', onMedia);
    },
  };
}

/** The reader's Tab stops in order: visible, enabled, not taken out of the order. */
function tabStops(root: HTMLElement): HTMLElement[] {
  const sel = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';
  return [...root.querySelectorAll<HTMLElement>(sel)].filter(
    (el) =>
      el.tabIndex >= 0 &&
      !(el as HTMLButtonElement).disabled &&
      !el.closest('[hidden]') &&
      el.getClientRects().length > 0,
  );
}

/** The first block whose top is in view: where reading aloud starts. */
function firstInView(content: HTMLElement, scroller: HTMLElement): Element | null {
  const top = scroller.getBoundingClientRect().top;
  for (const el of content.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, blockquote')) {
    if (el.getBoundingClientRect().bottom > top) return el;
  }
  return null;
}

interface Chunks {
  /** Something to query every block in (the content, plus the blocks still pending). */
  all: HTMLElement;
  /** Starts appending the pending blocks; `done` runs once they are all in. */
  start(done: () => void): void;
  /** Appends everything that is still pending (before a jump to a heading far down). */
  flush(): void;
  stop(): void;
}

/**
 * Takes the blocks after the first `FIRST_BLOCKS` out of `content` (to append in chunks); `all`
 * still finds every block (for the removed panel's markers) until they are all in.
 */
function flattenForChunks(content: HTMLElement): Chunks {
  let done = () => {};
  // Readability wraps the article in one or two <div>s: chunk the level that holds the blocks.
  let parent: Element = content;
  while (parent.children.length === 1 && parent.firstElementChild?.localName === 'div')
    parent = parent.firstElementChild;
  const blocks = [...parent.children];
  if (blocks.length <= FIRST_BLOCKS + CHUNK_BLOCKS) {
    return { all: content, start() {}, flush() {}, stop() {} };
  }
  const pending = blocks.slice(FIRST_BLOCKS);
  const holder = content.ownerDocument.createElement('div');
  holder.append(...pending);
  // A view of both for lookups by selector: the panel only queries, never appends.
  const both = {
    querySelectorAll: (sel: string) => [
      ...content.querySelectorAll(sel),
      ...holder.querySelectorAll(sel),
    ],
  } as unknown as HTMLElement;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const step = () => {
    timer = null;
    const next = [...holder.children].slice(0, CHUNK_BLOCKS);
    parent.append(...next);
    if (holder.firstElementChild) timer = setTimeout(step, 0);
    else done();
  };
  return {
    all: both,
    start(onDone) {
      done = onDone;
      if (holder.firstElementChild && !timer) timer = setTimeout(step, 0);
    },
    flush() {
      if (timer) clearTimeout(timer);
      timer = null;
      if (!holder.firstElementChild) return;
      parent.append(...holder.children);
      done();
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

/**
 * The outline's pseudo-headings (bold lines, 一、/第X部分 lines) are paragraphs in the content:
 * give them a heading look so the outline's sections are visible in the text too.
 */
function markPseudoHeadings(content: HTMLElement, article: Article): void {
  if (!article.outline.length) return;
  const ids = new Set(article.outline.map((e) => e.id));
  for (const el of content.querySelectorAll<HTMLElement>('[id]')) {
    if (ids.has(el.id) && !/^H[1-6]$/.test(el.tagName)) el.classList.add('cr-pseudo-heading');
  }
}

/** A readable date in the UI language; null for a missing or unparseable date (never "Invalid Date"). */
export function formatDate(iso: string | null, lang: string): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  try {
    return new Intl.DateTimeFormat(lang || undefined, { dateStyle: 'medium' }).format(d);
  } catch {
    return d.toISOString().slice(0, 10);
  }
}
