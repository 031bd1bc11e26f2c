import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { repoRoot } from './server.js';

/**
 * The reader's host in the page: the extension's reader page in an iframe (issue 12). A closed
 * reader's frame is marked `closing` and leaves the page a moment later (see FrameHost.remove).
 */
export const READER_FRAME = 'iframe[data-crypto-reader]:not([data-crypto-reader="closing"])';

/**
 * The reader inside its extension frame. Playwright locators do not enter frames by themselves:
 * every `data-testid` hook of the reader is found through this (`reader(page).getByTestId(…)`).
 */
export function reader(page: Page): FrameLocator {
  return page.frameLocator(READER_FRAME);
}

export const artifactsDir = path.join(repoRoot, 'artifacts', 'e2e');

/** Saves a full-viewport screenshot under artifacts/e2e/<name>.png and returns its path. */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.png`);
  // caret: 'initial': Playwright's default caret hiding writes style="" on inputs, which would
  // show up as a DOM change in the restore checks.
  await page.screenshot({ path: file, caret: 'initial' });
  return file;
}

/**
 * A fingerprint of the page's own DOM: the serialized document without the reader's host (the
 * `data-crypto-reader` frame on `<html>`), plus the title. Equal fingerprints before
 * opening and after closing mean the page came back as it was, attributes included.
 */
export interface Fingerprint {
  hash: string;
  hosts: number;
  html: string;
}

export async function pageFingerprint(page: Page): Promise<Fingerprint> {
  const { html, hosts } = await page.evaluate(() => {
    // The reader's host is a direct child of <html> marked data-crypto-reader.
    const isHost = (el: Element): boolean => el.hasAttribute('data-crypto-reader');
    const clone = document.documentElement.cloneNode(true) as HTMLElement;
    let hosts = 0;
    const live = [...document.documentElement.children];
    const copies = [...clone.children];
    live.forEach((el, i) => {
      if (isHost(el)) {
        // A closed reader's frame is hidden at once and removed a moment later: not a host.
        if (el.getAttribute('data-crypto-reader') !== 'closing') hosts++;
        copies[i]?.remove();
      }
    });
    return { html: `${document.title}\n${clone.outerHTML}`, hosts };
  });
  return { hash: createHash('sha256').update(html).digest('hex'), hosts, html };
}

/** Where two fingerprints first differ, with some context, for a readable failure message. */
export function fingerprintDiff(a: Fingerprint, b: Fingerprint): string {
  if (a.hash === b.hash) return 'identical';
  let i = 0;
  while (i < a.html.length && a.html[i] === b.html[i]) i++;
  const from = Math.max(0, i - 80);
  return `first difference at ${i}:\n  before: …${a.html.slice(from, i + 120)}…\n  after:  …${b.html.slice(from, i + 120)}…`;
}

/** Computed styles of the reader's parts, read inside the reader frame. */
export interface ReaderStyleProbe {
  rootPosition: string;
  rootBackground: string;
  rootZIndex: string;
  titleFontSize: string;
  titleFontFamily: string;
  titleColor: string;
  titleLineHeight: string;
  titleLetterSpacing: string;
  titleTextTransform: string;
  paragraphFontSize: string;
  paragraphColor: string;
  paragraphFontFamily: string;
}

export async function readerStyles(page: Page): Promise<ReaderStyleProbe> {
  return reader(page)
    .locator('body')
    .evaluate((body) => {
      const root = body.ownerDocument;
      const q = (sel: string): CSSStyleDeclaration => {
        const el = root.querySelector(sel);
        if (!el) throw new Error(`no ${sel} in the reader`);
        return getComputedStyle(el);
      };
      const r = q('[data-testid="reader-root"]');
      const t = q('[data-testid="reader-title"]');
      const p = q('[data-testid="reader-content"] p');
      return {
        rootPosition: r.position,
        rootBackground: r.backgroundColor,
        rootZIndex: r.zIndex,
        titleFontSize: t.fontSize,
        titleFontFamily: t.fontFamily,
        titleColor: t.color,
        titleLineHeight: t.lineHeight,
        titleLetterSpacing: t.letterSpacing,
        titleTextTransform: t.textTransform,
        paragraphFontSize: p.fontSize,
        paragraphColor: p.color,
        paragraphFontFamily: p.fontFamily,
      };
    });
}

/** Text of the reader's article body (inside the reader frame). */
export async function readerContentText(page: Page): Promise<string> {
  return reader(page).getByTestId('reader-content').innerText();
}
