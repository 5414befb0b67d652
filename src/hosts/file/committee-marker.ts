/** How the file host recognises the committee sheet that the add-in made (and only that one). */
import type ExcelJS from "exceljs";
import { isCommitteeMarker } from "../../engine/committee";

export function isCommitteeSheet(ws: ExcelJS.Worksheet): boolean {
  const row = ws.getRow(1);
  let found = false;
  row.eachCell({ includeEmpty: false }, (c) => {
    if (isCommitteeMarker(c.value)) found = true;
  });
  return found;
}
