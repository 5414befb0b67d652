/**
 * The title block above a sheet's first table: the scorecard's title (never a note or an export stamp)
 * and the period it says it reports ("October 2018", "Q2 2021/22", or a real date), where it says one.
 */
import { Grid, cellAt, cellText } from "../grid";
import { NOTE, STAMP } from "./find-tables";
import { MONTH_NAMES, reportingPeriodIn, serialToYearMonth } from "./periods";
import { normaliseLabel } from "./roles";
import { isDateFormat } from "./values";

export interface SheetTitle {
  title?: string;
  reportingPeriod?: string;
  /** Every text above the first table, normalised: a repeat of one in the body is a page heading. */
  texts: Set<string>;
}

export function sheetTitle(grid: Grid, width: number, top: number): SheetTitle {
  let title: string | undefined;
  let reportingPeriod: string | undefined;
  const texts = new Set<string>();
  for (let r = 0; r < top; r++) {
    // "Last updated 03/11/2023", "Exported from Mosaic on ...": when the file was made, not what it reports.
    let stamped = false;
    for (let c = 0; c < width && !stamped; c++) stamped = STAMP.test(cellText(cellAt(grid, r, c)));
    for (let c = 0; c < width; c++) {
      const cell = cellAt(grid, r, c);
      const t = cellText(cell);
      if (!t) continue;
      texts.add(normaliseLabel(t));
      const note = stamped || NOTE.test(t);
      if (title === undefined && typeof cell.value === "string" && !reportingPeriodIn(t) && !note) title = t;
      if (reportingPeriod === undefined && !stamped) {
        if (typeof cell.value === "number" && isDateFormat(cell.format)) {
          const { year, month0 } = serialToYearMonth(cell.value);
          reportingPeriod = `${MONTH_NAMES[month0]} ${year}`;
        } else {
          reportingPeriod = reportingPeriodIn(t) ?? undefined;
        }
      }
    }
  }
  return { title, reportingPeriod, texts };
}
