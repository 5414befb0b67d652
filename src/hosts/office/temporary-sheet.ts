/**
 * The new committee sheet is written under a temporary name and swapped in at the end. Excel on the web
 * refuses to rename a sheet in the request that added it ("Invalid Sheet ... does not exist", office-js
 * issue 3218) and does not activate it there the first time (issue 930), so the temporary sheet is
 * added in an earlier request (the refresh's second read) and found again by its id when it is written,
 * named and activated.
 */
import { sameSheetName } from "../../engine/sheet-name";

export interface TemporarySheet {
  name: string;
  /** Excel's id for the sheet, which outlives any rename. */
  id: string;
}

/** A name no sheet has, without regard to case. */
export function temporaryName(names: string[]): string {
  for (let i = 1; ; i++) {
    const name = `Scorecard refresh ${i}`;
    if (!names.some((n) => sameSheetName(n, name))) return name;
  }
}

/** Adds the temporary sheet in a request of its own (when no earlier request could carry it). */
export async function addTemporarySheet(
  context: Excel.RequestContext,
  names: string[],
): Promise<TemporarySheet> {
  const name = temporaryName(names);
  const sheet = context.workbook.worksheets.add(name);
  sheet.load("id");
  await context.sync();
  return { name, id: sheet.id };
}

/** After a failure: the temporary sheet goes; the old committee sheet was never touched. */
export async function dropTemporarySheet(context: Excel.RequestContext, temp: TemporarySheet): Promise<void> {
  try {
    const t = context.workbook.worksheets.getItemOrNullObject(temp.id);
    t.load("name");
    await context.sync();
    if (t.isNullObject) return;
    t.delete();
    await context.sync();
  } catch {
    // The original error is the one worth reporting; a workbook that refuses even this is left as is.
  }
}
