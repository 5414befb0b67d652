/**
 * The source sheet when none is saved and the active sheet is no scorecard (a contents or cover sheet
 * is often the one open): one round trip reads the top of every sheet with its visibility, and the
 * engine's sheet choice, the one the command line uses, picks the sheet. Nothing is read when the
 * active sheet reads.
 */
import { NoScorecardError, chooseScorecardSheet } from "../../engine/read/choose-sheet";
import { gridFromBlocks } from "./grid-from-range";

/**
 * The window read from the top of each sheet, and how many sheets: enough to find a table and weigh it,
 * and at about 60 bytes a cell, 20 sheets of 100 x 30 cells stay under the 4 MB kept for one response.
 */
export const CHOICE_ROWS = 100;
export const CHOICE_COLUMNS = 30;
export const CHOICE_SHEETS = 20;

/** The name of the sheet that reads most like a scorecard, and why; undefined where none does. */
export async function chooseSource(
  context: Excel.RequestContext,
): Promise<{ name: string; why: string } | undefined> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  await context.sync();
  const looks = sheets.items.slice(0, CHOICE_SHEETS).map((sheet) => {
    const top = sheet.getRangeByIndexes(0, 0, CHOICE_ROWS, CHOICE_COLUMNS);
    top.load("values,numberFormat,valueTypes");
    return { sheet, top };
  });
  await context.sync();
  const grids = looks.map(({ sheet, top }) => ({
    ...gridFromBlocks(
      sheet.name,
      { row: 0, col: 0 },
      [
        {
          row: 0,
          col: 0,
          values: top.values,
          numberFormat: top.numberFormat,
          valueTypes: top.valueTypes as string[][],
        },
      ],
      [],
    ),
    hidden: sheet.visibility !== "Visible",
  }));
  try {
    const chosen = chooseScorecardSheet(grids);
    return { name: chosen.grid.sheet, why: chosen.why.replace(" (choose another with --sheet)", "") };
  } catch (e) {
    if (e instanceof NoScorecardError) return undefined;
    throw e;
  }
}
