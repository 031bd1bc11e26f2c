/**
 * Every UI string the reader shows, with its English text as a fallback. The text the user sees
 * comes from `_locales/<lang>/messages.json` (a unit test checks every key is in every locale);
 * `$1` is a substitution.
 */
export const STRINGS = {
  close: 'Close reader (Esc)',
  outline: 'Outline',
  outlineToggle: 'Show or hide the outline',
  removedCount: '$1 removed',
  removedTitle: 'Removed from this page',
  removedShow: 'Show',
  removedHide: 'Hide',
  removedNotInText: 'Not part of the text',
  removedNone: 'Nothing was removed.',
  settings: 'Reading settings',
  theme: 'Theme',
  themeSystem: 'System',
  themeLight: 'Light',
  themeSepia: 'Sepia',
  themeDark: 'Dark',
  fontSize: 'Font size',
  lineHeight: 'Line height',
  contentWidth: 'Width',
  fontFamily: 'Font',
  fontSerif: 'Serif',
  fontSans: 'Sans',
  smaller: 'Smaller',
  larger: 'Larger',
  readingTime: '$1 min read',
  noArticle: 'Crypto Reader found no article on this page.',
  dismiss: 'Dismiss',
  hideLikeThis: 'Hide blocks like this on $1',
  hideByText: 'Hide blocks starting with “$1” ($2 in this article)',
  hideByClass: 'Hide blocks with class $1 ($2 in this article)',
  hideConfirm: 'Hide them',
  hideCancel: 'Cancel',
  hideUndo: 'Undo',
  hideSaved: 'Hidden on $1 ($2 removed). The rule is saved in your site rules.',
  hideUndone: 'Undone: the rule is deleted.',
  hideFailed: 'Could not save the rule: $1',
  hideNone: 'No rule can be made from this block.',
  truncated: 'This page is very long: the reader shows its first part only.',
} as const;

export type StringKey = keyof typeof STRINGS;

/** Looks up a UI string; the content script passes one backed by `i18n.getMessage`. */
export type Translate = (key: StringKey, substitutions?: string[]) => string;

/** English only (tests, and any page where i18n is unavailable). */
export const englishStrings: Translate = (key, subs = []) =>
  STRINGS[key].replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
