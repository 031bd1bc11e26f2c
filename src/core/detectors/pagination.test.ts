import { describe, expect, it } from 'vitest';
import { postContext } from '../test-support/dom.js';
import { paginationDetector } from './pagination.js';

const P =
  '<p>The foundation said the grant round would open next month and fund research on client diversity and tooling.</p>';

function run(html: string) {
  const { ctx, log } = postContext(html);
  paginationDetector.run(ctx);
  return log;
}

describe('pagination detector', () => {
  it('removes trailing page numbers, in one block or one per block', () => {
    expect(run(`${P}<p>1 2 3 … 10</p>`).removed.map((r) => [r.kind, r.rule])).toEqual([
      ['pagination', 'detector:pagination'],
    ]);
    expect(
      run(
        `${P}<ul><li><a href="?p=1">1</a></li><li><a href="?p=2">2</a></li><li><a href="?p=3">3</a></li></ul>`,
      ).removed,
    ).toHaveLength(1);
    expect(run(`${P}<p>Page 2 of 5</p>`).removed).toHaveLength(1);
  });

  it('removes a farm page line above the essay and a 共N頁 page list with its words', () => {
    const zh =
      '<p>三種策略並不互斥。真正撐過這個夏天的，多半是那些同時掌握廉價電力與成熟對沖工具的礦工。下一頁，我們將比較成本結構。</p>';
    const log = run(
      `<div>第1頁</div>${zh}<ul><li>共3頁:</li><li>上一頁</li><li>1</li><li>2</li><li>3</li><li>下一頁</li></ul>`,
    );
    expect(log.removed.map((r) => r.text)).toEqual(['第1頁', '共3頁:上一頁123下一頁']);
  });

  it('keeps a lone trailing number, numbers that do not go up, and numbers before prose', () => {
    expect(run(`${P}<p>2024</p>`).removed).toEqual([]);
    expect(run(`${P}<p>3 1 2</p>`).removed).toEqual([]);
    expect(run(`<p>1 2 3</p>${P}`).removed).toEqual([]);
  });
});
