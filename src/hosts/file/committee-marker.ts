/** How the file host recognises the committee sheet that the add-in made (and only that one). */
import type ExcelJS from "exceljs";
import { COMMITTEE_MARKER } from "../../engine/committee";

export function isCommitteeSheet(ws: ExcelJS.Worksheet): boolean {
  const row = ws.getRow(1);
  let found = false;
  row.eachCell({ includeEmpty: false }, (c) => {
    if (typeof c.value === "string" && c.value.startsWith(COMMITTEE_MARKER)) found = true;
  });
  return found;
}
