/**
 * One worksheet part read straight into the engine's Grid, streamed: the XML is inflated and scanned
 * piece by piece, and only the cells kept are held, so memory follows the grid and not the file.
 * Values mean what they mean to ExcelJS's reader (read-grid.ts), so both readers hand the engine the
 * same grid: shared and inline strings, cached formula results, booleans, errors, dates as serial
 * numbers, each cell's number format and bold, merged areas with their other cells blank.
 *
 * The work is bounded before it is done: the sheet's declared dimension is checked against the
 * limits as soon as it is read (before any cell), and rows, columns and cells are counted as they
 * come, so a sheet past a limit is refused in a line, having cost almost nothing.
 */
import { BLANK, type Area, type Cell, type CellValue, type Grid } from "../../engine/grid";
import { isDateFormat, type CellLook } from "./cell-styles";
import { tooBigMessage } from "../../engine/grid-limits";
import { LIMITS, megabytes } from "./limits";
import { TextCollector, decodeEscapes } from "./shared-strings";
import { UserError } from "./user-error";
import { attrOf, detach, XmlScanner } from "./xml-scan";
import type { ZipPackage } from "./zip-package";

export interface SheetLimits {
  rows: number;
  columns: number;
  cells: number;
}

/** What a reading of a sheet needs from its workbook. */
export interface BookContext {
  zip: ZipPackage;
  looks: CellLook[];
  strings: () => Promise<string[]>;
  date1904: boolean;
}

export interface SheetReadOptions {
  /** Refuse the sheet past these; Excel's own sheet size where not given. */
  limits?: SheetLimits;
  /** Read only the first rows (a look at the top of a sheet); the limits do not apply. */
  firstRows?: number;
  /** Keep only these cells (0-based row and column); every cell where not given. */
  keep?: (row: number, col: number) => boolean;
}

const EXCEL: SheetLimits = { rows: LIMITS.excelRows, columns: LIMITS.excelColumns, cells: Infinity };
const STOP = Symbol("enough rows read");
/** Days between Excel's 1900 and 1904 date systems: the engine reads dates as 1900 serials. */
const DAYS_1904 = 1462;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A sheet past one of Scorecard's limits: a sheet that may be skipped when the scorecard is sought. */
export class LimitError extends UserError {}

/** `n` is the sheet's own count where it declares one, or undefined where counting passed the limit. */
function tooBig(sheet: string, what: string, n: number | undefined, max: number): UserError {
  return new LimitError(tooBigMessage(sheet, what, n, max));
}

/** "AB12" -> { row: 11, col: 27 }; undefined parts where the reference lacks them. */
export function parseRef(ref: string): { row?: number; col?: number } {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(ref.trim());
  if (!m) return {};
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col: m[1] ? col - 1 : undefined, row: m[2] ? Number(m[2]) - 1 : undefined };
}

