/**
 * A small strict JSON parser that reports syntax errors with line:column (the messages of
 * `JSON.parse` differ between engines and do not always carry a position) and remembers where
 * each value starts, so rule errors can point into the file by JSON pointer
 * (`/rules/3/remove/1`). Same grammar as `JSON.parse` (RFC 8259).
 */

export interface JsonPosition {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
}

export type JsonParseResult =
  | { ok: true; value: unknown; positionOf(pointer: string): JsonPosition | undefined }
  | { ok: false; message: string; line: number; column: number };

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

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

function describe(ch: string | undefined): string {
  return ch === undefined ? 'end of input' : `"${ch}"`;
}

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

export function parseJson(text: string): JsonParseResult {
  // Where each member of each container starts, keyed by the container (recording JSON-pointer
  // strings for every value instead costs more than the parse itself on large files).
  const memberOffsets = new WeakMap<object, Map<string, number>>();
  let rootOffset = 0;
  let i = 0;
  const ws = (): void => {
    while (i < text.length && isWs(text.charCodeAt(i))) i++;
  };
  const fail = (message: string, at = i): never => {
    throw new JsonSyntaxError(message, at);
  };
  const parseString = (): string => {
    const start = i;
    let escaped = false;
    i++;
    for (;;) {
      if (i >= text.length) fail('unterminated string', start);
      const c = text.charCodeAt(i);
      if (c === 0x22) break;
      if (c < 0x20) fail('control character in string (escape it)');
      if (c === 0x5c) {
        escaped = true;
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad \\u escape');
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) fail(`bad escape "\\${e ?? ''}"`);
        i += 2;
        continue;
      }
      i++;
    }
    i++;
    return escaped ? (JSON.parse(text.slice(start, i)) as string) : text.slice(start + 1, i - 1);
  };
  const parseValue = (): unknown => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      const offsets = new Map<string, number>();
      memberOffsets.set(obj, offsets);
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"')
          fail(`expected a property name in double quotes, found ${describe(text[i])}`);
        const key = parseString();
        ws();
        if (text[i] !== ':') fail(`expected ":" after property name, found ${describe(text[i])}`);
        i++;
        ws();
        offsets.set(key, i);
        const v = parseValue();
        // defineProperty: a "__proto__" key stays an own property, as with JSON.parse.
        Object.defineProperty(obj, key, {
          value: v,
          enumerable: true,
          writable: true,
          configurable: true,
        });
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        fail(`expected "," or "}" after a property value, found ${describe(text[i])}`);
      }
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      const offsets = new Map<string, number>();
      memberOffsets.set(arr, offsets);
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        ws();
        offsets.set(String(arr.length), i);
        arr.push(parseValue());
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail(`expected "," or "]" after an array element, found ${describe(text[i])}`);
      }
    }
    if (c === '"') return parseString();
    const lit = /^(?:true|false|null)/.exec(text.slice(i, i + 5));
    if (lit) {
      i += lit[0].length;
      return JSON.parse(lit[0]) as unknown;
    }
    const num = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (num) {
      i += num[0].length;
      return Number(num[0]);
    }
    return fail(`unexpected ${describe(c)}, expected a JSON value`);
  };
  try {
    if (text.charCodeAt(0) === 0xfeff) i = 1; // a BOM from Windows editors
    ws();
    rootOffset = i;
    const value = parseValue();
    ws();
    if (i < text.length) fail(`unexpected ${describe(text[i])} after the end of the JSON value`);
    let lineStarts: number[] | null = null;
    const toPosition = (offset: number): JsonPosition => {
      if (!lineStarts) {
        lineStarts = [0];
        for (let k = 0; k < text.length; k++)
          if (text.charCodeAt(k) === 0x0a) lineStarts.push(k + 1);
      }
      let lo = 0;
      let hi = lineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lineStarts[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
    };
    const positionOf = (pointer: string): JsonPosition | undefined => {
      if (pointer === '') return toPosition(rootOffset);
      let node: unknown = value;
      let offset: number | undefined;
      for (const raw of pointer.split('/').slice(1)) {
        const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
        if (typeof node !== 'object' || node === null) return undefined;
        offset = memberOffsets.get(node)?.get(key);
        if (offset === undefined) return undefined;
        node = (node as Record<string, unknown>)[key];
      }
      return offset === undefined ? undefined : toPosition(offset);
    };
    return { ok: true, value, positionOf };
  } catch (e) {
    if (e instanceof JsonSyntaxError)
      return { ok: false, message: e.message, ...positionAt(text, e.offset) };
    // Deep nesting overflows the stack: report it rather than throw.
    return {
      ok: false,
      message: `could not parse: ${(e as Error).message}`,
      ...positionAt(text, i),
    };
  }
}
