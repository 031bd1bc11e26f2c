import { describe, expect, it } from 'vitest';
import { postContext } from '../test-support/dom.js';
import { relatedLinkDetector } from './related-link.js';

const P =
  '<p>The protocol processed more than two million transactions on its busiest day, a record for the network.</p>';

function run(html: string) {
  const { ctx, log, root } = postContext(html);
  relatedLinkDetector.run(ctx);
  return { log, text: root.textContent ?? '' };
}

describe('related-link detector', () => {
  it('removes Related: / Magazine: / READ MORE: / 相關閱讀： link lines anywhere', () => {
    const { log, text } = run(
      `${P}<p>Related: <a href="/a">Validators approve the upgrade after a long debate</a></p>${P}` +
        `<p><strong>READ MORE:</strong> <a href="/b">Why fees fell</a></p>` +
        `<p><em>Magazine: <a href="/c">Inside the mempool wars</a></em></p>${P}<p>相關閱讀：<a href="/d">以太坊升級完成</a></p>`,
    );
    expect(log.removed.map((r) => r.kind)).toEqual([
      'related-link',
      'related-link',
      'related-link',
      'related-link',
    ]);
    expect(log.removed[0]!.rule).toBe('detector:related-link');
    expect(text).toContain('two million');
  });

  it('keeps the negatives of §12 item 11 and a label line that is mostly not links', () => {
    const { log } = run(
      `${P}<p>Related developments include a second proposal from the same team.</p>` +
        '<p>Read more about the methodology in the appendix.</p>' +
        `<p>Related: the team also <a href="#">published</a> its audit, which found no critical issues.</p>${P}`,
    );
    expect(log.removed).toEqual([]);
  });

  it('keeps a label line in a quote', () => {
    const { log } = run(
      `${P}<blockquote><p>Related: <a href="#">A quoted link</a></p></blockquote>`,
    );
    expect(log.removed).toEqual([]);
  });
});
