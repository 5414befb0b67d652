/**
 * The zip container of an .xlsx/.xlsm, read and rewritten at the level of stored entries: a part that
 * is not changed is copied as its compressed bytes, exactly as they were (never decompressed and
 * compressed again), and a changed part is deflated with Node's native zlib. Entry order, names,
 * timestamps and attributes are kept.
 *
 * Nothing is inflated before a check of its own (zip-guard.ts): the size the entry declares must be
 * within Scorecard's limit and its ratio to the compressed size believable, and inflating stops the
 * moment the output passes what was declared. A zip bomb is refused in a line, at no cost.
 */
import { once } from "node:events";
import { createDeflateRaw, createInflateRaw, deflateRawSync, inflateRawSync } from "node:zlib";
import * as zlib from "node:zlib";
import { checkDeclared, overran } from "./zip-guard";

interface Entry {
  name: string;
  /** The central directory record as read (its offsets are rewritten on output). */
  central: Buffer;
  method: number;
  crc: number;
  compressed: Buffer;
  size: number;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** The CRC-32 of data, continuing from the CRC of what came before it. */
function crc32(data: Buffer, before = 0): number {
  // Node 20.15+ has a native crc32; older Nodes get the table.
  const native = (zlib as unknown as { crc32?: (d: Buffer, v?: number) => number }).crc32;
  if (native) return native(data, before) >>> 0;
  let c = (before ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A part written in pieces and deflated as it came: only its compressed bytes are held. */
interface Deflated {
  crc: number;
  size: number;
  compressed: Buffer;
}

/** Pieces of text are gathered to this size before each is deflated. */
const PIECE_BYTES = 256 * 1024;

export class ZipPackage {
  private readonly entries: Entry[] = [];
  private readonly changed = new Map<string, Buffer>();
  private readonly deflated = new Map<string, Deflated>();
  private readonly removed = new Set<string>();
  /** The content type of each part written, where the writer said it (see agree-parts.ts). */
  private readonly types = new Map<string, string>();

  constructor(buf: Buffer) {
    let eocd = buf.length - 22;
    const stop = Math.max(0, buf.length - 22 - 65535);
    while (eocd >= stop && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
    if (eocd < stop) throw new Error("not a zip package (no central directory)");
    const count = buf.readUInt16LE(eocd + 10);
    let p = buf.readUInt32LE(eocd + 16);
    if (count === 0xffff || p === 0xffffffff) throw new Error("zip64 packages are not supported");
    for (let i = 0; i < count; i++) {
      if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error("damaged central directory");
      const nameLen = buf.readUInt16LE(p + 28);
      const extraLen = buf.readUInt16LE(p + 30);
      const commentLen = buf.readUInt16LE(p + 32);
      const csize = buf.readUInt32LE(p + 20);
      const local = buf.readUInt32LE(p + 42);
      if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error("damaged local header");
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const central = buf.subarray(p, p + 46 + nameLen + extraLen + commentLen);
      this.entries.push({
        name: buf.subarray(p + 46, p + 46 + nameLen).toString("utf8"),
        central,
        method: buf.readUInt16LE(p + 10),
        crc: buf.readUInt32LE(p + 16),
        compressed: buf.subarray(start, start + csize),
        size: buf.readUInt32LE(p + 24),
      });
      p += central.length;
    }
  }

  /** The package's entry names as they will be written: kept, changed and new. */
  names(): string[] {
    const out = this.entries.filter((e) => !this.removed.has(e.name)).map((e) => e.name);
    const known = new Set(out);
    for (const name of [...this.changed.keys(), ...this.deflated.keys()])
      if (!known.has(name)) out.push(name);
    return out;
  }

  has(name: string): boolean {
    return (
      !this.removed.has(name) &&
      (this.changed.has(name) || this.deflated.has(name) || this.entries.some((e) => e.name === name))
    );
  }

  private entry(name: string): Entry | undefined {
    return this.removed.has(name) ? undefined : this.entries.find((x) => x.name === name);
  }

  /** The uncompressed size an unchanged entry declares (checked against the limits), or the written size. */
  sizeOf(name: string): number | undefined {
    const c = this.changed.get(name);
    if (c) return c.length;
    return (this.deflated.get(name) ?? this.entry(name))?.size;
  }

  read(name: string): Buffer | undefined {
    if (this.removed.has(name)) return undefined;
    const c = this.changed.get(name);
    if (c) return c;
    const e = this.deflated.get(name) ?? this.entry(name);
    if (!e) return undefined;
    const method = "method" in e ? (e as Entry).method : 8;
    checkDeclared(name, e.size, e.compressed.length, method);
    if (method === 0) return e.compressed;
    try {
      return inflateRawSync(e.compressed, { maxOutputLength: Math.max(1, e.size) });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw overran(name, e.size);
      throw err;
    }
  }

  /**
   * A part's bytes in pieces, inflated as they are read, so that a large sheet is never held whole;
   * stopping early (breaking out of the loop) stops the inflating.
   */
  async *chunks(name: string): AsyncGenerator<Buffer> {
    const c = this.changed.get(name);
    const e = c ? undefined : (this.deflated.get(name) ?? this.entry(name));
    if (c) {
      yield c;
      return;
    }
    if (!e) return;
    const method = "method" in e ? (e as Entry).method : 8;
    checkDeclared(name, e.size, e.compressed.length, method);
    if (method === 0) {
      yield e.compressed;
      return;
    }
    const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
    inflate.end(e.compressed);
    let total = 0;
    try {
      for await (const out of inflate as AsyncIterable<Buffer>) {
        total += out.length;
        if (total > e.size) throw overran(name, e.size);
        yield out;
      }
    } finally {
      inflate.destroy();
    }
  }

  text(name: string): string | undefined {
    return this.read(name)?.toString("utf8");
  }

  /** Writes a part; a new part needs its content type, which the bookkeeping then records. */
  write(name: string, data: string | Buffer, contentType?: string): void {
    this.removed.delete(name);
    this.deflated.delete(name);
    this.changed.set(name, typeof data === "string" ? Buffer.from(data, "utf8") : data);
    if (contentType !== undefined) this.types.set(name, contentType);
  }

  /**
   * Writes a part from pieces of text, deflating them as they come: the part is never held whole,
   * only its compressed bytes (a sheet's XML compresses ten times or more).
   */
  async writePieces(name: string, pieces: Iterable<string>, contentType?: string): Promise<void> {
    const deflate = createDeflateRaw({ level: 6 });
    const out: Buffer[] = [];
    deflate.on("data", (b: Buffer) => out.push(b));
    const ended = once(deflate, "end");
    let crc = 0;
    let size = 0;
    let batch: string[] = [];
    let batched = 0;
    const flush = async () => {
      const buf = Buffer.from(batch.join(""), "utf8");
      batch = [];
      batched = 0;
      crc = crc32(buf, crc);
      size += buf.length;
      if (!deflate.write(buf)) await once(deflate, "drain");
    };
    for (const piece of pieces) {
      batch.push(piece);
      batched += piece.length;
      if (batched >= PIECE_BYTES) await flush();
    }
    await flush();
    deflate.end();
    await ended;
    if (size > 0xfffffffe) throw new Error(`${name} is over 4 GB, more than a zip package holds`);
    this.removed.delete(name);
    this.changed.delete(name);
    this.deflated.set(name, { crc, size, compressed: Buffer.concat(out) });
    if (contentType !== undefined) this.types.set(name, contentType);
  }

  remove(name: string): void {
    this.changed.delete(name);
    this.deflated.delete(name);
    this.types.delete(name);
    this.removed.add(name);
  }

  /** Parts this package had and will not have: removed and not written again. */
  removedParts(): string[] {
    return [...this.removed].filter((n) => this.entries.some((e) => e.name === n));
  }

  /** The content types writers gave the parts they wrote. */
  declaredTypes(): ReadonlyMap<string, string> {
    return this.types;
  }

  /** The package: unchanged entries copied as stored, changed ones deflated, new ones at the end. */
  toBuffer(): Buffer {
    const out = new EntryWriter(dosNow());
    const done = new Set<string>();
    const fresh = (data: Buffer) => ({ crc: crc32(data), z: deflateRawSync(data, { level: 6 }) });
    for (const e of this.entries) {
      if (this.removed.has(e.name) || done.has(e.name)) continue;
      done.add(e.name);
      const c = this.changed.get(e.name);
      const d = this.deflated.get(e.name);
      if (c) {
        const { crc, z } = fresh(c);
        out.emit({ name: e.name, method: 8, crc, data: z, size: c.length, central: e.central });
      } else if (d)
        out.emit({
          name: e.name,
          method: 8,
          crc: d.crc,
          data: d.compressed,
          size: d.size,
          central: e.central,
        });
      else
        out.emit({
          name: e.name,
          method: e.method,
          crc: e.crc,
          data: e.compressed,
          size: e.size,
          central: e.central,
        });
    }
    for (const [name, data] of this.changed) {
      if (done.has(name)) continue;
      done.add(name);
      const { crc, z } = fresh(data);
      out.emit({ name, method: 8, crc, data: z, size: data.length });
    }
    for (const [name, d] of this.deflated)
      if (!done.has(name)) out.emit({ name, method: 8, crc: d.crc, data: d.compressed, size: d.size });
    return out.finish();
  }
}

/** One entry as written: its stored data, and the central record it came with, if it was copied. */
interface Emitted {
  name: string;
  method: number;
  crc: number;
  data: Buffer;
  size: number;
  central?: Buffer;
}

/** Local file header: sizes are known, so no data descriptor follows. */
function localHeader(
  e: Emitted,
  nameLength: number,
  flags: number,
  stamp: { time: number; date: number },
): Buffer {
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(flags, 6);
  local.writeUInt16LE(e.method, 8);
  local.writeUInt16LE(e.central ? e.central.readUInt16LE(12) : stamp.time, 10);
  local.writeUInt16LE(e.central ? e.central.readUInt16LE(14) : stamp.date, 12);
  local.writeUInt32LE(e.crc, 14);
  local.writeUInt32LE(e.data.length, 18);
  local.writeUInt32LE(e.size, 22);
  local.writeUInt16LE(nameLength, 26);
  local.writeUInt16LE(0, 28);
  return local;
}

/** Central directory record: the copied entry's own (its attributes and extras kept), or a new one. */
function centralRecord(
  e: Emitted,
  nameBuf: Buffer,
  flags: number,
  stamp: { time: number; date: number },
  offset: number,
): Buffer {
  const c = e.central ? Buffer.from(e.central) : Buffer.alloc(46 + nameBuf.length);
  if (!e.central) {
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(12, 12);
    nameBuf.copy(c, 46);
    c.writeUInt16LE(nameBuf.length, 28);
  }
  c.writeUInt16LE(20, 6);
  c.writeUInt16LE(flags, 8);
  c.writeUInt16LE(e.method, 10);
  if (!e.central) {
    c.writeUInt16LE(stamp.time, 12);
    c.writeUInt16LE(stamp.date, 14);
  }
  c.writeUInt32LE(e.crc, 16);
  c.writeUInt32LE(e.data.length, 20);
  c.writeUInt32LE(e.size, 24);
  c.writeUInt32LE(offset, 42);
  return c;
}

/** Lays entries one after another and closes the package with its central directory. */
class EntryWriter {
  private readonly chunks: Buffer[] = [];
  private readonly centrals: Buffer[] = [];
  private offset = 0;

  constructor(private readonly stamp: { time: number; date: number }) {}

  emit(e: Emitted): void {
    const nameBuf = Buffer.from(e.name, "utf8");
    // General-purpose flags: keep only "names are UTF-8"; sizes are now known, so no data descriptor.
    const flags = e.central ? e.central.readUInt16LE(8) & 0x0800 : 0x0800;
    const local = localHeader(e, nameBuf.length, flags, this.stamp);
    this.centrals.push(centralRecord(e, nameBuf, flags, this.stamp, this.offset));
    this.chunks.push(local, nameBuf, e.data);
    this.offset += local.length + nameBuf.length + e.data.length;
  }

  finish(): Buffer {
    const cd = Buffer.concat(this.centrals);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.centrals.length, 8);
    end.writeUInt16LE(this.centrals.length, 10);
    end.writeUInt32LE(cd.length, 12);
    end.writeUInt32LE(this.offset, 16);
    return Buffer.concat([...this.chunks, cd, end]);
  }
}

function dosNow(): { time: number; date: number } {
  const d = new Date();
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}
