/**
 * The Department's tidy CSV files as rows of text keyed by header: RFC 4180 quoting, a byte-order mark
 * on the first header, and nothing converted (a "c" stays "c"; published() decides what is a number).
 */
import { readFileSync } from "node:fs";

export type Row = Record<string, string>;

/** Splits CSV text into records, honouring quoted fields with commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || record.length) records.push([...record, field]);
  return records.filter((r) => r.length > 1 || r[0] !== "");
}

export function readRows(path: string): Row[] {
  const [header, ...records] = parseCsv(readFileSync(path, "utf8").replace(/^\uFEFF/, ""));
  return records.map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), (r[i] ?? "").trim()])));
}

/** A published number, or null for the Department's codes (c, k, low, u, x, z, : and any other text). */
export function published(text: string | undefined): number | null {
  if (text === undefined || !/^-?\d+(\.\d+)?$/.test(text)) return null;
  return Number(text);
}
