import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parseRules } from '../rules/parse.js';
import type { SiteRule } from '../rules/schema.js';
import {
  applyTitlePatterns,
  compileSiteRules,
  findArticleRoot,
  findByline,
  MAX_REMOVE_TEXT_BLOCK,
} from './apply-rules.js';
import { PLACEHOLDER_ATTR, RemovalLog, type PageSignals } from './context.js';

const PAGE = `<!doctype html><html><head><title>Coin news</title></head><body>
  <div class="promo">Buy tokens now</div>
  <main class="story">
    <p>The first paragraph of the essay talks about settlement layers.</p>
    <div class="share">Share on X</div>
    <p>Sponsored: open an account today.</p>
    <p>The second paragraph explains why fees went down this year.</p>
    <blockquote><p>A quoted sentence.</p></blockquote>
  </main>
</body></html>`;

function rules(json: unknown): SiteRule[] {
  const { rules: out, errors } = parseRules(json);
  expect(errors).toEqual([]);
  return out;
}

const RULES = rules([
  {
    id: 'news-example',
    match: ['news.example'],
    article: 'main.story',
    remove: ['.promo', '.share', 'main.story', 'body'],
    removeText: ['Sponsored:', '/^a quoted/i'],
    title: '/\\s*-\\s*Coin News$/',
    byline: '.author',
  },
  { id: 'other-site', match: ['other.example'], remove: ['p'] },
  { id: 'off', match: ['news.example'], enabled: false, remove: ['p'] },
  { id: 'everywhere', match: ['*'], removeText: ['Share on X'], title: 'BREAKING:' },
]);

// Rule detectors read no signals; the cast keeps this test independent of new signal fields.
const noSignals = (): PageSignals => ({ farm: false, tagText: '', date: null }) as PageSignals;

function setup(url: string) {
  const doc = new JSDOM(PAGE, { url }).window.document;
  const log = new RemovalLog();
  const signals = noSignals();
  return { doc, log, signals, url: new URL(url) };
}

describe('compileSiteRules', () => {
  it('selects enabled rules whose match fits the host, keeping order', () => {
    const c = compileSiteRules(RULES, new URL('https://www.news.example/a'));
    expect(c.ids).toEqual(['news-example', 'everywhere']);
    expect(c.articleSelectors).toEqual(['main.story']);
    expect(c.bylineSelectors).toEqual(['.author']);
    expect(c.preDetectors.map((d) => [d.id, d.phase])).toEqual([['rule:news-example', 'pre']]);
    expect(c.postDetectors.map((d) => d.id)).toEqual(['rule:news-example', 'rule:everywhere']);
    expect(compileSiteRules(RULES, new URL('https://elsewhere.org/')).ids).toEqual(['everywhere']);
    expect(compileSiteRules(RULES, new URL('file:///tmp/a.html')).ids).toEqual(['everywhere']);
  });

  it('removes selectors in the pre phase but never the article container or the body', () => {
    const { doc, log, signals, url } = setup('https://news.example/a');
    const c = compileSiteRules(RULES, url);
    const ctx = log.context('pre', doc, doc.body, url, signals);
    for (const d of c.preDetectors) d.run(ctx);
    expect(doc.querySelector('.promo')).toBeNull();
    expect(doc.querySelector('.share')).toBeNull();
    expect(doc.querySelector('main.story')).not.toBeNull();
    expect(log.removed.map((r) => [r.kind, r.rule, r.text])).toEqual([
      ['rule', 'rule:news-example', 'Buy tokens now'],
      ['rule', 'rule:news-example', 'Share on X'],
    ]);
  });

  it('removes selectors and text blocks in the post phase, leaving markers', () => {
    const { doc, log, signals, url } = setup('https://news.example/a');
    const content = doc.querySelector('main')!;
    const c = compileSiteRules(RULES, url);
    const ctx = log.context('post', doc, content, url, signals);
    for (const d of c.postDetectors) d.run(ctx);
    const texts = [...content.querySelectorAll('p')].map((p) => p.textContent);
    expect(texts).toEqual([
      'The first paragraph of the essay talks about settlement layers.',
      'The second paragraph explains why fees went down this year.',
    ]);
    expect(log.removed.map((r) => [r.rule, r.text])).toEqual([
      ['rule:news-example', 'Share on X'],
      ['rule:news-example', 'Sponsored: open an account today.'],
      ['rule:news-example', 'A quoted sentence.'],
    ]);
    expect(content.querySelectorAll(`[${PLACEHOLDER_ATTR}]`).length).toBe(3);
  });

  it('plain removeText is a case-sensitive substring', () => {
    const { doc, log, signals, url } = setup('https://other.example/');
    const c = compileSiteRules(rules([{ id: 'x', match: ['*'], removeText: ['sponsored:'] }]), url);
    const content = doc.querySelector('main')!;
    for (const d of c.postDetectors) d.run(log.context('post', doc, content, url, signals));
    expect(log.removed).toEqual([]);
  });

  it('tests a block longer than the bound on its first MAX_REMOVE_TEXT_BLOCK characters', () => {
    const head = `${'y'.repeat(MAX_REMOVE_TEXT_BLOCK - 4)}head`;
    const doc = new JSDOM(`<main><p>${head}tail</p><p>${head}</p></main>`).window.document;
    const url = new URL('https://a.example/');
    const run = (pattern: string): number => {
      const log = new RemovalLog();
      const c = compileSiteRules(rules([{ id: 'x', match: ['*'], removeText: [pattern] }]), url);
      const content = doc.cloneNode(true) as Document;
      const main = content.querySelector('main')!;
      for (const d of c.postDetectors) d.run(log.context('post', content, main, url, noSignals()));
      return log.removed.length;
    };
    expect(run('head')).toBe(2);
    expect(run('/head$/')).toBe(2);
    expect(run('tail')).toBe(0);
    expect(run('/headt/')).toBe(0);
  });

  it('ignores an invalid selector in a hand-built rule instead of throwing', () => {
    const { doc, log, signals, url } = setup('https://news.example/');
    const bad: SiteRule = { id: 'bad', match: ['*'], enabled: true, remove: ['p[', '.promo'] };
    const c = compileSiteRules([bad], url);
    for (const d of c.preDetectors) d.run(log.context('pre', doc, doc.body, url, signals));
    expect(log.removed.map((r) => r.text)).toEqual(['Buy tokens now']);
  });

  it('builds title patterns that applyTitlePatterns applies', () => {
    const c = compileSiteRules(RULES, new URL('https://news.example/'));
    expect(c.titlePatterns).toHaveLength(2);
    expect(applyTitlePatterns('BREAKING: Fees fall - Coin News', c.titlePatterns)).toBe(
      'Fees fall',
    );
    expect(applyTitlePatterns('Fees fall', c.titlePatterns)).toBe('Fees fall');
    // A pattern that would leave nothing keeps the original title.
    expect(applyTitlePatterns('BREAKING:', c.titlePatterns)).toBe('BREAKING:');
  });

  it("finds the article root and byline by the rules' selectors, in rule order", () => {
    const doc = new JSDOM(
      '<body><div class="a">A</div><main class="story"><p class="author"> By  Jane </p></main></body>',
    ).window.document;
    expect(findArticleRoot(doc, ['.missing', 'main.story', '.a'])?.className).toBe('story');
    expect(findArticleRoot(doc, ['p[', '.nope'])).toBeNull();
    expect(findByline(doc, ['.none', '.author'])).toBe('By Jane');
    expect(findByline(doc, ['div['])).toBeNull();
  });
});
