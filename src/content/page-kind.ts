/**
 * What kind of document the reader was asked to open (issue 12): documents it cannot read say
 * so (the background shows the reason on the toolbar button), and an article that lives in a
 * same-origin frame filling most of the page is read from that frame.
 */

/** Why this document cannot be read, or null. */
export function refusal(doc: Document): string | null {
  const type = doc.contentType;
  if (type === 'application/pdf') return 'PDF documents cannot be read';
  if (!doc.documentElement || doc.documentElement.namespaceURI !== 'http://www.w3.org/1999/xhtml')
    return 'only HTML pages can be read';
  const body = doc.body;
  // Chromium's PDF viewer: the tab's document is a shell around one full-size <embed>.
  if (body?.children.length === 1 && body.firstElementChild?.localName === 'embed') {
    const t = body.firstElementChild.getAttribute('type') ?? '';
    if (/pdf/i.test(t)) return 'PDF documents cannot be read';
  }
  if (body?.localName === 'frameset') return 'pages made of frames (a frameset) cannot be read';
  return null;
}

/** A frame covering at least this share of the viewport holds the page's content. */
const FILLS = 0.6;
/** …when the page around it has less text than this. */
const OWN_TEXT_MAX = 2000;

/**
 * The document to read: `doc`, or the same-origin `<iframe>` that fills most of the viewport
 * when the page around it is a thin shell. Cross-origin frames cannot be read from here.
 */
export function articleDocument(doc: Document): Document {
  const win = doc.defaultView;
  const body = doc.body;
  if (!win || !body) return doc;
  const area = win.innerWidth * win.innerHeight;
  if (!area) return doc;
  let best: { doc: Document; share: number } | null = null;
  for (const frame of doc.querySelectorAll('iframe')) {
    const box = frame.getBoundingClientRect();
    const w = Math.max(0, Math.min(box.right, win.innerWidth) - Math.max(box.left, 0));
    const h = Math.max(0, Math.min(box.bottom, win.innerHeight) - Math.max(box.top, 0));
    const share = (w * h) / area;
    if (share < FILLS || (best && share <= best.share)) continue;
    let inner: Document | null = null;
    try {
      inner = frame.contentDocument;
    } catch {
      inner = null; // cross-origin
    }
    if (inner?.body && (inner.body.textContent ?? '').trim().length > 0)
      best = { doc: inner, share };
  }
  if (!best) return doc;
  const own = (body.innerText ?? body.textContent ?? '').trim().length;
  return own < OWN_TEXT_MAX ? best.doc : doc;
}
