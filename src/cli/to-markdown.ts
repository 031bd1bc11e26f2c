/**
 * Article content (sanitized HTML, as a DOM) → Markdown, by turndown with the GFM plugin (tables).
 * turndown walks the DOM, collapses whitespace, escapes text and writes code and tables; our rules
 * on top keep what the CLI printed before the switch (identical on every test page, see
 * markdown-pages.test.ts): removal markers (`[data-cr-removed]`), hidden and script-like elements
 * are skipped; `-`/`1.` list markers with one space; captions in italics; in-page anchors and empty
 * links become their text; percent-encoded link targets; `~~` strikethrough; one-line headings and
 * table rows; `prepare` fits the content to what GFM can say (header rows, no nested tables).
 */
import TurndownService from 'turndown';
import { gfm } from 'turndown-plugin-gfm';
import { BLOCK_TAGS } from '../core/blocks.js';
import { PLACEHOLDER_ATTR } from '../core/context.js';

const ELEMENT = 1;
const TEXT = 3;

const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE', 'META', 'LINK']);

function skipped(node: HTMLElement): boolean {
  return (
    SKIP_TAGS.has(node.nodeName) ||
    node.hasAttribute(PLACEHOLDER_ATTR) ||
    node.hasAttribute('hidden')
  );
}

