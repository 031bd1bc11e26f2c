import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { extractArticle } from '../../src/index.js';
import type { Article } from '../../src/index.js';

const quiet = new VirtualConsole();

/** A jsdom document as the benchmarks build it: no scripts, no resources, CSS errors silenced. */
export function makeDom(
  html: string,
  url: string,
  options: { stripComments?: boolean } = {},
): JSDOM {
  const dom = new JSDOM(html, { url, virtualConsole: quiet });
  if (options.stripComments) removeComments(dom.window.document);
  return dom;
}

/** What Readability's own test harness does before parsing (test/test-readability.js). */
export function removeComments(doc: Document): void {
  const walker = doc.createTreeWalker(doc, 128 /* NodeFilter.SHOW_COMMENT */);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const c of comments) c.parentNode?.removeChild(c);
}

export interface BareResult {
  textContent: string | null;
  /** Readability's article root (identity serializer), for the paragraph audit. */
  content: Element | null;
}

/** Bare Readability 0.6.0 on a clone of `doc`, default options unless given. */
export function runBare(doc: Document, classesToPreserve?: string[]): BareResult {
  const clone = doc.cloneNode(true) as Document;
  const parsed = new Readability<Element>(clone, {
    serializer: (n) => n as Element,
    ...(classesToPreserve ? { classesToPreserve } : {}),
  }).parse();
  return { textContent: parsed?.textContent ?? null, content: parsed?.content ?? null };
}

/** The pipeline; an exception is reported, not thrown, so one bad page does not stop a run. */
export function runPipeline(
  doc: Document,
  url: string,
): { article: Article | null; error: string | null } {
  try {
    return { article: extractArticle(doc, { url }), error: null };
  } catch (e) {
    return { article: null, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}
