/**
 * The part of a build both file writers share: choose the source sheet, analyse it, choose the
 * committee sheet (the add-in's own, never a foreign one or the source) and plan it, carrying the
 * commentary of the sheet it replaces.
 */
import { analyse, Analysis } from "../../engine/judge/assess";
import type { Grid } from "../../engine/grid";
import { buildCommitteePlan, CommitteeResult } from "../../engine/paper/committee";
import { locateCommentary, SCAN_ROWS } from "../../engine/paper/commentary";
import { sameSheetName } from "../../engine/sheet-name";
import type { Settings } from "../../engine/config";
import { withNationalFigures } from "../../national/with-national";
import { committeeTarget } from "./committee-target";
import type { SheetSource } from "./sheet-source";
import { UserError, chooseSheet, findSheetName } from "./workbook";

export interface WorkbookPlan {
  analysis: Analysis;
  committee: CommitteeResult;
  target: { name: string; ours: boolean; renamed: boolean };
  /** The committee sheet this build replaces, as the workbook spells it, if there is one. */
  oldName: string | undefined;
  /** Why the source sheet was chosen, where the analyst did not name it. */
  sourceWhy?: string;
}

/**
 * The old committee sheet as far as its commentary needs: the top (where its marker and column tags
 * are) and the tagged columns below, so a sheet of any length costs a few cells a row.
 */
async function commentaryGrid(source: SheetSource, name: string): Promise<Grid> {
  const top = await source.grid(name, { firstRows: SCAN_ROWS });
  const layout = locateCommentary(top);
  // A sheet written before the column tags existed is read whole, as it always was.
  if (!layout?.metaRow && layout?.metaRow !== 0) return source.grid(name);
  const columns = new Set(Object.values(layout.columns));
  return source.grid(name, { keep: (r, c) => r < SCAN_ROWS || columns.has(c) });
}

/**
 * The source sheet chosen and analysed. Its grid is dropped here, once analysed: a large scorecard's
 * cells need not wait in memory while the paper is planned.
 */
async function analysed(
  source: SheetSource,
  settings: Settings,
  sheet: string | undefined,
): Promise<{ analysis: Analysis; sheet: string; why?: string }> {
  const chosen = await chooseSheet(source, sheet ?? settings.sourceSheet);
  return { analysis: analyse(chosen.grid, settings), sheet: chosen.grid.sheet, why: chosen.why };
}

export async function planWorkbook(
  source: SheetSource,
  settings: Settings,
  sheet: string | undefined,
  now: Date,
): Promise<WorkbookPlan> {
  const chosen = await analysed(source, settings, sheet);
  // The Department's figures beside the council's own, where the settings name a council (issue 20).
  const analysis = await withNationalFigures(chosen.analysis, settings);
  const target = await committeeTarget(source, settings.committeeSheet, chosen.sheet);
  if (sameSheetName(target.name, chosen.sheet))
    throw new UserError(`The committee sheet cannot be the source sheet '${target.name}'.`);
  const oldName = target.ours ? findSheetName(source.names, target.name) : undefined;
  const committee = buildCommitteePlan({
    analysis,
    name: target.name,
    generatedAt: now,
    existing: oldName ? await commentaryGrid(source, oldName) : undefined,
    reviews: settings.reviews,
  });
  return { analysis, committee, target, oldName, sourceWhy: chosen.why };
}
