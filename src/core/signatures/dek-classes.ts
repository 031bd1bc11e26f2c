/**
 * Class names of an article's standfirst (research §10, §12.12: a dek, a Quick Take, a lead
 * summary is content, not boilerplate). Exact class tokens, compared lower-case.
 */
export const DEK_CLASSES = [
  'dek',
  'subheadline',
  'sub-headline',
  'subtitle',
  'standfirst',
  'quicktake',
  'quick-take',
  'article-summary',
  'post-subheading',
  'post__lead',
  'lede',
] as const;
