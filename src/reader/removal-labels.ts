/**
 * A removal in plain words: what it was (a localized kind name), why it went (the evidence the
 * core recorded in `reasons`, in words, or the kind's one-line reason) and what removed it (your
 * site rule, a built-in rule for a site, or the reader itself). No raw detector or evidence id
 * ever reaches the user: an id this table does not know falls back to the kind's reason.
 */
import type { Removal, RemovalKind } from '../core/types.js';
import type { ReaderStringKey, ReaderTranslate } from './reader-strings.js';

type KindSuffix =
  | 'flashNews'
  | 'titleDecoration'
  | 'placeholderMeta'
  | 'creditLine'
  | 'navSpam'
  | 'adSlot'
  | 'tags'
  | 'outletRollCall'
  | 'downloadCta'
  | 'relatedList'
  | 'prevNext'
  | 'shareWidget'
  | 'disclaimer'
  | 'relatedLink'
  | 'newsletter'
  | 'priceTicker'
  | 'pagination'
  | 'rule';

/** Every kind the core has, and the key suffix of its strings (message keys cannot hold `-`). */
export const KIND_KEYS: Readonly<Record<RemovalKind, KindSuffix>> = {
  'flash-news': 'flashNews',
  'title-decoration': 'titleDecoration',
  'placeholder-meta': 'placeholderMeta',
  'credit-line': 'creditLine',
  'nav-spam': 'navSpam',
  'ad-slot': 'adSlot',
  tags: 'tags',
  'outlet-roll-call': 'outletRollCall',
  'download-cta': 'downloadCta',
  'related-list': 'relatedList',
  'prev-next': 'prevNext',
  'share-widget': 'shareWidget',
  disclaimer: 'disclaimer',
  'related-link': 'relatedLink',
  newsletter: 'newsletter',
  'price-ticker': 'priceTicker',
  pagination: 'pagination',
  rule: 'rule',
};

type EvidenceKey = Extract<ReaderStringKey, `reader_evidence_${string}`>;

/**
 * The evidence ids the core records (`core/detectors/flash-news.ts`, `core/signatures/flash.ts`
 * on the core branch), in words. `null`: an id that only repeats another one in words
 * (`dateline-opens` is where the outlet dateline sits). Ids with a `prefix:` not listed here
 * are looked up by their prefix (`stamp:trailing-bracket` → `stamp`).
 */
export const EVIDENCE_KEYS: Readonly<Record<string, EvidenceKey | null>> = {
  'outlet-dateline': 'reader_evidence_outletDateline',
  'dateline-opens': null,
  dateline: 'reader_evidence_dateline',
  stamp: 'reader_evidence_stamp',
  'label:flash': 'reader_evidence_labelFlash',
  label: 'reader_evidence_labelFlash',
  'ticker-head': 'reader_evidence_tickerHead',
  head: 'reader_evidence_head',
  'headline-link': 'reader_evidence_headlineLink',
  'headline-link:flash-page': 'reader_evidence_flashPageLink',
  continuation: 'reader_evidence_continuation',
  'headline-block': 'reader_evidence_headlineBlock',
  'dropped-by-readability': 'reader_evidence_outsideArticle',
  selector: 'reader_evidence_selector',
  text: 'reader_evidence_text',
};

function evidenceKey(id: string): EvidenceKey | null | undefined {
  if (Object.hasOwn(EVIDENCE_KEYS, id)) return EVIDENCE_KEYS[id];
  const colon = id.indexOf(':');
  if (colon > 0) {
    const prefix = id.slice(0, colon);
    if (Object.hasOwn(EVIDENCE_KEYS, prefix)) return EVIDENCE_KEYS[prefix];
  }
  return undefined;
}

export interface RemovalLabelContext {
  t: ReaderTranslate;
  /** The UI language (`i18n.getUILanguage()`), for joining evidence into a list. */
  uiLang: string;
  /** Built-in rule id → the site it is for (`builtinRuleSites(BUILTIN_RULES)`). */
  builtinSites?: ReadonlyMap<string, string>;
  /** Ids of the user's own rules; one of them overrides a built-in rule of the same id. */
  userRuleIds?: ReadonlySet<string>;
  /** The article's byline: a credit line found in it was moved there, not removed. */
  byline?: string | null;
}

export interface RemovalLabel {
  kindLabel: string;
  /** Why it went, as a phrase (`an outlet dateline and a timestamp`). */
  reason: string;
  /** What removed it (`your site rule “x”`, `built-in rule for jinse.cn`, `found by …`). */
  ruleLabel: string;
  /** A credit line that became the byline: show it as moved, not as removed. */
  movedToByline: boolean;
}

/** Built-in rule id → the first host it matches, for "built-in rule for <site>". */
export function builtinRuleSites(
  rules: readonly { id: string; match: readonly string[] }[],
): Map<string, string> {
  const sites = new Map<string, string>();
  for (const r of rules) {
    const site = r.match[0]?.replace(/^\*\./, '');
    if (site) sites.set(r.id, site);
  }
  return sites;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function joinList(items: string[], uiLang: string): string {
  try {
    return new Intl.ListFormat(uiLang, { type: 'conjunction' }).format(items);
  } catch {
    // An invalid UI language tag: the list in English form is still readable.
    return new Intl.ListFormat('en', { type: 'conjunction' }).format(items);
  }
}

function ruleLabel(rule: string, ctx: RemovalLabelContext): string {
  const { t } = ctx;
  if (rule.startsWith('rule:')) {
    const id = rule.slice('rule:'.length);
    const site = ctx.builtinSites?.get(id);
    if (site && !ctx.userRuleIds?.has(id)) return t('reader_ruleBuiltin', [site]);
    return t('reader_ruleUser', [id]);
  }
  return t('reader_ruleAutomatic');
}

/** The words for one removal. Never throws; unknown kinds and ids get the generic wording. */
export function removalLabel(removal: Removal, ctx: RemovalLabelContext): RemovalLabel {
  const { t } = ctx;
  const suffix = Object.hasOwn(KIND_KEYS, removal.kind) ? KIND_KEYS[removal.kind] : undefined;
  const kindLabel = suffix ? t(`reader_kind_${suffix}`) : t('reader_kind_other');
  const words: string[] = [];
  for (const id of removal.reasons ?? []) {
    const key = evidenceKey(id);
    if (!key) continue;
    const word = t(key);
    if (!words.includes(word)) words.push(word);
  }
  const reason = words.length
    ? joinList(words, ctx.uiLang)
    : suffix
      ? t(`reader_kindReason_${suffix}`)
      : t('reader_kindReason_other');
  const byline = ctx.byline ? squash(ctx.byline) : '';
  const text = squash(removal.text);
  const movedToByline = removal.kind === 'credit-line' && !!text && byline.includes(text);
  return {
    kindLabel,
    reason: movedToByline ? t('reader_movedToByline') : reason,
    ruleLabel: ruleLabel(removal.rule, ctx),
    movedToByline,
  };
}

/** One line for the removed panel or a restored block: `Injected flash news: …`. */
export function removalLine(label: RemovalLabel, t: ReaderTranslate): string {
  return t('reader_removalLine', [label.kindLabel, label.reason]);
}
