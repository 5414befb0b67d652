import ExcelJS from "exceljs";
import { join } from "node:path";
import { Cell, Grid } from "../src/engine/grid";
import { worksheetToGrid } from "../src/hosts/file/read-grid";
import { analyse, Analysis, Assessment } from "../src/engine/judge/assess";

export const ROOT = join(__dirname, "..");
export const SEEDS = join(ROOT, "seeds");
export const MONTHLY = join(SEEDS, "monthly-scorecard.xlsx");
export const YEARLY = join(SEEDS, "yearly-pi-table.xlsx");
export const QUARTERLY = join(SEEDS, "quarterly-kpis.xlsx");

export async function readBook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

export async function seedGrid(path: string, sheet?: string): Promise<Grid> {
  const wb = await readBook(path);
  const ws = sheet ? wb.getWorksheet(sheet) : wb.worksheets[0];
  if (!ws) throw new Error(`no sheet ${sheet}`);
  return worksheetToGrid(ws);
}

export async function seedAnalysis(path: string): Promise<Analysis> {
  return analyse(await seedGrid(path));
}

export function byRef(a: Analysis, ref: string): Assessment {
  const found = a.indicators.find((i) => i.ref === ref);
  if (!found) throw new Error(`no indicator ${ref}; have ${a.indicators.map((i) => i.ref).join(", ")}`);
  return found;
}

export function codes(a: Assessment): string[] {
  return a.flags.map((f) => f.code);
}

/** A grid from rows of plain values: numbers, strings, null; "12.5%"-style strings stay text. */
export function gridOf(rows: (string | number | null | Cell)[][], sheet = "Sheet1"): Grid {
  return {
    sheet,
    rows: rows.map((r) => r.map((v) => (v !== null && typeof v === "object" ? v : { value: v }))),
    merges: [],
  };
}

export function pct(value: number, format = "0.0%"): Cell {
  return { value, format };
}
