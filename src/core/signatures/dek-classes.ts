/**
 * Class names of an article's standfirst (research §10, §12.12: a dek, a Quick Take, a lead
 * summary is content, not boilerplate). Exact class tokens, each spelling a site uses (a class
 * selector is case-sensitive; the token test is not).
 */
export const DEK_CLASSES = [
  'dek',
  'subheadline',
  'sub-headline',
  'subtitle',
  'standfirst',
  'quicktake',
  'quickTake',
  'quick-take',
  'article-summary',
  'post-subheading',
  'post__lead',
  'lede',
] as const;
