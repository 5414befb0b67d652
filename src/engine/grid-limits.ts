/**
 * The size of sheet Scorecard reads as a scorecard, the same for both hosts, and the one-line refusal
 * of a sheet past it. Excel's own sheet is 1,048,576 rows by 16,384 columns; a scorecard needs far
 * less: the largest published council scorecards have a few hundred indicators and a few dozen
 * columns. The limits leave room for 100,000 indicators over 24 periods (npm run bench builds that
 * within 2 GB) and twice that many rows. README.md ("Limits") documents them.
 */
export const SCORECARD_LIMITS = {
  /** Rows: the sheet's last row number. */
  rows: 200_000,
  /** Columns: the sheet's last column. */
  columns: 1_024,
  /** Cells holding a value (the file host counts them; Excel's used range is counted whole). */
  cells: 5_000_000,
} as const;

export function count(n: number): string {
  return n.toLocaleString("en-GB");
}

/** `n` is the sheet's own count where it declares one, or undefined where counting passed the limit. */
export function tooBigMessage(sheet: string, what: string, n: number | undefined, max: number): string {
  const has = n === undefined ? `more than ${count(max)}` : count(n);
  return `Sheet '${sheet}' has ${has} ${what}; Scorecard reads a scorecard of at most ${count(max)} (see Limits in the README).`;
}

/** A sheet's used range, 0-based, as Excel reports it (rowIndex, columnIndex, rowCount, columnCount). */
export interface UsedRange {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/**
 * Why a sheet of this used range is past the limits, or null where it is within them. Rows and columns
 * are its last row and column, as the file host counts them; cells are the range's whole area, every
 * one of which a host that reads the range takes (an upper bound on the cells holding a value).
 */
export function usedRangeProblem(sheet: string, used: UsedRange): string | null {
  const lastRow = used.rowIndex + used.rowCount;
  const lastColumn = used.columnIndex + used.columnCount;
  const cells = used.rowCount * used.columnCount;
  if (lastRow > SCORECARD_LIMITS.rows) return tooBigMessage(sheet, "rows", lastRow, SCORECARD_LIMITS.rows);
  if (lastColumn > SCORECARD_LIMITS.columns)
    return tooBigMessage(sheet, "columns", lastColumn, SCORECARD_LIMITS.columns);
  if (cells > SCORECARD_LIMITS.cells)
    return tooBigMessage(sheet, "cells in its used range", cells, SCORECARD_LIMITS.cells);
  return null;
}
