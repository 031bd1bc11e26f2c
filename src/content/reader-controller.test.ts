import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import type { FromFrame, ToFrame } from '../shared/messages.js';
import { HOST_ATTR } from './frame-host.js';
import { ReaderController, type FramePort } from './reader-controller.js';

const FARM = path.resolve(
  import.meta.dirname,
  '..',
  'core',
  'test-pages',
  'farm-zht-dedecms-essay',
  'source.html',
);
const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const READER = `${ORIGIN}/reader/reader.html`;

/** The reader frame's end of the port, driven by the test. */
function fakePort() {
  const received: ToFrame[] = [];
  let onMessage: ((m: FromFrame) => void) | null = null;
  let onDisconnect: (() => void) | null = null;
  const port: FramePort = {
    post: (m) => received.push(m),
    onMessage: (fn) => (onMessage = fn),
    onDisconnect: (fn) => (onDisconnect = fn),
    disconnect: vi.fn(),
  };
  return {
    port,
    received,
    send: (m: FromFrame) => onMessage?.(m),
    drop: () => onDisconnect?.(),
  };
}

function page(
  html: string,
  url = 'https://www.ubtx-mirror.test/info/52117.html',
  // jsdom's events are never trusted: stand in for the user's keys (one test keeps the check).
  isTrusted: (e: Event) => boolean = () => true,
) {
  const dom = new JSDOM(html, { url });
  const doc = dom.window.document;
  const controller = new ReaderController({
    doc,
    isTrusted,
    frameUrl: (token) => `${READER}#${token}`,
    frameOrigin: ORIGIN,
    watchIntervalMs: 10,
    watchGeometry: false,
    frameTimeoutMs: 2000,
  });
  const frames = () =>
    [...doc.documentElement.children].filter((el) =>
      el.hasAttribute(HOST_ATTR),
    ) as HTMLIFrameElement[];
  /**
   * Connects `port` as a frame does; `ours`: it is our frame, which receives the nonce the
   * controller posts into its window and echoes it.
   */
  const connect = (port: ReturnType<typeof fakePort>, ours = true) => {
    const win = frames().at(-1)!.contentWindow!;
    const posted: Array<{ data: unknown; origin: unknown }> = [];
    const spy = vi
      .spyOn(win, 'postMessage')
      .mockImplementation((data: unknown, origin?: unknown) => void posted.push({ data, origin }));
    controller.connect(port.port);
    spy.mockRestore();
    const last = posted.at(-1);
    if (ours && last) {
      expect(last.origin).toBe(ORIGIN);
      port.send({ type: 'prove', nonce: (last.data as { crNonce: string }).crNonce });
    }
    return posted;
  };
  /** Opens the reader and plays the frame's side up to the first paint. */
  const openAndPaint = async () => {
    const state = await controller.toggle([]);
    const frame = fakePort();
    connect(frame);
    frame.send({ type: 'painted' });
    await tick(); // the page is hidden a frame after the reader is revealed
    return { state, frame };
  };
  return { dom, doc, controller, frames, openAndPaint, connect };
}

const farmHtml = () =>
  readFileSync(FARM, 'utf8').replace('</body>', '<form><input id="typed"></form></body>');
const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));
/** A closed reader's frame leaves the page a moment after it is hidden. */
const removed = () => tick(150);

