/**
 * Whether the national figures get a column each or share one compact column, measured with the
 * paper's own width machinery: both layouts are placed as any paper's columns are (column-widths.ts),
 * and the one that fits A4 landscape and leaves the table shortest is kept. Separate columns that
 * would squeeze the reason into many more lines make the table taller, so they lose to the compact one.
 */
import type { Assessment } from "../judge/assess";
import type { CellStyle } from "./plan";
import { PlacedColumns, placeColumns } from "./column-widths";
import { TABLE_COLUMNS, TableContext } from "./columns";
import { countLines, textHeight } from "./measure-text";
import { hasNationalFigures, NationalLayout, setNationalLayout } from "./national-columns";
import { fitsPage, textPoints } from "./page";

/** Rows the table's height is judged on, as column-widths.ts samples them. */
const SAMPLE = 160;

function sampleOf(list: readonly Assessment[]): Assessment[] {
  if (list.length <= SAMPLE) return [...list];
  const step = list.length / SAMPLE;
  return Array.from({ length: SAMPLE }, (_, i) => list[Math.floor(i * step)]);
}

/** The table's height in points under these widths: each row as tall as its tallest wrapped cell. */
export function tableHeight(
  ctx: TableContext,
  placed: PlacedColumns,
  styles: Record<string, CellStyle>,
): number {
  let total = 0;
  for (const a of sampleOf(ctx.analysis.indicators)) {
    let row = 0;
    TABLE_COLUMNS.forEach((c, i) => {
      if (!placed.shown[i]) return;
      const cell = c.cell(a, ctx);
      const text = cell.display ?? (cell.value === null ? "" : String(cell.value));
      if (!text) return;
      const s = styles[cell.style];
      const font = { size: s?.size ?? 10, bold: s?.bold, italic: s?.italic };
      row = Math.max(row, textHeight(countLines(text, textPoints(placed.widths[i]), font), font.size));
    });
    total += row;
  }
  return total;
}

function tryLayout(ctx: TableContext, layout: NationalLayout, styles: Record<string, CellStyle>) {
  const trial: TableContext = { ...ctx };
  setNationalLayout(trial, layout);
  const placed = placeColumns(trial, styles);
  return {
    layout,
    placed,
    fits: fitsPage(placed.widths.filter((_, i) => placed.shown[i])),
    height: tableHeight(trial, placed, styles),
  };
}

/** The paper's columns placed, with the national figures in whichever layout fits and reads shortest. */
export function placeWithNational(ctx: TableContext, styles: Record<string, CellStyle>): PlacedColumns {
  if (!hasNationalFigures(ctx)) return placeColumns(ctx, styles);
  const columns = tryLayout(ctx, "columns", styles);
  const grouped = tryLayout(ctx, "grouped", styles);
  const best = columns.fits && columns.height <= grouped.height ? columns : grouped;
  setNationalLayout(ctx, best.layout);
  return best.placed;
}
