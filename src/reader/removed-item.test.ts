import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import type { Removal } from '../core/types.js';
import { buildOptionsLink } from './options-link.js';
import { buildRemovedItem, buildRestoredLabel } from './removed-item.js';
import { removalLabel } from './removal-labels.js';
import { englishReader } from './reader-strings.js';

const doc = () => new JSDOM('<!doctype html><body></body>').window.document;

const flash: Removal = {
  id: 'r3',
  kind: 'flash-news',
  rule: 'detector:flash-news',
  text: `Odaily星球日报讯 ${'长'.repeat(300)}`,
  html: '<p>x</p>',
  reasons: ['outlet-dateline', 'stamp:trailing-bracket'],
};
const ctx = { t: englishReader, uiLang: 'en' };

describe('buildRemovedItem', () => {
  it('shows the kind, reason and remover in words, with the test hooks', () => {
    const d = doc();
    const control = d.createElement('button');
    const li = buildRemovedItem(d, flash, removalLabel(flash, ctx), control);
    expect(li.dataset.testid).toBe('reader-removed-item');
    expect(li.dataset.kind).toBe('flash-news');
    expect(li.dataset.removedId).toBe('r3');
    expect(li.hasAttribute('data-moved')).toBe(false);
    expect(li.querySelector('.cr-removed-kind')!.textContent).toBe('Injected flash news');
    expect(li.querySelector('.cr-removed-reason')!.textContent).toBe(
      'an outlet dateline and a timestamp',
    );
    expect(li.querySelector('.cr-removed-by')!.textContent).toBe('found by Crypto Reader');
    expect(li.contains(control)).toBe(true);
    expect(li.querySelector('.cr-removed-text')!.textContent!.length).toBe(241);
    expect(li.textContent).not.toContain('detector:');
  });

  it('marks a credit line that became the byline as moved', () => {
    const credit: Removal = { ...flash, kind: 'credit-line', text: '作者:林', reasons: [] };
    const li = buildRemovedItem(
      doc(),
      credit,
      removalLabel(credit, { ...ctx, byline: '作者:林' }),
      null,
    );
    expect(li.dataset.moved).toBe('byline');
    expect(li.querySelector('.cr-removed-reason')!.textContent).toBe('moved to the byline');
  });
});

describe('buildRestoredLabel', () => {
  it('says what the block was and hides it again on click', () => {
    const onHide = vi.fn();
    const label = buildRestoredLabel(doc(), removalLabel(flash, ctx), englishReader, onHide);
    expect(label.getAttribute('role')).toBe('note');
    expect(label.textContent).toContain(
      'Shown back: Injected flash news: an outlet dateline and a timestamp',
    );
    label.querySelector('button')!.click();
    expect(onHide).toHaveBeenCalledTimes(1);
  });
});

describe('buildOptionsLink', () => {
  it('is a button with the hook that opens the options page', () => {
    const open = vi.fn();
    const b = buildOptionsLink(doc(), englishReader, open);
    expect(b.dataset.testid).toBe('reader-options-link');
    expect(b.textContent).toBe('Manage site rules');
    b.click();
    expect(open).toHaveBeenCalledTimes(1);
  });
});
