import type { Article } from '../core/types.js';

/**
 * Absurdly long articles are cut (issue 12): past this much text the reader shows the first part
 * and says so, instead of sending and laying out megabytes the user will not read in one sitting.
 */
export const MAX_ARTICLE_CHARS = 1_000_000;

/**
 * Cuts `article` after the block that crosses `max` characters of text. The HTML is cut at a
 * closing block tag (the frame's parser closes what stays open); outline entries whose heading
 * went are dropped.
 */
export function capArticle(
  article: Article,
  max = MAX_ARTICLE_CHARS,
): { article: Article; truncated: boolean } {
  if (article.textContent.length <= max) return { article, truncated: false };
  const html = article.contentHtml;
  // Where in the HTML the text passes `max`, roughly (markup is spread evenly enough).
  const at = Math.floor((max / article.textContent.length) * html.length);
  const close = /<\/(?:p|div|section|blockquote|ul|ol|table|pre|h[1-6]|figure)>/gi;
  close.lastIndex = at;
  const m = close.exec(html);
  const cut = m ? m.index + m[0].length : at;
  const contentHtml = html.slice(0, cut);
  const outline = article.outline.filter((e) => contentHtml.includes(`id="${e.id}"`));
  return {
    article: { ...article, contentHtml, outline, textContent: article.textContent.slice(0, max) },
    truncated: true,
  };
}
