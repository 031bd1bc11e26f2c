/** A plain-text table (columns padded; numbers right-aligned) or a Markdown one. */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  markdown = false,
): string {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? String(c) : c)));
  const numeric = headers.map(
    (_, i) =>
      rows.length > 0 &&
      rows.every((r) => typeof r[i] === 'number' || /^[-+]?[\d.,×%]+$/.test(String(r[i] ?? ''))),
  );
  if (markdown) {
    const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
    return [
      `| ${headers.map(esc).join(' | ')} |`,
      `| ${headers.map((_, i) => (numeric[i] ? '---:' : '---')).join(' | ')} |`,
      ...cells.map((r) => `| ${r.map(esc).join(' | ')} |`),
    ].join('\n');
  }
  const widths = headers.map((h, i) => Math.max(width(h), ...cells.map((r) => width(r[i] ?? ''))));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => (numeric[i] ? padStart(c, widths[i]!) : padEnd(c, widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join(
    '\n',
  );
}

/** Display width: CJK and full-width characters take two columns. */
export function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}

function padEnd(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}

function padStart(s: string, w: number): string {
  return ' '.repeat(Math.max(0, w - width(s))) + s;
}

/** First `n` characters of `s` on one line, with an ellipsis when cut. */
export function clip(s: string, n = 120): string {
  const one = s.replace(/\s+/g, ' ').trim();
  const chars = [...one];
  return chars.length > n ? `${chars.slice(0, n).join('')}…` : one;
}

export function fixed(n: number, digits = 3): string {
  return Number.isFinite(n) ? n.toFixed(digits) : 'n/a';
}
