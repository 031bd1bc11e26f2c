import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (this file is e2e/lib/server.ts). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixturePagesDir = path.join(repoRoot, 'src', 'core', 'test-pages');
export const e2ePagesDir = path.join(repoRoot, 'e2e', 'pages');

/**
 * Extra response headers per served path. The strict-CSP page must get its policy as a real
 * header (a `<meta>` CSP does not cover everything a header does, e.g. frame-ancestors).
 */
export const pageHeaders: Record<string, Record<string, string>> = {
  '/pages/strict-csp.html': { 'Content-Security-Policy': "default-src 'none'" },
};

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wav': 'audio/wav',
};

/**
 * A mono 8-bit PCM WAV: a quiet tone, long enough that a test can check the playback position
 * moved on without ever reaching the end. Generated so the repo holds no binary media.
 */
export function toneWav(seconds = 120, rate = 8000): Buffer {
  const samples = seconds * rate;
  const buf = Buffer.alloc(44 + samples);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + samples, 4);
  buf.write('WAVE', 8, 'ascii');
  buf.write('fmt ', 12, 'ascii');
  buf.writeUInt32LE(16, 16); // fmt chunk size
  buf.writeUInt16LE(1, 20); // PCM
  buf.writeUInt16LE(1, 22); // mono
  buf.writeUInt32LE(rate, 24);
  buf.writeUInt32LE(rate, 28); // byte rate
  buf.writeUInt16LE(1, 32); // block align
  buf.writeUInt16LE(8, 34); // bits per sample
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(samples, 40);
  for (let i = 0; i < samples; i++) {
    buf[44 + i] = 128 + Math.round(8 * Math.sin((2 * Math.PI * 440 * i) / rate));
  }
  return buf;
}

/** A small chart picture for the article pages' figures. */
function chartSvg(label: string): string {
  const bars = [40, 72, 55, 90, 64, 30]
    .map(
      (h, i) => `<rect x="${20 + i * 50}" y="${120 - h}" width="30" height="${h}" fill="#3b6ea5"/>`,
    )
    .join('');
  const text = label.replace(/[^\w -]/g, '');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="340" height="150" viewBox="0 0 340 150"><rect width="340" height="150" fill="#f4f1ea"/>${bars}<text x="20" y="142" font-size="12" fill="#333">${text}</text></svg>`;
}

let wavCache: Buffer | undefined;

async function resolveFile(urlPath: string): Promise<string | null> {
  const clean = decodeURIComponent(urlPath);
  if (clean.includes('\0')) return null;
  let base: string;
  let rest: string;
  if (clean.startsWith('/fixtures/')) {
    base = fixturePagesDir;
    rest = clean.slice('/fixtures/'.length);
  } else if (clean.startsWith('/pages/plain/')) {
    base = e2ePagesDir;
    rest = clean.slice('/pages/plain/'.length);
  } else if (clean.startsWith('/pages/')) {
    base = e2ePagesDir;
    rest = clean.slice('/pages/'.length);
  } else {
    return null;
  }
  const file = path.resolve(base, rest);
  if (!file.startsWith(base + path.sep)) return null;
  try {
    const s = await stat(file);
    if (s.isDirectory()) {
      const index = path.join(file, 'source.html');
      return (await stat(index).catch(() => null))?.isFile() ? index : null;
    }
    return s.isFile() ? file : null;
  } catch {
    return null;
  }
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const extra = pageHeaders[url.pathname] ?? {};
  const send = (status: number, type: string, body: string | Buffer): void => {
    const headers: Record<string, string> = {
      'Content-Type': type,
      'Cache-Control': 'no-store',
      ...extra,
    };
    let payload = typeof body === 'string' ? Buffer.from(body) : body;
    // Byte ranges, so media elements can seek (Chromium cannot seek without them).
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    if (status === 200 && range) {
      const size = payload.length;
      const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
      const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      if (start >= size || start > end) {
        res.writeHead(416, { 'Content-Range': `bytes */${size}` });
        res.end();
        return;
      }
      payload = payload.subarray(start, end + 1);
      status = 206;
      headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
    }
    headers['Accept-Ranges'] = 'bytes';
    headers['Content-Length'] = String(payload.length);
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : payload);
  };
  if (url.pathname === '/media/tone.wav') {
    wavCache ??= toneWav();
    send(200, 'audio/wav', wavCache);
    return;
  }
  if (url.pathname.startsWith('/media/chart-') && url.pathname.endsWith('.svg')) {
    send(200, 'image/svg+xml', chartSvg(url.pathname.slice('/media/chart-'.length, -4)));
    return;
  }
  if (url.pathname === '/favicon.ico') {
    send(204, 'text/plain', '');
    return;
  }
  const file = await resolveFile(url.pathname);
  if (!file) {
    send(404, 'text/plain; charset=utf-8', `not found: ${url.pathname}`);
    return;
  }
  let body: string | Buffer = await readFile(file);
  // `/pages/plain/<page>`: the same page without its stylesheets and without its extra headers,
  // the baseline for "page CSS / page CSP changes nothing in the reader".
  if (url.pathname.startsWith('/pages/plain/'))
    body = body.toString('utf8').replace(/<style[\s\S]*?<\/style>/gi, '');
  send(200, types[path.extname(file)] ?? 'application/octet-stream', body);
}

export interface FixtureServer {
  /** e.g. `http://127.0.0.1:43123` */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves `src/core/test-pages/<slug>/…` at `/fixtures/<slug>/…` (the folder itself serves its
 * `source.html`), `e2e/pages/…` at `/pages/…` (with the headers of `pageHeaders`) and again at
 * `/pages/plain/…` (no extra headers, no `<style>`), on 127.0.0.1 at a random free port.
 */
export async function startServer(): Promise<FixtureServer> {
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
