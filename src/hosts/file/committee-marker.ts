/** How the file host recognises the sheets that the add-in made (and only those). */
import type ExcelJS from "exceljs";
import { isChartsMarker } from "../../engine/paper/chart-sheet";
import { SCAN_COLUMNS, SCAN_ROWS, isCommitteeMarker } from "../../engine/paper/commentary";

/** The marker may sit anywhere near the top once the analyst inserts rows or columns. */
function hasMarker(ws: ExcelJS.Worksheet, isMarker: (v: unknown) => boolean): boolean {
  const rows = Math.min(SCAN_ROWS, ws.rowCount);
  for (let r = 1; r <= rows; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= SCAN_COLUMNS; c++) if (isMarker(row.getCell(c).value)) return true;
  }
  return false;
}

export function isCommitteeSheet(ws: ExcelJS.Worksheet): boolean {
  return hasMarker(ws, isCommitteeMarker);
}

/** The charts sheet: replaced by every build, never read as a scorecard. */
export function isChartsSheet(ws: ExcelJS.Worksheet): boolean {
  return hasMarker(ws, isChartsMarker);
}
