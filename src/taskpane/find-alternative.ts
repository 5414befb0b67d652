/**
 * When the chosen sheet does not read as a scorecard, the sheet that does, so the pane can offer it in
 * one click; and whether the whole workbook is empty, so it can say how to start. Each sheet tried
 * costs a detection (two round trips), so only a few are tried and only in this failure state.
 */
import type { Settings } from "../engine/config";
import { CHARTS_SHEET } from "../engine/paper/chart-sheet";
import { sameSheetName } from "../engine/sheet-name";
import type { AddinHost } from "../hosts/office/addin-host";

export const MAX_SHEETS_TRIED = 8;

export interface Found {
  alternative: { sheet: string; indicators: number } | null;
  emptyWorkbook: boolean;
}

/** The detection message of a sheet with nothing on it. */
export function isEmptySheetMessage(message: string | undefined): boolean {
  return message !== undefined && /^Sheet '.*' is empty\b/.test(message);
}

/** Sheets the add-in wrote: the committee sheet and the charts, with Excel's " (2)" suffixes. */
function isAddinSheet(name: string, settings: Settings): boolean {
  const base = name.replace(/ \(\d+\)$/, "");
  return sameSheetName(base, settings.committeeSheet) || sameSheetName(base, CHARTS_SHEET);
}

export async function findAlternative(
  host: AddinHost,
  settings: Settings,
  sheetNames: string[],
  failure: string | undefined,
  live: () => boolean,
): Promise<Found> {
  const failed = settings.sourceSheet;
  const others = sheetNames.filter((n) => failed === undefined || !sameSheetName(n, failed));
  const candidates = others.filter((n) => !isAddinSheet(n, settings));
  let empty = isEmptySheetMessage(failure) && candidates.length === others.length;
  if (candidates.length > MAX_SHEETS_TRIED) empty = false;
  for (const sheet of candidates.slice(0, MAX_SHEETS_TRIED)) {
    if (!live()) break;
    const d = await host
      .detect({ ...settings, sourceSheet: sheet, columns: {}, headerRows: undefined, asAt: undefined })
      .catch((e: unknown) => ({ analysis: undefined, error: (e as Error).message }));
    if (d.analysis && d.analysis.indicators.length > 0)
      return { alternative: { sheet, indicators: d.analysis.indicators.length }, emptyWorkbook: false };
    if (!isEmptySheetMessage(d.error)) empty = false;
  }
  return { alternative: null, emptyWorkbook: empty };
}
