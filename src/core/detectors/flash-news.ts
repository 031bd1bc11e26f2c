import { descendants } from '../descendants.js';
import { BLOCK_TAGS, isDataTable } from '../blocks.js';
import type { Detector, DetectorContext } from '../context.js';
import { linkDensity, normalizeText } from '../text.js';
import {
  CONTINUATIONS,
  DIGEST_SHARE,
  FLASH_LABELS,
  FLASH_URL,
  GENERIC_DATELINES,
  MAX_HEAD,
  QUOTED_RUN_THRESHOLD,
  RUN_THRESHOLD,
  SIGNAL_WEIGHTS,
  STAMP_GRAMMARS,
  TICKER_HEAD,
  type FlashSignal,
} from '../signatures/flash.js';
import { FOOTNOTE, ORDINAL } from '../signatures/essay-marks.js';
import { matchForm } from '../signatures/normalize.js';
import { OUTLETS } from '../signatures/outlets.js';
import { variantRegExp } from '../signatures/script-variants.js';

/**
 * Injected flash-news runs (research §11 T1–T4), found on the WHOLE cloned page before
 * Readability picks the article, so a run's linked headline in a `<div>` of its own is seen
 * with the rest of the run. A run is scored evidence (`signatures/flash.ts`): a stamp in any
 * grammar, an outlet's dateline, a flash label, a head `headline:`, a ticker, a headline link,
 * a continuation paragraph. It is marked in the page; after Readability the marked pieces left
 * in the article go as ONE removal whose text is the whole run and whose reasons are the
 * signals that fired, and a run Readability dropped is still recorded.
 *
 * Restraint: one strong signal is never enough; a paragraph only joins a run with continuation
 * evidence; numbered steps and footnotes never open a run; lists, code and data tables are never
 * looked at, and a `<blockquote>` needs more evidence; a page that is a flash digest keeps all.
 */
const OUTLET_DATELINE = variantRegExp(
  `^(?:${OUTLETS.flatMap((o) => o.datelines as readonly string[]).join('|')})`,
);
const GENERIC_DATELINE = variantRegExp(`^(?:${GENERIC_DATELINES.join('|')})`);
const LEADING_STAMP = variantRegExp(STAMP_GRAMMARS['leading-bracket']);
const TRAILING_STAMPS = (['trailing-bracket', 'trailing-paren'] as const).map(
  (id) => [id, variantRegExp(STAMP_GRAMMARS[id])] as const,
);
const LABEL = variantRegExp(
  `^(?:【(?:${FLASH_LABELS.join('|')})】|\\[(?:${FLASH_LABELS.join('|')})\\]|(?:${FLASH_LABELS.join('|')})\\s*[|:])\\s*`,
);
const TICKER = new RegExp(`${TICKER_HEAD}\\s*`, 'u');
const CONTINUATION = variantRegExp(`^(?:${CONTINUATIONS.join('|')})\\s*,`);
const NEVER = variantRegExp(`${ORDINAL}|${FOOTNOTE}`);
const COLON = /:/g;
/** A full stop or a comma in front of the colon: the "head" is a sentence. */
const NOT_HEAD = /[。,;!?]\s|[。,;]/u;
const RULE = 'detector:flash-news';
/** A run says something: this much text besides its head and stamps. */
const MIN_BODY = 8;
export const RUN_ATTR = 'data-cr-run';
/** On the spans the marking added, so the page gets them back unwrapped when nothing goes. */
const WRAP_ATTR = 'data-cr-wrap';

export interface FlashEvidence {
  score: number;
  reasons: string[];
  /** The unit opens like a run: its own head, label, ticker or leading stamp. */
  ownHead: boolean;
  /** It opens with a dateline (an outlet's or a generic one), head or not. */
  dated: boolean;
  trailingStamp: boolean;
}

function add(e: FlashEvidence, signal: FlashSignal, reason: string = signal): void {
  if (e.reasons.includes(reason)) return;
  // A stamp counts once, wherever it sits.
  if (signal === 'stamp' && e.reasons.some((r) => r.startsWith('stamp:'))) {
    e.reasons.push(reason);
    return;
  }
  e.reasons.push(reason);
  e.score += SIGNAL_WEIGHTS[signal];
}

/** Where `head:` ends and a dated body starts (outlet or generic), tried at every colon. */
export function datedHeadEnd(text: string): number {
  return datedHead(matchForm(text))?.end ?? -1;
}

