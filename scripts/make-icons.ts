/**
 * Draws the add-in's icons (a scorecard: three banded rows on a navy tile) at every size Excel asks
 * for, as PNGs in assets/. Pure Node: a tiny PNG encoder over zlib, so no image tool is needed.
 */
import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";

export const ICON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80, 128];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

type RGB = [number, number, number];
const NAVY: RGB = [0x1f, 0x38, 0x64];
const BARS: RGB[] = [
  [0x7f, 0xd1, 0xb0],
  [0xf0, 0xe4, 0x42],
  [0xe6, 0x9f, 0x00],
];

export function drawIcon(size: number): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const radius = size * 0.18;
  const inside = (x: number, y: number): number => {
    // Anti-aliased rounded square: sample 4x4 points per pixel.
    let hits = 0;
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++) {
        const sx = x + (i + 0.5) / 4;
        const sy = y + (j + 0.5) / 4;
        const cx = Math.min(Math.max(sx, radius), size - radius);
        const cy = Math.min(Math.max(sy, radius), size - radius);
        if ((sx - cx) ** 2 + (sy - cy) ** 2 <= radius ** 2) hits++;
      }
    return hits / 16;
  };
  const pad = Math.max(2, Math.round(size * 0.18));
  const gap = Math.max(1, Math.round(size * 0.08));
  const barH = Math.floor((size - 2 * pad - 2 * gap) / 3);
  const top = Math.round((size - (3 * barH + 2 * gap)) / 2);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const a = inside(x, y);
      let rgb = NAVY;
      for (let b = 0; b < 3; b++) {
        const y0 = top + b * (barH + gap);
        // Bars get shorter, like a ranked list: the shape reads without colour.
        const x1 = size - pad - Math.round(b * size * 0.12);
        if (y >= y0 && y < y0 + barH && x >= pad && x < x1) rgb = BARS[b];
      }
      const o = (y * size + x) * 4;
      px[o] = rgb[0];
      px[o + 1] = rgb[1];
      px[o + 2] = rgb[2];
      px[o + 3] = Math.round(a * 255);
    }
  }
  return px;
}

if (require.main === module) {
  const dir = join(__dirname, "..", "assets");
  mkdirSync(dir, { recursive: true });
  for (const s of ICON_SIZES) {
    writeFileSync(join(dir, `icon-${s}.png`), encodePng(s, s, drawIcon(s)));
    console.log(`assets/icon-${s}.png`);
  }
}
