/**
 * One indicator row as the judging steps see it: the cell each role's column holds on that row (with the
 * overflow of continuation rows joined to its text), and where each cell is on the sheet.
 */
import { Cell, CellRef, Grid, cellAt, cellRef, cellText } from "../grid";
import type { Layout, TableLayout } from "../read/layout";
import type { Role } from "../read/roles";
import type { SeriesColumn } from "../read/column-info";

export interface RowCells {
  grid: Grid;
  layout: Layout;
  table: TableLayout;
  row: number;
  /** The column of each role in the row's table. */
  roles: Partial<Record<Role, number>>;
  series: SeriesColumn[];
  /** The cell of a column on this row, continuation rows joined; blank where col is undefined. */
  cell(col: number | undefined): Cell;
  /** The text a person reads in that cell, or undefined where it is blank. */
  text(col: number | undefined): string | undefined;
  at(col: number): CellRef;
}

/** The measurement a role's cell holds, with the overflow of continuation rows joined to its text. */
function joinedCell(grid: Grid, row: number, continuations: number[], col: number | undefined): Cell {
  if (col === undefined) return { value: null };
  const cell = cellAt(grid, row, col);
  if (!continuations.length) return cell;
  const extra = continuations.map((r) => cellText(cellAt(grid, r, col))).filter(Boolean);
  if (!extra.length) return cell;
  const text = [cellText(cell), ...extra].filter(Boolean).join(" ");
  return { value: text, text, format: cell.format, bold: cell.bold };
}

export function rowCells(
  grid: Grid,
  layout: Layout,
  table: TableLayout,
  row: number,
  continuations: number[],
): RowCells {
  const cell = (col: number | undefined): Cell => joinedCell(grid, row, continuations, col);
  return {
    grid,
    layout,
    table,
    row,
    roles: table.roles,
    series: table.series,
    cell,
    text: (col) => (col === undefined ? undefined : cellText(cell(col)) || undefined),
    at: (col) => cellRef(grid, row, col),
  };
}
