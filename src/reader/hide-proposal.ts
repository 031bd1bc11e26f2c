/**
 * "Hide blocks like this on <site>" (issue 4 item 4): from one block the user picked in the
 * reader, propose a site rule. Two kinds:
 * - a class selector, when the block's element on the page has a distinctive class (one that
 *   marks few of the article's blocks, never the essay's container);
 * - otherwise a text pattern from the start of the block, escaped as a regex `/^…/u`.
 * The proposal says how many blocks of the current article it matches. Pure: works on any
 * Document (the live page in the content script, jsdom in tests).
 */
import { normalizeText } from '../core/text.js';
import { normalizeHostPattern } from '../rules/match.js';
import type { SiteRule } from '../rules/schema.js';
import { checkTextPattern } from '../rules/text-pattern.js';

export interface HideProposal {
  kind: 'class' | 'text';
  /** The selector or the text pattern. */
  pattern: string;
  rule: SiteRule;
  /** Blocks of the current article (reader content) the rule matches, the picked one included. */
  matches: number;
}

/** Class names that say nothing about what a block is. */
const GENERIC_CLASS =
  /^(?:p|para|paragraph|text|txt|content|article|post|entry|body|main|row|col|container|wrapper|inner|clearfix|left|right|center|active|show|hidden|(?:is|has|js)-.*|cr-.*)$/i;
const CSS_IDENT = /^-?[_a-zA-Z][-_a-zA-Z0-9]*$/;
/** How much of a block's start becomes the pattern. */
const PREFIX_CJK_CHARS = 12;
const PREFIX_WORDS = 5;
const PREFIX_MAX = 60;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The site the rule is for: the page host without a leading `www.`. */
export function ruleHost(hostname: string): string | null {
  const n = normalizeHostPattern(hostname.replace(/^www\./i, ''));
  return 'value' in n && n.value !== '*' ? n.value : null;
}

/** A short stable id for the pattern: `hide-<site>-<hash>`. */
function ruleId(host: string, pattern: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < pattern.length; i++) h = Math.imul(h ^ pattern.charCodeAt(i), 0x01000193);
  const site =
    host
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'site';
  return `hide-${site}-${(h >>> 0).toString(36)}`;
}

/** The start of a block's text, as a `/^…/u` pattern. Null for a block with no text. */
export function textPrefixPattern(blockText: string): string | null {
  const text = normalizeText(blockText);
  if (!text) return null;
  const cjk = (
    text.match(/[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/gu) ?? []
  ).length;
  let prefix: string;
  if (cjk * 2 >= text.length) prefix = [...text].slice(0, PREFIX_CJK_CHARS).join('');
  else prefix = text.split(' ').slice(0, PREFIX_WORDS).join(' ');
  prefix = prefix.slice(0, PREFIX_MAX);
  // A block shorter than the prefix: the whole text, anchored at both ends.
  const whole = prefix.length >= text.length;
  const pattern = `/^${escapeRegExp(whole ? text.slice(0, PREFIX_MAX) : prefix)}${whole && text.length <= PREFIX_MAX ? '$' : ''}/u`;
  return checkTextPattern(pattern) === null ? pattern : null;
}

/** The smallest element of the page whose text is the block's text. */
function findOnPage(page: Document, blockText: string): Element | null {
  const body = page.body;
  if (!body || !blockText) return null;
  let best: Element | null = null;
  for (const el of body.querySelectorAll('*')) {
    if (el.closest('[data-crypto-reader]')) continue;
    if (normalizeText(el.textContent ?? '') === blockText) best = el; // later = deeper
  }
  return best;
}

function distinctiveClass(
  page: Document,
  el: Element,
  blockText: string,
  readerTexts: readonly string[],
): { selector: string; matches: number } | null {
  // The element and its ancestors that hold only this block's text.
  const candidates: Element[] = [];
  for (let e: Element | null = el; e && e !== page.body; e = e.parentElement) {
    if (normalizeText(e.textContent ?? '') !== blockText) break;
    candidates.push(e);
  }
  const limit = Math.max(1, Math.floor(readerTexts.length * 0.25));
  for (const c of candidates) {
    for (const cls of c.classList) {
      if (!CSS_IDENT.test(cls) || GENERIC_CLASS.test(cls)) continue;
      const selector = `.${cls}`;
      const marked = [...page.querySelectorAll(selector)].filter(
        (x) => !x.closest('[data-crypto-reader]'),
      );
      // Never the essay's container: every marked element is a short block.
      if (marked.some((x) => normalizeText(x.textContent ?? '').length > 1000)) continue;
      const texts = new Set(marked.map((x) => normalizeText(x.textContent ?? '')));
      const matches = readerTexts.filter((t) => texts.has(t)).length;
      if (matches >= 1 && matches <= limit) return { selector, matches };
    }
  }
  return null;
}

export function proposeHideRule(opts: {
  /** The picked block's text (normalized or not). */
  blockText: string;
  /** The live page (to find the block's classes). */
  page: Document;
  /** Texts of the reader content's blocks (`listBlocks(content)`), to count what a rule matches. */
  readerTexts: readonly string[];
  hostname: string;
  /** For the rule's notes. */
  now?: Date;
}): HideProposal | null {
  const blockText = normalizeText(opts.blockText);
  const host = ruleHost(opts.hostname);
  if (!blockText || !host) return null;
  const texts = opts.readerTexts.map(normalizeText);
  const day = (opts.now ?? new Date()).toISOString().slice(0, 10);
  const base = {
    match: [host],
    enabled: true,
    notes: `Made in the reader ("Hide blocks like this") on ${day}.`,
  };

  const onPage = findOnPage(opts.page, blockText);
  const byClass = onPage ? distinctiveClass(opts.page, onPage, blockText, texts) : null;
  if (byClass) {
    return {
      kind: 'class',
      pattern: byClass.selector,
      matches: byClass.matches,
      rule: {
        id: ruleId(host, byClass.selector),
        ...base,
        remove: [byClass.selector],
        removeText: [],
      },
    };
  }
  const pattern = textPrefixPattern(blockText);
  if (!pattern) return null;
  const m = /^\/(.*)\/u$/s.exec(pattern)!;
  const re = new RegExp(m[1]!, 'u');
  return {
    kind: 'text',
    pattern,
    matches: texts.filter((t) => re.test(t)).length,
    rule: { id: ruleId(host, pattern), ...base, remove: [], removeText: [pattern] },
  };
}
