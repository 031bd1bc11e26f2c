import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { SiteRule } from '../rules/schema.js';
import { previewRule } from './preview-rule.js';

const para = (s: string) =>
  `<p>${s} ${'The validators vote in public and the threshold decides. '.repeat(4)}</p>`;
const page = () =>
  new JSDOM(
    `<!doctype html><html><head><title>Votes</title></head><body><article><h1>Votes</h1>
    ${para('One.')}<p>Promoted: earn twelve percent on idle stablecoins.</p>${para('Two.')}
    <p>Promoted: a second offer with no lockup.</p>${para('Three.')}</article></body></html>`,
    { url: 'https://votes.example/a' },
  ).window.document;

const rule = (over: Partial<SiteRule> = {}): SiteRule => ({
  id: 'draft',
  match: ['votes.example'],
  enabled: false,
  remove: [],
  removeText: ['Promoted:'],
  ...over,
});

describe('previewRule', () => {
  it('reports the blocks the draft rule removes (even while it is disabled), and leaves the page alone', () => {
    const doc = page();
    const before = doc.documentElement.outerHTML;
    const r = previewRule(doc, rule(), []);
    expect(r).toMatchObject({ ok: true, found: true, count: 2 });
    if (!r.ok) return;
    expect(r.removals.map((x) => x.text)).toEqual([
      'Promoted: earn twelve percent on idle stablecoins.',
      'Promoted: a second offer with no lockup.',
    ]);
    expect(r.articleChanged).toBe(false);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('a stored rule with the same id is replaced by the draft, not added to it', () => {
    const r = previewRule(page(), rule({ removeText: ['/^Promoted: a second/u'] }), [
      rule({ enabled: true }),
    ]);
    expect(r.ok && r.count).toBe(1);
  });

  it('a rule for another site removes nothing', () => {
    const r = previewRule(page(), rule({ match: ['other.example'] }), []);
    expect(r).toMatchObject({ ok: true, found: true, count: 0, removals: [] });
  });
});
