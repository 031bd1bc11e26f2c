import { describe, expect, it } from 'vitest';
import { isPageWideSelector } from './import-risk.js';

describe('isPageWideSelector', () => {
  it('flags selectors whose removed element is the page itself or everything in a container', () => {
    for (const s of [
      '*',
      'html',
      'BODY',
      ':root',
      'body.home',
      'html > body',
      'body > *',
      'main *',
      '.ad, body',
      'html[lang="zh"]',
      'div ~ *',
    ])
      expect(isPageWideSelector(s), s).toBe(true);
  });

  it('leaves ordinary selectors alone, including ones that only mention body or *', () => {
    for (const s of [
      '.ad',
      'body .ad',
      'body > .promo',
      '*.ad',
      '[class*="ad"]',
      'div:not(body)',
      'a[href*="body"]',
      '.bodytext',
      'tbody',
      '#html',
      ':is(.a, .b)',
    ])
      expect(isPageWideSelector(s), s).toBe(false);
  });
});