describe.skipIf(!existsSync(FARM))('ReaderController on a farm page', () => {
  it('mounts the reader frame on <html>, feeds it over the port, and gives the page back exactly', async () => {
    const { doc, controller, frames, connect } = page(farmHtml());
    const input = doc.getElementById('typed') as HTMLInputElement;
    input.value = 'typed by the user';
    const before = doc.documentElement.outerHTML;

    const state0 = await controller.toggle([]);
    expect(state0).toEqual({ open: true, found: true });
    const [frame] = frames();
    expect(frame!.parentElement).toBe(doc.documentElement);
    expect(frame!.src.startsWith(`${READER}#`)).toBe(true);
    // Mounted transparent while it loads; the page is not hidden yet.
    expect(frame!.style.getPropertyValue('opacity')).toBe('0');
    expect(doc.documentElement.hasAttribute('style')).toBe(false);
    expect(controller.expectedToken).toBe(frame!.src.split('#')[1]);

    const port = fakePort();
    connect(port);
    expect(controller.expectedToken).toBeNull(); // one port per open
    const first = port.received[0];
    expect(first?.type).toBe('article');
    if (first?.type !== 'article') return;
    expect(first.article.title).toContain('Rollup');
    expect(first.hostname).toBe('www.ubtx-mirror.test');
    // Removal HTML stays here until the removed panel asks for it.
    expect(first.article.removed.every((r) => r.html === null)).toBe(true);
    expect(first.htmlIds.length).toBeGreaterThan(0);
    port.send({ type: 'removal-html', seq: 7, id: first.htmlIds[0]! });
    const reply = port.received.at(-1);
    expect(reply).toMatchObject({ type: 'reply', seq: 7 });
    expect(reply?.type === 'reply' && typeof reply.value === 'string').toBe(true);

    port.send({ type: 'painted' });
    expect(port.received.at(-1)).toEqual({ type: 'shown' });
    expect(frame!.style.getPropertyValue('opacity')).toBe('1');
    await tick(); // the page is hidden a frame after the reader is revealed
    expect(frame!.style.getPropertyValue('z-index')).toBe('2147483647');
    expect(doc.documentElement.style.getPropertyValue('overflow')).toBe('hidden');
    expect(doc.documentElement.style.getPropertyPriority('visibility')).toBe('important');

    expect(await controller.toggle([])).toEqual({ open: false, found: false });
    // Hidden at once, removed a moment later (see FrameHost.remove).
    expect(frames()[0]?.style.getPropertyValue('display')).toBe('none');
    await removed();
    expect(frames().length).toBe(0);
    expect(port.port.disconnect).toHaveBeenCalled();
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(input.value).toBe('typed by the user');
  });

  it('feeds only the port that proves it is our frame; refuses ports while closed', async () => {
    const { controller, connect } = page(farmHtml());
    const stray = fakePort();
    controller.connect(stray.port);
    expect(stray.port.disconnect).toHaveBeenCalled();
    await controller.toggle([]);
    // A page-made copy of our frame connects first with the token from our frame's URL: it is
    // not fed, and a wrong proof does not help.
    const copy = fakePort();
    connect(copy, false);
    copy.send({ type: 'prove', nonce: 'guessed' });
    copy.send({ type: 'removal-html', seq: 1, id: 'x' });
    expect(copy.received).toEqual([]);
    const ours = fakePort();
    connect(ours);
    expect(ours.received[0]?.type).toBe('article');
    expect(copy.port.disconnect).toHaveBeenCalled();
    const late = fakePort();
    controller.connect(late.port);
    expect(late.port.disconnect).toHaveBeenCalled();
    expect(late.received).toEqual([]);
    controller.close();
  });

  it('restores an inline style the page had on <html>, value and priority', async () => {
    const { doc, controller, openAndPaint } = page(
      farmHtml().replace('<html', '<html style="overflow: scroll !important; color: red"'),
    );
    await openAndPaint();
    expect(doc.documentElement.style.getPropertyValue('overflow')).toBe('hidden');
    controller.close();
    expect(doc.documentElement.style.getPropertyValue('overflow')).toBe('scroll');
    expect(doc.documentElement.style.getPropertyPriority('overflow')).toBe('important');
    expect(doc.documentElement.style.getPropertyValue('color')).toBe('red');
  });

  it('keeps a change the page made to <html> overflow while the reader was open', async () => {
    const { doc, controller, openAndPaint } = page(farmHtml());
    await openAndPaint();
    doc.documentElement.style.setProperty('overflow', 'clip');
    controller.close();
    expect(doc.documentElement.style.getPropertyValue('overflow')).toBe('clip');
    expect(doc.documentElement.style.getPropertyValue('visibility')).toBe('');
  });

  it('the close button (a close message), Esc on the page, and a lost frame all close', async () => {
    const { dom, doc, controller, frames, openAndPaint } = page(farmHtml());
    const a = await openAndPaint();
    a.frame.send({ type: 'close' });
    expect(controller.status.open).toBe(false);
    await removed();
    expect(frames().length).toBe(0);
    await openAndPaint();
    doc.body.dispatchEvent(
      new dom.window.KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
    );
    expect(controller.status.open).toBe(false);
    await removed();
    expect(frames().length).toBe(0);
    const c = await openAndPaint();
    c.frame.drop(); // the page navigated our frame away
    expect(controller.status.open).toBe(false);
    await removed();
    expect(frames().length).toBe(0);
    expect(doc.documentElement.hasAttribute('style')).toBe(false);
  });

  it("a page script's synthetic Esc does not close the reader", async () => {
    const { dom, doc, controller, openAndPaint } = page(farmHtml(), undefined, (e) => e.isTrusted);
    await openAndPaint();
    doc.body.dispatchEvent(
      new dom.window.KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
    );
    expect(controller.status.open).toBe(true);
    controller.close();
  });

  it('closes itself when the page removes or hides its frame (issue 12)', async () => {
    const { doc, controller, frames, openAndPaint } = page(farmHtml());
    const before = doc.documentElement.outerHTML;
    await openAndPaint();
    frames()[0]!.remove();
    await tick();
    expect(controller.status).toEqual({ open: false, found: false });
    expect(controller.lastGone).toBe('removed');
    await removed();
    expect(doc.documentElement.outerHTML).toBe(before);

    await openAndPaint();
    frames()[0]!.style.setProperty('display', 'none', 'important');
    await tick();
    expect(controller.status.open).toBe(false);
    expect(controller.lastGone).toBe('hidden');
    await removed();
    expect(frames().length).toBe(0);

    await openAndPaint();
    doc.documentElement.style.setProperty('opacity', '0');
    await tick();
    expect(controller.status.open).toBe(false);
    expect(controller.lastGone).toBe('hidden');
  });

  it('closes on an SPA navigation (a URL change while open), not on a hash change', async () => {
    const { dom, controller, openAndPaint } = page(farmHtml());
    await openAndPaint();
    dom.window.history.pushState({}, '', '#section');
    await tick();
    expect(controller.status.open).toBe(true);
    dom.window.history.pushState({}, '', '/info/52118.html');
    await tick();
    expect(controller.status.open).toBe(false);
    expect(controller.lastGone).toBe('navigated');
  });

  it('gives up when the frame never paints', async () => {
    const dom = new JSDOM(farmHtml(), { url: 'https://www.ubtx-mirror.test/info/1.html' });
    const controller = new ReaderController({
      doc: dom.window.document,
      frameUrl: (t) => `${READER}#${t}`,
      frameOrigin: ORIGIN,
      frameTimeoutMs: 20,
      watchGeometry: false,
    });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await controller.toggle([]);
    await tick(60);
    expect(controller.status.open).toBe(false);
  });
});

