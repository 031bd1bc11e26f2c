import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const CHROMIUM_PATH = '/usr/bin/chromium';
/** Flags this machine needs (closed network) on top of Playwright's defaults. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
];

/**
 * Why Chromium cannot be used now, or null when it can: the binary must exist and, while the
 * apt install that brings it is running, `/tmp/apt.log` must end with `done`.
 */
export function chromiumUnavailable(): string | null {
  if (!existsSync(CHROMIUM_PATH)) return `${CHROMIUM_PATH} not installed`;
  if (existsSync('/tmp/apt.log')) {
    const log = readFileSync('/tmp/apt.log', 'utf8').trimEnd();
    if (!log.endsWith('done'))
      return '/tmp/apt.log does not end with "done" yet (apt install running)';
  }
  return null;
}

/** A loopback server answering every path from `pages` (path -> html), 404 otherwise. */
export async function servePages(
  pages: Map<string, string>,
): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const html = pages.get(path);
    if (html === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
