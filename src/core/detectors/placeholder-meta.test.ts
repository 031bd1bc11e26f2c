import { describe, expect, it } from 'vitest';
import { preContext } from '../test-support/dom.js';
import { placeholderMetaDetector } from './placeholder-meta.js';

describe('farm-meta detector', () => {
  it('marks a farm, removes the empty author and the placeholder time', () => {
    const { ctx, log } = preContext(
      '<div>買以太坊 買以太坊</div><h1>ATG:標題_AIGPT</h1><div>Author:</div><div>Time:1900/1/1 0:00:00</div><p>正文</p>',
    );
    placeholderMetaDetector.run(ctx);
    expect(ctx.signals.farm).toBe(true);
    expect(ctx.signals.date).toBeNull();
    expect(log.removed.map((r) => r.text)).toEqual(['Author:', 'Time:1900/1/1 0:00:00']);
  });

  it('reads a real date from the Simplified variant and a CMS meta line', () => {
    const a = preContext('<div>作者:</div><div>时间:4/27/2021 12:48:57 PM</div><p>正文</p>');
    placeholderMetaDetector.run(a.ctx);
    expect(a.ctx.signals.date).toBe('2021-04-27T12:48:57.000Z');
    const b = preContext('<div>时间：2023-07-12 10:49 来源：某财经 作者：</div><p>正文</p>');
    placeholderMetaDetector.run(b.ctx);
    expect(b.ctx.signals.date).toBe('2023-07-12T10:49:00.000Z');
    expect(b.ctx.signals.farm).toBe(false);
  });

  it('keeps body sentences that mention a time', () => {
    const { ctx, log } = preContext(
      '<p>Time: it is what the protocol could not buy, said the founder in 2021.</p>',
    );
    placeholderMetaDetector.run(ctx);
    expect(log.removed).toHaveLength(0);
  });
});
