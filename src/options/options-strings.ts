/**
 * Every string the options page shows, with its English text as the fallback. What the user sees
 * comes from `_locales/<lang>/messages.json` (en, zh_CN, zh_TW); `options-strings.test.ts` fails
 * when a key is missing in a locale or the English text here differs from `en`. Keys start with
 * `options_` so they sit in one block beside the reader's keys. `$1`… are substitutions.
 *
 * Messages from the rule parser (an invalid selector, an unsafe pattern) stay in English: they
 * quote the rule text and are the same in the CLI.
 */
export const OPTIONS_STRINGS = {
  /** The language of the strings actually shown: set as `<html lang>`. */
  options_lang: 'en',
  options_pageTitle: 'Crypto Reader: site rules',
  options_intro:
    'Site rules remove blocks the reader keeps, or point it at the article. Built-in rules come with the extension; your rules are yours to edit, share and export.',
  options_noteTooLarge:
    'Your rules are too large for browser sync, so they are stored in this browser only (not synced).',
  options_noteSyncFailed:
    'Browser sync refused to store your rules, so they are stored in this browser only (not synced).',
  options_brokenTitle: 'Stored rules that could not be read',
  options_brokenOne:
    '1 stored entry is skipped and not applied; your other rules work. It is kept until you discard it.',
  options_brokenMany:
    '$1 stored entries are skipped and not applied; your other rules work. They are kept until you discard them.',
  options_brokenFile: 'Your stored rules had a problem; the rules that could be read work.',
  options_brokenAnEntry: 'an entry',
  options_brokenDiscard: 'Discard the broken entries',
  options_brokenDiscarded: 'Broken entries discarded.',
  options_searchLabel: 'Search rules',
  options_searchPlaceholder: 'id, site, selector…',
  options_add: 'Add a rule',
  options_export: 'Export my rules',
  options_exported: 'Exported $1 rules to $2.',
  options_rawToggle: 'Edit my rules as JSON',
  options_rulesLabel: 'Rules',
  options_countAll: '$1 rules ($2 yours).',
  options_countMatch: '$1 of $2 rules match “$3”.',
  options_noMatch: 'No rule matches the search.',
  options_originBuiltin: 'Built-in',
  options_originUser: 'Mine',
  options_originOverride: 'Overrides built-in',
  options_edit: 'Edit',
  options_editRule: 'Edit $1',
  options_customize: 'Customize',
  options_customizeRule: 'Customize $1',
  options_delete: 'Delete',
  options_deleteRule: 'Delete $1',
  options_restore: 'Restore built-in',
  options_restoreRule: 'Restore built-in $1',
  options_deleteConfirm: 'Delete your rule “$1”?',
  options_deleted: '$1 deleted.',
  options_ruleEnabled: '$1 enabled.',
  options_ruleDisabled: '$1 disabled.',
  options_sumArticle: 'article',
  options_sumSelector: '1 selector',
  options_sumSelectors: '$1 selectors',
  options_sumPattern: '1 text pattern',
  options_sumPatterns: '$1 text patterns',
  options_sumTitle: 'title',
  options_sumByline: 'byline',
  options_sumNone: 'no changes',
  options_editorLabel: 'Rule editor',
  options_editorNew: 'New rule',
  options_editorEdit: 'Edit rule “$1”',
  options_editorCustomize: 'Customize built-in rule “$1” (saved as your rule with the same id)',
  options_save: 'Save rule',
  options_cancel: 'Cancel',
  options_close: 'Close',
  options_saved: 'Rule $1 saved.',
  options_notSaved: 'Not saved: $1',
  options_untrusted: 'Ignored: the change did not come from you (not a user action).',
  options_onePerLine: 'One per line.',
  options_lineMessage: 'line $1: $2',
  options_toSave: 'To save, fill in: $1.',
  options_noteOverride: 'Replaces the built-in rule “$1” while this rule exists.',
  options_noteEverySite: 'Applies to every site you open in the reader.',
  options_notePageWide: '“$1” removes the whole page wherever this rule applies.',
  options_field_id: 'Id',
  options_fieldHelp_id:
    'Unique, kebab-case (e.g. "jinse"). A user rule with a built-in rule\'s id replaces it.',
  options_field_match: 'Sites',
  options_fieldHelp_match:
    '"example.com" = that host and its subdomains; "*.example.com" = subdomains only; "*" = every site.',
  options_field_enabled: 'Enabled',
  options_fieldHelp_enabled: 'A disabled rule is kept but not applied.',
  options_field_article: 'Article container',
  options_fieldHelp_article: 'CSS selector of the element that holds the essay.',
  options_field_remove: 'Remove elements',
  options_fieldHelp_remove:
    'CSS selectors; every matching element is removed (before and after extraction).',
  options_field_removeText: 'Remove blocks by text',
  options_fieldHelp_removeText:
    "Plain text (case-sensitive, found anywhere in a block) or /regex/flags, tested against each block's normalized text.",
  options_field_title: 'Title cleanup',
  options_fieldHelp_title: 'Plain text or /regex/flags removed from the title.',
  options_field_byline: 'Byline',
  options_fieldHelp_byline: 'CSS selector of the author line.',
  options_field_notes: 'Notes',
  options_fieldHelp_notes: 'Free text for people reading the rule; never applied.',
  options_tryLegend: 'Preview',
  options_tryHelp:
    'See what this rule would remove on a page open in another tab, before you save it. The browser asks once for access to the rule’s sites.',
  options_tryButton: 'Try on an open tab',
  options_tryTab: 'Tab',
  options_tryAsking: 'Asking the browser for access to $1…',
  options_tryRunning: 'Running the reader on that tab…',
  options_tryFixFirst: 'Fix the errors above first.',
  options_tryDenied: 'No access to $1: the browser did not grant it.',
  options_tryNoTab: 'No open tab is on $1. Open the page in a tab first.',
  options_tryFailed: 'Could not try the rule: $1',
  options_tryNoArticle: 'The reader finds no article on that tab (with this rule).',
  options_tryNothing: 'This rule would remove nothing on “$1”.',
  options_tryOne: 'This rule would remove 1 block on “$1”:',
  options_tryMany: 'This rule would remove $1 blocks on “$2”:',
  options_tryNoText: '(no text)',
  options_tryArticleChanged: 'The article container differs with this rule.',
  options_tryStale:
    'The rule changed since the last preview. Try it again to see what it removes now.',
  options_rawTitle: 'My rules as JSON',
  options_rawHelp:
    'The same format as the export and the built-in rules ({"rules": [...]}). Saving replaces your rules with these.',
  options_rawSave: 'Save my rules',
  options_rawSaved: 'Saved $1 rules from the JSON view.',
  options_importSummary: 'Import rules (JSON file or uBlock Origin filters)',
  options_importFile: 'From a file',
  options_importPaste: 'Or paste rules or filter lines',
  options_importCheck: 'Check pasted rules',
  options_importPanel: 'Import',
  options_importFrom: 'Import from $1',
  options_importPasted: 'pasted text',
  options_importReadFailed: 'Could not read $1: $2',
  options_importJson: 'JSON rules',
  options_importUbo: 'uBlock Origin filters',
  options_importCounts: '$1: $2 to add, $3 to replace, $4 unchanged.',
  options_importCountsErrors:
    '$1: $2 to add, $3 to replace, $4 unchanged, $5 with errors (skipped).',
  options_importAdds: 'Will be added',
  options_importReplaces: 'Will replace your rule with the same id',
  options_importErrors: 'Problems (these lines or rules are skipped)',
  options_importReplacesBuiltin: '(replaces the built-in rule)',
  options_importConfirmOne: 'Import 1 rule',
  options_importConfirmMany: 'Import $1 rules',
  options_importKeeps: 'Nothing is deleted: rules not in the import stay as they are.',
  options_importNothing: 'Nothing to import; your rules are unchanged.',
  options_importCancelled: 'Import cancelled; nothing changed.',
  options_imported: 'Imported: $1 added, $2 replaced.',
  options_riskTitle: 'Check these before importing',
  options_riskEverySite: '$1 applies to every site ("*").',
  options_riskPageWide: '$1 removes “$2”, which empties every page it applies to.',
  options_riskLine: 'line $1: $2',
  options_riskAccept: 'I understand: import these rules too',
  options_riskAcceptSave: 'I understand: save these rules too',
  options_riskPending: 'Tick the box above to import these rules, or cancel.',
  options_overLimit:
    'Too many rules: after this import you would have $1 rules, and at most $2 can be stored. Remove at least $3 rules from the file (or delete some of yours) and import again.',
  options_autoTitle: 'Always open in reader view',
  options_autoHelp:
    'Pages on these sites open in the reader as soon as they load. Adding a site asks the browser for access to that site only.',
  options_autoNone: 'No site yet.',
  options_autoSite: 'Site',
  options_autoPlaceholder: 'news.example.com',
  options_autoAdd: 'Always open this site',
  options_autoBadHost: 'Type a site such as news.example.com (or paste a page address).',
  options_autoDenied: 'The browser did not grant access to $1; nothing changed.',
  options_autoAdded: '$1 will always open in reader view.',
  options_autoRemove: 'Remove',
  options_autoRemoveLabel: 'Stop opening $1 automatically',
  options_autoRemoved: '$1 no longer opens automatically.',
  options_autoNoPermission: 'no permission: not opened',
} as const;

export type OptionsStringKey = keyof typeof OPTIONS_STRINGS;

/** Looks up an options string; `options.ts` passes one backed by `i18n.getMessage`. */
export type OptionsTranslate = (
  key: OptionsStringKey,
  substitutions?: (string | number)[],
) => string;

/** `$1`… replaced by the substitutions (as `i18n.getMessage` does). */
export function fillIn(text: string, subs: readonly (string | number)[] = []): string {
  return text.replace(/\$(\d)/g, (_, n: string) => String(subs[Number(n) - 1] ?? ''));
}

/** English only (tests, and a page where i18n is unavailable). */
export const englishOptions: OptionsTranslate = (key, subs = []) =>
  fillIn(OPTIONS_STRINGS[key], subs);
