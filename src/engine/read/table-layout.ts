/**
 * One table of a sheet, read: its header rows, its body rows, its own title, and the role of every
 * column from its header and its cells.
 */
import { Cell, Grid, cellAt, cellText, columnLetter } from "../grid";
import { ColumnInfo, SeriesColumn } from "./column-info";
import { columnFacts, placeYearless } from "./column-facts";
import { readColumns } from "./column-roles";
import { FoundTable, isFigureRow } from "./find-tables";
import { TypedGrid } from "./cell-types";
import { columnHeaders } from "./header-labels";
import { SheetLabels } from "./merge-map";
import { Role } from "./roles";

export interface TableLayout {
  /** Grid rows, 0-based and inclusive. */
  headerTop: number;
  headerBottom: number;
  bodyTop: number;
  bodyBottom: number;
  /** The table's own title: the text just above its header, where there is one. */
  title?: string;
  titleRows: number[];
  columns: ColumnInfo[];
  /** The column of each single-column role. */
  roles: Partial<Record<Role, number>>;
  /** The time series, in time order. */
  series: SeriesColumn[];
  benchmarks: number[];
}

// How many body rows are looked at to learn what a column holds: enough to see its kind, few enough
// that a scorecard of 10,000 rows costs no more to read.
const PROFILE_ROWS = 200;

function bodyCells(grid: Grid, table: FoundTable, col: number): Cell[] {
  const end = Math.min(grid.rows.length - 1, table.bodyBottom, table.bodyTop + PROFILE_ROWS - 1);
  const out: Cell[] = [];
  for (let r = table.bodyTop; r <= end; r++) out.push(cellAt(grid, r, col));
  return out;
}

export interface Pins {
  cols: Partial<Record<Role, number>>;
  letters: Partial<Record<Role, string>>;
}

/** Which of the profiled body rows hold figures: the indicators' rows. */
function figureRowsOf(typed: TypedGrid, table: FoundTable): boolean[] {
  const end = Math.min(typed.shapes.length - 1, table.bodyBottom, table.bodyTop + PROFILE_ROWS - 1);
  const out: boolean[] = [];
  for (let r = table.bodyTop; r <= end; r++) out.push(isFigureRow(typed, r));
  return out;
}

export function readTable(typed: TypedGrid, labels: SheetLabels, table: FoundTable, pins: Pins): TableLayout {
  const grid = typed.grid;
  const headers = columnHeaders(labels, table.headerTop, table.headerBottom, labels.width);
  const figureRows = figureRowsOf(typed, table);
  const facts = headers.map((h) =>
    columnFacts(h, columnLetter(h.col + (grid.originCol ?? 0)), bodyCells(grid, table, h.col), figureRows),
  );
  placeYearless(facts);
  const read = readColumns(facts, pins.cols, pins.letters);
  const titleRow = table.titleRows[table.titleRows.length - 1];
  const title = titleRow === undefined ? undefined : titleText(grid, titleRow);
  return { ...table, title, ...read };
}

function titleText(grid: Grid, r: number): string | undefined {
  for (const cell of grid.rows[r] ?? []) {
    const t = cell ? cellText(cell) : "";
    if (t) return t;
  }
  return undefined;
}
