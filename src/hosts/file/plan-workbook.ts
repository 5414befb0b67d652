/**
 * The part of a build both file writers share: choose the source sheet, analyse it, choose the
 * committee sheet (the add-in's own, never a foreign one or the source) and plan it, carrying the
 * commentary of the sheet it replaces.
 */
import type ExcelJS from "exceljs";
import { analyse, Analysis } from "../../engine/judge/assess";
import { buildCommitteePlan, CommitteeResult } from "../../engine/paper/committee";
import type { Settings } from "../../engine/config";
import { committeeTarget } from "./committee-target";
import { worksheetToGrid } from "./read-grid";
import { UserError, chooseSheet, findSheet } from "./workbook";

export interface WorkbookPlan {
  analysis: Analysis;
  committee: CommitteeResult;
  target: { name: string; ours: boolean; renamed: boolean };
  /** The committee sheet this build replaces, if there is one. */
  old: ExcelJS.Worksheet | undefined;
  /** Why the source sheet was chosen, where the analyst did not name it. */
  sourceWhy?: string;
}

export function planWorkbook(
  wb: ExcelJS.Workbook,
  settings: Settings,
  sheet: string | undefined,
  now: Date,
): WorkbookPlan {
  const chosen = chooseSheet(wb, sheet ?? settings.sourceSheet);
  const analysis = analyse(chosen.grid, settings);
  const target = committeeTarget(wb, settings.committeeSheet, chosen.grid.sheet);
  if (target.name.toLowerCase() === chosen.grid.sheet.toLowerCase())
    throw new UserError(`The committee sheet cannot be the source sheet '${target.name}'.`);
  const old = target.ours ? findSheet(wb, target.name) : undefined;
  const committee = buildCommitteePlan({
    analysis,
    name: target.name,
    generatedAt: now,
    existing: old ? worksheetToGrid(old) : undefined,
    reviews: settings.reviews,
  });
  return { analysis, committee, target, old, sourceWhy: chosen.why };
}
