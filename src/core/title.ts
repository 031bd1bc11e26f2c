import { listBlocks } from './blocks.js';
import { TITLE_DECORATIONS as D } from './signatures/title-decorations.js';
import { countCjk, normalizeText } from './text.js';

/**
 * The clean title, by structure rather than by shape (issue 8 point 4). A page says its title
 * several times: `<title>`, `og:title`/`twitter:title`, the article's `<h1>`, the breadcrumb's
 * last item, the essay's first heading. The clean title is what they share; a decoration is what
 * one source adds around it. Then, where every source carries the same decoration (farm pages
 * decorate the `<h1>` too), a piece goes only on evidence the page itself gives: a suffix that
 * names the site (og:site_name, the logo, the footer, the host), a channel (a nav link), a tag
 * (the `Tags:` line, a `/tag/<slug>` link), or, on a farm page, a `_label` chain and an ASCII
 * ticker prefix in a farm shape. Column words (`觀點:`, `深度｜`) and colons inside a title stay
 * unless the page's visible heading leaves them out.
 */

export interface TitleSources {
  /** The `<title>` element's text. */
  document: string;
  /** `og:title`, `twitter:title`. */
  meta: string[];
  /** The visible title candidates: article `<h1>`s (not a logo), title-classed headings, the
   *  essay's first heading. */
  headings: string[];
  /** The breadcrumb's last item, when it is not a placeholder such as `正文`. */
  breadcrumb: string | null;
  /** How the page names itself: og:site_name and friends, the logo's text and alt. */
  siteNames: string[];
  /** The footer's text (a copyright line names the site). */
  footer: string;
  /** Texts of short links on the page (channels in the nav). */
  links: string[];
  /** Tag texts and slugs (`/tag/btc` gives `btc`). */
  tags: string[];
}

export interface TitleContext {
  farm: boolean;
  /** Texts of the page's `Tags:` run (from the tags detector). */
  tagText: string;
  siteName: string | null;
  /** The page's host: a suffix that spells it names the site. */
  host?: string;
  sources?: Partial<TitleSources>;
  /** Extra patterns from site rules, removed from the title. */
  patterns?: readonly RegExp[];
}

export interface TitleDecoration {
  text: string;
  /** Machine-readable evidence: `prefix-ticker`, `suffix-site-name`, `differs-from-h1`… */
  reasons: string[];
}

export interface CleanTitle {
  title: string;
  /** The pieces that were taken off, outermost first. */
  removed: TitleDecoration[];
  /** Source texts that carry the clean title with decorations around it (a decorated `<h1>`). */
  variants: string[];
}

const TICKER = D.ticker;
const BRACKETS = D.bracketPairs
  .map(([o, c]) => esc(o) + `\\s*${TICKER}(?:\\s*[/,、]\\s*${TICKER})*\\s*` + esc(c))
  .join('|');
const BRACKET_TICKER = new RegExp(`^(?:${BRACKETS})\\s*[${cls(D.prefixSeparators)}]?\\s*`, 'u');
const TICKER_CHAIN = new RegExp(`^(?:(${TICKER})\\s*([${cls(D.prefixSeparators)}])\\s*)+`, 'u');
const SPACED = `(?:${D.spacedSuffixSeparators.map(esc).join('|')})`;
const PREFIX_END = new RegExp(
  `(?:[${cls(D.prefixSeparators)}]|\\s${SPACED})\\s*$|^(?:${D.bracketPairs.map(([o, c]) => `${esc(o)}[^${esc(c)}]{1,${D.maxPiece}}${esc(c)}`).join('|')})\\s*$`,
  'u',
);
/** A suffix separator: `_站名`, ` - Site`, and a tight `-` between CJK text (`…引擎-巴比特`). */
const SUFFIX_SEP =
  `\\s*[${cls(D.tightSuffixSeparators)}]\\s*|\\s+${SPACED}\\s+` +
  `|(?<=[\\p{sc=Han}\\p{P}])[${cls(D.cjkTightSuffixSeparators)}](?=\\p{sc=Han})`;
/** The last suffix piece: `<core><sep><piece>`. */
const LAST_PIECE = new RegExp(
  `^(.*)(${SUFFIX_SEP})([^${cls(D.tightSuffixSeparators)}]{1,${D.maxPiece}})$`,
  'u',
);
const CHANNEL_WORD = new RegExp(`(?:${D.channelWords.join('|')})$`, 'u');
const TAG_HREF = new RegExp(D.tagHref, 'i');
const BREADCRUMB_LABEL = new RegExp(D.breadcrumbLabel, 'u');

