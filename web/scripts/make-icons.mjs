// Draws the app's PNG icons (web app manifest, home screens) from the favicon's design: the brand
// square and a white glide path. Run after changing the design: node scripts/make-icons.mjs
// Writes public/icons/icon-192.png, icon-512.png and icon-maskable-512.png (full bleed, the path
// inside the maskable safe zone, the centre 80 %). A tiny PNG encoder on node:zlib: RGBA, 8 bits.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const out = join(import.meta.dirname, '..', 'public', 'icons');
const brand = [0x12, 0x3a, 0x75];

// The favicon's path, in its 32-unit box: M5 24 C12 22 18 14 27 8, stroke 3, round caps.
/** @param {number} t @returns {[number, number]} */
function bezier(t) {
  const p = [[5, 24], [12, 22], [18, 14], [27, 8]];
  const u = 1 - t;
  const w = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  const at = (/** @type {number} */ k) => w.reduce((s, wi, i) => s + wi * (p[i]?.[k] ?? 0), 0);
  return [at(0), at(1)];
}
const path = Array.from({ length: 97 }, (_, i) => bezier(i / 96));

/** Distance from (x, y) to the path's polyline, in path units. @param {number} x @param {number} y */
function distance(x, y) {
  let best = Infinity;
  for (let i = 1; i < path.length; i++) {
    const [ax, ay] = /** @type {[number, number]} */ (path[i - 1]);
    const [bx, by] = /** @type {[number, number]} */ (path[i]);
    const dx = bx - ax, dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(x - ax - t * dx, y - ay - t * dy));
  }
  return best;
}

/**
 * RGBA pixels of one icon. `scale` shrinks the drawing around the centre (maskable: into the safe
 * zone); `rounded` cuts the square's corners (rx 6 of 32) to transparency.
 * @param {number} size @param {{ scale: number, rounded: boolean }} o
 */
function draw(size, { scale, rounded }) {
  const px = new Uint8Array(size * size * 4);
  const unit = size / 32; // pixels per path unit
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Pixel centre in the 32-unit box, then into the (scaled) drawing's coordinates.
      const bx = (x + 0.5) / unit, by = (y + 0.5) / unit;
      const dx = 16 + (bx - 16) / scale, dy = 16 + (by - 16) / scale;
      // Coverage from signed distances (one pixel of anti-aliasing at the edges).
      const stroke = clamp(0.5 - ((distance(dx, dy) - 1.5) * scale * unit));
      let square = 1;
      if (rounded) {
        const qx = Math.max(Math.abs(bx - 16) - 10, 0), qy = Math.max(Math.abs(by - 16) - 10, 0);
        square = clamp(0.5 - (Math.hypot(qx, qy) - 6) * unit);
      }
      const i = (y * size + x) * 4;
      for (let k = 0; k < 3; k++) px[i + k] = Math.round((brand[k] ?? 0) * (1 - stroke) + 255 * stroke);
      px[i + 3] = Math.round(255 * square);
    }
  }
  return px;
}

/** @param {number} v */
function clamp(v) {
  return Math.max(0, Math.min(1, v));
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
/** @param {Buffer} bytes */
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** @param {string} type @param {Buffer} data */
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG file of RGBA pixels (colour type 6, 8 bits, every row with filter 0). @param {number} size @param {Uint8Array} rgba */
export function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rows.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

mkdirSync(out, { recursive: true });
const icons = [
  { file: 'icon-192.png', size: 192, scale: 1, rounded: true },
  { file: 'icon-512.png', size: 512, scale: 1, rounded: true },
  { file: 'icon-maskable-512.png', size: 512, scale: 0.7, rounded: false },
];
for (const { file, size, ...o } of icons) {
  writeFileSync(join(out, file), encodePng(size, draw(size, o)));
  console.log(`public/icons/${file} (${size}×${size})`);
}
