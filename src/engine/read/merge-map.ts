/**
 * Merged cells as a person sees them: every cell of a merged header answers with the merge's label, and
 * an Excel date heading a column reads as the month it shows.
 */
import { Area, Grid, cellAt, cellText } from "../grid";
import { parsePeriodCell } from "./periods";
import { isDateFormat } from "./values";

// Only header-sized merges matter for labels and sections; a huge merge would only cost memory.
const LARGEST_MERGE = 4096;

export class MergeMap {
  private readonly owner = new Map<number, Area>();
  constructor(
    merges: Area[],
    private readonly width: number,
  ) {
    for (const m of merges) {
      if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > LARGEST_MERGE) continue;
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++) this.owner.set(r * (width + 1) + c, m);
    }
  }
  areaOf(row: number, col: number): Area | undefined {
    return this.owner.get(row * (this.width + 1) + col);
  }
}

/** The labels of a sheet's cells, merged areas included. */
export class SheetLabels {
  readonly merges: MergeMap;
  constructor(
    readonly grid: Grid,
    readonly width: number,
  ) {
    this.merges = new MergeMap(grid.merges, width);
  }

  /** The label a header cell shows, merged areas included. */
  labelAt(r: number, c: number): string {
    const a = this.merges.areaOf(r, c);
    const cell = a ? cellAt(this.grid, a.top, a.left) : cellAt(this.grid, r, c);
    if (typeof cell.value === "number" && isDateFormat(cell.format)) {
      return parsePeriodCell(cell)?.label ?? cellText(cell);
    }
    return cellText(cell);
  }

  /** The label a cell shows itself: the other cells of a merge show nothing of their own. */
  ownText(r: number, c: number): string {
    const a = this.merges.areaOf(r, c);
    if (a && (a.top !== r || a.left !== c)) return "";
    return this.labelAt(r, c);
  }

  /** The cell that holds the label shown at (r, c). */
  labelCell(r: number, c: number) {
    const a = this.merges.areaOf(r, c);
    return a ? cellAt(this.grid, a.top, a.left) : cellAt(this.grid, r, c);
  }
}
