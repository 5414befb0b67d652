/** Which sheet a build writes: the add-in's own wherever it is, never a sheet someone else made. */
import { isChartsMarker } from "../../engine/paper/chart-sheet";
import { isCommitteeMarker } from "../../engine/paper/commentary";
import { placeCommitteeSheet } from "../../engine/sheet-name";
import type { SheetSource } from "./sheet-source";

/** The sheets whose top carries the marker, in the workbook's order. */
export async function markedSheets(
  source: SheetSource,
  isMarker: (v: unknown) => boolean,
): Promise<string[]> {
  const out: string[] = [];
  for (const name of source.names) if (await source.hasMarker(name, isMarker)) out.push(name);
  return out;
}

export const committeeSheets = (source: SheetSource) => markedSheets(source, isCommitteeMarker);
export const chartsSheets = (source: SheetSource) => markedSheets(source, isChartsMarker);

/**
 * The workbook's names and markers, handed to the rule both hosts share, so that a file build and an
 * Excel refresh choose the same sheet for the same workbook.
 */
export async function committeeTarget(
  source: SheetSource,
  wanted: string,
  sourceSheet: string,
): Promise<{ name: string; ours: boolean; renamed: boolean }> {
  return placeCommitteeSheet(wanted, source.taken, await committeeSheets(source), sourceSheet);
}
