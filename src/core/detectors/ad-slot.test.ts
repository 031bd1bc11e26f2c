import { describe, expect, it } from 'vitest';
import { RemovalLog } from '../context.js';
import { postContext, preContext, TEST_URL } from '../test-support/dom.js';
import { adSlotDetector } from './ad-slot.js';

const P1 =
  '<p>Stablecoin issuers now hold a larger share of short-term Treasury bills than several mid-sized countries do, according to the report.</p>';
const P2 =
  '<p>The authors argue that this concentration could amplify redemption runs during periods of market stress and call for more disclosure.</p>';

function run(html: string) {
  const { ctx, log, root } = postContext(html);
  adSlotDetector.run(ctx);
  return { log, text: root.textContent ?? '' };
}

describe('ad-slot detector', () => {
  it('removes a lone ads / 廣告 / Advertisement label', () => {
    const { log } = run(`${P1}<p>ads</p>${P2}<div>廣告</div><p>ADVERTISEMENT</p>`);
    expect(log.removed.map((r) => r.text)).toEqual(['ads', '廣告', 'ADVERTISEMENT']);
    expect(log.removed.every((r) => r.kind === 'ad-slot' && r.rule === 'detector:ad-slot')).toBe(
      true,
    );
  });

  it('takes the promo line after Advertisement when it is a link line', () => {
    const { log, text } = run(
      `${P1}<p>Advertisement</p><p><a href="/r">The building blocks of on-chain finance in one report</a></p>${P2}`,
    );
    expect(log.removed).toHaveLength(2);
    expect(text).toContain('The authors argue');
  });

  it('takes the promo line when label and line are alone in their own wrapper', () => {
    const { log } = run(
      `${P1}<div><p>Advertisement</p><p>Try our research desk free for a month.</p></div>${P2}`,
    );
    expect(log.removed).toHaveLength(1);
    expect(log.removed[0]!.text).toContain('research desk');
  });

  it('takes a one-sentence promo line after Advertisement (Cointelegraph)', () => {
    const { log } = run(
      `${P1}<p>Advertisement</p><p>The building blocks of on-chain finance in one place - the ABC Report by Example Research.</p>${P2}`,
    );
    expect(log.removed).toHaveLength(2);
  });

  it('keeps a content paragraph that merely follows the label', () => {
    const { log, text } = run(
      `${P1}<p>Advertisement</p><p>Regulators responded within a week.</p>${P2}`,
    );
    expect(log.removed.map((r) => r.text)).toEqual(['Advertisement']);
    expect(text).toContain('Regulators responded');
  });

  it('keeps labels in quotes and a section heading called Ads', () => {
    const { log } = run(`${P1}<blockquote><p>Advertisement</p></blockquote><h2>Ads</h2>${P2}`);
    expect(log.removed).toEqual([]);
  });

  it('marks class-named slots in the page and removes what reached the content', () => {
    const { ctx, log, doc } = preContext(
      `<article>${P1}<div class="ad-slot"><div><p>Sponsored banner text</p></div></div>${P2}` +
        `<div class="ad-container">${P1}${P2}</div><ins class="adsbygoogle"></ins></article>`,
    );
    adSlotDetector.run(ctx);
    expect(log.removed).toEqual([]);
    expect(doc.querySelector('.ad-slot')!.getAttribute('data-cr-chrome')).toBe('ad-slot');
    // A slot class on a box holding essay paragraphs is not trusted.
    expect(doc.querySelector('.ad-container')!.hasAttribute('data-cr-chrome')).toBe(false);

    // Readability unwraps the slot's inner div; the mark travels with the pieces.
    const slot = doc.querySelector('.ad-slot')!;
    slot.replaceWith(slot.querySelector('p')!);
    const article = doc.querySelector('article')!;
    const post = new RemovalLog().context('post', doc, article, new URL(TEST_URL), ctx.signals);
    adSlotDetector.run(post);
    expect(article.textContent).not.toContain('Sponsored banner');
    expect(article.querySelector('[data-cr-chrome]')).toBeNull();
    expect(article.textContent).toContain('The authors argue');
  });
});
