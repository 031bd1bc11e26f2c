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

  it('keeps a lone trailing number, numbers that do not go up, and numbers before prose', () => {
    expect(run(`${P}<p>2024</p>`).removed).toEqual([]);
    expect(run(`${P}<p>3 1 2</p>`).removed).toEqual([]);
    expect(run(`<p>1 2 3</p>${P}`).removed).toEqual([]);
  });
});
