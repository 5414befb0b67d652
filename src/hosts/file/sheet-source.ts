/**
 * The sheets of a workbook as a build needs them, whichever reader holds them: the package read
 * straight from the file (WorkbookPackage: the command line, bounded) or a workbook held in ExcelJS
 * (the in-memory path tests use). Both hand the same grids to the same choice of sheets and the same plan.
 */
import type ExcelJS from "exceljs";
import type { Grid } from "../../engine/grid";
import { SCAN_COLUMNS, SCAN_ROWS } from "../../engine/paper/commentary";
import { worksheetToGrid } from "./read-grid";
import type { SheetReadOptions } from "./sheet-reader";

export interface SheetSource {
  /** The worksheets' names, in the workbook's order. */
  readonly names: string[];
  /** Every sheet's name, chart sheets too: a new sheet's name must differ from all of them. */
  readonly taken: string[];
  grid(name: string, opts?: SheetReadOptions): Promise<Grid>;
  /** Whether a cell near the top of the sheet (where the add-in's markers sit) passes the test. */
  hasMarker(name: string, isMarker: (value: unknown) => boolean): Promise<boolean>;
}

/** A workbook already in ExcelJS; it is in memory whole, so no limit applies to reading it. */
export function excelJsSource(wb: ExcelJS.Workbook): SheetSource {
  const sheet = (name: string) => {
    const ws = wb.worksheets.find((w) => w.name === name);
    if (!ws) throw new Error(`no sheet '${name}'`);
    return ws;
  };
  return {
    get names() {
      return wb.worksheets.map((w) => w.name);
    },
    get taken() {
      return wb.worksheets.map((w) => w.name);
    },
    grid: async (name) => worksheetToGrid(sheet(name)),
    hasMarker: async (name, isMarker) => {
      const ws = sheet(name);
      const rows = Math.min(SCAN_ROWS, ws.rowCount);
      for (let r = 1; r <= rows; r++) {
        const row = ws.getRow(r);
        for (let c = 1; c <= SCAN_COLUMNS; c++) if (isMarker(row.getCell(c).value)) return true;
      }
      return false;
    },
  };
}
