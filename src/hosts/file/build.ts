/**
 * The whole job on a workbook held in ExcelJS: analyse the source sheet, carry commentary from the
 * previous committee sheet, and put the new one in its place. The command line does not use this (it
 * writes the package surgically, see build-file.ts); it serves in-memory workbooks, as tests build.
 */
import type ExcelJS from "exceljs";
import type { Analysis } from "../../engine/judge/assess";
import type { CommitteeResult } from "../../engine/paper/committee";
import type { Settings } from "../../engine/config";
import { applyPlan } from "./apply-plan";
import { planWorkbook } from "./plan-workbook";
import { excelJsSource } from "./sheet-source";

interface Ordered {
  orderNo: number;
}

export interface BuildOutcome {
  analysis: Analysis;
  committee: CommitteeResult;
  sheetName: string;
  /** Set where a sheet of the wanted name was not the add-in's and another name was used. */
  renamedFrom?: string;
  sourceWhy?: string;
  /** The charts sheet written beside the committee sheet (file builds), or null where none was. */
  chartsSheet?: string | null;
  chartCount?: number;
  /** Areas for focus with enough points that were not charted (beyond the sheet's maximum). */
  chartsOmitted?: number;
}

export async function buildCommitteeSheet(
  wb: ExcelJS.Workbook,
  settings: Settings,
  sheet?: string,
  now = new Date(),
): Promise<BuildOutcome> {
  const plan = await planWorkbook(excelJsSource(wb), settings, sheet, now);
  const { analysis, committee, target, sourceWhy } = plan;
  const old = plan.oldName === undefined ? undefined : wb.getWorksheet(plan.oldName);
  // ExcelJS orders sheets by an untyped orderNo; keeping it puts a refreshed sheet back in its place.
  let position: number | undefined;
  if (old) {
    position = (old as unknown as Ordered).orderNo;
    wb.removeWorksheet(old.id);
  }
  const ws = wb.addWorksheet(target.name, { properties: { tabColor: { argb: "FF1F3864" } } });
  if (position !== undefined) (ws as unknown as Ordered).orderNo = position;
  applyPlan(ws, committee.plan);
  const index = wb.worksheets.findIndex((w) => w.id === ws.id);
  wb.views = [
    {
      x: 0,
      y: 0,
      width: 20000,
      height: 12000,
      firstSheet: 0,
      activeTab: Math.max(0, index),
      visibility: "visible",
    },
  ];
  return {
    analysis,
    committee,
    sheetName: target.name,
    renamedFrom: target.renamed ? settings.committeeSheet : undefined,
    sourceWhy,
  };
}