function datedHead(t: string): { end: number; outlet: boolean } | null {
  COLON.lastIndex = 0;
  for (let m = COLON.exec(t); m; m = COLON.exec(t)) {
    const head = t.slice(0, m.index);
    if (head.length > MAX_HEAD) break;
    if (head.trim().length < 2 || /[。]/u.test(head)) continue;
    const rest = t.slice(m.index + 1).trimStart();
    if (OUTLET_DATELINE.test(rest)) return { end: m.index, outlet: true };
    if (GENERIC_DATELINE.test(rest)) return { end: m.index, outlet: false };
  }
  return null;
}

/** The evidence one paragraph (or `<br>` line) carries, in match form; null: never a run. */
export function flashEvidence(text: string, first?: Element | null): FlashEvidence | null {
  let t = matchForm(text);
  if (!t) return null;
  const e: FlashEvidence = {
    score: 0,
    reasons: [],
    ownHead: false,
    dated: false,
    trailingStamp: false,
  };
  const lead = LEADING_STAMP.exec(t);
  if (lead) {
    add(e, 'stamp', 'stamp:leading-bracket');
    e.ownHead = true;
    t = t.slice(lead[0].length).trimStart();
  }
  if (NEVER.test(t)) return null;
  const label = LABEL.exec(t);
  if (label) {
    add(e, 'label:flash');
    e.ownHead = true;
    t = t.slice(label[0].length);
  }
  const ticker = TICKER.exec(t);
  if (ticker) {
    add(e, 'ticker-head');
    e.ownHead = true;
    t = t.slice(ticker[0].length);
  }
  let headText = '';
  if (OUTLET_DATELINE.test(t)) {
    add(e, 'outlet-dateline');
    add(e, 'dateline-opens');
    e.dated = true;
  } else if (GENERIC_DATELINE.test(t)) {
    add(e, 'dateline');
    e.dated = true;
  } else {
    const hd = datedHead(t);
    if (hd) {
      headText = t.slice(0, hd.end);
      add(e, 'head');
      add(e, hd.outlet ? 'outlet-dateline' : 'dateline');
      e.ownHead = e.dated = true;
    } else {
      const loose = /^([^:]{2,60}):\S/u.exec(t);
      if (loose && !NOT_HEAD.test(loose[1]!)) {
        headText = loose[1]!;
        add(e, 'head');
        e.ownHead = true;
      }
    }
  }
  let body = t.slice(headText ? headText.length + 1 : 0);
  for (const [id, re] of TRAILING_STAMPS) {
    if (re.test(t)) {
      add(e, 'stamp', `stamp:${id}`);
      e.trailingStamp = true;
      body = body.replace(re, '');
    }
  }
  // A date line (`기사입력 :[2018-08-25 15:24]`) has a head and a stamp but no news in it.
  if (body.trim().length < MIN_BODY) return null;
  // A headline link: the head is the text of a link that opens the paragraph.
  const a = first?.tagName === 'A' ? first : null;
  if (a && headText) {
    const linkText = matchForm(a.textContent ?? '');
    if (linkText.length >= 2 && headText.includes(linkText)) {
      add(e, 'headline-link');
      if (FLASH_URL.test(a.getAttribute('href') ?? '')) add(e, 'headline-link:flash-page');
    }
  }
  return e;
}

/** A paragraph or a `<br>` line of one; `nodes` set for a line (it has no element yet). */
interface Unit {
  el: Element | null;
  parent: Element;
  nodes: Node[];
  text: string;
  quoted: boolean;
}

/** Tag names (visit only sees HTML elements): a set lookup, not a selector match per element. */
const SKIP = new Set([
  'pre',
  'code',
  'li',
  'dl',
  'figcaption',
  'h1',
  'nav',
  'header',
  'footer',
  'button',
  'select',
  'script',
  'style',
  'noscript',
  'template',
]);

function childList(el: Element): Node[] {
  const out: Node[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) out.push(n);
  return out;
}

function firstElement(nodes: readonly Node[]): Element | null {
  for (const n of nodes) {
    if (n.nodeType === 1) return n as Element;
    if ((n.textContent ?? '').trim()) return null;
  }
  return null;
}

/**
 * The units of the page: leaf blocks, and the lines of text between `<br>`s and blocks, also
 * where loose text sits next to blocks (an old `<td>` holding an `<h1>` and `<font>` lines).
 */
