/**
 * What the pane shows before any refresh: the sheets, and how the chosen one reads. Two round trips
 * (shapes, then cells) that read the source sheet alone: nothing of the committee sheet or any other.
 */
import { analyse, Analysis } from "../../engine/judge/assess";
import type { Settings } from "../../engine/config";
import { explainExcelError } from "./excel-errors";
import { readWorkbook } from "./read-workbook";
import { chooseSource } from "./choose-source";
import { LayoutError } from "../../engine/read/layout";

export interface Detection {
  sheetNames: string[];
  analysis?: Analysis;
  error?: string;
}

export async function detect(
  context: Excel.RequestContext,
  settings: Settings,
  mergedAreas: boolean,
): Promise<Detection> {
  let read: Awaited<ReturnType<typeof readWorkbook>>;
  try {
    read = await readWorkbook(context, settings.sourceSheet, { mergedAreas });
  } catch (e) {
    throw explainExcelError(e);
  }
  if (!read.source)
    return {
      sheetNames: read.sheetNames,
      error: `The sheet '${settings.sourceSheet ?? ""}' is not in this workbook.`,
    };
  try {
    return { sheetNames: read.sheetNames, analysis: analyse(read.source.grid, settings) };
  } catch (e) {
    // No source saved and the open sheet is no scorecard (a contents page): the engine chooses one.
    const other =
      settings.sourceSheet === undefined && e instanceof LayoutError
        ? await chooseSource(context)
        : undefined;
    if (!other || other.name === read.source.name)
      return { sheetNames: read.sheetNames, error: (e as Error).message };
    return detect(context, { ...settings, sourceSheet: other.name }, mergedAreas);
  }
}