function createService(): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    hr: '---',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '*',
    strongDelimiter: '**',
  });
  service.use(gfm);
  // Text that looks like a tag must stay text: turndown leaves "<" alone, and Markdown renderers
  // pass raw HTML through.
  const escape = service.escape.bind(service);
  service.escape = (text: string) => escape(text).replace(/</g, '\\<');
  // Rules added later win over earlier ones and over turndown's and the plugin's.
  service.addRule('strikethrough', {
    // Two tildes: a single one is GitHub-only, `~~` is what other GFM renderers read too.
    filter: (node) => ['DEL', 'S', 'STRIKE'].includes(node.nodeName),
    replacement: (content) => (content.trim() ? `~~${content}~~` : ''),
  });
  service.addRule('tableCell', {
    // One line per row: a pipe or a line break in a cell would end it.
    filter: ['th', 'td'],
    replacement: (content, node) => {
      const text = content
        .trim()
        .replace(/\s*\n+\s*/g, ' ')
        .replace(/\|/g, '\\|');
      return `${node.previousElementSibling ? ' ' : '| '}${text} |`;
    },
  });
  service.addRule('lineBreak', {
    // A break before or after all the content of its block only adds a trailing "  " or a blank
    // line.
    filter: 'br',
    replacement: (_content, node) => {
      if (!contentBeside(node, 'previousSibling') || !contentBeside(node, 'nextSibling')) return '';
      // The second of two breaks (around nothing but spaces) ends the line it would leave empty.
      let s = node.previousSibling;
      while (s && s.nodeName !== 'BR' && !s.textContent?.trim() && s.nodeName !== 'IMG') {
        s = s.previousSibling;
      }
      return s?.nodeName === 'BR' ? '\n' : '  \n';
    },
  });
  service.addRule('emphasis', {
    // Spaces and line breaks at the edges go outside the marks: `**bold  \n**` is not bold.
    filter: ['strong', 'b', 'em', 'i'],
    replacement: (content, node) => {
      const mark = node.nodeName === 'STRONG' || node.nodeName === 'B' ? '**' : '*';
      const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(content)!;
      return m[2] ? `${m[1]}${mark}${m[2]}${mark}${m[3]}` : content;
    },
  });
  service.addRule('figcaption', {
    filter: 'figcaption',
    replacement: (content) => {
      const text = content.trim().replace(/\s*\n+\s*/g, ' ');
      return text ? `\n\n*${text}*\n\n` : '';
    },
  });
  service.addRule('preformatted', {
    // turndown fences only <pre><code>; sanitized content also has a bare <pre>.
    filter: (node) => node.nodeName === 'PRE' && node.firstChild?.nodeName !== 'CODE',
    replacement: (_content, node) => {
      const code = (node.textContent ?? '').replace(/\n$/, '');
      const longest = Math.max(2, ...(code.match(/^`{3,}/gm) ?? []).map((r) => r.length));
      const fence = '`'.repeat(longest + 1);
      return `\n\n${fence}\n${code}\n${fence}\n\n`;
    },
  });
  service.addRule('listItem', {
    filter: 'li',
    replacement: (content, node) => {
      const parent = node.parentNode as HTMLElement | null;
      let prefix = '- ';
      if (parent?.nodeName === 'OL') {
        const start = Number(parent.getAttribute('start') ?? '1');
        const index = [...parent.children].filter((c) => c.nodeName === 'LI').indexOf(node);
        prefix = `${(Number.isFinite(start) ? start : 1) + index}. `;
      }
      const body = content.replace(/^\n+/, '').replace(/\n+$/, '\n');
      const indented = body.replace(/\n(?=.)/g, `\n${' '.repeat(prefix.length)}`);
      return `${prefix}${indented.replace(/\n$/, '')}${node.nextSibling ? '\n' : ''}`;
    },
  });
  service.addRule('heading', {
    // A heading is one line: a <br> in it would end it.
    filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
    replacement: (content, node) => {
      const text = content.replace(/\s*\n\s*/g, ' ').trim();
      return text ? `\n\n${'#'.repeat(Number(node.nodeName[1]))} ${text}\n\n` : '';
    },
  });
  service.addRule('image', {
    filter: 'img',
    replacement: (_content, node) => {
      const src = node.getAttribute('src');
      const alt = service!.escape((node.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim());
      return src ? `![${alt}](${destination(src)})` : '';
    },
  });
  service.addRule('inlineLink', {
    filter: (node) => node.nodeName === 'A' && !!node.getAttribute('href'),
    replacement: (content, node) => `[${content}](${destination(node.getAttribute('href')!)})`,
  });
  service.addRule('plainAnchor', {
    // A link to a place in the original page (or with no text) means nothing in the Markdown.
    filter: (node) => {
      if (node.nodeName !== 'A') return false;
      const href = node.getAttribute('href');
      return (
        !href || href.startsWith('#') || (!node.textContent?.trim() && !node.querySelector('img'))
      );
    },
    replacement: (content) => content,
  });
  service.addRule('crSkipped', {
    filter: (node) => skipped(node),
    replacement: () => '',
  });
  return service;
}

let service: TurndownService | null = null;

/**
 * A link target as the CLI always printed it: the few characters that end or break a Markdown
 * destination are percent-encoded (turndown backslash-escapes them and wraps a target with spaces
 * in <>, which is valid but reads worse and differs from our earlier output).
 */
function destination(href: string): string {
  return href.replace(
    /[ ()<>]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** Whether text or an image comes before (after) `node` inside its block. */
function contentBeside(node: Node, dir: 'previousSibling' | 'nextSibling'): boolean {
  for (let n: Node | null = node; n && !BLOCK_TAGS.has(n.nodeName); n = n.parentNode) {
    for (let s = n[dir]; s; s = s[dir]) {
      if (s.nodeName === 'BR') continue;
      if (BLOCK_TAGS.has(s.nodeName)) return false;
      if (s.textContent?.trim() || s.nodeName === 'IMG') return true;
      if (s.nodeType === ELEMENT && (s as Element).querySelector('img')) return true;
    }
  }
  return false;
}

/**
 * What turndown leaves to the caller, done on our own copy of the content: every run of
 * whitespace (NBSP, U+3000, U+FEFF included) is one space outside code, as the CLI always printed;
 * link and image titles (tooltips, mostly repeating the text) are dropped; GFM tables need a header
 * row and as many cells in each row as in the header, so the first row becomes the header, short
 * rows are padded, and a caption becomes a paragraph above the table; a one-column layout table
 * is unwrapped into its cells' blocks.
 */
function prepare(root: Node): void {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* elements and text */);
  for (let n: Node | null = walker.currentNode; n; n = walker.nextNode()) {
    if (n.nodeType === TEXT) {
      if (!n.parentElement?.closest('pre, code')) n.nodeValue = n.nodeValue!.replace(/\s+/g, ' ');
    } else if (n.nodeType === ELEMENT && (n.nodeName === 'A' || n.nodeName === 'IMG')) {
      (n as Element).removeAttribute('title');
    }
  }
  if (!('querySelectorAll' in root)) return;
  const parent = root as ParentNode;
  // <picture> sources are not content (the <img> is), and the whitespace between them would
  // indent the image's line into a code block.
  for (const el of parent.querySelectorAll('source, track, wbr')) el.remove();
  // A list right inside a list (invalid, but common) shows as nested in the item before it.
  for (const list of parent.querySelectorAll(':is(ul, ol) > :is(ul, ol)')) {
    let item = list.previousElementSibling;
    if (item?.nodeName !== 'LI') list.before((item = doc.createElement('li')));
    item.append(list);
  }
  for (const table of [...parent.querySelectorAll('table')].reverse()) {
    const t = table as HTMLTableElement;
    if (t.parentElement?.closest('td, th')) {
      // A table in a table cell cannot be a GFM table: its cells become text in the outer cell.
      const cells = [...t.rows].flatMap((r) => [...r.cells]);
      t.replaceWith(...cells.flatMap((c) => [...c.childNodes, doc.createTextNode(' ')]));
      continue;
    }
    // A layout table (one cell a row: farm pages put a paragraph or a heading in each) is not
    // tabular data: its cells' blocks are the content.
    if ([...t.rows].every((r) => r.cells.length <= 1)) {
      const blocks = [...t.rows]
        .flatMap((r) => [...r.cells])
        .map((c) => {
          const div = doc.createElement('div');
          div.append(...c.childNodes);
          return div;
        });
      t.replaceWith(...blocks);
      continue;
    }
    if (t.caption) {
      const p = doc.createElement('p');
      p.append(...t.caption.childNodes);
      t.caption.remove();
      t.before(p);
    }
    const rows = [...t.rows];
    const first = rows[0];
    if (!first) continue;
    if (!t.tHead) t.createTHead().append(first);
    const width = Math.max(...rows.map((r) => r.cells.length));
    for (const r of rows) while (r.cells.length < width) r.insertCell();
  }
}

/** Markdown for the content under `root` (an element or a fragment), ending with one newline. */
export function toMarkdown(root: Node): string {
  service ??= createService();
  const copy = root.cloneNode(true);
  prepare(copy);
  const md = service
    .turndown(copy as HTMLElement)
    // turndown quotes a blank line inside a blockquote as "> ": no trailing space.
    .replace(/^(>[> ]*?) +$/gm, '$1')
    .replace(/\n{3,}/g, '\n\n');
  return md ? `${md}\n` : '';
}