function pageUnits(root: Element): Unit[] {
  const units: Unit[] = [];
  const walk = (el: Element, quoted: boolean): void => {
    let line: Node[] = [];
    let leaf = true;
    let brs = 0;
    // Sibling pointers: jsdom's live `children` collection is slow to step through.
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (BLOCK_TAGS.has(c.tagName)) leaf = false;
      else if (c.tagName === 'BR') brs++;
    }
    if (leaf && brs < 2) {
      const text = normalizeText(el.textContent ?? '');
      if (text) units.push({ el, parent: el, nodes: childList(el), text, quoted });
      return;
    }
    const flush = () => {
      const text = normalizeText(line.map((n) => n.textContent ?? '').join(''));
      if (text) units.push({ el: null, parent: el, nodes: line, text, quoted });
      line = [];
    };
    for (const n of childList(el)) {
      const tag = n.nodeType === 1 ? (n as Element).tagName : '';
      if (tag === 'BR') flush();
      else if (tag && BLOCK_TAGS.has(tag)) {
        flush();
        visit(n as Element, quoted);
      } else if (n.nodeType === 1 || n.nodeType === 3) line.push(n);
    }
    flush();
  };
  const visit = (el: Element, quoted: boolean): void => {
    if (SKIP.has(el.localName)) return;
    if (el.tagName === 'TABLE' && isDataTable(el)) return;
    walk(el, quoted || el.tagName === 'BLOCKQUOTE');
  };
  for (let c = root.firstElementChild; c; c = c.nextElementSibling)
    if (BLOCK_TAGS.has(c.tagName) || c.tagName === 'CENTER') visit(c, false);
  return units;
}

/** A linked headline standing alone above a headless run body (`<div><a>headline</a></div>`). */
function isHeadlineBlock(u: Unit): boolean {
  if (u.text.length > 60 || /[。,，;；]/u.test(u.text) || !u.el) return false;
  if (/^H[1-3]$/.test(u.el.tagName)) return false;
  return linkDensity(u.el) >= 0.8;
}

interface FlashRun {
  id: string;
  units: Unit[];
  reasons: string[];
  text: string;
  /** Clones of the run as it stood in the page, rendered as the removal's HTML. */
  html: Element;
}

/** The runs found in the page, per working document, for the post phase. */
const runsByDoc = new WeakMap<
  Document,
  { runs: FlashRun[]; seen: Map<string, FlashEvidence | null> }
>();

/** The injected runs among the page's units (before the digest guard). */
export function findFlashRuns(
  root: Element,
  seen?: Map<string, FlashEvidence | null>,
): { units: Unit[]; reasons: string[] }[] {
  const units = pageUnits(root);
  const ev = units.map((u) => flashEvidence(u.text, firstElement(u.nodes)));
  units.forEach((u, k) => seen?.set(u.text, ev[k]!));
  const used = new Set<number>();
  const out: { units: Unit[]; reasons: string[] }[] = [];
  for (let i = 0; i < units.length; i++) {
    const e = ev[i];
    if (!e || used.has(i) || !(e.ownHead || e.dated)) continue;
    const run = [i];
    let score = e.score;
    const reasons = [...e.reasons];
    const prev = units[i - 1];
    if (
      !e.ownHead &&
      prev &&
      !used.has(i - 1) &&
      prev.parent !== units[i]!.parent &&
      isHeadlineBlock(prev)
    ) {
      run.unshift(i - 1);
      score += SIGNAL_WEIGHTS['headline-block'];
      reasons.push('headline-block');
      const a = prev.el!.querySelector('a');
      if (a && FLASH_URL.test(a.getAttribute('href') ?? '')) {
        score += SIGNAL_WEIGHTS['headline-link:flash-page'];
        reasons.push('headline-link:flash-page');
      }
    }
    const next = units[i + 1];
    const ne = ev[i + 1];
    // After a stamped paragraph, a continuation is a record of its own: it needs its own stamp.
    if (
      next &&
      ne &&
      !ne.ownHead &&
      next.quoted === units[i]!.quoted &&
      (!e.trailingStamp || ne.trailingStamp)
    ) {
      const continued = CONTINUATION.test(matchForm(next.text));
      if (
        continued ||
        (!e.trailingStamp && e.ownHead && e.dated && ne.trailingStamp && !ne.dated)
      ) {
        run.push(i + 1);
        score += SIGNAL_WEIGHTS.continuation + (ne.trailingStamp ? SIGNAL_WEIGHTS.stamp : 0);
        reasons.push('continuation', ...ne.reasons.filter((r) => r.startsWith('stamp:')));
      }
    }
    const need = units[i]!.quoted ? QUOTED_RUN_THRESHOLD : RUN_THRESHOLD;
    if (score < need) continue;
    for (const k of run) used.add(k);
    out.push({ units: run.map((k) => units[k]!), reasons: [...new Set(reasons)] });
  }
  return out;
}

/** Gives a `<br>` line an element of its own, so it can be marked and removed. */
function elementOf(u: Unit): Element {
  if (u.el) return u.el;
  const span = u.parent.ownerDocument.createElement('span');
  u.nodes[0]!.parentNode!.insertBefore(span, u.nodes[0]!);
  span.append(...u.nodes);
  u.el = span;
  return span;
}

/**
 * Every signal of a run is CJK text, a full-width form or a bracketed date: a page with none of
 * them (most English pages) is not walked at all.
 */
