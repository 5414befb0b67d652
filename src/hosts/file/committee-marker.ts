/** How the file host recognises the committee sheet that the add-in made (and only that one). */
import type ExcelJS from "exceljs";
import { SCAN_COLUMNS, SCAN_ROWS, isCommitteeMarker } from "../../engine/commentary";

/** The marker may sit anywhere near the top once the analyst inserts rows or columns. */
export function isCommitteeSheet(ws: ExcelJS.Worksheet): boolean {
  const rows = Math.min(SCAN_ROWS, ws.rowCount);
  for (let r = 1; r <= rows; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= SCAN_COLUMNS; c++) if (isCommitteeMarker(row.getCell(c).value)) return true;
  }
  return false;
}
