/** Which sheet a build writes: the add-in's own wherever it is, never a sheet someone else made. */
import type ExcelJS from "exceljs";
import { isCommitteeSheet } from "./committee-marker";

/**
 * The sheet to write: the add-in's own sheet wherever it is and whatever it is called (its marker
 * says so); else the wanted name if no sheet has it in any case, else "Name (2)", "Name (3)"...
 */
export function committeeTarget(
  wb: ExcelJS.Workbook,
  wanted: string,
): { name: string; ours: boolean; renamed: boolean } {
  const marked = wb.worksheets.filter(isCommitteeSheet);
  const same = marked.find((w) => w.name.toLowerCase() === wanted.toLowerCase());
  if (same) return { name: same.name, ours: true, renamed: false };
  if (marked.length) return { name: marked[0].name, ours: true, renamed: false };
  const taken = new Set(wb.worksheets.map((w) => w.name.toLowerCase()));
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? "" : ` (${i})`;
    const name = wanted.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return { name, ours: false, renamed: i > 1 };
  }
}
