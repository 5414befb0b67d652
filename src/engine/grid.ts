/**
 * The cells a host hands to the engine. Hosts differ in how they represent cells (Office.js gives
 * values, text and number formats as parallel 2-D arrays; ExcelJS gives rich cell objects), so both
 * translate into this one shape and the engine never sees either.
 */

export interface CellError {
  error: string;
}

export type CellValue = number | string | boolean | CellError | null;

export interface Cell {
  value: CellValue;
  /** What Excel displays, where the host knows it ("94.4%"); used for precision and for messages. */
  text?: string;
  /** Excel number format code ("0.0%", "mmm-yy", "@"). */
  format?: string;
  bold?: boolean;
  /** True where the value is a formula's result (the host read the result Excel saved). */
  formula?: boolean;
}

/** A rectangle of cells, 0-based and inclusive, in grid coordinates. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  sheet: string;
  /** Row-major; rows may be ragged, missing cells are blank. */
  rows: Cell[][];
  merges: Area[];
  /** Where grid cell (0,0) sits on the sheet, 0-based; a used range need not start at A1. */
  originRow?: number;
  originCol?: number;
  /** True where the sheet is hidden (or very hidden) in the workbook. */
  hidden?: boolean;
}

export const BLANK: Cell = Object.freeze({ value: null }) as Cell;

export function cellAt(grid: Grid, row: number, col: number): Cell {
  const r = grid.rows[row];
  if (!r) return BLANK;
  return r[col] ?? BLANK;
}

export function isError(value: CellValue): value is CellError {
  return typeof value === "object" && value !== null && "error" in value;
}

export function isBlank(cell: Cell): boolean {
  const v = cell.value;
  return v === null || (typeof v === "string" && v.trim() === "");
}

export function gridWidth(grid: Grid): number {
  let w = 0;
  for (const r of grid.rows) if (r.length > w) w = r.length;
  return w;
}

/** The text a person would read in a cell, for labels and messages. */
export function cellText(cell: Cell): string {
  if (cell.text !== undefined && cell.text !== "") return cell.text.trim();
  const v = cell.value;
  if (v === null) return "";
  if (isError(v)) return v.error;
  return String(v).trim();
}

export function columnLetter(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) return -1;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** A cell's place on the sheet, for messages and for selecting it in Excel. */
export interface CellRef {
  sheet: string;
  /** 1-based sheet row, as Excel shows it. */
  row: number;
  /** Column letters, as Excel shows them. */
  column: string;
  address: string;
}

export function cellRef(grid: Grid, row: number, col: number): CellRef {
  const sheetRow = row + (grid.originRow ?? 0) + 1;
  const column = columnLetter(col + (grid.originCol ?? 0));
  return { sheet: grid.sheet, row: sheetRow, column, address: `${column}${sheetRow}` };
}

export function describeRef(ref: CellRef): string {
  return `sheet '${ref.sheet}', row ${ref.row}, column ${ref.column}`;
}
