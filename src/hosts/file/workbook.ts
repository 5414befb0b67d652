/** Opening workbooks from disk and choosing the scorecard sheet, with messages a person can act on. */
import ExcelJS from "exceljs";
import { existsSync } from "node:fs";
import type { Grid } from "../../engine/grid";
import { LayoutError, readLayout } from "../../engine/layout";
import { worksheetToGrid } from "./read-grid";
import { isCommitteeSheet } from "./committee-marker";

export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserError";
  }
}

export async function openWorkbook(path: string): Promise<ExcelJS.Workbook> {
  if (!existsSync(path)) throw new UserError(`No such file: ${path}`);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    throw new UserError(`${path} is not a readable .xlsx workbook (${(e as Error).message.split("\n")[0]})`);
  }
  return wb;
}

export interface ChosenSheet {
  grid: Grid;
  /** Why this sheet, when it was not named. */
  why?: string;
}

/** The named sheet, or the one that reads most like a scorecard (the add-in's own sheets excluded). */
export function chooseSheet(wb: ExcelJS.Workbook, name?: string): ChosenSheet {
  const sheets = wb.worksheets;
  if (name !== undefined) {
    const ws = wb.getWorksheet(name);
    if (!ws)
      throw new UserError(
        `No sheet named '${name}'. The workbook has: ${sheets.map((s) => `'${s.name}'`).join(", ")}.`,
      );
    return { grid: worksheetToGrid(ws) };
  }
  let best: { grid: Grid; score: number } | undefined;
  const reasons: string[] = [];
  for (const ws of sheets) {
    if (isCommitteeSheet(ws)) continue;
    const grid = worksheetToGrid(ws);
    try {
      const layout = readLayout(grid);
      const indicators = layout.rows.filter((r) => r.kind === "indicator").length;
      const score = indicators * 10 + layout.columns.filter((c) => c.role).length;
      if (!best || score > best.score) best = { grid, score };
    } catch (e) {
      if (e instanceof LayoutError) reasons.push(e.message);
      else throw e;
    }
  }
  if (!best) {
    throw new UserError(
      sheets.length ? `No sheet reads as a scorecard. ${reasons.join(" ")}` : "The workbook has no sheets.",
    );
  }
  return {
    grid: best.grid,
    why: `Using sheet '${best.grid.sheet}', the one that reads most like a scorecard (choose another with --sheet).`,
  };
}
