import { describe, expect, it } from 'vitest';
import { postContext } from '../test-support/dom.js';
import { creditLineDetector } from './credit-line.js';

const BODY =
  '<p>這是一段足夠長的正文段落，說明鏈上數據與市場情緒之間的關係，以及它們如何影響價格。</p>';

describe('credit-line detector', () => {
  it('moves top credit lines to the byline and records them', () => {
    const { ctx, log, root } = postContext(
      `<p>作者:Alice Chen</p><p>編譯:某某研究院 小王</p>${BODY}`,
    );
    creditLineDetector.run(ctx);
    expect(log.bylineParts).toEqual(['作者:Alice Chen', '編譯:某某研究院 小王']);
    expect(log.removed.map((r) => r.kind)).toEqual(['credit-line', 'credit-line']);
    expect(root.querySelectorAll('[data-cr-removed]')).toHaveLength(2);
  });

  it('accepts the 文| and 编辑| forms', () => {
    const { ctx, log } = postContext(`<p>文|张三</p><p>编辑|李四</p>${BODY}`);
    creditLineDetector.run(ctx);
    expect(log.bylineParts).toEqual(['文|张三', '编辑|李四']);
  });

  it('leaves credit-like sentences deep in the body and long lines alone', () => {
    const deep = `${BODY}${BODY}${BODY}${BODY}${BODY}${BODY}<p>作者:后记里的一句话</p>`;
    const long = `<p>来源:这一段其实是很长的正文，它以来源开头，但是长度远远超过了署名行应有的长度，所以应该保留下来。</p>${BODY}`;
    for (const html of [deep, long]) {
      const { ctx, log } = postContext(html);
      creditLineDetector.run(ctx);
      expect(log.removed).toHaveLength(0);
    }
  });
});

describe('credit-line detector, long original titles', () => {
  it('takes a long 原文標題 line into the byline', () => {
    const line = '原文標題:《Who Really Stores Your Rollup Data? A Field Guide to DA Layers》';
    const { ctx, log } = postContext(`<p>${line}</p>${BODY}`);
    creditLineDetector.run(ctx);
    expect(log.bylineParts).toEqual([line]);
  });
});
