import { describe, expect, it } from 'vitest';
import { refusalFor, withTimeout } from './refusal.js';

describe('refusalFor', () => {
  it('refuses browser pages, stores, view-source: and data: before injecting', () => {
    for (const url of [
      'chrome://settings/',
      'about:addons',
      'edge://flags',
      'view-source:https://example.com/',
      'data:text/html,<p>hi',
      'https://chromewebstore.google.com/detail/x',
      'https://addons.mozilla.org/en-US/firefox/',
      'chrome-extension://abc/options.html',
    ])
      expect(refusalFor(url), url).toMatch(/cannot|not a page/);
  });
  it('lets ordinary pages through', () => {
    for (const url of [
      undefined,
      'https://example.com/a.html',
      'http://127.0.0.1:8000/x',
      'file:///tmp/a.html',
    ])
      expect(refusalFor(url)).toBeNull();
  });
});

describe('withTimeout', () => {
  it('rejects a promise that never settles, and passes one that does', async () => {
    await expect(withTimeout(new Promise(() => undefined), 20, 'too slow')).rejects.toThrow(
      'too slow',
    );
    await expect(withTimeout(Promise.resolve(7), 20, 'too slow')).resolves.toBe(7);
  });
});
