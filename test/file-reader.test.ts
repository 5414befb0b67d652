/**
 * The command line reads sheets straight from the package (workbook-package.ts), not through ExcelJS.
 * Both readers must hand the engine the same grid: every sheet of every seed, corpus and test package
 * is read both ways and compared, cell by cell (values, formats, bold) and merge by merge.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Cell, Grid } from "../src/engine/grid";
import { worksheetToGrid } from "../src/hosts/file/read-grid";
import { WorkbookPackage } from "../src/hosts/file/workbook-package";
import { spcSampleWorkbook } from "../scripts/spc-sample";
import { ROOT, SEEDS } from "./helpers";
import { richPackage } from "./packages/rich-package";

/** A grid as the engine sees it: trailing blank cells and rows dropped, blanks alike. */
function normal(grid: Grid): unknown {
  const cell = (c: Cell | undefined) =>
    !c || (c.value === null && !c.format && !c.bold)
      ? null
      : { value: c.value, format: c.format ?? null, bold: c.bold ?? false };
  const rows = grid.rows.map((row) => {
    const out = row.map(cell);
    while (out.length && out[out.length - 1] === null) out.pop();
    return out;
  });
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  const merges = [...grid.merges].map((m) => `${m.top},${m.left}:${m.bottom},${m.right}`).sort();
  return { sheet: grid.sheet, rows, merges };
}

async function compare(file: string): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const pkg = WorkbookPackage.open(file);
  expect(pkg.names).toEqual(wb.worksheets.map((w) => w.name));
  for (const ws of wb.worksheets)
    expect(normal(await pkg.grid(ws.name))).toEqual(normal(worksheetToGrid(ws)));
  return wb.worksheets.length;
}

const workbooks = [
  ...readdirSync(SEEDS)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => join(SEEDS, f)),
  ...readdirSync(join(ROOT, "test", "fixtures", "corpus"))
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => join(ROOT, "test", "fixtures", "corpus", f)),
];

test.each(workbooks.map((f) => [f.slice(ROOT.length + 1)]))(
  "%s reads the same through both readers",
  async (f) => {
    expect(await compare(join(ROOT, f))).toBeGreaterThan(0);
  },
);

test("the SPC sample and the rich package (chart, pivot, VBA, comments) read the same", async () => {
  const dir = mkdtempSync(join(tmpdir(), "sc-reader-"));
  const spc = join(dir, "spc.xlsx");
  await spcSampleWorkbook().xlsx.writeFile(spc);
  const rich = join(dir, "rich.xlsm");
  writeFileSync(rich, (await richPackage()).bytes);
  expect(await compare(spc)).toBeGreaterThan(0);
  expect(await compare(rich)).toBeGreaterThan(0);
});