const ANY_SIGNAL =
  /[\u3400-\u9fff\uff01-\uff5e]|[[(【][^\])】]{0,4}(?:19|20)\d{2}\s*[/.年-]\s*\d{1,2}\s*[/.月-]\s*\d/u;

function markPage(ctx: DetectorContext): void {
  if (!ANY_SIGNAL.test(ctx.content.textContent ?? '')) return;
  const seen = new Map<string, FlashEvidence | null>();
  const found = findFlashRuns(ctx.content, seen);
  const runs: FlashRun[] = [];
  found.forEach((r, k) => {
    const id = String(k + 1);
    const html = ctx.doc.createElement('div');
    for (const u of r.units) {
      const el = elementOf(u);
      html.append(el.cloneNode(true));
      // Readability moves a `<div>`'s text into a new `<p>` and drops the `<div>`: a span
      // inside carries the mark along with the text.
      if (el.tagName !== 'SPAN' && el.tagName !== 'P') {
        const span = ctx.doc.createElement('span');
        span.setAttribute(WRAP_ATTR, '');
        span.append(...el.childNodes);
        el.append(span);
      }
      // The element and the span that holds its text: Readability re-tags the one (copying
      // attributes) or moves the other, never both.
      el.setAttribute(RUN_ATTR, id);
      const inner = el.tagName === 'SPAN' || el.tagName === 'P' ? null : el.lastElementChild;
      inner?.setAttribute(RUN_ATTR, id);
    }
    runs.push({
      id,
      units: r.units,
      reasons: r.reasons,
      text: r.units.map((u) => u.text).join(' '),
      html,
    });
  });
  if (runs.length) runsByDoc.set(ctx.doc, { runs, seen });
}

/** The article is a flash digest when most of its text is run-shaped (§11.6, §12.13). */
function isDigest(ctx: DetectorContext, seen: Map<string, FlashEvidence | null>): boolean {
  let total = 0;
  let flashy = 0;
  for (const b of ctx.blocks()) {
    total += b.text.length;
    if (b.el.hasAttribute(RUN_ATTR) || b.el.firstElementChild?.hasAttribute(RUN_ATTR)) {
      flashy += b.text.length;
      continue;
    }
    // Most paragraphs were weighed in the page already (the headline link aside, the same).
    const e = seen.has(b.text) ? seen.get(b.text)! : flashEvidence(b.text);
    if (e && (e.ownHead || e.dated) && e.score >= 2) flashy += b.text.length;
  }
  return total > 0 && flashy / total > DIGEST_SHARE;
}

/** The box around a marked piece that holds nothing else (the `<p>` Readability made for it). */
function widen(el: Element, content: Element): Element {
  let top = el;
  for (let p = el.parentElement; p && p !== content; p = p.parentElement) {
    // Siblings only, never the box's whole text: the content's text is long.
    for (const n of p.childNodes) {
      if (n === top) continue;
      if (n.nodeType === 3 && !(n.textContent ?? '').trim()) continue;
      if (n.nodeType === 1 && (n as Element).tagName === 'BR') continue;
      return top;
    }
    top = p;
  }
  return top;
}

function removeRuns(ctx: DetectorContext): void {
  const found = runsByDoc.get(ctx.doc);
  if (!found) return;
  const { runs, seen } = found;
  runsByDoc.delete(ctx.doc);
  // One TreeWalker pass, not an attribute selector matched by nwsapi against every element.
  const marked = descendants(ctx.content).filter((el) => el.hasAttribute(RUN_ATTR));
  if (isDigest(ctx, seen)) {
    for (const el of marked) {
      el.removeAttribute(RUN_ATTR);
      if (el.hasAttribute(WRAP_ATTR)) el.replaceWith(...el.childNodes);
    }
    return;
  }
  const byRun = new Map<string, Element[]>();
  for (const el of marked) {
    const id = el.getAttribute(RUN_ATTR)!;
    if (el.parentElement?.getAttribute(RUN_ATTR) === id) continue;
    let list = byRun.get(id);
    if (!list) byRun.set(id, (list = []));
    const top = widen(el, ctx.content);
    if (!list.includes(top)) list.push(top);
  }
  for (const run of runs) {
    const tops = byRun.get(run.id) ?? [];
    const reasons = tops.length ? run.reasons : [...run.reasons, 'dropped-by-readability'];
    ctx.removeRun(tops, 'flash-news', RULE, reasons, run.text, run.html);
  }
}

export const flashNewsDetector: Detector = {
  id: 'flash-news',
  phase: 'both',
  order: 20,
  run(ctx) {
    if (ctx.phase === 'pre') markPage(ctx);
    else removeRuns(ctx);
  },
};
