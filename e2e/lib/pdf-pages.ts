import { constants, inflateSync } from 'node:zlib';

/**
 * The number of pages of a PDF: `/Type /Page` dictionaries, in the file and in its Flate
 * streams (Firefox puts objects in compressed object streams; Chromium does not). Enough for
 * the print tests, which only need to tell one clipped page from a whole article.
 */
export function pdfPageCount(pdf: Buffer): number {
  const raw = pdf.toString('latin1');
  const count = (s: string) => s.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  let pages = count(raw);
  const stream = /(?<!end)stream\r?\n/g;
  for (let m = stream.exec(raw); m; m = stream.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    try {
      pages += count(
        inflateSync(pdf.subarray(start, end), { finishFlush: constants.Z_SYNC_FLUSH }).toString(
          'latin1',
        ),
      );
    } catch {
      // Not a Flate stream (an image, a font): no page dictionaries in it.
    }
    stream.lastIndex = end;
  }
  return pages;
}
