/**
 * A file name from the article's clean title that every system accepts: Windows is the strictest
 * (forbidden characters `<>:"/\|?*` and controls, reserved device names such as `CON` or
 * `COM1.md`, no trailing dot or space), macOS and Linux cap a name at 255 bytes of UTF-8 (a CJK
 * character is 3), and a leading dot hides a file on both.
 */

/** Windows forbids these in names; bidi and zero-width controls hide what a name says. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]+/gu;
/** Device names, with or without an extension (`nul.md` is the device too). */
const RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Well under 255 bytes: the browser may add ` (1)`, and paths have limits of their own. */
const MAX_BYTES = 180;
/** Long titles make unwieldy names; Windows Explorer shows about this many characters. */
const MAX_CHARS = 120;

const utf8 = new TextEncoder();

function cut(text: string, maxChars: number, maxBytes: number): string {
  let out = '';
  let bytes = 0;
  let chars = 0;
  // By code point, so a surrogate pair (an emoji, a rare Han character) is never split.
  for (const ch of text) {
    const b = utf8.encode(ch).length;
    if (chars + 1 > maxChars || bytes + b > maxBytes) break;
    out += ch;
    bytes += b;
    chars++;
  }
  return out;
}

/**
 * `title` as a file name ending in `.extension` (`比特币:下一步?` → `比特币 下一步.md`);
 * `fallback` when nothing of the title is left.
 */
export function exportFileName(title: string, extension: string, fallback = 'article'): string {
  const ext = extension.replace(/^\.+/, '').replace(/[^A-Za-z0-9]/g, '');
  const clean = (s: string) =>
    s
      .normalize('NFC')
      .replace(FORBIDDEN, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^[.\s]+/, '');
  let base = cut(clean(title), MAX_CHARS, MAX_BYTES - utf8.encode(ext).length - 1);
  // Windows drops a trailing dot or space silently, which changes the name: take them off first.
  base = base.replace(/[.\s]+$/, '');
  if (!base) base = clean(fallback) || 'article';
  if (RESERVED.test(base.split('.')[0]!.trim())) base = `_${base}`;
  return ext ? `${base}.${ext}` : base;
}