/** Escapes `s` for a regex literal; `cls` for the inside of a character class. */
function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
function cls(chars: readonly string[]): string {
  return chars.join('').replace(/[\\\]^-]/g, '\\$&');
}

/** A matching key: NFKC and lower case per character, with a map back to `s`'s indices. */
function keyOf(s: string): { key: string; at: number[] } {
  let key = '';
  const at: number[] = [];
  let i = 0;
  for (const ch of s) {
    const k = ch.normalize('NFKC').toLowerCase();
    for (let j = 0; j < k.length; j++) at.push(i);
    key += k;
    i += ch.length;
  }
  at.push(s.length);
  return { key, at };
}

function squash(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

function suffixAt(title: string, at: number): boolean {
  const re = new RegExp(SUFFIX_SEP, 'uy');
  re.lastIndex = at;
  return re.test(title);
}

interface Found {
  start: number;
  end: number;
}

/** Where `part` sits in `whole`, compared by key; null when it does not. */
function locate(whole: string, part: string): Found | null {
  const w = keyOf(whole);
  const p = keyOf(part).key;
  if (!p) return null;
  const i = w.key.indexOf(p);
  if (i < 0) return null;
  return { start: w.at[i]!, end: w.at[i + p.length]! };
}

type Trust = 'h1' | 'meta-title' | 'title-tag' | 'breadcrumb';

/**
 * The shared core of `title` and one other source: `pre + core + post` where `pre` and `post`
 * are decoration-shaped. A prefix goes only when the visible heading leaves it out (a column
 * word the heading carries stays) or it is ticker-shaped.
 */
function coreAgainst(title: string, other: string, trust: Trust): Found | null {
  const f = locate(title, normalizeText(other));
  if (!f) return null;
  let start = f.start;
  const end = f.end;
  const core = title.slice(start, end).trim();
  if (core.length < D.minTitle || core.length < title.length * 0.25) return null;
  const pre = title.slice(0, start);
  const post = title.slice(end);
  if (post.trim() && !suffixAt(title, end)) return null;
  if (pre.trim()) {
    if (pre.trim().length > D.maxPiece || !PREFIX_END.test(pre)) {
      if (!post.trim()) return null;
      start = 0;
    } else if (trust !== 'h1' && !tickerPrefix(pre.trim() + core)) {
      start = 0;
    }
  }
  if (start === 0 && end === title.length) return null;
  return { start, end };
}

function tickerPrefix(
  title: string,
): { text: string; bracket: boolean; count: number; bar: boolean } | null {
  const b = BRACKET_TICKER.exec(title);
  if (b) return { text: b[0], bracket: true, count: 1, bar: false };
  const c = TICKER_CHAIN.exec(title);
  if (!c) return null;
  const seps = [
    ...c[0].matchAll(new RegExp(`(${TICKER})\\s*([${cls(D.prefixSeparators)}])`, 'gu')),
  ];
  return {
    text: c[0],
    bracket: false,
    count: seps.length,
    bar: seps.some((m) => /[丨|｜/／]/u.test(m[2]!)),
  };
}

function mentions(haystack: string, needle: string): boolean {
  const n = squash(needle);
  return n.length >= 2 && squash(haystack).includes(n);
}

const COPYRIGHT = new RegExp(D.copyright, 'iu');

/** The footer's copyright line names `piece` as the owner (`© 2024 链上号`, `幣訊網 版權所有`). */
function ownedBy(footer: string, piece: string): boolean {
  const name = normalizeText(piece);
  if (name.length < 2) return false;
  for (let i = footer.indexOf(name); i >= 0; i = footer.indexOf(name, i + 1)) {
    const around = footer.slice(Math.max(0, i - 30), i + name.length + 30);
    if (COPYRIGHT.test(around)) return true;
  }
  return false;
}

/** `piece` is the site's name with a word or two around it (`痞客邦 PIXNET`), not a sentence. */
function namedWithin(piece: string, name: string): boolean {
  return (
    name.length >= 2 &&
    piece.includes(name) &&
    piece.length - name.length <= Math.max(4, name.length / 2)
  );
}

/** Why a suffix piece is a decoration, from what the page says about itself; [] if it is not. */
function suffixEvidence(
  piece: string,
  sep: string,
  core: string,
  ctx: TitleContext,
  farm: boolean,
): string[] {
  const s = ctx.sources ?? {};
  const key = squash(piece);
  if (!key) return [];
  const reasons: string[] = [];
  const tags = [...(s.tags ?? [])];
  if (
    tags.some((t) => squash(t) === key) ||
    (ctx.tagText && key.length >= 2 && squash(ctx.tagText).includes(key))
  )
    reasons.push('suffix-tag');
  // A "site name" that holds the title itself (og:site_name = the whole `<title>`) proves nothing.
  const names = [ctx.siteName ?? '', ...(s.siteNames ?? [])].filter((n) => n && !mentions(n, core));
  const hostKey = (ctx.host ?? '')
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/[^a-z0-9.]/g, '');
  if (
    names.some((n) => mentions(n, piece) || namedWithin(key, squash(n))) ||
    (s.footer && ownedBy(s.footer, piece)) ||
    (/^[a-z0-9]{3,}$/.test(key) &&
      hostKey.split('.').some((l) => l.length >= 3 && (l === key || l.includes(key))))
  )
    reasons.push('suffix-site-name');
  if ((s.links ?? []).some((l) => squash(l) === key)) reasons.push('suffix-channel');
  if (!reasons.length && farm && sep.trim() === '_') reasons.push('suffix-label', 'farm-page');
  return reasons;
}

