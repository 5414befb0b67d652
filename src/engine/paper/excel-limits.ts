/**
 * Excel's documented cell limits, applied to a plan before either host writes it: a cell holds at most
 * 32,767 characters and a row is at most 409 points high ("Excel specifications and limits"). Excel
 * refuses larger values with InvalidArgument, and ExcelJS would write a file Excel has to repair.
 */
import type { SheetPlan } from "./committee";
import { cutText } from "../text-cut";

export const MAX_CELL_CHARS = 32767;
export const MAX_ROW_HEIGHT = 409;
export const ELLIPSIS = "…";

/** Text cut to Excel's limit, ending in a visible "…" so that the reader sees it was cut. */
export function clipText(s: string): string {
  return cutText(s, MAX_CELL_CHARS, ELLIPSIS);
}

/** The plan with every string and row height inside Excel's limits, and the cells that were cut. */
export function fitExcelLimits(plan: SheetPlan): {
  plan: SheetPlan;
  truncated: { row: number; col: number }[];
} {
  const truncated: { row: number; col: number }[] = [];
  const values = plan.values.map((row, r) =>
    row.some((v) => typeof v === "string" && v.length > MAX_CELL_CHARS)
      ? row.map((v, c) => {
          if (typeof v !== "string" || v.length <= MAX_CELL_CHARS) return v;
          truncated.push({ row: r, col: c });
          return clipText(v);
        })
      : row,
  );
  const rowHeights = plan.rowHeights.map((h) => Math.min(MAX_ROW_HEIGHT, Math.max(0, h)));
  return { plan: { ...plan, values, rowHeights }, truncated };
}
