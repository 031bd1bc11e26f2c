import { describe, expect, it } from 'vitest';
import { exportFileName } from './file-name.js';

describe('exportFileName', () => {
  it('keeps a plain title and adds the extension', () => {
    expect(exportFileName('从排序器到证明者', 'md')).toBe('从排序器到证明者.md');
    expect(exportFileName('Bitcoin hits $70k', '.html')).toBe('Bitcoin hits $70k.html');
  });

  it('replaces characters Windows forbids, and controls', () => {
    expect(exportFileName('比特币:下一步? <深度> "A/B" \\ | *', 'md')).toBe(
      '比特币 下一步 深度 A B.md',
    );
    expect(exportFileName('a\u0000b\tc\u202ed\u200be', 'md')).toBe('a b c d e.md');
  });

  it('drops trailing dots and spaces, and leading dots', () => {
    expect(exportFileName('...hidden', 'md')).toBe('hidden.md');
    expect(exportFileName('The end. . .  ', 'md')).toBe('The end.md');
  });

  it('steers clear of reserved device names, with or without an extension', () => {
    expect(exportFileName('CON', 'md')).toBe('_CON.md');
    expect(exportFileName('nul.txt', 'md')).toBe('_nul.txt.md');
    expect(exportFileName('com1', 'html')).toBe('_com1.html');
    expect(exportFileName('Console', 'md')).toBe('Console.md');
  });

  it('caps the length in characters and UTF-8 bytes without splitting a character', () => {
    const cjk = exportFileName('币'.repeat(300), 'md');
    expect(new TextEncoder().encode(cjk).length).toBeLessThanOrEqual(180);
    expect(cjk.endsWith('币.md')).toBe(true);
    const latin = exportFileName('a'.repeat(300), 'md');
    expect(latin).toBe(`${'a'.repeat(120)}.md`);
    const emoji = exportFileName('🚀'.repeat(100), 'md');
    expect(emoji).toMatch(/^(?:🚀)+\.md$/u);
  });

  it('falls back when nothing is left', () => {
    expect(exportFileName('  ?? ** ', 'md')).toBe('article.md');
    expect(exportFileName('', 'html', '文章')).toBe('文章.html');
    expect(exportFileName('...', 'md', 'CON')).toBe('_CON.md');
  });
});
