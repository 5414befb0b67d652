/**
 * The committee sheet of a simulated workbook, as the real-library tests and the payload bench use it:
 * a column read row by row, and notes typed on every indicator row as an analyst would.
 */
import { COMMENTARY_COLUMNS } from "../../src/engine/paper/committee";
import { FakeSheet, FakeWorkbookModel } from "../fake-excel/fake-excel";

export function committeeSheet(model: FakeWorkbookModel): FakeSheet {
  const c = model.sheet("Committee");
  if (!c) throw new Error("no committee sheet");
  return c;
}

/** One column of a sheet, row by row (quicker than the whole sheet on a large one). */
export function column(s: FakeSheet, col: number): unknown[] {
  const out: unknown[] = [];
  for (const [k, cell] of s.cells) {
    const [r, c] = k.split(",").map(Number);
    if (c === col) out[r] = cell.value;
  }
  return out;
}

/** Writes a note on every indicator row of the committee sheet, as an analyst would type them. */
export function typeNotes(model: FakeWorkbookModel, note: (i: number) => string): number {
  const c = committeeSheet(model);
  let typed = 0;
  column(c, COMMENTARY_COLUMNS.key).forEach((key, r) => {
    if (typeof key === "string" && /^\d/.test(key) && r > 12)
      FakeWorkbookModel.write(c, r, COMMENTARY_COLUMNS.commentary, note(typed++));
  });
  return typed;
}