export function cleanTitle(raw: string, ctx: TitleContext): CleanTitle {
  let title = normalizeText(raw);
  const removed: TitleDecoration[] = [];
  for (const re of ctx.patterns ?? []) {
    const next = normalizeText(title.replace(re, ''));
    if (next && next !== title) {
      removed.push({ text: title.match(re)?.[0] ?? '', reasons: ['site-rule'] });
      title = next;
    }
  }
  const s = ctx.sources ?? {};
  const original = title;

  // 1. Structure: the most trusted source that shows a shorter form of the title.
  const others: [string, Trust][] = [
    ...(s.headings ?? []).map((h): [string, Trust] => [h, 'h1']),
    ...(s.meta ?? []).map((m): [string, Trust] => [m, 'meta-title']),
    [s.document ?? '', 'title-tag'],
    [s.breadcrumb ?? '', 'breadcrumb'],
  ];
  for (const trust of ['h1', 'meta-title', 'title-tag', 'breadcrumb'] as const) {
    let best: Found | null = null;
    let bestText = '';
    for (const [text, t] of others) {
      if (t !== trust || !text) continue;
      const f = coreAgainst(title, text, trust);
      if (f && (!best || f.end - f.start > best.end - best.start)) [best, bestText] = [f, text];
    }
    if (!best) continue;
    // A piece another visible heading carries (not a decorated copy of the title) is the
    // title's, not a decoration: a docs site's `<h1>` names the site, its page heading the rest.
    const core = squash(title.slice(best.start, best.end));
    const carried = (piece: string) =>
      squash(piece).length >= 4 &&
      (s.headings ?? []).some(
        (h) => h !== bestText && squash(h).includes(squash(piece)) && !squash(h).includes(core),
      );
    if (best.start > 0 && carried(title.slice(0, best.start))) best.start = 0;
    if (best.end < title.length && carried(title.slice(best.end))) best.end = title.length;
    if (best.start === 0 && best.end === title.length) continue;
    const why = `differs-from-${trust}`;
    const pre = title.slice(0, best.start).trim();
    const post = title.slice(best.end).trim();
    if (pre)
      removed.push({
        text: pre,
        reasons: tickerPrefix(title) ? ['prefix-ticker', why] : ['prefix', why],
      });
    if (post) removed.push({ text: post, reasons: ['suffix', why] });
    title = title.slice(best.start, best.end).trim();
    break;
  }

  // 2. Suffix pieces, outermost first, each on the page's own evidence.
  const farm = ctx.farm;
  const chain: TitleDecoration = { text: '', reasons: [] };
  const beforeSuffix = title;
  for (;;) {
    const m = LAST_PIECE.exec(title);
    if (!m) break;
    const core = m[1]!.trim();
    if (core.length < D.minTitle) break;
    const reasons = suffixEvidence(m[3]!, m[2]!, core, ctx, farm);
    // Inside a chain whose outer piece named the site, a `…频道` piece is the channel.
    if (!reasons.length && chain.reasons.length && CHANNEL_WORD.test(m[3]!))
      reasons.push('suffix-channel');
    if (!reasons.length) break;
    for (const r of reasons) if (!chain.reasons.includes(r)) chain.reasons.push(r);
    title = core;
  }
  // One chain (`_站名_频道`) is one decoration.
  chain.text = beforeSuffix.slice(title.length).trim();
  const suffixGone = !!chain.text;
  if (suffixGone) removed.push(chain);

  // 3. A ticker prefix: on a farm page in a farm shape, elsewhere only with the tags naming it.
  const p = tickerPrefix(title);
  if (p && title.length - p.text.length >= D.minTitle) {
    const tickers = p.text.match(/[A-Z0-9]{2,10}/g) ?? [];
    const tagged = tickers.some(
      (t) =>
        (s.tags ?? []).some((x) => squash(x) === t.toLowerCase()) ||
        ctx.tagText.toUpperCase().includes(t),
    );
    const farmShape = p.bracket || p.count >= 2 || p.bar || suffixGone || tagged;
    // A bracketed ticker or a ticker chain in front of a Chinese title is a farm's mark even
    // where no other farm sign was seen; a single `FTX:` there may be the subject.
    const cjkRest = countCjk(title) >= (title.length - p.text.length) * 0.3;
    const markShape = (p.bracket || p.count >= 2) && cjkRest;
    if ((farm && farmShape) || (!farm && (markShape || (tagged && (p.bracket || p.bar))))) {
      const reasons = ['prefix-ticker'];
      if (farm) reasons.push('farm-page');
      if (tagged) reasons.push('ticker-in-tags');
      removed.push({ text: p.text.trim(), reasons });
      title = title.slice(p.text.length).trim();
    }
  }

  if (!title) return { title: original, removed: [], variants: [] };
  const variants = [original, ...(s.headings ?? []), ...(s.meta ?? []), s.document ?? '']
    .map(normalizeText)
    .filter((v, i, all) => v && v !== title && all.indexOf(v) === i && locate(v, title));
  return { title, removed, variants };
}

