/**
 * Office.js range payloads -> engine Grid. Office gives parallel 2-D arrays (values, number formats,
 * value types) and reports errors as strings such as "#DIV/0!"; the value types tell them apart.
 */
import type { Area, Cell, CellValue, Grid } from "../../engine/grid";
import { columnIndex } from "../../engine/grid";

export interface RangeBlock {
  /** 0-based sheet row and column of the block's top-left cell. */
  row: number;
  col: number;
  values: unknown[][];
  numberFormat: unknown[][];
  /** What Excel displays ("94.4%", "May 18"). */
  text?: string[][];
  valueTypes?: string[][];
}

function toValue(v: unknown, type: string | undefined): CellValue {
  if (type === "Error") return { error: String(v) };
  if (type === "Empty" || v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/** Parses "Sheet1!A4:B4" or "'My sheet'!A4" into a 0-based area. */
export function parseAddress(address: string): Area | null {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(local.trim());
  if (!m) return null;
  const top = Number(m[2]) - 1;
  const left = columnIndex(m[1]);
  return { top, left, bottom: m[4] ? Number(m[4]) - 1 : top, right: m[3] ? columnIndex(m[3]) : left };
}

/** Office lists merged areas as one comma-separated address. */
export function parseAreas(addresses: string): Area[] {
  return addresses
    .split(",")
    .map((a) => parseAddress(a))
    .filter((a): a is Area => a !== null);
}

export function gridFromBlocks(
  sheet: string,
  origin: { row: number; col: number },
  blocks: RangeBlock[],
  merges: Area[],
): Grid {
  const rows: Cell[][] = [];
  for (const b of blocks) {
    b.values.forEach((rowValues, i) => {
      const r = b.row - origin.row + i;
      const out: Cell[] = rows[r] ?? [];
      rowValues.forEach((v, j) => {
        const c = b.col - origin.col + j;
        const value = toValue(v, b.valueTypes?.[i]?.[j]);
        const format = b.numberFormat[i]?.[j];
        const cell: Cell = { value };
        if (typeof format === "string" && format !== "General") cell.format = format;
        const text = b.text?.[i]?.[j];
        if (value !== null && typeof text === "string" && text !== "") cell.text = text;
        out[c] = cell;
      });
      rows[r] = out;
    });
  }
  for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
  const shifted = merges.map((m) => ({
    top: m.top - origin.row,
    bottom: m.bottom - origin.row,
    left: m.left - origin.col,
    right: m.right - origin.col,
  }));
  return { sheet, rows, merges: shifted, originRow: origin.row, originCol: origin.col };
}
