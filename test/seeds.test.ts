/** The sample workbooks are built by a committed script, and rebuilding them gives the same cells. */
import ExcelJS from "exceljs";
import { buildMonthly, buildQuarterly, buildYearly } from "../scripts/build-seeds";
import { MONTHLY, QUARTERLY, YEARLY, readBook } from "./helpers";

function cells(wb: ExcelJS.Workbook): unknown[] {
  const out: unknown[] = [];
  for (const ws of wb.worksheets) {
    out.push(ws.name);
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (c, col) =>
        out.push([r, col, c.value instanceof Date ? c.value.toISOString() : c.value, c.numFmt, c.isMerged]),
      ),
    );
  }
  return out;
}

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buf = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf as ArrayBuffer);
  return back;
}

describe("seed workbooks", () => {
  test.each([
    ["monthly", MONTHLY, buildMonthly],
    ["yearly", YEARLY, buildYearly],
    ["quarterly", QUARTERLY, buildQuarterly],
  ])("%s: the committed file has the cells the script builds", async (_name, path, build) => {
    expect(cells(await readBook(path))).toEqual(cells(await roundTrip(build())));
  });

  test("000 holds the messy values the paper has", async () => {
    const ws = (await readBook(MONTHLY)).getWorksheet("Scorecard");
    if (!ws) throw new Error("no sheet");
    expect(ws.getCell("C9").value).toBe("96%");
    expect(ws.getCell("F9").value).toBe(0.944);
    expect(ws.getCell("F9").numFmt).toBe("0.0%");
    expect(ws.getCell("D11").value).toBe("n/a");
    expect(ws.getCell("K33").value).toBe("-");
    expect(ws.getCell("A5").isMerged).toBe(true);
  });
});
