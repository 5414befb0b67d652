/**
 * What the pane shows before any refresh: the sheets, and how the chosen one reads. Two round trips
 * (shapes, then cells) that read the source sheet alone: nothing of the committee sheet or any other.
 */
import { analyse, Analysis } from "../../engine/judge/assess";
import type { Settings } from "../../engine/config";
import { explainExcelError, SourceTooBigError } from "./excel-errors";
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
    if (e instanceof SourceTooBigError)
      return passOver(context, settings, mergedAreas, {
        sheet: e.sheet,
        sheetNames: e.sheetNames,
        error: e.message,
      });
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
    const failed = { sheet: read.source.name, sheetNames: read.sheetNames, error: (e as Error).message };
    if (!(e instanceof LayoutError)) return { sheetNames: failed.sheetNames, error: failed.error };
    return passOver(context, settings, mergedAreas, failed);
  }
}

/**
 * No source saved and the open sheet cannot be the scorecard (a contents page, or a sheet past the
 * limits): the engine chooses another, as the command line passes over such a sheet.
 */
async function passOver(
  context: Excel.RequestContext,
  settings: Settings,
  mergedAreas: boolean,
  failed: { sheet: string; sheetNames: string[]; error: string },
): Promise<Detection> {
  const other = settings.sourceSheet === undefined ? await chooseSource(context) : undefined;
  if (!other || other.name === failed.sheet) return { sheetNames: failed.sheetNames, error: failed.error };
  return detect(context, { ...settings, sourceSheet: other.name }, mergedAreas);
}
