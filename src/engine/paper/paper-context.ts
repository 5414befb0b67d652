/**
 * What every part of the committee paper shares while it is built: the indicators going to committee,
 * the table's columns as placed, and the rows written so far.
 */
import type { Analysis } from "../judge/assess";
import type { ReviewMark } from "../config";
import type { Grid } from "../grid";
import type { PlacedColumns } from "./column-widths";
import { TABLE_COLUMNS, TableContext, columnIndex } from "./columns";
import type { SheetBuilder } from "./sheet-builder";

export interface CommitteeInput {
  analysis: Analysis;
  name: string;
  generatedAt: Date;
  /** The committee sheet as it is now, to carry commentary across. */
  existing?: Grid;
  reviews?: Record<string, ReviewMark[]>;
}

export interface Paper {
  input: CommitteeInput;
  /** The indicators going to committee (the analyst may leave some out). */
  analysis: Analysis;
  table: TableContext;
  columns: PlacedColumns;
  sheet: SheetBuilder;
  /** Printed columns, left to right. */
  printed: number[];
  /** Points of the summary's compact rows: 10, or 9 where that keeps the summary on one page. */
  listSize: 9 | 10;
}

/** The first and last printed columns: the span of a full-width row. */
export function span(p: Paper): { left: number; right: number } {
  return { left: p.printed[0], right: p.printed[p.printed.length - 1] };
}

/** A column's index by key. */
export const col = columnIndex;

/** Whether a column prints on this paper. */
export function prints(p: Paper, key: string): boolean {
  return p.columns.shown[columnIndex(key)];
}

/** The printed columns from `from` up to (not including) the next of `until`, as a merge range. */
export function group(p: Paper, from: string, until: string[]): { left: number; right: number } | null {
  const left = columnIndex(from);
  if (!p.columns.shown[left]) return null;
  const stops = until.map(columnIndex).filter((i) => i > left && p.columns.shown[i]);
  const end = stops.length ? Math.min(...stops) : TABLE_COLUMNS.length;
  const inside = p.printed.filter((i) => i >= left && i < end);
  return { left, right: inside[inside.length - 1] ?? left };
}

/** A part of a row laid on the sheet's columns: the characters it wants, and how much a shortfall costs. */
export interface Want {
  chars: number;
  weight: number;
  /** Characters the part cannot do without (its words on one line). */
  least?: number;
  /** What each character beyond the want costs: a part that does not grow should not take the room. */
  excess?: number;
}

/**
 * Consecutive spans of the given columns for rows laid out on the sheet's own column grid (the
 * summary's counts and compact rows): each part at least one column, chosen so the parts fall as
 * little short of what they want as the columns allow, the heavier parts first. A small search: the
 * columns and parts are few.
 */
export function spans(p: Paper, cols: number[], want: Want[]): { left: number; right: number }[] {
  const w = cols.map((c) => p.sheet.columnWidths[c]);
  const n = cols.length;
  const g = want.length;
  const cost = (k: number, from: number, to: number): number => {
    let chars = 0;
    for (let i = from; i < to; i++) chars += w[i];
    const short = Math.max(0, want[k].chars - chars);
    const lacking = Math.max(0, (want[k].least ?? 0) - chars);
    return (
      short * short * want[k].weight + lacking * lacking * 1000 + Math.max(0, chars - want[k].chars) * 0.01
    );
  };
  // best[k][i]: the least cost of laying parts k.. on columns i..
  const best: number[][] = Array.from({ length: g + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const cut: number[][] = Array.from({ length: g + 1 }, () => new Array<number>(n + 1).fill(n));
  best[g][n] = 0;
  for (let k = g - 1; k >= 0; k--)
    for (let i = n - (g - k); i >= 0; i--)
      for (let j = i + 1; j <= n - (g - k - 1); j++) {
        const c = cost(k, i, j) + best[k + 1][j];
        if (c < best[k][i]) [best[k][i], cut[k][i]] = [c, j];
      }
  const out: { left: number; right: number }[] = [];
  for (let k = 0, i = 0; k < g; i = cut[k][i], k++) out.push({ left: cols[i], right: cols[cut[k][i] - 1] });
  return out;
}
