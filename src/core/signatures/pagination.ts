/**
 * Pagination as farms and CMS templates print it (research §9, §11 T20), in match form
 * (`normalize.ts`) and one script (variants are generated). A block must be nothing but one of
 * these to count.
 */
/** Words of a page list: previous/next/first/last and the arrows. */
export const PAGE_NAV = [
  '上一页',
  '下一页',
  '首页',
  '末页',
  '尾页',
  'prev',
  'previous',
  'next',
  '«',
  '»',
  '‹',
  '›',
  '<',
  '>',
  '←',
  '→',
];
/** A page line: `第1页`, `共3页:`, `Page 2 of 5`. One of these alone is pagination. */
export const PAGE_LINES = [
  '第\\s*\\d{1,3}\\s*页',
  '共\\s*\\d{1,3}\\s*页\\s*:?',
  'page\\s+\\d{1,3}\\s+of\\s+\\d{1,3}',
];
