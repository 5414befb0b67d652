/**
 * A 24-month scorecard for looking at SPC in the committee sheet and the pane: the 000 paper's measures
 * (scripts/synthetic.ts) with the signals committees meet in practice written into some of them: a step
 * change after month 16, a steady climb over the last 8 months, a last month far off the usual, and
 * a blank month. Deterministic, so the file is the same every time.
 *
 *   npx tsx scripts/spc-sample.ts [out.xlsx]   (default out/spc-sample.xlsx)
 */
import ExcelJS from "exceljs";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { Grid } from "../src/engine/grid";
import { syntheticGrid } from "./synthetic";

const MONTHS = 24;
/** Columns before the months in syntheticGrid: Ref, Measure, 2017/18, Num, Denom, Current, Period. */
const FIRST_MONTH = 7;

export function spcSampleGrid(): Grid {
  const grid = syntheticGrid(18, MONTHS, 3);
  let k = 0;
  for (const row of grid.rows) {
    const first = row[FIRST_MONTH]?.value;
    if (row.length < FIRST_MONTH + MONTHS || typeof first !== "number") continue;
    const scale = (j: number, f: number) => {
      const c = row[FIRST_MONTH + j];
      if (typeof c.value !== "number") return;
      const v = c.value * f;
      c.value = c.format?.includes("%") ? Math.min(1, Math.round(v * 1000) / 1000) : Math.round(v);
    };
    switch (k % 6) {
      case 1: // a step up after month 16
        for (let j = 16; j < MONTHS; j++) scale(j, 1.07);
        break;
      case 2: // eight months each a little higher than the last
        for (let j = MONTHS - 8; j < MONTHS; j++) {
          const c = row[FIRST_MONTH + j];
          const prev = row[FIRST_MONTH + j - 1].value;
          if (typeof prev === "number" && typeof c.value === "number")
            c.value = Math.round(prev * 1.012 * 1000) / 1000;
        }
        break;
      case 3: // the last month far below the usual
        scale(MONTHS - 1, 0.8);
        break;
      case 4: // a month left blank
        row[FIRST_MONTH + 10] = { value: null };
        break;
      default:
        break;
    }
    // The Current column is the latest month.
    row[5] = { ...row[5], value: row[FIRST_MONTH + MONTHS - 1].value };
    k++;
  }
  return grid;
}

/** The sample as a workbook, for the command line and for tests that need charts to draw. */
export function spcSampleWorkbook(): ExcelJS.Workbook {
  const grid = spcSampleGrid();
  const wb = new ExcelJS.Workbook();
  wb.created = wb.modified = new Date(Date.UTC(2018, 10, 30));
  const ws = wb.addWorksheet(grid.sheet);
  grid.rows.forEach((row, r) =>
    row.forEach((c, col) => {
      if (c.value === null || c.value === undefined || typeof c.value === "object") return;
      const cell = ws.getCell(r + 1, col + 1);
      cell.value = c.value;
      if (c.format) cell.numFmt = c.format;
      if (c.bold) cell.font = { bold: true };
    }),
  );
  return wb;
}

async function main(): Promise<void> {
  const out = process.argv[2] ?? "out/spc-sample.xlsx";
  const wb = spcSampleWorkbook();
  mkdirSync(dirname(out), { recursive: true });
  await wb.xlsx.writeFile(out);
  console.log(`wrote ${out}`);
}

if (require.main === module) void main();
