import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { parseRules } from '../rules/parse.js';
import { proposeHideRule, ruleHost, textPrefixPattern } from './hide-proposal.js';

const page = (body: string) =>
  new JSDOM(`<!doctype html><html><body>${body}</body></html>`, {
    url: 'https://www.news.example/a',
  }).window.document;

const essay = [
  'Fees on the base chain dropped by half over three months, for duller reasons than charts suggest.',
  'Most transfers now happen on rollups, which bundle thousands of payments into one settlement.',
  'Whether fees climb again depends on new applications that settle directly on the base layer.',
  'Wallets route small payments to cheaper networks by default, and users rarely notice it.',
];

describe('proposeHideRule', () => {
  it('a block with a distinctive class → a class selector rule for the site, counting its matches', () => {
    const doc = page(
      `<article>${essay.map((t) => `<p class="para">${t}</p>`).join('')}` +
        `<div class="promo-card"><span>Open an account today and get a bonus.</span></div></article>`,
    );
    const texts = [...essay, 'Open an account today and get a bonus.'];
    const p = proposeHideRule({
      blockText: texts[4]!,
      page: doc,
      readerTexts: texts,
      hostname: 'www.news.example',
    });
    expect(p?.kind).toBe('class');
    expect(p?.pattern).toBe('.promo-card');
    expect(p?.matches).toBe(1);
    expect(p?.rule.match).toEqual(['news.example']);
    expect(p?.rule.remove).toEqual(['.promo-card']);
    expect(parseRules([p!.rule]).errors).toEqual([]);
  });

  it('a class shared by the essay paragraphs is not distinctive → a text pattern from the start', () => {
    const doc = page(
      `<article>${essay.map((t) => `<p class="story-p">${t}</p>`).join('')}</article>`,
    );
    const p = proposeHideRule({
      blockText: essay[1]!,
      page: doc,
      readerTexts: essay,
      hostname: 'news.example',
    });
    expect(p?.kind).toBe('text');
    expect(p?.pattern).toBe('/^Most transfers now happen on/u');
    expect(p?.matches).toBe(1);
    expect(parseRules([p!.rule]).errors).toEqual([]);
  });

  it('a text pattern counts every block that starts the same way', () => {
    const promo = (n: number) => `快訊：比特幣價格突破新高，第${n}條消息來自合作夥伴。`;
    const texts = [...essay, promo(1), promo(2), promo(3)];
    const doc = page(texts.map((t) => `<p>${t}</p>`).join(''));
    const p = proposeHideRule({
      blockText: promo(2),
      page: doc,
      readerTexts: texts,
      hostname: '127.0.0.1',
    });
    expect(p?.kind).toBe('text');
    expect(p?.pattern).toBe('/^快訊：比特幣價格突破新高/u');
    expect(p?.matches).toBe(3);
    expect(p?.rule.match).toEqual(['127.0.0.1']);
  });

  it('escapes regex characters; short blocks are matched whole', () => {
    expect(textPrefixPattern('Ad (sponsored) $5?')).toBe('/^Ad \\(sponsored\\) \\$5\\?$/u');
    expect(textPrefixPattern('a/b c.d e*f g+h i|j k')).toBe('/^a\\/b c\\.d e\\*f g\\+h i\\|j/u');
    expect(textPrefixPattern('   ')).toBeNull();
  });

  it('no host or no text → no proposal', () => {
    const doc = page('<p>x</p>');
    expect(
      proposeHideRule({ blockText: '', page: doc, readerTexts: [], hostname: 'a.example' }),
    ).toBeNull();
    expect(
      proposeHideRule({ blockText: 'x', page: doc, readerTexts: ['x'], hostname: '' }),
    ).toBeNull();
    expect(ruleHost('www.Example.com')).toBe('example.com');
  });
});