function areaOf(ref: string): Area | undefined {
  const [a, b = a] = ref.split(":");
  const p = parseRef(a);
  const q = parseRef(b);
  if (p.row === undefined || p.col === undefined || q.row === undefined || q.col === undefined)
    return undefined;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** The cell being read: its place, its attributes and the text of its value so far. */
interface Pending {
  row: number;
  col: number;
  type: string;
  style: number;
  value: string[] | null;
  formula: boolean;
  inline: TextCollector | null;
}

class SheetHandler {
  readonly rows: Cell[][] = [];
  readonly merges: Area[] = [];
  /** Styled cells without a value, as row, column, style: a merged area's other cells keep their look. */
  readonly styledBlanks: number[] = [];
  private row = -1;
  private col = -1;
  private cells = 0;
  private cell: Pending | null = null;
  private into: "v" | null = null;

  constructor(
    private readonly sheet: string,
    private readonly book: BookContext,
    private readonly strings: string[] | null,
    private readonly opts: SheetReadOptions,
    private readonly limits: SheetLimits,
  ) {}

  open(name: string, attrs: string): void {
    const cell = this.cell;
    if (cell) {
      if (name === "v") {
        this.into = "v";
        cell.value ??= [];
      } else if (name === "f") cell.formula = true;
      else if (name === "is") cell.inline = new TextCollector();
      else cell.inline?.open(name);
      return;
    }
    if (name === "c") this.startCell(attrs);
    else if (name === "row") this.startRow(attrs);
    else if (name === "dimension") this.checkDimension(attrOf(attrs, "ref") ?? "");
    else if (name === "mergeCell") {
      const area = areaOf(attrOf(attrs, "ref") ?? "");
      if (area) this.merges.push(area);
    }
  }

  close(name: string): void {
    const cell = this.cell;
    if (!cell) return;
    if (name === "c") this.endCell(cell);
    else if (name === "v") this.into = null;
    else cell.inline?.close(name);
  }

  text(t: string): void {
    const cell = this.cell;
    if (!cell) return;
    if (this.into === "v") cell.value?.push(t);
    else cell.inline?.text(t);
  }

  private checkDimension(ref: string): void {
    if (this.opts.firstRows !== undefined) return;
    const last = parseRef(ref.split(":").pop() ?? "");
    if (last.row !== undefined && last.row + 1 > this.limits.rows)
      throw tooBig(this.sheet, "rows", last.row + 1, this.limits.rows);
    if (last.col !== undefined && last.col + 1 > this.limits.columns)
      throw tooBig(this.sheet, "columns", last.col + 1, this.limits.columns);
  }

  private startRow(attrs: string): void {
    const r = attrOf(attrs, "r");
    this.row = r ? Number(r) - 1 : this.row + 1;
    this.col = -1;
    if (this.opts.firstRows !== undefined && this.row >= this.opts.firstRows) throw STOP;
    if (!(this.row >= 0) || this.row + 1 > this.limits.rows)
      throw tooBig(this.sheet, "rows", undefined, this.limits.rows);
  }

  private startCell(attrs: string): void {
    const ref = attrOf(attrs, "r");
    const at = ref ? parseRef(ref) : {};
    if (at.row !== undefined && at.row !== this.row) this.startRow(` r="${at.row + 1}"`);
    this.col = at.col ?? this.col + 1;
    const s = attrOf(attrs, "s");
    this.cell = {
      row: this.row,
      col: this.col,
      type: attrOf(attrs, "t") ?? "n",
      style: s ? Number(s) : 0,
      value: null,
      formula: false,
      inline: null,
    };
  }

  private endCell(p: Pending): void {
    this.cell = null;
    this.into = null;
    if (this.opts.keep && !this.opts.keep(p.row, p.col)) return;
    const look = this.book.looks[p.style];
    const value = this.valueOf(p, look);
    if (value === null) {
      if ((look?.format || look?.bold) && this.styledBlanks.length < 3 * this.limits.cells)
        this.styledBlanks.push(p.row, p.col, p.style);
      return;
    }
    if (p.col + 1 > this.limits.columns) throw tooBig(this.sheet, "columns", undefined, this.limits.columns);
    if (++this.cells > this.limits.cells)
      throw tooBig(this.sheet, "cells with a value", undefined, this.limits.cells);
    const cell: Cell = { value };
    if (p.formula) cell.formula = true;
    if (look?.format) cell.format = look.format;
    if (look?.bold) cell.bold = true;
    while (this.rows.length <= p.row) this.rows.push([]);
    const out = this.rows[p.row];
    while (out.length < p.col) out.push(BLANK);
    out[p.col] = cell;
  }

  private valueOf(p: Pending, look: CellLook | undefined): CellValue {
    if (p.inline && !p.formula) return p.inline.take();
    if (p.value === null) return null;
    const v = p.value.join("");
    switch (p.type) {
      case "s": {
        const s = this.strings?.[Number(v)];
        return s === undefined ? null : s;
      }
      case "str":
      case "inlineStr":
        return detach(decodeEscapes(v));
      case "b":
        return Number(v) !== 0;
      case "e":
        return { error: detach(v) };
      case "d": {
        const ms = Date.parse(v);
        return Number.isFinite(ms) ? (ms - EXCEL_EPOCH_MS) / 86400000 : null;
      }
      default: {
        const n = Number(v);
        if (v.trim() === "" || !Number.isFinite(n)) return null;
        return this.book.date1904 && isDateFormat(look?.format) ? n + DAYS_1904 : n;
      }
    }
  }
}

/** Cells of merged areas settled at most, so a hostile merge over a whole sheet costs nothing. */
const MERGE_BUDGET = 5_000_000;

/** Merged areas by the rows they cover (within the rows read), and their cells in all. */
function mergesByRow(merges: Area[], rowCount: number): Map<number, Area[]> {
  const byRow = new Map<number, Area[]>();
  let cells = 0;
  for (const m of merges) {
    const bottom = Math.min(m.bottom, rowCount - 1);
    cells += Math.max(0, bottom - m.top + 1) * (m.right - m.left + 1);
    if (cells > MERGE_BUDGET) break;
    for (let r = m.top; r <= bottom; r++) {
      const list = byRow.get(r);
      if (list) list.push(m);
      else byRow.set(r, [m]);
    }
  }
  return byRow;
}

/**
 * The other cells of each merged area read blank, as in Excel, keeping their own look (a merged
 * header's cells are bold each), as ExcelJS reads them.
 */
function settleMerges(h: SheetHandler, looks: CellLook[]): void {
  const { rows, styledBlanks } = h;
  const byRow = mergesByRow(h.merges, rows.length);
  const slave = (r: number, c: number) =>
    (byRow.get(r) ?? []).some((m) => c >= m.left && c <= m.right && (r !== m.top || c !== m.left));
  for (let i = 0; i < styledBlanks.length; i += 3) {
    const [r, c, style] = [styledBlanks[i], styledBlanks[i + 1], styledBlanks[i + 2]];
    if (!slave(r, c)) continue;
    const look = looks[style];
    const cell: Cell = { value: null };
    if (look?.format) cell.format = look.format;
    if (look?.bold) cell.bold = true;
    const out = rows[r];
    while (out.length < c) out.push(BLANK);
    out[c] = cell;
  }
  for (const [r, list] of byRow) {
    const out = rows[r];
    for (const m of list)
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        while (out.length <= c) out.push(BLANK);
        if (out[c] !== BLANK && out[c].value !== null) out[c] = { ...out[c], value: null };
      }
  }
}

/** Reads one sheet part into a Grid, within the limits given (Excel's own where none are). */
export async function readSheetGrid(
  book: BookContext,
  name: string,
  part: string,
  opts: SheetReadOptions = {},
): Promise<Grid> {
  const limits = opts.limits ?? EXCEL;
  const size = book.zip.sizeOf(part) ?? 0;
  if (size > LIMITS.partBytes)
    throw new LimitError(
      `Sheet '${name}' is ${megabytes(size)} of XML; Scorecard reads sheets of at most ${megabytes(LIMITS.partBytes)} (see Limits in the README).`,
    );
  const strings = await book.strings();
  const handler = new SheetHandler(name, book, strings, opts, limits);
  const scanner = new XmlScanner(handler);
  const decoder = new TextDecoder("utf-8");
  try {
    for await (const chunk of book.zip.chunks(part)) scanner.push(decoder.decode(chunk, { stream: true }));
    scanner.push(decoder.decode());
    scanner.end();
  } catch (e) {
    if (e !== STOP) throw e;
  }
  settleMerges(handler, book.looks);
  return { sheet: name, rows: handler.rows, merges: handler.merges };
}
