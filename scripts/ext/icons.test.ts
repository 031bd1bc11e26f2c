import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// The icons are PNGs committed under icons/, rendered once from icons/icon.svg. These tests read
// the committed files: every size the manifest names exists, is what its name says, and shows
// the design (transparent rounded corners, the navy background, the gold coin).

const root = path.resolve(import.meta.dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8')) as {
  icons: Record<string, string>;
  action: { default_icon: Record<string, string> };
};

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** An independent decoder for 8-bit RGBA, non-interlaced PNGs (any row filter). */
function decodePng(png: Buffer): { w: number; h: number; px: Buffer } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  let p = 8;
  let w = 0;
  let h = 0;
  const idat: Buffer[] = [];
  while (p < png.length) {
    const len = png.readUInt32BE(p);
    const type = png.toString('latin1', p + 4, p + 8);
    const data = png.subarray(p + 8, p + 8 + len);
    if (type === 'IHDR') {
      w = data.readUInt32BE(0);
      h = data.readUInt32BE(4);
      expect([data[8], data[9], data[12]], 'bit depth, colour type RGBA, no interlace').toEqual([
        8, 6, 0,
      ]);
    }
    if (type === 'IDAT') idat.push(data);
    p += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = w * 4;
  const px = Buffer.alloc(stride * h);
  for (let y = 0; y < h; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= 4 ? px[y * stride + x - 4]! : 0;
      const b = y > 0 ? px[(y - 1) * stride + x]! : 0;
      const c = x >= 4 && y > 0 ? px[(y - 1) * stride + x - 4]! : 0;
      const pred = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter];
      if (pred === undefined) throw new Error(`bad PNG row filter ${filter}`);
      px[y * stride + x] = (v + pred) & 255;
    }
  }
  return { w, h, px };
}

describe('icons', () => {
  const named = { ...manifest.icons, ...manifest.action.default_icon };

  it('the manifest names the 16, 32, 48 and 128 px icons, all under icons/', () => {
    expect(Object.keys(manifest.icons).sort()).toEqual(['128', '16', '32', '48']);
    for (const file of Object.values(named)) expect(file).toMatch(/^icons\/icon-\d+\.png$/);
  });

  for (const [size, file] of Object.entries(named)) {
    it(`${file}: ${size}px, transparent rounded corners, opaque background, the gold coin`, () => {
      const n = Number(size);
      const { w, h, px } = decodePng(readFileSync(path.join(root, file)));
      expect([w, h]).toEqual([n, n]);
      const at = (x: number, y: number) => [...px.subarray((y * n + x) * 4, (y * n + x) * 4 + 4)];
      expect(at(0, 0)[3]).toBe(0); // outside the rounded corner
      expect(at(Math.floor(n / 10), Math.floor(n / 2))).toEqual([0x12, 0x35, 0x5b, 255]); // background, left of the page
      // The coin's centre (92,90 in the 128 viewBox) is gold: red high, blue low.
      const [r, , b, a] = at(Math.floor((92 / 128) * n), Math.floor((90 / 128) * n));
      expect(a).toBe(255);
      expect(r).toBeGreaterThan(200);
      expect(b).toBeLessThan(80);
    });
  }
});
