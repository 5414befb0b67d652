/**
 * ExcelJS worksheet -> engine Grid. ExcelJS hands back formulas, rich text, hyperlinks, dates and error
 * objects; the engine wants plain values with their number formats, so this is the one translation.
 */
import type ExcelJS from "exceljs";
import type { Area, Cell, CellValue, Grid } from "../../engine/grid";

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export function dateToSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH_MS) / 86400000;
}

/** A formula's saved result, as the engine takes values. */
function resultOf(r: unknown): CellValue {
  if (r === undefined || r === null) return null;
  if (typeof r === "object" && "error" in r) return { error: String((r as { error: unknown }).error) };
  if (r instanceof Date) return dateToSerial(r);
  return typeof r === "number" || typeof r === "string" || typeof r === "boolean" ? r : null;
}

function plain(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return dateToSerial(v);
  if (typeof v === "object") {
    if ("error" in v && typeof v.error === "string") return { error: v.error };
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if ("formula" in v || "sharedFormula" in v) return resultOf((v as { result?: unknown }).result);
    if ("text" in v && typeof (v as { text: unknown }).text === "string") return (v as { text: string }).text;
  }
  return null;
}

/** A formula's cell: the engine reads its saved result, and knows it is one. */
function isFormula(v: ExcelJS.CellValue): boolean {
  return typeof v === "object" && v !== null && ("formula" in v || "sharedFormula" in v);
}

export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const rows: Cell[][] = [];
  const masters = new Map<string, Area>();
  const height = ws.actualRowCount === 0 ? 0 : ws.rowCount;
  for (let r = 1; r <= height; r++) {
    const row = ws.getRow(r);
    const out: Cell[] = [];
    if (row.cellCount > 0) {
      row.eachCell({ includeEmpty: false }, (c, col) => {
        const slave = c.isMerged && c.master.address !== c.address;
        // A merge's other cells echo its value in ExcelJS; in Excel they are empty.
        // A formula's saved result of 0 or "" is dropped from ExcelJS's value; the cell's result keeps it.
        const value = slave ? null : isFormula(c.value) ? resultOf(c.result) : plain(c.value);
        const cell: Cell = { value };
        if (!slave && isFormula(c.value)) cell.formula = true;
        if (c.numFmt) cell.format = c.numFmt;
        if (c.font?.bold) cell.bold = true;
        while (out.length < col - 1) out.push({ value: null });
        out[col - 1] = cell;
        if (c.isMerged) {
          const m = c.master;
          const key = m.address;
          const mr = Number(m.row) - 1;
          const mc = Number(m.col) - 1;
          const a = masters.get(key) ?? { top: mr, left: mc, bottom: mr, right: mc };
          a.bottom = Math.max(a.bottom, r - 1);
          a.right = Math.max(a.right, col - 1);
          masters.set(key, a);
        }
      });
    }
    rows.push(out);
  }
  const grid: Grid = { sheet: ws.name, rows, merges: [...masters.values()] };
  // The engine's sheet choice reads visible sheets before hidden ones.
  if (ws.state === "hidden" || ws.state === "veryHidden") grid.hidden = true;
  return grid;
}
