/**
 * The demo's sample: built by a committed script from committed figures, those figures the Department
 * for Education's own, and long enough that the demo shows SPC and an XmR chart.
 */
import ExcelJS from "exceljs";
import { existsSync, readFileSync } from "node:fs";
import { buildDemoWorkbook, DFE_CSC_DIR, FIGURES, SAMPLE } from "../scripts/build-demo-sample";
import { DemoFigures, extractFigures } from "../scripts/demo-figures";
import { readBook, seedAnalysis } from "./helpers";

const figures = JSON.parse(readFileSync(FIGURES, "utf8")) as DemoFigures;
const DFE = process.env.DFE_CSC_DIR ?? DFE_CSC_DIR;

function cells(wb: ExcelJS.Workbook): unknown[] {
  const out: unknown[] = [];
  for (const ws of wb.worksheets) {
    out.push(ws.name);
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (c, col) => out.push([r, col, c.value, c.numFmt])),
    );
  }
  return out;
}

test("the committed workbook has the cells the script builds from the committed figures", async () => {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await buildDemoWorkbook(figures).xlsx.writeBuffer()) as ArrayBuffer);
  expect(cells(await readBook(SAMPLE))).toEqual(cells(back));
});

(existsSync(DFE) ? test : test.skip)("the committed figures are the Department's, extracted afresh", () => {
  expect(extractFigures(DFE, figures.la)).toEqual(figures);
});

test("thirteen years: SPC reads, with special causes, and an area for focus is charted", async () => {
  const a = await seedAnalysis(SAMPLE);
  expect(a.periods).toHaveLength(13);
  const spc = a.indicators.filter((i) => i.spc);
  expect(spc.length).toBeGreaterThanOrEqual(5);
  expect(spc.some((i) => i.spc?.variation !== "common-cause")).toBe(true);
  expect(a.indicators.some((i) => (i.band === "red" || i.band === "amber") && i.spc)).toBe(true);
  // Percentages as a workbook holds them: fractions, to the published decimals.
  const reReferrals = a.indicators.find((i) => i.ref === "1.2");
  expect(reReferrals?.value).toBeCloseTo((figures.indicators[1].series["2024/25"] as number) / 100, 6);
});
