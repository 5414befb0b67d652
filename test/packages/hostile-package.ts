/**
 * Workbooks a hostile tester would make, built from the monthly sample by replacing one part: a
 * sheet of a million rows, a cell far to the right, a zip bomb honest or lying about its size, a DTD.
 * Large parts are written in pieces (ZipPackage.writePieces), so the test never holds them whole.
 */
import { readFileSync } from "node:fs";
import { crc32, deflateRawSync } from "node:zlib";
import { ZipPackage } from "../../src/hosts/file/zip-package";
import { MONTHLY } from "../helpers";
import { zipEntries } from "./zip-entries";

const HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

/** The sample with its scorecard sheet (sheet1) replaced by the XML given in pieces. */
export async function withScorecardSheet(pieces: Iterable<string>): Promise<Buffer> {
  const zip = new ZipPackage(readFileSync(MONTHLY));
  await zip.writePieces("xl/worksheets/sheet1.xml", pieces);
  return zip.toBuffer();
}

/** A sheet of `rows` rows of three cells; with its dimension declared or not. */
export function* rowsSheet(rows: number, declare: boolean): Generator<string> {
  yield HEAD;
  if (declare) yield `<dimension ref="A1:C${rows}"/>`;
  yield "<sheetData>";
  yield '<row r="1"><c r="A1" t="inlineStr"><is><t>Ref</t></is></c><c r="B1" t="inlineStr"><is><t>Measure</t></is></c><c r="C1" t="inlineStr"><is><t>Current</t></is></c></row>';
  for (let r = 2; r <= rows; r++)
    yield `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>Measure ${r}</t></is></c><c r="C${r}"><v>0.5</v></c></row>`;
  yield "</sheetData></worksheet>";
}

/** A sheet with a cell in each of the given rows (1-based), declaring a dimension of `declared` rows or none. */
export function* sparseRowsSheet(rows: number[], declared?: number): Generator<string> {
  yield HEAD + (declared ? `<dimension ref="A1:C${declared}"/>` : "") + "<sheetData>";
  for (const r of rows) yield `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`;
  yield "</sheetData></worksheet>";
}

/** A small sheet with one more cell, in the given column (0-based). */
export function* farColumnSheet(col: number): Generator<string> {
  let letters = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  yield HEAD + "<sheetData>";
  yield '<row r="1"><c r="A1" t="inlineStr"><is><t>Ref</t></is></c><c r="B1" t="inlineStr"><is><t>Measure</t></is></c></row>';
  yield `<row r="2"><c r="A2"><v>1</v></c><c r="${letters}2"><v>2</v></c></row>`;
  yield "</sheetData></worksheet>";
}

/** The sheet XML with a DTD that expands an entity a billion times (the "billion laughs"). */
export function laughsSheet(): string[] {
  const entities = ['<!ENTITY l0 "ha">'];
  for (let i = 1; i < 10; i++) entities.push(`<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`);
  return [
    `<?xml version="1.0"?><!DOCTYPE worksheet [${entities.join("")}]>`,
    HEAD.replace(/^<\?xml[^>]*>\n/, ""),
    '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&l9;</t></is></c></row></sheetData></worksheet>',
  ];
}

interface RawEntry {
  name: string;
  method: number;
  crc: number;
  compressed: Buffer;
  /** The uncompressed size the headers declare. */
  size: number;
}

/** A zip of these entries, in this order, with the sizes as given (true or not). */
function zipOf(entries: RawEntry[]): Buffer {
  const chunks: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.compressed.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.compressed.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    chunks.push(local, name, e.compressed);
    centrals.push(central, name);
    offset += 30 + name.length + e.compressed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cd, end]);
}

/** The sample's entries (folders left out), with one part replaced. */
function sampleWith(part: string, replacement: RawEntry): Buffer {
  const entries: RawEntry[] = [];
  for (const [name, e] of zipEntries(readFileSync(MONTHLY))) {
    if (name.endsWith("/")) continue;
    entries.push(
      name === part
        ? replacement
        : { name, method: e.method, crc: crc32(e.data), compressed: e.compressed, size: e.data.length },
    );
  }
  return zipOf(entries);
}

/** The sample with a part whose data is `data`, declaring `size` (its true size unless given). */
export function withPart(part: string, data: Buffer, size = data.length): Buffer {
  return sampleWith(part, {
    name: part,
    method: 8,
    crc: crc32(data),
    compressed: deflateRawSync(data, { level: 9 }),
    size,
  });
}

/**
 * The sample with one part replaced by `bytes` zeros, deflated (about a thousand to one): honest about
 * its size, or declaring `lie` instead.
 */
export function zeroBomb(part: string, bytes: number, lie?: number): Buffer {
  return withPart(part, Buffer.alloc(bytes), lie ?? bytes);
}
