/**
 * The bare reader's content script (a benchmark baseline, never shipped): what a minimal reader
 * does and nothing more. On `bare/toggle` it runs Readability on a clone of the page and shows its
 * HTML in an open shadow root over the page; the next toggle removes it. No rules, no detectors,
 * no sanitizer, no outline, no settings: the floor the extension's open path is compared with.
 */
import { Readability } from '@mozilla/readability';

interface RuntimeApi {
  runtime: {
    onMessage: {
      addListener(
        fn: (msg: unknown, sender: unknown, reply: (r: unknown) => void) => boolean | void,
      ): void;
    };
  };
}

const api = ((globalThis as { browser?: RuntimeApi }).browser ??
  (globalThis as unknown as { chrome: RuntimeApi }).chrome) as RuntimeApi;
const INJECTED = Symbol.for('bare-reader.content');

const CSS = `:host{all:initial}
.root{position:fixed;inset:0;z-index:2147483647;overflow:auto;background:#fff;color:#111;
font:18px/1.6 Georgia,serif}
.col{max-width:40em;margin:0 auto;padding:2em 1em}
img{max-width:100%;height:auto}`;

let host: HTMLElement | null = null;
let overflow = '';

function open(): { open: boolean; found: boolean } {
  const article = new Readability(document.cloneNode(true) as Document).parse();
  host = document.createElement('bare-reader');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = CSS;
  const root = document.createElement('div');
  root.className = 'root';
  root.dataset.testid = 'reader-root';
  const col = document.createElement('article');
  col.className = 'col';
  const title = document.createElement('h1');
  title.textContent = article?.title ?? 'No article found';
  const content = document.createElement('div');
  content.dataset.testid = 'reader-content';
  // Readability's HTML as a bare reader shows it: parsed and moved in, not sanitized.
  const parsed = new DOMParser().parseFromString(article?.content ?? '', 'text/html');
  content.append(...Array.from(parsed.body.childNodes, (n) => document.adoptNode(n)));
  col.append(title, content);
  root.append(col);
  shadow.append(style, root);
  document.documentElement.append(host);
  overflow = document.documentElement.style.overflow;
  document.documentElement.style.overflow = 'hidden';
  return { open: true, found: article !== null };
}

function close(): { open: boolean; found: boolean } {
  host?.remove();
  host = null;
  document.documentElement.style.overflow = overflow;
  return { open: false, found: false };
}

const scope = globalThis as unknown as Record<symbol, boolean | undefined>;
if (!scope[INJECTED]) {
  scope[INJECTED] = true;
  api.runtime.onMessage.addListener((msg, _sender, reply) => {
    if ((msg as { type?: string } | null)?.type !== 'bare/toggle') return;
    reply(host ? close() : open());
  });
}
