// Draws the extension's icon, images/icon.png (128x128 RGBA PNG): a spec page on a
// blue tile, its title underlined by a double rule (reStructuredText's "====="),
// text lines, one of them with a red squiggle, and a green check mark.
// Pure Node (zlib for the PNG's deflate), 4x4 supersampling for smooth edges, so
// the same bytes come out on every machine.
//
//   node scripts/make-icon.mjs [out.png]
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SS = 4; // samples per pixel side
const out = resolve(process.argv[2] ?? 'images/icon.png');

// ---- shapes: each is (x, y) => coverage 0/1 in icon pixel coordinates -------
const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
/** The page: a rectangle with its top-right corner folded. */
const page = (x0, y0, x1, y1, fold) => (x, y) => rect(x0, y0, x1, y1)(x, y) && x - x1 + fold <= y - y0;
const fold = (x1, y0, f) => (x, y) => x >= x1 - f && y <= y0 + f && x - (x1 - f) >= y - y0 - 0.0001 && x <= x1 && y >= y0;
/** A thick polyline (round joins). */
const stroke = (points, width) => (x, y) => {
  const h = width / 2;
  for (let i = 0; i + 1 < points.length; i++) {
    const [ax, ay] = points[i];
    const [bx, by] = points[i + 1];
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    if ((x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= h * h) return true;
  }
  return false;
};
const wave = (x0, x1, y, amplitude, period) => {
  const points = [];
  for (let x = x0; x <= x1; x += 0.5) points.push([x, y + amplitude * Math.sin(((x - x0) / period) * 2 * Math.PI)]);
  return points;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

// ---- the picture, back to front: [shape, [r, g, b, a]] --------------------------
const layers = [
  [roundedRect(4, 4, 124, 124, 22), [0x1e, 0x4f, 0x8c, 255]], // tile
  [page(28, 16, 100, 112, 18), [0xf7, 0xf9, 0xfc, 255]], // page
  [fold(100, 16, 18), [0xb8, 0xc8, 0xdc, 255]], // folded corner
  [rect(38, 30, 80, 35), [0x1e, 0x4f, 0x8c, 255]], // title
  [rect(38, 40, 86, 41.6), [0x1e, 0x4f, 0x8c, 255]], // "=====" under the title
  [rect(38, 43.6, 86, 45.2), [0x1e, 0x4f, 0x8c, 255]],
  [rect(38, 56, 90, 59), [0x9a, 0xa8, 0xb8, 255]], // text lines
  [rect(38, 66, 84, 69), [0x9a, 0xa8, 0xb8, 255]],
  [stroke(wave(38, 84, 74, 1.8, 7), 2.2), [0xe0, 0x3e, 0x3e, 255]], // squiggle
  [rect(38, 82, 74, 85), [0x9a, 0xa8, 0xb8, 255]],
  [rect(38, 92, 66, 95), [0x9a, 0xa8, 0xb8, 255]],
  [circle(96, 96, 25), [0x1e, 0x4f, 0x8c, 255]], // a ring in the tile's colour sets the badge off the page
  [circle(96, 96, 21), [0x2e, 0xa0, 0x43, 255]], // check badge
  [
    stroke(
      [
        [85, 96],
        [93, 104],
        [107, 88],
      ],
      6,
    ),
    [255, 255, 255, 255],
  ], // check mark
];

// ---- rasterise ----------------------------------------------------------------
const rgba = Buffer.alloc(SIZE * SIZE * 4);
for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    let r = 0,
      g = 0,
      b = 0,
      a = 0; // premultiplied sums over the samples
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const x = px + (sx + 0.5) / SS;
        const y = py + (sy + 0.5) / SS;
        let cr = 0,
          cg = 0,
          cb = 0,
          ca = 0;
        for (const [shape, [lr, lg, lb, la]] of layers) {
          if (!shape(x, y)) continue;
          const alpha = la / 255;
          cr = lr * alpha + cr * (1 - alpha);
          cg = lg * alpha + cg * (1 - alpha);
          cb = lb * alpha + cb * (1 - alpha);
          ca = alpha + ca * (1 - alpha);
        }
        r += cr;
        g += cg;
        b += cb;
        a += ca;
      }
    }
    const n = SS * SS;
    const o = (py * SIZE + px) * 4;
    const alpha = a / n;
    rgba[o] = alpha ? Math.round(r / n / alpha) : 0;
    rgba[o + 1] = alpha ? Math.round(g / n / alpha) : 0;
    rgba[o + 2] = alpha ? Math.round(b / n / alpha) : 0;
    rgba[o + 3] = Math.round(alpha * 255);
  }
}

// ---- PNG --------------------------------------------------------------------------
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  rgba.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
}
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, png);
console.log(`wrote ${out} (${SIZE}x${SIZE}, ${png.length} bytes)`);
