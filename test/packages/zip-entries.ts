/**
 * A zip's entries as stored: name, method and the compressed bytes, read from the central directory.
 * Tests use it to show that an unchanged part was copied as it was, not merely re-compressed.
 */
import { inflateRawSync } from "node:zlib";

export interface StoredEntry {
  name: string;
  method: number;
  compressed: Buffer;
  data: Buffer;
}

export function zipEntries(buf: Buffer): Map<string, StoredEntry> {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("not a zip: no end of central directory");
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, StoredEntry>();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error("bad central directory");
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString("utf8");
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const compressed = buf.subarray(start, start + size);
    const data = method === 8 ? inflateRawSync(compressed) : compressed;
    out.set(name, { name, method, compressed, data });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}
