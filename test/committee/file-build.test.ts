/**
 * The committee sheet written into real .xlsx files and read back by a second reader (ExcelJS), with
 * the promises that matter: other sheets untouched, foreign sheets never overwritten, commentary kept,
 * text never a formula. Where LibreOffice is installed (CI installs it) the file is also proven
 * readable by a real spreadsheet program.
 */
import ExcelJS from "exceljs";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateSettings } from "../../src/engine/config";
import { COMMENTARY_COLUMNS, COMMITTEE_MARKER } from "../../src/engine/paper/committee";
import { buildCommitteeSheet } from "../../src/hosts/file/build";
import { pdfText, renderCommitteeSheet, renderToolsPresent } from "../../src/hosts/file/render";
import { MONTHLY, readBook } from "../helpers";

const settings = validateSettings(undefined).settings;
const NOW = new Date(2018, 10, 30, 9, 30);
// ExcelJS counts columns from 1.
const KEY = COMMENTARY_COLUMNS.key + 1;
const COMMENTARY = COMMENTARY_COLUMNS.commentary + 1;
const tmp = () => mkdtempSync(join(tmpdir(), "scorecard-"));

/** Everything a person could see or rely on in a sheet: values, formulas, styles, merges, widths. */
function fingerprint(ws: ExcelJS.Worksheet): string {
  const cells: unknown[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    row.eachCell({ includeEmpty: true }, (c, col) => {
      cells.push([r, col, c.value, c.numFmt, c.font, c.fill, c.border, c.alignment]);
    });
    cells.push(["h", r, row.height]);
  });
  const cols = (ws.columns ?? []).map((c) => [c.width, c.hidden]);
  return JSON.stringify({
    name: ws.name,
    cells,
    cols,
    merges: (ws.model as { merges?: string[] }).merges,
    views: ws.views,
  });
}

async function built(wb: ExcelJS.Workbook, dir: string, name = "out.xlsx"): Promise<ExcelJS.Workbook> {
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return readBook(path);
}

