/**
 * The strings of the reader's issue-9 parts (removals in plain words, CJK punctuation, export,
 * read aloud, reading position and source link), with their English text as the fallback. What
 * the user sees comes from `_locales/<lang>/messages.json` (en, zh_CN, zh_TW), where these keys
 * are one `reader_` block right before the `options_` block; `reader-strings.test.ts` fails when
 * a key is missing in a locale, its substitutions differ, or the English here differs from `en`.
 * TODO(merge): when the frame work lands, these can join `STRINGS` in `strings.ts` (one
 * `Translate`); they are separate only so this branch does not edit that file.
 */
export const READER_STRINGS = {
  reader_print: 'Print',
  reader_kind_flashNews: 'Injected flash news',
  reader_kindReason_flashNews: 'news items pasted into the essay',
  reader_kind_titleDecoration: 'Title decoration',
  reader_kindReason_titleDecoration: 'the site name or labels added to the title',
  reader_kind_placeholderMeta: 'Template meta line',
  reader_kindReason_placeholderMeta: 'the page template’s empty author or placeholder date',
  reader_kind_creditLine: 'Credit line',
  reader_kindReason_creditLine: 'author, translator or source named above the essay',
  reader_kind_navSpam: 'Navigation links',
  reader_kindReason_navSpam: 'the site’s keyword or bookmark bar inside the article',
  reader_kind_adSlot: 'Ad',
  reader_kindReason_adSlot: 'an advertising slot',
  reader_kind_tags: 'Tags',
  reader_kindReason_tags: 'the page’s list of tags',
  reader_kind_outletRollCall: 'List of outlets',
  reader_kindReason_outletRollCall: 'a roll call of partner media or sources',
  reader_kind_downloadCta: 'App download prompt',
  reader_kindReason_downloadCta: 'an invitation to install an app',
  reader_kind_relatedList: 'Related articles',
  reader_kindReason_relatedList: 'a list of other articles',
  reader_kind_prevNext: 'Previous and next',
  reader_kindReason_prevNext: 'links to the neighbouring articles',
  reader_kind_shareWidget: 'Share buttons',
  reader_kindReason_shareWidget: 'buttons to share the page',
  reader_kind_disclaimer: 'Disclaimer',
  reader_kindReason_disclaimer: 'the site’s standard legal notice',
  reader_kind_relatedLink: 'Related link',
  reader_kindReason_relatedLink: 'a line that only links to another article',
  reader_kind_newsletter: 'Newsletter sign-up',
  reader_kindReason_newsletter: 'an invitation to subscribe',
  reader_kind_priceTicker: 'Price ticker',
  reader_kindReason_priceTicker: 'live coin prices',
  reader_kind_pagination: 'Page links',
  reader_kindReason_pagination: 'links to the article’s other pages',
  reader_kind_rule: 'Site rule',
  reader_kindReason_rule: 'matched a site rule',
  reader_kind_other: 'Other',
  reader_kindReason_other: 'not part of the article',
  reader_evidence_outletDateline: 'an outlet dateline',
  reader_evidence_dateline: 'a news dateline',
  reader_evidence_stamp: 'a timestamp',
  reader_evidence_labelFlash: 'a flash news label',
  reader_evidence_tickerHead: 'a coin ticker as its heading',
  reader_evidence_head: 'a headline before a colon',
  reader_evidence_headlineLink: 'a headline linking elsewhere',
  reader_evidence_flashPageLink: 'a link to a flash news page',
  reader_evidence_continuation: 'a follow-up of the item before',
  reader_evidence_headlineBlock: 'a headline block',
  reader_evidence_outsideArticle: 'outside the article text',
  reader_evidence_selector: 'a CSS selector',
  reader_evidence_text: 'its opening words',
  reader_removalLine: '$1: $2',
  reader_ruleUser: 'your site rule “$1”',
  reader_ruleBuiltin: 'built-in rule for $1',
  reader_ruleAutomatic: 'found by Crypto Reader',
  reader_movedToByline: 'moved to the byline',
  reader_removedShownLabel: 'Shown back: $1',
  reader_removedHideAgain: 'Hide again',
  reader_manageRules: 'Manage site rules',
  reader_cjkPunctuation: 'CJK punctuation',
  reader_cjkPunctuationAsPublished: 'As published',
  reader_cjkPunctuationFullWidth: 'Full-width',
  reader_export: 'Export',
  reader_exportCopyMarkdown: 'Copy as Markdown',
  reader_exportSaveMarkdown: 'Save as Markdown',
  reader_exportSaveHtml: 'Save as HTML',
  reader_exportCopied: 'Copied as Markdown.',
  reader_exportFailed: 'Could not export: $1',
  reader_exportSource: 'Source',
  reader_readAloud: 'Read aloud',
  reader_readAloudPlay: 'Play',
  reader_readAloudPause: 'Pause',
  reader_readAloudResume: 'Resume',
  reader_readAloudStop: 'Stop',
  reader_readAloudVoice: 'Voice',
  reader_readAloudVoiceDefault: 'Default voice for the language',
  reader_readAloudRate: 'Speed',
  reader_readAloudNoVoice:
    'This browser has no voice for $1. Add one in your system’s speech settings.',
  reader_readAloudUnsupported: 'This browser cannot read aloud.',
  reader_readAloudFailed: 'Reading aloud stopped: $1',
  reader_progress: 'Reading progress',
  reader_sourceLink: 'Open the page on $1',
  reader_originalLink: 'Original article: $1',
} as const;

export type ReaderStringKey = keyof typeof READER_STRINGS;

/** Looks up a string; the reader passes one backed by `i18n.getMessage`. */
export type ReaderTranslate = (key: ReaderStringKey, substitutions?: string[]) => string;

/** English only (tests, and any page where i18n is unavailable). */
export const englishReader: ReaderTranslate = (key, subs = []) =>
  READER_STRINGS[key].replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');

/**
 * A `ReaderTranslate` over `i18n.getMessage` (pass `browser.i18n.getMessage` from the platform
 * layer), falling back to English for a key the browser does not know.
 */
export function readerTranslate(
  getMessage: (key: string, substitutions?: string[]) => string,
): ReaderTranslate {
  return (key, subs = []) => getMessage(key, subs) || englishReader(key, subs);
}
