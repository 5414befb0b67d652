/**
 * Where the printed pages must begin earlier than the printer would begin them. The summary starts the
 * paper; the table starts a page of its own, with its header repeated at the top of every later page;
 * a heading that would end a page goes over with the row it heads. A row never splits, so pages that
 * simply fill up break by themselves, where this simulation expects them: every row's height is the
 * plan's own, the same in Excel and LibreOffice.
 */
export interface PageModel {
  /** Points of printable height on a page. */
  pageHeight: number;
  /** The first row of the table's page, which starts a page. */
  tableStart: number;
  /** The table header, repeated at the top of every page after the first of the table. */
  headerRow: number;
  /** The last printed row. */
  printEnd: number;
  keepWithNext: Set<number>;
}

/** 0-based rows that must begin a page (the printer breaks the rest where the simulation does). */
export function paginate(heights: number[], m: PageModel): number[] {
  return pageStarts(heights, m)
    .filter((p) => p.forced)
    .map((p) => p.row);
}

/** Every printed page's first row, and whether the plan must force the break there. */
export function pageStarts(heights: number[], m: PageModel): { row: number; forced: boolean }[] {
  const starts = [{ row: 0, forced: false }];
  const repeat = heights[m.headerRow] ?? 0;
  let used = 0;
  let pageStart = 0;
  const last = Math.min(m.printEnd, heights.length - 1);
  for (let r = 0; r <= last; r++) {
    const begin = (forced: boolean) => {
      starts.push({ row: r, forced });
      pageStart = r;
      used = r > m.headerRow ? repeat : 0;
    };
    if (r === m.tableStart && r > 0) begin(true);
    else if (r > pageStart) {
      // A heading and the rows kept with it go over together.
      let group = heights[r];
      for (let k = r; m.keepWithNext.has(k) && k + 1 <= last; k++) group += heights[k + 1];
      if (used + heights[r] > m.pageHeight) begin(false);
      else if (used + group > m.pageHeight && !m.keepWithNext.has(r - 1)) begin(true);
    }
    used += heights[r];
  }
  return starts;
}
