import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { buildProgressBar, trackProgress } from './progress-bar.js';
import { englishReader } from './reader-strings.js';
import { buildSourceLine } from './source-line.js';
import { sourceLinks } from './source-link.js';

function win() {
  return new JSDOM('<!doctype html><body></body>', { pretendToBeVisual: true }).window;
}

describe('buildProgressBar', () => {
  it('is a labelled progressbar with the hook, updated as a percentage', () => {
    const bar = buildProgressBar(win().document, englishReader);
    expect(bar.root.dataset.testid).toBe('reader-progress');
    expect(bar.root.getAttribute('role')).toBe('progressbar');
    expect(bar.root.getAttribute('aria-label')).toBe('Reading progress');
    bar.update(0.256);
    expect(bar.root.getAttribute('aria-valuenow')).toBe('26');
    expect((bar.root.firstChild as HTMLElement).style.transform).toBe('scaleX(0.256)');
    bar.update(Number.NaN);
    expect(bar.root.getAttribute('aria-valuenow')).toBe('0');
    bar.update(3);
    expect(bar.root.getAttribute('aria-valuenow')).toBe('100');
  });
});

describe('trackProgress', () => {
  it('reports at once and once per frame after scrolling, until detached', async () => {
    const w = win();
    const scroller = w.document.createElement('div');
    w.document.body.append(scroller);
    Object.defineProperty(scroller, 'scrollHeight', { value: 3000 });
    Object.defineProperty(scroller, 'clientHeight', { value: 1000 });
    const seen: number[] = [];
    const detach = trackProgress(scroller, (f) => seen.push(f));
    expect(seen).toEqual([0]);
    scroller.scrollTop = 1000;
    scroller.dispatchEvent(new w.Event('scroll'));
    scroller.dispatchEvent(new w.Event('scroll'));
    await new Promise((r) => w.requestAnimationFrame(() => r(null)));
    expect(seen).toEqual([0, 0.5]);
    detach();
    scroller.scrollTop = 2000;
    scroller.dispatchEvent(new w.Event('scroll'));
    await new Promise((r) => w.requestAnimationFrame(() => r(null)));
    expect(seen).toEqual([0, 0.5]);
  });
});

describe('buildSourceLine', () => {
  it('links the site and the original, in new tabs, with the hooks', () => {
    const doc = win().document;
    const content = doc.createElement('div');
    const p = doc.createElement('p');
    const a = doc.createElement('a');
    a.href = 'https://origin.example/post/1';
    a.textContent = '原文链接';
    p.append(a);
    content.append(p);
    const links = sourceLinks(
      { siteName: '某农场', byline: null, removed: [] },
      'https://farm.example/a/1.html',
      content,
    );
    const line = buildSourceLine(doc, links, englishReader)!;
    const site = line.querySelector<HTMLAnchorElement>('[data-testid="reader-source-link"]')!;
    expect(site.textContent).toBe('某农场');
    expect(site.href).toBe('https://farm.example/a/1.html');
    expect(site.target).toBe('_blank');
    expect(site.rel).toBe('noopener noreferrer');
    const orig = line.querySelector<HTMLAnchorElement>('[data-testid="reader-original-link"]')!;
    expect(orig.href).toBe('https://origin.example/post/1');
    expect(orig.textContent).toBe('Original article: origin.example');
    expect(line.textContent).toBe('某农场 · Original article: origin.example');
  });

  it('is nothing when there is nothing to link', () => {
    expect(
      buildSourceLine(win().document, { site: null, original: null }, englishReader),
    ).toBeNull();
  });
});
