/** Which sheet a build writes: the add-in's own wherever it is, never a sheet someone else made. */
import type ExcelJS from "exceljs";
import { placeCommitteeSheet } from "../../engine/sheet-name";
import { isCommitteeSheet } from "./committee-marker";

/**
 * The workbook's names and markers, handed to the rule both hosts share, so that a file build and an
 * Excel refresh choose the same sheet for the same workbook.
 */
export function committeeTarget(
  wb: ExcelJS.Workbook,
  wanted: string,
  source: string,
): { name: string; ours: boolean; renamed: boolean } {
  return placeCommitteeSheet(
    wanted,
    wb.worksheets.map((w) => w.name),
    wb.worksheets.filter(isCommitteeSheet).map((w) => w.name),
    source,
  );
}
