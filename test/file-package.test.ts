/**
 * The command line's write is surgical: on a workbook with a chart, a pivot table, VBA, a threaded
 * comment, sparklines, a sensitivity label, custom properties and workbook protection, every part but
 * the committee sheet and the bookkeeping that must name it comes out byte for byte, and an .xlsm
 * stays macro-enabled. Packages are built by test/packages/rich-package.ts from the sample.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { COMMITTEE_MARKER, SheetPlan } from "../src/engine/paper/committee";
import { validateSettings } from "../src/engine/config";
import { writeFileAtomic } from "../src/hosts/file/atomic-write";
import { buildWorkbookFile } from "../src/hosts/file/build-file";
import { MAX_CELL_CHARS, sheetXml, xmlText } from "../src/hosts/file/sheet-xml";
import { StyleBook } from "../src/hosts/file/styles-xml";
import { UserError } from "../src/hosts/file/workbook";
import { sheetNameProblem, validSheetName } from "../src/engine/sheet-name";
import { richPackage } from "./packages/rich-package";
import { zipEntries } from "./packages/zip-entries";

const settings = validateSettings(undefined).settings;
const NOW = new Date(2018, 10, 30, 9, 30);
const BOOKKEEPING = ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"];

async function write(bytes: Uint8Array, name: string): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), "sc-pkg-")), name);
  writeFileSync(path, bytes);
  return path;
}

describe("surgical package writes", () => {
  test("every part but the committee sheet and its bookkeeping survives byte for byte; .xlsm stays macro-enabled", async () => {
    const rich = await richPackage();
    const input = await write(rich.bytes, "scorecard.xlsm");
    const outcome = await buildWorkbookFile(input, settings, undefined, NOW);
    const before = zipEntries(rich.bytes);
    const after = zipEntries(Buffer.from(outcome.bytes));
    expect(rich.untouchable).toEqual(
      expect.arrayContaining([
        "xl/worksheets/sheet1.xml",
        "xl/charts/chart1.xml",
        "xl/pivotCache/pivotCacheDefinition1.xml",
        "xl/pivotCache/pivotCacheRecords1.xml",
        "xl/pivotTables/pivotTable1.xml",
        "xl/vbaProject.bin",
        "xl/threadedComments/threadedComment1.xml",
        "docMetadata/LabelInfo.xml",
        "docProps/custom.xml",
        "docProps/app.xml",
      ]),
    );
    for (const part of rich.untouchable) {
      const a = before.get(part);
      const b = after.get(part);
      expect({ part, present: b !== undefined }).toEqual({ part, present: true });
      if (!a || !b) continue;
      // Uncompressed contents identical, and the stored (compressed) bytes copied as they were.
      expect({ part, same: a.data.equals(b.data) }).toEqual({ part, same: true });
      expect({ part, copied: a.compressed.equals(b.compressed) }).toEqual({ part, copied: true });
    }
    // Only the bookkeeping parts and one new worksheet differ.
    const changed = [...after.keys()].filter(
      (p) => !before.get(p)?.data.equals(after.get(p)?.data ?? Buffer.alloc(0)),
    );
    expect(changed.sort()).toEqual([...BOOKKEEPING, "xl/worksheets/sheet4.xml"].sort());
    const types = after.get("[Content_Types].xml")?.data.toString("utf8") ?? "";
    expect(types).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    const wbXml = after.get("xl/workbook.xml")?.data.toString("utf8") ?? "";
    expect(wbXml).toMatch(/<workbookProtection\b[^>]*lockWindows="1"/);
    expect(wbXml).toContain('<pivotCache cacheId="1" r:id="rId9"/>');
    expect(wbXml).toMatch(
      /<definedName name="_xlnm.Print_Titles" localSheetId="3">'Committee'!\$\d+:\$\d+<\/definedName>/,
    );
    // Styles were appended: the original styles.xml's entries are a prefix of the new cell formats.
    const oldXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(
      before.get("xl/styles.xml")?.data.toString() ?? "",
    )?.[1];
    const newXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(
      after.get("xl/styles.xml")?.data.toString() ?? "",
    )?.[1];
    expect(oldXfs && newXfs?.startsWith(oldXfs)).toBe(true);

    // A second reader sees the committee sheet, and the other sheets as they were.
    const out = await write(outcome.bytes, "built.xlsm");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Scorecard", "Notes", "Pivot", "Committee"]);
    const c = wb.getWorksheet("Committee");
    const keyCol = outcome.committee.plan.commentary.keyColumn + 1;
    expect(String(c?.getCell(1, keyCol).value)).toMatch(new RegExp(`^${COMMITTEE_MARKER}`));
    expect(c?.getCell("A1").value).toBe("Children's Social Care Performance Scorecard: committee report");
    expect(c?.getColumn(keyCol).hidden).toBe(true);
    expect(c?.headerFooter.oddFooter).toMatch(/Page &P of &N/);
  });

  test("a rebuild replaces the committee sheet's part in place and adds no styles", async () => {
    const rich = await richPackage();
    const first = await buildWorkbookFile(await write(rich.bytes, "a.xlsm"), settings, undefined, NOW);
    const second = await buildWorkbookFile(await write(first.bytes, "b.xlsm"), settings, undefined, NOW);
    const a = zipEntries(Buffer.from(first.bytes));
    const b = zipEntries(Buffer.from(second.bytes));
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [part, e] of a)
      expect({ part, same: e.data.equals(b.get(part)?.data ?? Buffer.alloc(0)) }).toEqual({
        part,
        same: true,
      });
  });

  test("the written sheet prints as the plan says: scale, margins, key header, page breaks, hidden metadata row", async () => {
    const out = await buildWorkbookFile(
      await write((await richPackage()).bytes, "p.xlsm"),
      settings,
      undefined,
      NOW,
    );
    const plan = out.committee.plan;
    // The committee sheet's part is the one that carries the marker.
    const part = [...zipEntries(Buffer.from(out.bytes)).entries()].find(
      ([name, e]) => name.startsWith("xl/worksheets/") && e.data.toString().includes(COMMITTEE_MARKER),
    );
    const breaks = /<rowBreaks\b[\s\S]*?<\/rowBreaks>/.exec(part?.[1].data.toString() ?? "")?.[0] ?? "";
    expect([...breaks.matchAll(/<brk\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1]))).toEqual(
      plan.pageBreaks.filter((r) => r > 0),
    );
    expect(plan.pageBreaks.length).toBeGreaterThan(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.bytes) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(out.sheetName);
    expect(ws?.pageSetup.scale).toBe(plan.print.scale);
    expect(ws?.pageSetup.fitToPage).toBeFalsy();
    expect(ws?.pageSetup.margins).toMatchObject(plan.print.margins);
    expect(ws?.headerFooter.oddHeader).toMatch(/^&C&9Key: /);
    for (const r of plan.hiddenRows) expect(ws?.getRow(r + 1).hidden).toBe(true);
    for (const c of plan.hiddenColumns) expect(ws?.getColumn(c + 1).hidden).toBe(true);
  });

  test("the committee sheet is found by its marker whatever it was renamed to", async () => {
    const first = await buildWorkbookFile(
      await write((await richPackage()).bytes, "a.xlsm"),
      settings,
      undefined,
      NOW,
    );
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(first.bytes);
    const wbXml = await zip.file("xl/workbook.xml")?.async("string");
    zip.file("xl/workbook.xml", (wbXml ?? "").replace('name="Committee"', 'name="Scrutiny paper"'));
    const renamed = await write(await zip.generateAsync({ type: "uint8array" }), "renamed.xlsm");
    const again = await buildWorkbookFile(
      renamed,
      { ...settings, committeeSheet: "COMMITTEE" },
      undefined,
      NOW,
    );
    expect(again.sheetName).toBe("Scrutiny paper");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(again.bytes) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Scorecard", "Notes", "Pivot", "Scrutiny paper"]);
  });

  test("a workbook whose structure is locked is refused with a message, not changed", async () => {
    const input = await write((await richPackage({ lockStructure: true })).bytes, "locked.xlsm");
    const before = readFileSync(input);
    await expect(buildWorkbookFile(input, settings, undefined, NOW)).rejects.toThrow(
      /protected workbook structure/,
    );
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  test("a foreign sheet called 'committee' in any case is left alone", async () => {
    const wb = new ExcelJS.Workbook();
    const src = new ExcelJS.Workbook();
    await src.xlsx.readFile(join(__dirname, "..", "seeds", "monthly-scorecard.xlsx"));
    src.addWorksheet("COMMITTEE").getCell("A1").value = "the analyst's own notes";
    const input = await write(Buffer.from(await src.xlsx.writeBuffer()), "foreign.xlsx");
    const outcome = await buildWorkbookFile(input, settings, undefined, NOW);
    expect(outcome.sheetName).toBe("Committee (2)");
    await wb.xlsx.load(Buffer.from(outcome.bytes) as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet("COMMITTEE")?.getCell("A1").value).toBe("the analyst's own notes");
  });
});

describe("Excel's limits in the sheet writer", () => {
  test("committee sheet names follow Excel's rules", () => {
    expect(validSheetName("History")).toBe("History (2)");
    expect(validSheetName("HISTORY")).toBe("HISTORY (2)");
    expect(validSheetName("'Q3 paper'")).toBe("Q3 paper");
    expect(validSheetName("Q3: CSC [draft]?")).toBe("Q3- CSC -draft--");
    expect(validSheetName("Q3\tpaper\n")).toBe("Q3 paper");
    expect(validSheetName("x".repeat(40))).toHaveLength(31);
    expect(validSheetName("   ")).toBe("Committee");
    for (const n of ["History", "Q3: CSC [draft]?", "Q3\tpaper", "'x'", "y".repeat(40)])
      expect(sheetNameProblem(validSheetName(n))).toBeNull();
  });

  const plan = (values: (string | number | null)[][], rowHeights: number[]): SheetPlan => ({
    name: "Committee",
    values,
    styles: { t: { wrap: true } },
    styleAreas: [{ style: "t", areas: [{ top: 0, left: 0, bottom: 0, right: 0 }] }],
    merges: [],
    columnWidths: [20, 20],
    hiddenColumns: [],
    hiddenRows: [],
    numberFormats: values.map((r) => r.map(() => null)),
    conditional: [],
    rowHeights,
    autoHeight: null,
    freeze: { rows: 1, cols: 0 },
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: 1,
      repeatRows: { first: 1, last: 1 },
      footerLeft: "R&D",
      footerRight: "Page &P of &N",
      headerCenter: "Key",
      printArea: { top: 0, left: 0, bottom: 1, right: 1 },
      scale: 100,
      margins: { left: 0.3, right: 0.3, top: 0.5, bottom: 0.5, header: 0.2, footer: 0.2 },
    },
    pageBreaks: [],
    commentary: { column: 1, keyColumn: 1, sourceColumn: 2, headerRow: 0, metaRow: -1 },
  });

  test("text over 32,767 characters is cut with a visible ellipsis and reported; rows over 409 pt are capped", () => {
    const long = "x".repeat(40000);
    const p = plan(
      [
        [long, "=1+1"],
        ["ok", 3],
      ],
      [600, 20],
    );
    const styles = new StyleBook(undefined);
    const out = sheetXml(p, (l) => styles.xf(l.key, l.style));
    expect(out.truncated).toEqual(["A1"]);
    expect(out.cappedRows).toEqual([1]);
    expect(out.xml).toContain('<row r="1" ht="409" customHeight="1">');
    const cut = /<c r="A1"[^>]*><is><t xml:space="preserve">([^<]*)<\/t>/.exec(out.xml)?.[1] ?? "";
    expect(cut.length).toBe(MAX_CELL_CHARS);
    expect(cut.endsWith("…")).toBe(true);
    // Text that looks like a formula stays text.
    expect(out.xml).toContain('<c r="B1" t="inlineStr"><is><t xml:space="preserve">=1+1</t></is></c>');
    expect(out.xml).not.toContain("<f>");
    expect(out.xml).toContain("R&amp;&amp;D");
  });

  test("control characters become _xHHHH_ escapes, never invalid XML", () => {
    expect(xmlText("a\u0001b\u000Bc\td")).toBe("a_x0001_b_x000B_c\td");
    expect(xmlText("_x0041_")).toBe("_x005F_x0041_");
    expect(xmlText("<&>")).toBe("&lt;&amp;&gt;");
  });
});

describe("atomic writes", () => {
  test("a write that fails leaves the original untouched and says so", () => {
    const dir = mkdtempSync(join(tmpdir(), "sc-atomic-"));
    const target = join(dir, "book.xlsx");
    writeFileSync(target, "original");
    // The temporary file cannot be made in a folder that does not exist.
    expect(() => writeFileAtomic(join(dir, "missing", "book.xlsx"), Buffer.from("new"))).toThrow(UserError);
    expect(() => writeFileAtomic(join(dir, "missing", "book.xlsx"), Buffer.from("new"))).toThrow(
      /no file was written/,
    );
    writeFileAtomic(target, Buffer.from("replaced"));
    expect(readFileSync(target, "utf8")).toBe("replaced");
  });
});
