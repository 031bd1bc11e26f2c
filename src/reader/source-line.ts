/**
 * The source line under the title: the site's name linking to the page
 * (`data-testid="reader-source-link"`) and, for a farm copy that names its original, a link to
 * it (`data-testid="reader-original-link"`). Links open in a new tab: the reader's frame must
 * not navigate, and the page under the reader is already the source.
 */
import { h } from './dom.js';
import type { ReaderTranslate } from './reader-strings.js';
import type { SourceLinks } from './source-link.js';

export function buildSourceLine(
  doc: Document,
  links: SourceLinks,
  t: ReaderTranslate,
): HTMLElement | null {
  const { site, original } = links;
  if (!site && !original) return null;
  const a = (href: string, testid: string, title: string, text: string) =>
    h(
      doc,
      'a',
      { href, target: '_blank', rel: 'noopener noreferrer', 'data-testid': testid, title },
      [text],
    );
  return h(doc, 'p', { class: 'cr-source' }, [
    site ? a(site.url, 'reader-source-link', t('reader_sourceLink', [site.name]), site.name) : null,
    site && original ? ' · ' : null,
    original
      ? a(
          original.url,
          'reader-original-link',
          original.url,
          t('reader_originalLink', [original.host]),
        )
      : null,
  ]);
}
