/**
 * Writes the layout corpus (test/fixtures/corpus/layouts.ts, figures from published council papers)
 * to test/fixtures/corpus/<name>.xlsx, so the tests read real workbooks through the file host.
 * Regenerating gives the same cells: the workbook dates are fixed.
 */
import ExcelJS from "exceljs";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { LAYOUTS } from "../test/fixtures/corpus/layouts";
import { specToGrid } from "../test/fixtures/corpus/spec";

const FIXED_DATE = new Date(Date.UTC(2018, 11, 3, 9, 0, 0));
const OUT = join(__dirname, "..", "test", "fixtures", "corpus");

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  for (const spec of LAYOUTS) {
    const grid = specToGrid(spec);
    const wb = new ExcelJS.Workbook();
    wb.creator = "Scorecard corpus builder";
    wb.created = FIXED_DATE;
    wb.modified = FIXED_DATE;
    const ws = wb.addWorksheet(spec.sheet);
    grid.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell.value === null) return;
        const x = ws.getCell(r + 1, c + 1);
        x.value = typeof cell.value === "object" ? null : cell.value;
        if (cell.format) x.numFmt = cell.format;
        if (cell.bold) x.font = { bold: true };
        if (typeof cell.value === "string" && cell.value.includes("\n")) x.alignment = { wrapText: true };
      }),
    );
    for (const m of grid.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    spec.columns.forEach((col, c) => {
      const column = ws.getColumn(c + 1);
      column.width = col.width ?? (c < 2 ? 40 : 12);
      if (col.hidden) column.hidden = true;
    });
    const file = join(OUT, `${spec.name}.xlsx`);
    await wb.xlsx.writeFile(file);
    console.log(`${file}: ${grid.rows.length} rows, ${spec.columns.length} columns (${spec.source})`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
