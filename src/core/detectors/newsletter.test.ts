import { describe, expect, it } from 'vitest';
import { RemovalLog } from '../context.js';
import { postContext, preContext, TEST_URL } from '../test-support/dom.js';
import { newsletterDetector } from './newsletter.js';

const p = (n: number) =>
  `<p>Paragraph ${n}: the lending market tightened as borrowers rushed to repay loans ahead of the rate change, data show.</p>`;

function run(html: string) {
  const { ctx, log, root } = postContext(html);
  newsletterDetector.run(ctx);
  return { log, root };
}

describe('newsletter detector', () => {
  it('removes a nested Name Newsletter widget and its pitch; the paragraphs around it meet', () => {
    const { log, root } = run(
      `${p(1)}${p(2)}${p(3)}<div><h3>Daily Debrief Newsletter</h3><p>Start every day with the top news stories right now, plus original features and more.</p></div>${p(4)}`,
    );
    expect(log.removed).toHaveLength(1);
    expect(log.removed[0]!.kind).toBe('newsletter');
    expect(log.removed[0]!.rule).toBe('detector:newsletter');
    const texts = [...root.querySelectorAll('p')].map((e) => e.textContent ?? '');
    expect(texts[2]).toContain('Paragraph 3');
    expect(texts[3]).toContain('Paragraph 4');
  });

  it('removes an italic subscribe line at the end and an "originally appeared" note at the top', () => {
    const { log } = run(
      '<p>This article originally appeared in The Weekly Node, our newsletter. Subscribe to get it in your inbox.</p>' +
        `${p(1)}${p(2)}<p><em>To stay ahead, subscribe to the Daily Data newsletter.</em></p>`,
    );
    expect(log.removed).toHaveLength(2);
  });

  it('removes an "originally appeared" line that a site disclosure follows', () => {
    const { log } = run(
      `${p(1)}${p(2)}<p>This article originally appeared in The Weekly Node, our newsletter about protocols. Subscribe to get it every Wednesday.</p>` +
        '<p>Disclosure &amp; Polices: Example is an award-winning media outlet that covers the industry.</p>',
    );
    expect(log.removed.map((r) => r.kind)).toEqual(['newsletter']);
  });

  it('keeps prose about newsletters in the middle of the essay', () => {
    const { log } = run(
      `${p(1)}<p>Readers can subscribe to the newsletter of the foundation, which publishes the votes.</p>${p(2)}<h2>Research Newsletter</h2>${p(3)}`,
    );
    expect(log.removed).toEqual([]);
  });

  it('marks the box around an email sign-up in the page, not a comment form', () => {
    const { ctx, doc } = preContext(
      `<article>${p(1)}<div class="box"><h4>Get our newsletter</h4><form><input type="email"><button>Sign up</button></form></div>` +
        `<div class="comments"><form><input type="email"><textarea></textarea></form><p>Leave a reply below.</p></div></article>`,
    );
    newsletterDetector.run(ctx);
    expect(doc.querySelector('.box')!.getAttribute('data-cr-chrome')).toBe('newsletter');
    expect(doc.querySelector('.comments')!.hasAttribute('data-cr-chrome')).toBe(false);
    // Readability drops forms; the box's heading still reaches the content.
    for (const f of doc.querySelectorAll('.box form')) f.remove();
    const article = doc.querySelector('article')!;
    const log = new RemovalLog();
    newsletterDetector.run(log.context('post', doc, article, new URL(TEST_URL), ctx.signals));
    expect(log.removed.map((r) => r.text)).toEqual(['Get our newsletter']);
    expect(article.textContent).toContain('Leave a reply');
  });
});
