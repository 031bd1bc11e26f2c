// Test helpers: build jsdom documents and detector contexts from HTML written in the tests.
import { JSDOM } from 'jsdom';
import { RemovalLog, type DetectorContext, type PageSignals } from '../context.js';

export const TEST_URL = 'https://news.example.com/info/1.html';

export function makeDocument(html: string, url = TEST_URL): Document {
  return new JSDOM(html, { url }).window.document;
}

/** A post-phase context over a `<div>` holding `html`, with its log. */
export function postContext(
  html: string,
  signals: Partial<PageSignals> = {},
): { ctx: DetectorContext; log: RemovalLog; root: Element } {
  const doc = makeDocument(`<!doctype html><html><body><div id="root">${html}</div></body></html>`);
  const root = doc.getElementById('root')!;
  const log = new RemovalLog();
  const ctx = log.context('post', doc, root, new URL(TEST_URL), {
    farm: false,
    tagText: '',
    date: null,
    ...signals,
  });
  return { ctx, log, root };
}

/** A pre-phase context over a whole page body. */
export function preContext(bodyHtml: string): {
  ctx: DetectorContext;
  log: RemovalLog;
  doc: Document;
} {
  const doc = makeDocument(`<!doctype html><html><body>${bodyHtml}</body></html>`);
  const log = new RemovalLog();
  const ctx = log.context('pre', doc, doc.body, new URL(TEST_URL), {
    farm: false,
    tagText: '',
    date: null,
  });
  return { ctx, log, doc };
}
