import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { SiteRule } from '../rules/schema.js';
import { attachHideLikeThis } from './hide-like-this.js';
import { englishStrings } from './strings.js';

const PROMO = (n: number) => `Sponsored: trade with zero fees on Exchange ${n} today.`;

function setup(
  save: (rule: SiteRule) => Promise<{ ok: true } | { ok: false; error: string }>,
  trusted = true,
) {
  const dom = new JSDOM(
    `<!doctype html><html><body><div class="page"><p>page text</p></div>
     <div id="root"><div id="content">
       <p>Fees on the base chain dropped by half over three months this spring.</p>
       <p>${PROMO(1)}</p>
       <p>Most transfers now happen on rollups, which bundle payments together.</p>
       <p>${PROMO(2)}</p>
     </div></div></body></html>`,
    { url: 'https://www.news.example/a.html' },
  );
  const doc = dom.window.document;
  const root = doc.getElementById('root')!;
  const content = doc.getElementById('content')!;
  const hide = attachHideLikeThis({
    doc,
    root,
    content,
    hostname: 'www.news.example',
    t: englishStrings,
    onSave: save,
    // jsdom's click() is never trusted: stand in for the user (the untrusted case is tested below).
    isTrusted: () => trusted,
  });
  const q = (id: string) => doc.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;
  const select = (p: Element) => {
    const range = doc.createRange();
    range.selectNodeContents(p);
    const sel = doc.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    p.dispatchEvent(new dom.window.MouseEvent('mouseup', { bubbles: true }));
    return new Promise((r) => setTimeout(r, 5));
  };
  return { doc, content, hide, q, select };
}

describe('hide blocks like this', () => {
  it('selecting a block offers a rule; the proposal counts and highlights matches; confirm saves it', async () => {
    const saved: SiteRule[] = [];
    const { content, q, select } = setup(async (rule) => {
      saved.push(rule);
      return { ok: true };
    });
    expect(q('reader-hide-bar').hidden).toBe(true);
    await select(content.children[1]!);
    expect(q('reader-hide-bar').hidden).toBe(false);
    expect(q('reader-hide-like-this').textContent).toBe('Hide blocks like this on news.example');
    q('reader-hide-like-this').click();
    expect(q('reader-hide-proposal').textContent).toBe(
      'Hide blocks starting with “Sponsored: trade with zero fees” (2 in this article)',
    );
    expect([...content.querySelectorAll('.cr-hide-match')].map((p) => p.textContent)).toEqual([
      PROMO(1),
      PROMO(2),
    ]);
    q('reader-hide-confirm').click();
    await new Promise((r) => setTimeout(r, 0));
    expect(saved).toHaveLength(1);
    expect(saved[0]!.match).toEqual(['news.example']);
    expect(saved[0]!.removeText).toEqual(['/^Sponsored: trade with zero fees/u']);
  });

  it('a failed save says why; undo runs the given action and reports its message', async () => {
    const { content, hide, q, select } = setup(async () => ({ ok: false, error: 'quota' }));
    await select(content.children[3]!);
    q('reader-hide-like-this').click();
    q('reader-hide-confirm').click();
    await new Promise((r) => setTimeout(r, 0));
    expect(q('reader-hide-proposal').textContent).toBe('Could not save the rule: quota');
    let undone = 0;
    hide.showUndo('Hidden', async () => {
      undone++;
      return 'Undone';
    });
    expect(q('reader-hide-undo').hidden).toBe(false);
    q('reader-hide-undo').click();
    await new Promise((r) => setTimeout(r, 0));
    expect(undone).toBe(1);
    expect(q('reader-hide-proposal').textContent).toBe('Undone');
  });

  it('a collapsed selection offers nothing', () => {
    const { content, q } = setup(async () => ({ ok: true }));
    content.children[0]!.dispatchEvent(
      new content.ownerDocument.defaultView!.MouseEvent('mouseup', { bubbles: true }),
    );
    expect(q('reader-hide-bar').hidden).toBe(true);
  });

  it('script clicks (untrusted events) neither propose nor save a rule (issue 12)', async () => {
    const saved: SiteRule[] = [];
    const { content, q, select } = setup(async (rule) => {
      saved.push(rule);
      return { ok: true };
    }, false);
    await select(content.children[1]!);
    q('reader-hide-like-this').click();
    expect(q('reader-hide-confirm').hidden).toBe(true);
    q('reader-hide-confirm').click();
    await new Promise((r) => setTimeout(r, 5));
    expect(saved).toEqual([]);
  });
});
