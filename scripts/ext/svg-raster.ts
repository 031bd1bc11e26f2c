/**
 * Renders the small SVG subset our icon uses (rect with rx, circle, polygon; solid fills, optional
 * opacity) to RGBA pixels, with 4×4 supersampling for smooth edges. Enough for icons/icon.svg and
 * no browser needed at build time. Anything else in the SVG is an error, not silently skipped.
 */

type Shape =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; rx: number; color: Rgba }
  | { kind: 'circle'; cx: number; cy: number; r: number; color: Rgba }
  | { kind: 'polygon'; points: Array<[number, number]>; color: Rgba };

type Rgba = [number, number, number, number];

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-zA-Z-]+)\s*=\s*"([^"]*)"/g)) out[m[1]!] = m[2]!;
  return out;
}

function num(a: Record<string, string>, name: string, fallback?: number): number {
  const v = a[name];
  if (v === undefined) {
    if (fallback !== undefined) return fallback;
    throw new Error(`svg-raster: missing ${name}`);
  }
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`svg-raster: bad ${name}="${v}"`);
  return n;
}

function color(a: Record<string, string>): Rgba {
  const fill = a.fill ?? '#000000';
  const m = /^#([0-9a-f]{6})$/i.exec(fill);
  if (!m) throw new Error(`svg-raster: only #rrggbb fills are supported, got "${fill}"`);
  const hex = parseInt(m[1]!, 16);
  const alpha = a.opacity !== undefined ? Number(a.opacity) : 1;
  return [(hex >> 16) & 255, (hex >> 8) & 255, hex & 255, alpha];
}

export function parseSvg(svg: string): { size: number; shapes: Shape[] } {
  const root = /<svg\b[^>]*>/.exec(svg);
  if (!root) throw new Error('svg-raster: no <svg> element');
  const vb = attrs(root[0])
    .viewBox?.split(/[\s,]+/)
    .map(Number);
  if (!vb || vb.length !== 4 || vb[0] !== 0 || vb[1] !== 0 || vb[2] !== vb[3])
    throw new Error('svg-raster: need a square viewBox "0 0 N N"');
  const shapes: Shape[] = [];
  const body = svg.slice(root.index + root[0].length).replace(/<!--[\s\S]*?-->/g, '');
  for (const m of body.matchAll(/<([a-zA-Z]+)\b[^>]*>/g)) {
    const tag = m[1]!;
    const a = attrs(m[0]);
    if (tag === 'rect') {
      shapes.push({
        kind: 'rect',
        x: num(a, 'x', 0),
        y: num(a, 'y', 0),
        w: num(a, 'width'),
        h: num(a, 'height'),
        rx: num(a, 'rx', 0),
        color: color(a),
      });
    } else if (tag === 'circle') {
      shapes.push({
        kind: 'circle',
        cx: num(a, 'cx'),
        cy: num(a, 'cy'),
        r: num(a, 'r'),
        color: color(a),
      });
    } else if (tag === 'polygon') {
      const nums = (a.points ?? '')
        .trim()
        .split(/[\s,]+/)
        .map(Number);
      if (nums.length < 6 || nums.length % 2 || nums.some((n) => !Number.isFinite(n)))
        throw new Error('svg-raster: bad polygon points');
      const points: Array<[number, number]> = [];
      for (let i = 0; i < nums.length; i += 2) points.push([nums[i]!, nums[i + 1]!]);
      shapes.push({ kind: 'polygon', points, color: color(a) });
    } else {
      throw new Error(`svg-raster: unsupported element <${tag}>`);
    }
  }
  return { size: vb[2]!, shapes };
}

function inside(s: Shape, x: number, y: number): boolean {
  switch (s.kind) {
    case 'rect': {
      if (x < s.x || y < s.y || x > s.x + s.w || y > s.y + s.h) return false;
      const r = Math.min(s.rx, s.w / 2, s.h / 2);
      if (r <= 0) return true;
      const dx = Math.max(s.x + r - x, 0, x - (s.x + s.w - r));
      const dy = Math.max(s.y + r - y, 0, y - (s.y + s.h - r));
      return dx * dx + dy * dy <= r * r;
    }
    case 'circle':
      return (x - s.cx) ** 2 + (y - s.cy) ** 2 <= s.r * s.r;
    case 'polygon': {
      let hit = false;
      const p = s.points;
      for (let i = 0, j = p.length - 1; i < p.length; j = i++) {
        const [xi, yi] = p[i]!;
        const [xj, yj] = p[j]!;
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
      }
      return hit;
    }
  }
}

const SS = 4;

/** RGBA pixels (straight alpha) of the SVG at `px`×`px`. */
export function rasterizeSvg(svg: string, px: number): Uint8Array {
  const { size, shapes } = parseSvg(svg);
  const scale = size / px;
  const out = new Uint8Array(px * px * 4);
  for (let py = 0; py < px; py++) {
    for (let pxi = 0; pxi < px; pxi++) {
      // Premultiplied accumulation over the subsamples.
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (pxi + (sx + 0.5) / SS) * scale;
          const y = (py + (sy + 0.5) / SS) * scale;
          let cr = 0,
            cg = 0,
            cb = 0,
            ca = 0;
          for (const s of shapes) {
            if (!inside(s, x, y)) continue;
            const [sr, sg, sb, sa] = s.color;
            cr = sr * sa + cr * (1 - sa);
            cg = sg * sa + cg * (1 - sa);
            cb = sb * sa + cb * (1 - sa);
            ca = sa + ca * (1 - sa);
          }
          r += cr;
          g += cg;
          b += cb;
          a += ca;
        }
      }
      const n = SS * SS;
      const i = (py * px + pxi) * 4;
      const alpha = a / n;
      out[i] = alpha ? Math.round(r / n / alpha) : 0;
      out[i + 1] = alpha ? Math.round(g / n / alpha) : 0;
      out[i + 2] = alpha ? Math.round(b / n / alpha) : 0;
      out[i + 3] = Math.round(alpha * 255);
    }
  }
  return out;
}
