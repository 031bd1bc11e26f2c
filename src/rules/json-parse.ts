/**
 * Strict JSON (RFC 8259: no comments, no trailing commas) with positions, on `jsonc-parser`
 * (the scanner VS Code uses for settings files). Syntax errors carry line:column, and every
 * value can be found by JSON pointer (`/rules/3/remove/1`) so rule errors point into the file.
 *
 * `JSON.parse` decides what is valid and gives the value (one grammar for the whole app: what
 * the options page accepts, the CLI accepts); jsonc-parser gives the positions: of the first
 * error when `JSON.parse` refuses the text, of each value when it accepts it.
 */
import { parseTree, printParseErrorCode, visit, type Node, type ParseOptions } from 'jsonc-parser';

export interface JsonPosition {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
}

export type JsonParseResult =
  | { ok: true; value: unknown; positionOf(pointer: string): JsonPosition | undefined }
  | { ok: false; message: string; line: number; column: number };

const STRICT: ParseOptions = { disallowComments: true, allowTrailingComma: false };

export function positionAt(text: string, offset: number): JsonPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** "PropertyNameExpected" → "property name expected". */
function describeCode(code: number): string {
  return printParseErrorCode(code as Parameters<typeof printParseErrorCode>[0])
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

/** The first syntax error jsonc-parser finds in strict mode, or null. */
function firstError(text: string): { message: string; offset: number } | null {
  let found: { message: string; offset: number } | null = null;
  visit(
    text,
    {
      onError(code, offset) {
        found ??= { message: describeCode(code), offset };
      },
    },
    STRICT,
  );
  return found;
}

export function parseJson(text: string): JsonParseResult {
  // A BOM from Windows editors: skipped (JSON.parse refuses it); offsets stay those of `text`.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = bom ? ' ' + text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    const err = firstError(body);
    if (err) return { ok: false, message: err.message, ...positionAt(text, err.offset) };
    // A shape jsonc-parser lets through but JSON.parse does not (e.g. a raw control character
    // in a string): the engine's message, and its position when it gives one.
    const msg = (e as Error).message;
    const at = /position (\d+)/.exec(msg);
    return { ok: false, message: msg, ...positionAt(text, at ? Number(at[1]) : 0) };
  }
  let tree: Node | undefined | null = null;
  const positionOf = (pointer: string): JsonPosition | undefined => {
    tree ??= parseTree(body, undefined, STRICT);
    let node: Node | undefined = tree ?? undefined;
    for (const raw of pointer === '' ? [] : pointer.split('/').slice(1)) {
      if (!node) return undefined;
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      node = childAt(node, key);
    }
    return node ? positionAt(text, node.offset) : undefined;
  };
  return { ok: true, value, positionOf };
}

/** The value under `key` in an object or array node (the last one for a repeated key, as in
 * `JSON.parse`). */
function childAt(node: Node, key: string): Node | undefined {
  if (node.type === 'array') return /^\d+$/.test(key) ? node.children?.[Number(key)] : undefined;
  if (node.type !== 'object') return undefined;
  let found: Node | undefined;
  for (const prop of node.children ?? []) {
    if (prop.children?.[0]?.value === key) found = prop.children[1];
  }
  return found;
}
