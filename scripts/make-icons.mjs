/**
 * Draws the add-in's icon (three rising bars in a rounded square) and writes it as PNG files at
 * the sizes Office asks for. The PNGs in assets/ are committed; run this only to regenerate them:
 *   node scripts/make-icons.mjs
 *
 * Why hand-rolled: a PNG is a signature, an IHDR chunk, zlib-compressed scanlines and an IEND
 * chunk, and node's zlib does the compression, so no image package is needed for one glyph.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZES = [16, 32, 64, 80];
const BACKGROUND = [0x0f, 0x6c, 0x5c]; // deep teal, readable on light and dark ribbons
const BAR = [0xff, 0xff, 0xff];
const SUPERSAMPLE = 4; // 4x4 samples a pixel, so small sizes get smooth edges

/** Shapes in a unit square (0..1), so every size draws the same picture. */
const CORNER = 0.2;
const BARS = [
  { x0: 0.2, x1: 0.36, top: 0.56 },
  { x0: 0.42, x1: 0.58, top: 0.4 },
  { x0: 0.64, x1: 0.8, top: 0.22 },
];
const BAR_BOTTOM = 0.8;

function insideRoundedSquare(x, y) {
  const cx = Math.min(Math.max(x, CORNER), 1 - CORNER);
  const cy = Math.min(Math.max(y, CORNER), 1 - CORNER);
  return (x - cx) ** 2 + (y - cy) ** 2 <= CORNER ** 2;
}

function insideBar(x, y) {
  return BARS.some((b) => x >= b.x0 && x <= b.x1 && y >= b.top && y <= BAR_BOTTOM);
}

/** RGBA bytes, one filter byte (0 = none) before each row as PNG requires. */
function drawScanlines(size) {
  const rowBytes = 1 + size * 4;
  const out = Buffer.alloc(rowBytes * size);
  for (let py = 0; py < size; py++) {
    out[py * rowBytes] = 0;
    for (let px = 0; px < size; px++) {
      let square = 0;
      let bar = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          if (insideRoundedSquare(x, y)) {
            square++;
            if (insideBar(x, y)) bar++;
          }
        }
      }
      const samples = SUPERSAMPLE * SUPERSAMPLE;
      const barShare = square === 0 ? 0 : bar / square;
      const offset = py * rowBytes + 1 + px * 4;
      for (let c = 0; c < 3; c++) {
        out[offset + c] = Math.round(BACKGROUND[c] * (1 - barShare) + BAR[c] * barShare);
      }
      out[offset + 3] = Math.round((255 * square) / samples);
    }
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function png(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // deflate
  header[11] = 0; // adaptive filtering
  header[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(drawScanlines(size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const assets = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');
for (const size of SIZES) {
  const file = join(assets, `icon-${size}.png`);
  writeFileSync(file, png(size));
  process.stdout.write(`wrote ${file}\n`);
}