describe('ReaderController on pages it cannot or need not read', () => {
  it('a page without an article: a corner notice, the page left alone', async () => {
    const { doc, controller, frames, connect } = page(
      '<!doctype html><html><head><title>Login</title></head><body><form><input name="u"></form></body></html>',
    );
    const before = doc.documentElement.outerHTML;
    expect(await controller.toggle([])).toEqual({ open: true, found: false });
    const port = fakePort();
    connect(port);
    expect(port.received).toEqual([{ type: 'no-article' }]);
    port.send({ type: 'painted' });
    expect(frames()[0]!.getAttribute(HOST_ATTR)).toBe('notice');
    expect(frames()[0]!.style.getPropertyValue('width')).toBe('420px');
    expect(doc.documentElement.hasAttribute('style')).toBe(false); // the page is not hidden
    port.send({ type: 'close' });
    await removed();
    expect(frames().length).toBe(0);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('a frameset is refused with a reason, and nothing is mounted', async () => {
    const { controller, frames } = page(
      '<!doctype html><html><head></head><frameset cols="50%,50%"><frame src="a.html"><frame src="b.html"></frameset></html>',
    );
    const state = await controller.toggle([]);
    expect(state.open).toBe(false);
    expect(state.refused).toMatch(/frameset/);
    expect(frames().length).toBe(0);
  });
});