const TITLE_META = new Set<string>(D.titleMeta);
const SITE_META = new Set<string>(D.siteNameMeta);
const LOGO_CLASS = new RegExp(D.logoClass, 'i');
const FOOTER_CLASS = new RegExp(D.footerClass, 'i');
const FOOTER_ID = new RegExp(D.footerId, 'i');
const CRUMB_CLASS = new RegExp(D.breadcrumbClass, 'i');
const TITLE_CLASS = new RegExp(D.titleClass, 'i');

/**
 * What a page says about its title and itself, read from the original document (`doc`) and the
 * extracted content (its first heading). Cheap: a handful of selector queries.
 */
export function gatherTitleSources(doc: Document, content: Element | null): TitleSources {
  const text = (el: Element | null | undefined) => normalizeText(el?.textContent ?? '');
  const meta: string[] = [];
  const siteNames: string[] = [];
  const logos: Element[] = [];
  const footers: Element[] = [];
  const h1s: Element[] = [];
  const titled: Element[] = [];
  const anchors: Element[] = [];
  let crumb: Element | null = null;
  // One pass over the elements, matching class and id strings in script.
  // A tree walk: in jsdom it is several times faster than querySelectorAll('*'), and indexing
  // the live getElementsByTagName collection is slower still.
  const walker = doc.createTreeWalker(doc.documentElement, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (
    let node = walker.currentNode as Element | null;
    node;
    node = walker.nextNode() as Element | null
  ) {
    const el = node;
    const tag = el.tagName;
    const cls = el.getAttribute('class') ?? '';
    const id = el.id;
    if (tag === 'META') {
      const key = (el.getAttribute('property') || el.getAttribute('name') || '').toLowerCase();
      const value = normalizeText(el.getAttribute('content') ?? '');
      if (!value) continue;
      if (TITLE_META.has(key)) meta.push(value);
      else if (SITE_META.has(key)) siteNames.push(value.replace(/^@/, ''));
      continue;
    }
    if (tag === 'A' && el.hasAttribute('href')) {
      if (anchors.length < 400) anchors.push(el);
      const home = el.getAttribute('href') === '/' && !!el.closest('header');
      if (logos.length < 8 && (home || el.getAttribute('rel') === 'home')) logos.push(el);
    }
    if (tag === 'H1' && h1s.length < 6) h1s.push(el);
    if (
      titled.length < 4 &&
      (el.getAttribute('itemprop') === 'headline' ||
        (tag === 'H2' &&
          (TITLE_CLASS.test(cls) ||
            TITLE_CLASS.test(el.parentElement?.getAttribute('class') ?? ''))))
    )
      titled.push(el);
    if (!cls && !id) {
      if (tag === 'FOOTER' && footers.length < 4) footers.push(el);
      continue;
    }
    if (logos.length < 8 && (LOGO_CLASS.test(cls) || LOGO_CLASS.test(id))) logos.push(el);
    if (
      footers.length < 4 &&
      (tag === 'FOOTER' || FOOTER_CLASS.test(cls) || FOOTER_ID.test(id)) &&
      !el.querySelector('h1, article')
    )
      footers.push(el);
    if (
      !crumb &&
      (cls.split(/\s+/).some((c) => CRUMB_CLASS.test(c)) ||
        /crumb/i.test(id) ||
        (el.getAttribute('itemtype') ?? '').includes('BreadcrumbList'))
    )
      crumb = el;
  }

  for (const el of logos.slice(0, 10)) {
    const t = text(el);
    if (t && t.length <= 40) siteNames.push(t);
    for (const img of el.querySelectorAll('img[alt], img[title]')) {
      const alt = normalizeText(img.getAttribute('alt') || img.getAttribute('title') || '');
      if (alt) siteNames.push(alt);
    }
  }

  const headings: string[] = [];
  const inLogo = (el: Element) => logos.some((l) => l.contains(el));
  const addHeading = (el: Element | null | undefined) => {
    const t = text(el);
    if (t && t.length <= 300 && !inLogo(el!) && !headings.includes(t)) headings.push(t);
  };
  for (const h of h1s) addHeading(h);
  for (const h of titled) addHeading(h);
  if (content) {
    const first = listBlocks(content, 3).find((b) => /^H[1-3]$/.test(b.el.tagName));
    addHeading(first?.el);
  }

  let footer = '';
  for (const el of footers) {
    if (footer.length > 3000) break;
    footer += ' ' + text(el);
  }

  const links: string[] = [];
  const tags: string[] = [];
  for (const a of anchors) {
    const t = text(a);
    const href = a.getAttribute('href') ?? '';
    const slug = TAG_HREF.exec(href);
    if (slug) {
      if (t) tags.push(t);
      const s = slug[1] ?? slug[2];
      if (s) {
        try {
          tags.push(decodeURIComponent(s));
        } catch {
          tags.push(s);
        }
      }
    } else if (t && t.length <= D.maxPiece) {
      links.push(t);
    }
  }

  return {
    document: normalizeText(doc.title ?? ''),
    meta,
    headings,
    breadcrumb: breadcrumbEnd(doc, crumb),
    siteNames,
    footer: footer.trim(),
    links,
    tags,
  };
}

function breadcrumbEnd(doc: Document, found: Element | null): string | null {
  let crumb = found;
  if (!crumb && doc.body) {
    // A labelled line (`当前位置：首页 > …`): find the label's text node, not every element's text.
    const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = walker.nextNode(), seen = 0; n && seen < 3000; n = walker.nextNode(), seen++) {
      if (!BREADCRUMB_LABEL.test(normalizeText(n.nodeValue ?? ''))) continue;
      const el = n.parentElement;
      if (el && normalizeText(el.textContent ?? '').length < 200 && el.querySelector('a')) {
        crumb = el;
        break;
      }
    }
  }
  if (!crumb) return null;
  const t = normalizeText(crumb.textContent ?? '');
  const parts = t.split(
    new RegExp(`\\s*(?:${D.breadcrumbSeparators.map(esc).join('|')})\\s*`, 'u'),
  );
  const last = normalizeText(parts[parts.length - 1] ?? '').replace(/(?:\.{3}|…)$/u, '');
  if (parts.length < 2 || !last || (D.breadcrumbPlaceholders as readonly string[]).includes(last))
    return null;
  return last;
}

/**
 * Readability drops a heading that repeats the `<title>`, but it compares with the raw title
 * (`X - Site`): once the title is clean, the page's `<h1>X</h1>` (or the decorated `<h1>` a farm
 * repeats) at the top still says it. It is the title, shown as such, so it goes without a
 * removal record.
 */
export function dropTitleHeading(content: Element, title: CleanTitle): void {
  for (const b of listBlocks(content, 3)) {
    if (!/^H[1-6]$/.test(b.el.tagName)) continue;
    if (b.text === title.title || title.variants.includes(b.text)) b.el.remove();
    return;
  }
}
