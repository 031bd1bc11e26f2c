import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { buildSamplePage } from './sample-page.js';

describe('buildSamplePage', () => {
  it('at 1× has the seed page shape: 5 runs in 8 paragraphs, every run ending in a farm timestamp', () => {
    const p = buildSamplePage(1);
    expect(p.injected).toHaveLength(8);
    expect(
      p.injected.filter((t) => /\[\d{4}\/\d{1,2}\/\d{1,2} \d{1,2}:\d{2}:\d{2}\]$/.test(t)),
    ).toHaveLength(5);
    expect(p.headings).toHaveLength(5);
    expect(p.essay.length).toBeGreaterThanOrEqual(20);
  });
  it('scales essay and injections together', () => {
    const one = buildSamplePage(1);
    const four = buildSamplePage(4);
    expect(four.essay.length).toBe(one.essay.length * 4);
    expect(four.injected.length).toBe(one.injected.length * 4);
    expect(four.html.length).toBeGreaterThan(one.html.length * 2.5);
  });
  it('puts every essay and injected paragraph in the page text, and is deterministic', () => {
    const p = buildSamplePage(2);
    const text = new JSDOM(p.html).window.document.body.textContent!.replace(/\s+/g, '');
    for (const t of [...p.essay, ...p.injected]) expect(text).toContain(t.replace(/\s+/g, ''));
    expect(buildSamplePage(2).html).toBe(p.html);
  });
});
