import { describe, expect, it } from 'vitest';
import { scriptFontStack, scriptOf, scriptTypographyCss } from './script-typography.js';

describe('scriptOf', () => {
  it('maps tags to scripts', () => {
    expect(scriptOf('zh-Hant')).toBe('zh-Hant');
    expect(scriptOf('zh-TW')).toBe('zh-Hant');
    expect(scriptOf('zh_HK')).toBe('zh-Hant');
    expect(scriptOf('yue-Hant')).toBe('latin');
    expect(scriptOf('zh-Hans')).toBe('zh-Hans');
    expect(scriptOf('zh')).toBe('zh-Hans');
    expect(scriptOf('ja-JP')).toBe('ja');
    expect(scriptOf('ko')).toBe('ko');
    expect(scriptOf('en')).toBe('latin');
    expect(scriptOf(null)).toBe('latin');
  });
});

describe('scriptFontStack', () => {
  const cjkFaces = (stack: string) => stack.match(/"[^"]*(?:CJK|TC|SC|JP|KR)[^"]*"/g) ?? [];

  it('gives Traditional only Traditional faces, Noto first, then macOS and Windows', () => {
    const serif = scriptFontStack('serif', 'zh-Hant');
    expect(cjkFaces(serif).every((f) => f.includes('TC'))).toBe(true);
    expect(serif.indexOf('Noto Serif CJK TC')).toBeLessThan(serif.indexOf('Songti TC'));
    expect(serif).toContain('PMingLiU');
    const sans = scriptFontStack('sans', 'zh-TW');
    expect(cjkFaces(sans).every((f) => f.includes('TC'))).toBe(true);
    expect(sans).toContain('Microsoft JhengHei');
    expect(sans.endsWith('sans-serif')).toBe(true);
  });

  it('gives Simplified only Simplified faces', () => {
    const serif = scriptFontStack('serif', 'zh-Hans');
    expect(cjkFaces(serif).every((f) => f.includes('SC'))).toBe(true);
    expect(scriptFontStack('sans', 'zh')).toContain('Microsoft YaHei');
  });

  it('has Japanese and Korean stacks, and no CJK faces for Latin text', () => {
    expect(scriptFontStack('sans', 'ja')).toContain('Hiragino Sans');
    expect(scriptFontStack('serif', 'ko')).toContain('Noto Serif CJK KR');
    const en = scriptFontStack('serif', 'en');
    expect(cjkFaces(en)).toEqual([]);
    expect(en.startsWith('"Iowan Old Style"')).toBe(true);
  });
});

describe('scriptTypographyCss', () => {
  it('scopes every rule and keys punctuation trimming on lang', () => {
    const css = scriptTypographyCss('.cr-article');
    const selectors = css.match(/^[^\s}][^{]*\{/gm) ?? [];
    expect(selectors.length).toBeGreaterThan(4);
    for (const s of selectors) {
      for (const part of s
        .replace('{', '')
        .replace(/\([^)]*\)/g, '()')
        .split(','))
        expect(part.trim()).toMatch(/^\.cr-article:lang\(\)/);
    }
    expect(css).toMatch(/:lang\(zh-Hant\)[^{]*\{\s*text-spacing-trim: space-all;/);
    expect(css).toMatch(/:lang\(zh-Hans\)[^{]*\{\s*text-spacing-trim: normal;/);
    // Balanced braces: the string can be appended to a stylesheet as it is.
    expect(css.split('{').length).toBe(css.split('}').length);
  });
});
