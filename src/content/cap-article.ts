import type { Article } from '../core/types.js';

/**
 * Absurdly long pages are cut (issue 12): past `ABSURD_CHARS` of text (1 MB) the reader shows the
 * first `MAX_ARTICLE_CHARS` (still hours of reading) and says so, instead of extracting, sending
 * and laying out megabytes the user will not read in one sitting.
 */
export const ABSURD_CHARS = 1_000_000;
export const MAX_ARTICLE_CHARS = 400_000;

/**
 * Cuts `article` after the block that crosses `max` characters of text. The HTML is cut at a
 * closing block tag (the frame's parser closes what stays open); outline entries whose heading
 * went are dropped.
 */
export function capArticle(
  article: Article,
  max = MAX_ARTICLE_CHARS,
  absurd = ABSURD_CHARS,
): { article: Article; truncated: boolean } {
  if (article.textContent.length <= absurd) return { article, truncated: false };
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

/**
 * For an absurdly long page (more text than `absurd`), a copy of the document that holds only
 * the start of it: the head, and the body up to the block that crosses `max` characters of
 * text. Extraction then costs what a normal long article costs, not seconds of a frozen tab
 * (issue 12: 50,000 paragraphs took 8 s). Returns null when the page is not that long. The
 * copy is built by walking the body once and cloning only what is kept.
 */
export function capDocument(
  doc: Document,
  max = MAX_ARTICLE_CHARS,
  absurd = ABSURD_CHARS,
): Document | null {
  const body = doc.body;
  if (!body || (body.textContent ?? '').length <= absurd) return null;
  const copy = doc.implementation.createHTMLDocument('');
  const html = copy.documentElement;
  for (const attr of doc.documentElement.attributes) html.setAttribute(attr.name, attr.value);
  if (doc.head) html.replaceChild(copy.importNode(doc.head, true), copy.head);
  const newBody = copy.importNode(body, false) as HTMLElement;
  html.replaceChild(newBody, copy.body);
  let budget = max;
  // Clones `from`'s children into `to` while the budget lasts; descends into the child that
  // crosses it, so the cut falls between blocks, deep inside a wrapper if need be.
  const fill = (from: Node, to: Node): void => {
    for (let child = from.firstChild; child && budget > 0; child = child.nextSibling) {
      const len = (child.textContent ?? '').length;
      if (len <= budget || child.nodeType !== 1) {
        to.appendChild(copy.importNode(child, true));
        budget -= len;
      } else {
        const shell = copy.importNode(child, false);
        to.appendChild(shell);
        fill(child, shell);
      }
    }
  };
  fill(body, newBody);
  return copy;
}
