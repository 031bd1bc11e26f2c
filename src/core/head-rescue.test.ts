import { describe, expect, it } from 'vitest';
import { makeDocument } from './test-support/dom.js';
import { rescueHead } from './head-rescue.js';

const BODY =
  '<p>Validators voted this week to raise the gas limit for the first time since the merge.</p>' +
  '<p>Supporters argue that client software has become efficient enough for bigger blocks.</p>';

function run(page: string) {
  const doc = makeDocument(`<!doctype html><html><body>${page}</body></html>`);
  const work = makeDocument(`<!doctype html><html><body><div id="c">${BODY}</div></body></html>`);
  const content = work.getElementById('c')!;
  const n = rescueHead(doc, content);
  return { n, content };
}

describe('rescueHead', () => {
  it('puts back a dek and a Quick Take, headings as paragraphs, not a lead figure', () => {
    const { n, content } = run(
      '<article><h1>Gas limit raised</h1><h2 class="subheadline">A modest change, watched closely.</h2>' +
        '<figure><img src="a.jpg"><figcaption>A validator rack.</figcaption></figure>' +
        '<div class="quickTake"><h3>Quick Take</h3><ul><li>The limit rose.</li></ul></div>' +
        `<div class="body">${BODY}</div></article>`,
    );
    expect(n).toBe(2);
    expect(content.querySelector('h2, h3')).toBeNull();
    expect(content.textContent).toMatch(/^A modest change.*Quick Take.*The limit rose/s);
  });

  it('takes nothing that is not a dek, nothing outside the article, nothing already kept', () => {
    const { n } = run(
      '<div class="promo dek">Subscribe now</div>' +
        '<article><h1>Gas limit raised</h1><p class="meta">By A. Writer</p>' +
        `<div class="body">${BODY}</div></article>`,
    );
    expect(n).toBe(0);
  });
});
