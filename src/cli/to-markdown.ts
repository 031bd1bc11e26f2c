/**
 * Article content (sanitized HTML, as a DOM) → Markdown. A plain DOM walk: headings, paragraphs,
 * lists (nested), links, images, figures with captions, blockquotes, code, tables, rules.
 * Removal markers (`[data-cr-removed]`) and hidden elements are skipped.
 */
import { BLOCK_TAGS } from '../core/blocks.js';
import { PLACEHOLDER_ATTR } from '../core/context.js';

const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
]);

const ELEMENT = 1;
const TEXT = 3;

function skip(el: Element): boolean {
  return (
    SKIP_TAGS.has(el.tagName) || el.hasAttribute(PLACEHOLDER_ATTR) || el.hasAttribute('hidden')
  );
}

function escapeText(s: string): string {
  return s.replace(/([\\`*_[\]<])/g, '\\$1');
}

/** Escapes what would turn a paragraph into a heading, quote, list item or rule. */
function escapeLineStart(s: string): string {
  return s
    .replace(/^(#{1,6})(\s)/, '\\$1$2')
    .replace(/^([>+-])/, '\\$1')
    .replace(/^(\d+)([.)])(\s)/, '$1\\$2$3');
}

function url(href: string): string {
  // encodeURIComponent leaves parentheses alone; Markdown needs them escaped in a link target.
  return href.replace(
    /[ ()<>]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function wrap(inner: string, mark: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
  return m[2] ? `${m[1]}${mark}${m[2]}${mark}${m[3]}` : inner;
}

function inlineChildren(el: Node): string {
  let out = '';
  for (const n of el.childNodes) out += inline(n);
  return out;
}

function inline(n: Node): string {
  if (n.nodeType === TEXT) return escapeText((n.textContent ?? '').replace(/\s+/g, ' '));
  if (n.nodeType !== ELEMENT) return '';
  const el = n as Element;
  if (skip(el)) return '';
  switch (el.tagName) {
    case 'BR':
      return '  \n';
    case 'STRONG':
    case 'B':
      return wrap(inlineChildren(el), '**');
    case 'EM':
    case 'I':
      return wrap(inlineChildren(el), '*');
    case 'DEL':
    case 'S':
      return wrap(inlineChildren(el), '~~');
    case 'CODE':
    case 'KBD':
      return codeSpan(el.textContent ?? '');
    case 'IMG': {
      const src = el.getAttribute('src');
      if (!src) return '';
      return `![${escapeText(el.getAttribute('alt') ?? '')}](${url(src)})`;
    }
    case 'A': {
      const text = inlineChildren(el).trim();
      const href = el.getAttribute('href');
      if (!href || !text || href.startsWith('#')) return text;
      return `[${text}](${url(href)})`;
    }
    default:
      // A block nested in inline content (rare after sanitizing): keep its text in line.
      return BLOCK_TAGS.has(el.tagName) ? ` ${inlineChildren(el)} ` : inlineChildren(el);
  }
}

function paragraph(text: string): string {
  const t = text
    .replace(/ {2,}(?!\n)/g, ' ')
    .split('\n')
    .map((l) => l.replace(/^[ \t]+/, '').replace(/[ \t]+$/, (m) => (m.length >= 2 ? '  ' : '')))
    .join('\n')
    .replace(/^(?: {2}\n)+|(?: {2}\n)+$/g, '')
    .trim();
  return t ? escapeLineStart(t) : '';
}

function blocks(parent: Node): string[] {
  const out: string[] = [];
  let buf = '';
  const flush = (): void => {
    const p = paragraph(buf);
    if (p) out.push(p);
    buf = '';
  };
  for (const n of parent.childNodes) {
    if (n.nodeType === ELEMENT && BLOCK_TAGS.has((n as Element).tagName)) {
      flush();
      if (!skip(n as Element)) out.push(...block(n as Element));
    } else {
      buf += inline(n);
    }
  }
  flush();
  return out;
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((l, i) => (i === 0 ? l : l ? ' '.repeat(prefix.length) + l : l))
    .join('\n');
}

function list(el: Element): string {
  const ordered = el.tagName === 'OL';
  let n = Number(el.getAttribute('start') ?? '1');
  if (!Number.isFinite(n)) n = 1;
  const items: string[] = [];
  for (const li of el.children) {
    if (skip(li)) continue;
    const marker = ordered ? `${n++}. ` : '- ';
    const body = li.tagName === 'LI' ? blocks(li).join('\n') : block(li).join('\n');
    items.push(marker + indent(body, marker));
  }
  return items.join('\n');
}

function table(el: Element): string {
  const rows = [...el.querySelectorAll('tr')].filter((r) => r.closest('table') === el);
  if (!rows.length) return '';
  const cells = rows.map((r) =>
    [...r.children].map((c) =>
      paragraph(inlineChildren(c)).replace(/\n/g, ' ').replace(/\|/g, '\\|'),
    ),
  );
  const width = Math.max(...cells.map((r) => r.length));
  const line = (r: string[]): string =>
    `| ${Array.from({ length: width }, (_, i) => r[i] ?? '').join(' | ')} |`;
  return [line(cells[0]!), `|${' --- |'.repeat(width)}`, ...cells.slice(1).map(line)].join('\n');
}

function block(el: Element): string[] {
  const tag = el.tagName;
  if (/^H[1-6]$/.test(tag)) {
    const text = paragraph(inlineChildren(el))
      .replace(/\s*\n\s*/g, ' ')
      .replace(/^\\/, '');
    return text ? [`${'#'.repeat(Number(tag[1]))} ${text}`] : [];
  }
  switch (tag) {
    case 'P': {
      const p = paragraph(inlineChildren(el));
      return p ? [p] : [];
    }
    case 'UL':
    case 'OL': {
      const l = list(el);
      return l ? [l] : [];
    }
    case 'BLOCKQUOTE': {
      const inner = blocks(el).join('\n\n');
      return inner
        ? [
            inner
              .split('\n')
              .map((l) => (l ? `> ${l}` : '>'))
              .join('\n'),
          ]
        : [];
    }
    case 'PRE': {
      const code = (el.textContent ?? '').replace(/\n$/, '');
      const lang =
        /(?:^|\s)(?:language|lang)-(\S+)/.exec(
          el.querySelector('code')?.className ?? el.className,
        )?.[1] ?? '';
      const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((r) => r.length));
      const fence = '`'.repeat(longest + 1);
      return [`${fence}${lang}\n${code}\n${fence}`];
    }
    case 'HR':
      return ['---'];
    case 'TABLE': {
      const t = table(el);
      return t ? [t] : [];
    }
    case 'FIGCAPTION': {
      const p = paragraph(inlineChildren(el)).replace(/\s*\n\s*/g, ' ');
      return p ? [wrap(p, '*')] : [];
    }
    default:
      return blocks(el);
  }
}

/** Markdown for the content under `root` (an element or a fragment), ending with one newline. */
export function toMarkdown(root: Node): string {
  const md = blocks(root)
    .join('\n\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return md ? `${md}\n` : '';
}
