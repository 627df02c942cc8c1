// @ts-check
/**
 * Draws Quire's toolbar icons (an open book page on a rounded ink square)
 * and writes them as PNGs to icons/. Pure node: zlib + a hand-made PNG
 * encoder, so no image library is needed. The PNGs are committed; run this
 * again only to change the design:  node scripts/make-icons.mjs
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const SIZES = [16, 32, 48, 128];
const INK = [0x24, 0x3b, 0x55];
const PAPER = [0xf8, 0xf6, 0xf1];
const RULE = [0x9a, 0xa6, 0xb4];

/** CRC-32 as PNG wants it. */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
/** @param {Buffer} buf */
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * @param {string} type
 * @param {Buffer} data
 */
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/**
 * Encodes RGBA pixels as a PNG.
 * @param {number} size
 * @param {Uint8Array} rgba
 */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * Coverage of pixel (px, py) by a shape, 4×4 supersampled, in 0..1.
 * @param {number} px
 * @param {number} py
 * @param {(x: number, y: number) => boolean} inside
 */
function coverage(px, py, inside) {
  let hits = 0;
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (inside(px + (i + 0.5) / 4, py + (j + 0.5) / 4)) hits++;
  return hits / 16;
}

/** @param {number} size */
function draw(size) {
  const s = size / 128; // design grid is 128 units
  const rgba = new Uint8Array(size * size * 4);
  const r = 26 * s;
  /** Rounded square. @type {(x: number, y: number) => boolean} */
  const square = (x, y) => {
    const cx = Math.min(Math.max(x, r), size - r);
    const cy = Math.min(Math.max(y, r), size - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  /** Page: a rectangle with a folded top-right corner. @type {(x: number, y: number) => boolean} */
  const page = (x, y) => {
    const [l, t, rt, b, fold] = [34 * s, 22 * s, 94 * s, 106 * s, 18 * s];
    if (x < l || x > rt || y < t || y > b) return false;
    return x - (rt - fold) <= y - t + 0.0001 || x < rt - fold;
  };
  /** Text lines on the page (fewer at small sizes so they stay legible). @type {(x: number, y: number) => boolean} */
  const lines = (x, y) => {
    const rows = size >= 48 ? [46, 60, 74, 88] : [52, 76];
    const weight = (size >= 48 ? 5 : 9) * s;
    return rows.some((row, i) => {
      const right = i === rows.length - 1 ? 70 : 82;
      return x >= 44 * s && x <= right * s && y >= row * s && y <= row * s + weight;
    });
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const a = coverage(x, y, square);
      const p = coverage(x, y, page);
      const l = coverage(x, y, lines);
      /** @type {number[]} */
      let color = INK;
      const mix = (/** @type {number[]} */ c1, /** @type {number[]} */ c2, /** @type {number} */ t) => c1.map((v, i) => v + (c2[i] - v) * t);
      color = mix(color, PAPER, p);
      color = mix(color, RULE, l * p);
      const o = (y * size + x) * 4;
      rgba[o] = Math.round(color[0]);
      rgba[o + 1] = Math.round(color[1]);
      rgba[o + 2] = Math.round(color[2]);
      rgba[o + 3] = Math.round(a * 255);
    }
  }
  return encodePng(size, rgba);
}

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'icons');
mkdirSync(out, { recursive: true });
for (const size of SIZES) {
  writeFileSync(join(out, `icon-${size}.png`), draw(size));
}
console.log(`wrote ${SIZES.map((n) => `icons/icon-${n}.png`).join(', ')}`);
