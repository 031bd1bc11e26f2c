import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodePng } from './png.js';
import { parseSvg, rasterizeSvg } from './svg-raster.js';

const svg = readFileSync(
  path.resolve(import.meta.dirname, '..', '..', 'icons', 'icon.svg'),
  'utf8',
);

function decodePng(png: Buffer): { w: number; h: number; px: Buffer } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  let p = 8;
  let w = 0,
    h = 0;
  const idat: Buffer[] = [];
  while (p < png.length) {
    const len = png.readUInt32BE(p);
    const type = png.toString('latin1', p + 4, p + 8);
    const data = png.subarray(p + 8, p + 8 + len);
    if (type === 'IHDR') {
      w = data.readUInt32BE(0);
      h = data.readUInt32BE(4);
      expect([data[8], data[9]]).toEqual([8, 6]);
    }
    if (type === 'IDAT') idat.push(data);
    p += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const px = Buffer.alloc(w * h * 4);
  for (let y = 0; y < h; y++) {
    expect(raw[y * (w * 4 + 1)]).toBe(0);
    raw.copy(px, y * w * 4, y * (w * 4 + 1) + 1, (y + 1) * (w * 4 + 1));
  }
  return { w, h, px };
}

describe('icon rendering', () => {
  it('the SVG source uses only the supported shapes', () => {
    const { size, shapes } = parseSvg(svg);
    expect(size).toBe(128);
    expect(shapes.length).toBeGreaterThan(3);
  });

  it('unsupported SVG is an error, not a silently wrong icon', () => {
    expect(() => parseSvg('<svg viewBox="0 0 10 10"><path d="M0 0"/></svg>')).toThrow(/path/);
    expect(() =>
      parseSvg('<svg viewBox="0 0 10 10"><rect width="1" height="1" fill="red"/></svg>'),
    ).toThrow(/fill/);
  });

  for (const size of [16, 32, 48, 128]) {
    it(`renders a ${size}px PNG: transparent rounded corners, opaque background, the gold coin`, () => {
      const { w, h, px } = decodePng(encodePng(size, size, rasterizeSvg(svg, size)));
      expect([w, h]).toEqual([size, size]);
      const at = (x: number, y: number) => [
        ...px.subarray((y * size + x) * 4, (y * size + x) * 4 + 4),
      ];
      expect(at(0, 0)[3]).toBe(0); // outside the rounded corner
      expect(at(Math.floor(size / 10), Math.floor(size / 2))).toEqual([0x12, 0x35, 0x5b, 255]); // background, left of the page
      // The coin's centre (92,90 in the 128 viewBox) is gold: red high, blue low.
      const [r, , b, a] = at(Math.floor((92 / 128) * size), Math.floor((90 / 128) * size));
      expect(a).toBe(255);
      expect(r).toBeGreaterThan(200);
      expect(b).toBeLessThan(80);
    });
  }
});