describe("building the committee sheet into a workbook file", () => {
  test("adds a marked committee sheet and leaves every other sheet exactly as it was", async () => {
    const before = await readBook(MONTHLY);
    const prints = before.worksheets.map(fingerprint);
    const wb = await readBook(MONTHLY);
    const outcome = await buildCommitteeSheet(wb, settings, undefined, NOW);
    expect(outcome.sheetName).toBe("Committee");
    const back = await built(wb, tmp());
    expect(back.worksheets.map((w) => w.name)).toEqual(["Scorecard", "Notes", "Committee"]);
    expect(back.worksheets.slice(0, 2).map(fingerprint)).toEqual(prints);
    expect(back.getWorksheet("Notes")?.getCell("B1").value).toMatchObject({
      formula: "COUNTA(Scorecard!A8:A40)",
    });
    const c = back.getWorksheet("Committee");
    expect(c).toBeDefined();
    if (!c) return;
    // The hidden key column, last of the plan's columns, carries the marker in row 1.
    expect(String(c.getCell(1, KEY).value)).toMatch(new RegExp(`^${COMMITTEE_MARKER}`));
    expect(c.getColumn(KEY).hidden).toBe(true);
    expect(c.getCell("A1").value).toBe("Children's Social Care Performance Scorecard: committee report");
    // Printed at 100%, not fitted: Excel ignores manual page breaks under "Fit to", and fitting a
    // wide sheet shrinks the text below what members can read.
    expect(c.pageSetup).toMatchObject({ orientation: "landscape", scale: 100 });
    expect(c.pageSetup.fitToPage).toBeFalsy();
    expect(c.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
    expect(c.headerFooter.oddFooter).toMatch(/Page &P of &N/);
    expect(c.headerFooter.oddHeader).toMatch(/Key: ● Green/);
  });

  test("a refresh keeps typed commentary, keeps the sheet's place and rewrites only the committee sheet", async () => {
    const dir = tmp();
    const wb = await readBook(MONTHLY);
    await buildCommitteeSheet(wb, settings, undefined, NOW);
    const first = await built(wb, dir, "first.xlsx");
    // The analyst types commentary against 3.1 and 11.13, and moves the sheet to the front.
    const c = first.getWorksheet("Committee");
    if (!c) throw new Error("no committee sheet");
    c.eachRow((row) => {
      const key = row.getCell(KEY).value;
      if (key === "3.1") row.getCell(COMMENTARY).value = "Plans audit under way.";
      if (key === "11.13") row.getCell(COMMENTARY).value = "=Not a formula, just a thought";
    });
    const others = first.worksheets.filter((w) => w.name !== "Committee").map(fingerprint);
    await buildCommitteeSheet(first, settings, undefined, NOW);
    const second = await built(first, dir, "second.xlsx");
    expect(second.worksheets.filter((w) => w.name !== "Committee").map(fingerprint)).toEqual(others);
    expect(second.worksheets.map((w) => w.name)).toEqual(["Scorecard", "Notes", "Committee"]);
    const found: Record<string, unknown> = {};
    second.getWorksheet("Committee")?.eachRow((row) => {
      const key = row.getCell(KEY).value;
      if (typeof key === "string") found[key] = row.getCell(COMMENTARY).value;
    });
    expect(found["3.1"]).toBe("Plans audit under way.");
    expect(found["11.13"]).toBe("=Not a formula, just a thought");
  });

  test("a sheet named 'Committee' that Scorecard did not make is never overwritten", async () => {
    const original = await readBook(MONTHLY);
    original.addWorksheet("Committee").getCell("A1").value = "Members' own notes";
    const wb = await built(original, tmp(), "with-foreign.xlsx");
    const foreign = wb.getWorksheet("Committee");
    if (!foreign) throw new Error("no foreign sheet");
    const print = fingerprint(foreign);
    const outcome = await buildCommitteeSheet(wb, settings, undefined, NOW);
    expect(outcome).toMatchObject({ sheetName: "Committee (2)", renamedFrom: "Committee" });
    const back = await built(wb, tmp());
    const kept = back.getWorksheet("Committee");
    expect(kept && fingerprint(kept)).toBe(print);
    // The next refresh finds its own "(2)" and reuses it.
    expect((await buildCommitteeSheet(back, settings, undefined, NOW)).sheetName).toBe("Committee (2)");
    expect(back.worksheets.map((w) => w.name)).toEqual(["Scorecard", "Notes", "Committee", "Committee (2)"]);
  });

  test("text from the source is written as text, never a formula", async () => {
    const wb = await readBook(MONTHLY);
    const ws = wb.getWorksheet("Scorecard");
    if (!ws) throw new Error("no sheet");
    ws.getCell("B9").value = '=HYPERLINK("http://example.com","click")';
    ws.getCell("B12").value = "+44 referrals";
    ws.getCell("B13").value = "@risk children";
    ws.getCell("B14").value = "-ve outcomes";
    await buildCommitteeSheet(wb, settings, undefined, NOW);
    const back = await built(wb, tmp());
    const texts: unknown[] = [];
    back.getWorksheet("Committee")?.eachRow((row) => texts.push(row.getCell(2).value));
    expect(texts).toEqual(
      expect.arrayContaining([
        '=HYPERLINK("http://example.com","click")',
        "+44 referrals",
        "@risk children",
        "-ve outcomes",
      ]),
    );
    back.getWorksheet("Committee")?.eachRow((row) =>
      row.eachCell((c) => {
        expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
      }),
    );
  });
});

const requireTools = process.env.SCORECARD_REQUIRE_TOOLS === "1";
const lo = renderToolsPresent() || requireTools ? test : test.skip;

describe("a real spreadsheet program reads it", () => {
  lo(
    "LibreOffice converts the committee sheet; page 1 has the title and the summary, and the table starts a page",
    async () => {
      const dir = tmp();
      const file = join(dir, "scorecard.xlsx");
      copyFileSync(MONTHLY, file);
      const wb = await readBook(file);
      await buildCommitteeSheet(wb, settings, undefined, NOW);
      await wb.xlsx.writeFile(file);
      const r = await renderCommitteeSheet(file, join(dir, "render"), 50);
      expect(r.pngs.length).toBeGreaterThanOrEqual(1);
      const page1 = pdfText(r.pdf, 1);
      expect(page1).toMatch(/Children's Social Care Performance Scorecard: committee report/);
      expect(page1).toMatch(/■ 7 Red +◆ 4 Amber +● 5 Green +– 3 not banded/);
      expect(page1).toMatch(/Areas for focus/);
      expect(page1).toMatch(/Page 1 of \d/);
      // The table begins on a page of its own, under its header.
      const pages = r.pngs.map((_, i) => pdfText(r.pdf, i + 1));
      const table = pages.find((t) => /Why \(and data quality\)/.test(t)) ?? "";
      expect(table).toMatch(/Ref +Measure +2017\/18 +Current/);
      expect(table).toMatch(/1\.1 +% cases with Management/);
      expect(table).toMatch(/94\.4%/);
    },
  );
});
