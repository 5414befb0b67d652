/**
 * The package check and the one function that keeps the bookkeeping in step with the parts. The check
 * must be able to fail: each rule is broken on purpose in a built package and named. Then the builds
 * the issue found wanting: first builds and rebuilds, with and without the XmR charts sheet
 * (scripts/spc-sample.ts), each a package with nothing Excel would repair. test/package-check-setup.ts
 * runs the same check after every other build in the suite.
 */
import ExcelJS from "exceljs";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spcSampleWorkbook } from "../scripts/spc-sample";
import { validateSettings } from "../src/engine/config";
import { CHARTS_SHEET } from "../src/engine/paper/chart-sheet";
import { agreeWithParts, contentTypesFor } from "../src/hosts/file/agree-parts";
import { buildWorkbookFile } from "../src/hosts/file/build-file";
import { finishPackage } from "../src/hosts/file/finish-package";
import { packageProblems } from "../src/hosts/file/package-check";
import { ZipPackage } from "../src/hosts/file/zip-package";
import { checked, expectSoundPackage } from "./package-check";
import { MONTHLY } from "./helpers";
import { richPackage } from "./packages/rich-package";

const settings = validateSettings(undefined).settings;
const noCharts = { ...settings, spc: { ...settings.spc, minPoints: 1000 } };
const NOW = new Date(2018, 10, 30, 9, 30);
const tmp = () => mkdtempSync(join(tmpdir(), "sc-check-"));

async function spcFile(): Promise<string> {
  const file = join(tmp(), "spc.xlsx");
  await spcSampleWorkbook().xlsx.writeFile(file);
  return file;
}

/** Builds `file` in place and returns the package written. */
async function buildInPlace(file: string, s = settings): Promise<Buffer> {
  const out = await buildWorkbookFile(file, s, undefined, NOW);
  writeFileSync(file, out.bytes);
  return Buffer.from(out.bytes);
}

const deep = (bytes: Buffer) => packageProblems(new ZipPackage(bytes), { deep: true });

describe("the package check finds what Excel would repair", () => {
  let built: Buffer;
  beforeAll(async () => {
    built = await buildInPlace(await spcFile());
  });

  const broken = (edit: (zip: ZipPackage) => void): string[] => {
    const zip = new ZipPackage(built);
    edit(zip);
    return deep(zip.toBuffer());
  };
  const types = (zip: ZipPackage) => zip.text("[Content_Types].xml") ?? "";
  const sheetPart = (zip: ZipPackage) =>
    /PartName="\/(xl\/worksheets\/sheet\d+\.xml)"/.exec(
      types(zip).split("worksheet+xml").slice(-2)[0],
    )?.[1] ?? "";

  test("a built package has nothing wrong", () => {
    expect(deep(built)).toEqual([]);
  });

  test("agreeing with the parts: a part removed takes its relationships and Override with it, and nothing else", () => {
    const zip = new ZipPackage(built);
    const orphan = "xl/custom/_rels/gone.xml.rels";
    zip.write(
      orphan,
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
    );
    zip.remove("xl/drawings/drawing1.xml");
    agreeWithParts(zip);
    expect(zip.has("xl/drawings/_rels/drawing1.xml.rels")).toBe(false);
    expect(zip.text("[Content_Types].xml")).not.toContain("drawing1.xml");
    const sheetRels = zip
      .names()
      .filter((n) => /worksheets\/_rels\//.test(n))
      .map((n) => zip.text(n) ?? "");
    expect(sheetRels.join("")).not.toContain("drawing1.xml");
    // A relationships part that was already an orphan is the workbook's, not this build's to tidy.
    expect(zip.has(orphan)).toBe(true);
  });

  test("each broken rule is named", () => {
    const cases: [string, (zip: ZipPackage) => void, RegExp][] = [
      [
        "a worksheet without its Override falls back to the xml Default",
        (z) =>
          z.write(
            "[Content_Types].xml",
            types(z).replace(/<Override PartName="\/xl\/worksheets\/sheet3\.xml"[^>]*\/>/, ""),
          ),
        /sheet3\.xml is reached as worksheet but typed application\/xml/,
      ],
      [
        "an Override for a part that is not there",
        (z) =>
          z.write(
            "[Content_Types].xml",
            types(z).replace(
              "</Types>",
              '<Override PartName="/xl/gone.xml" ContentType="application/xml"/></Types>',
            ),
          ),
        /Override for \/xl\/gone\.xml, which is not in the package/,
      ],
      [
        "a part no Default or Override covers",
        (z) => z.write("xl/media/blob.bin9", "x"),
        /\/xl\/media\/blob\.bin9 has no content type/,
      ],
      [
        "a relationship to a part that is not there",
        (z) => z.remove("xl/charts/chart1.xml"),
        /relationship rId1 points at \/xl\/charts\/chart1\.xml, which is not in the package/,
      ],
      [
        "relationships of a part that is not there",
        (z) =>
          z.write(
            "xl/worksheets/_rels/sheet99.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
          ),
        /sheet99\.xml\.rels holds relationships of \/xl\/worksheets\/sheet99\.xml, which is not in the package/,
      ],
      [
        "two relationships with one Id",
        (z) =>
          z.write(
            "xl/_rels/workbook.xml.rels",
            (z.text("xl/_rels/workbook.xml.rels") ?? "").replace(/Id="rId2"/, 'Id="rId1"'),
          ),
        /two relationships have the Id rId1/,
      ],
      [
        "an r:id that names no relationship",
        (z) =>
          z.write(
            sheetPart(z),
            (z.text(sheetPart(z)) ?? "").replace('<drawing r:id="rId1"/>', '<drawing r:id="rId7"/>'),
          ),
        /refers to relationship rId7, which it does not have/,
      ],
      [
        "a part nothing refers to",
        (z) =>
          z.write(
            "xl/charts/chart99.xml",
            "<c:chartSpace/>",
            "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
          ),
        /chart99\.xml is in the package but nothing refers to it/,
      ],
      [
        "two parts whose names differ only in case",
        (z) => z.write("XL/styles.xml", "<styleSheet/>"),
        /differ only in case/,
      ],
      [
        "a DTD in the package's XML",
        (z) => z.write("[Content_Types].xml", `<!DOCTYPE Types [<!ENTITY a "b">]>${types(z)}`),
        /declares a DTD/,
      ],
      [
        "a sheet entry with no sheet behind it, and a print name past the last sheet",
        (z) =>
          z.write(
            "xl/workbook.xml",
            (z.text("xl/workbook.xml") ?? "")
              .replace("</sheets>", '<sheet name="Ghost" sheetId="99" r:id="rId99"/></sheets>')
              .replace(/localSheetId="\d+"/, 'localSheetId="42"'),
          ),
        /sheet "Ghost" names rId99, which is not a sheet of the workbook[\s\S]*scoped to sheet 42/,
      ],
    ];
    for (const [what, edit, message] of cases)
      expect({ what, problems: broken(edit).join("\n") }).toEqual({
        what,
        problems: expect.stringMatching(message),
      });
  });
});

describe("[Content_Types].xml follows the final part list", () => {
  const CT =
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/old.xml" ContentType="a/b"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/xml"/></Types>';
  const WS = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

  test("Overrides of parts that are gone go; a part written as a worksheet is typed so, once", () => {
    const out = contentTypesFor(
      CT,
      ["xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/_rels/workbook.xml.rels"],
      new Map([
        ["xl/worksheets/sheet2.xml", WS],
        ["xl/worksheets/sheet3.xml", WS],
        ["xl/_rels/workbook.xml.rels", "application/vnd.openxmlformats-package.relationships+xml"],
      ]),
    );
    expect(out).not.toContain("/xl/old.xml");
    expect(out.match(/sheet2\.xml/g)).toHaveLength(1);
    expect(out).toContain(`<Override PartName="/xl/worksheets/sheet2.xml" ContentType="${WS}"/>`);
    expect(out).toContain(`<Override PartName="/xl/worksheets/sheet3.xml" ContentType="${WS}"/>`);
    // The Default already types the rels part: no Override is added for it.
    expect(out).not.toContain("workbook.xml.rels");
    expect(contentTypesFor(out, ["xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"], new Map())).toBe(
      out,
    );
  });

  test("a problem the workbook already had is not the build's: it is built, and the problem left as it was", async () => {
    // The unchecked build: the suite's hook would (rightly) call this output unsound.
    const { buildWorkbookFile: unchecked } = jest.requireActual<
      typeof import("../src/hosts/file/build-file")
    >("../src/hosts/file/build-file");
    const zip = new ZipPackage(readFileSync(MONTHLY));
    const wb = zip.text("xl/workbook.xml") ?? "";
    const stray =
      '<definedNames><definedName name="Old" localSheetId="42">Scorecard!$A$1</definedName></definedNames>';
    zip.write("xl/workbook.xml", wb.replace("</sheets>", `</sheets>${stray}`));
    const file = join(tmp(), "stray-name.xlsx");
    writeFileSync(file, zip.toBuffer());
    expect(deep(readFileSync(file)).join("\n")).toMatch(/scoped to sheet 42/);
    const out = await unchecked(file, settings, undefined, NOW);
    expect(deep(Buffer.from(out.bytes))).toEqual([
      expect.stringMatching(/defined name Old is scoped to sheet 42/),
    ]);
  });

  test("a build that would leave a problem of its own writes nothing", () => {
    const zip = new ZipPackage(readFileSync(MONTHLY));
    zip.write("xl/extra/part.unknownext", "bytes");
    expect(() => finishPackage(zip, [])).toThrow(
      /would need repair by Excel.*part\.unknownext has no content type/,
    );
  });
});

describe("every build leaves a sound package", () => {
  test("the hooks run: ExcelJS's writer is checked as the file host's build is", async () => {
    const before = checked.count;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Scorecard").getCell("A1").value = "Ref";
    await wb.xlsx.writeBuffer();
    await wb.xlsx.writeFile(join(tmp(), "written.xlsx"));
    expect(checked.count - before).toBe(2);
  });

  test("XmR charts: first build, rebuild and a third; then the charts dropped and drawn again", async () => {
    const before = checked.count;
    const file = await spcFile();
    const first = await buildInPlace(file);
    const second = await buildInPlace(file);
    const third = await buildInPlace(file);
    for (const [what, bytes] of [
      ["first", first],
      ["second", second],
      ["third", third],
    ] as const) {
      expect({ what, problems: deep(bytes) }).toEqual({ what, problems: [] });
      expect(new ZipPackage(bytes).text("xl/workbook.xml")).toContain(CHARTS_SHEET);
    }
    const plain = await buildInPlace(file, noCharts);
    expect(deep(plain)).toEqual([]);
    expect(deep(await buildInPlace(file))).toEqual([]);
    // The setup's hook checked each of these builds too.
    expect(checked.count - before).toBeGreaterThanOrEqual(5);
  });

  test("without charts, and a rich package (chart, pivot, VBA, comments...), first build and rebuild", async () => {
    const monthly = join(tmp(), "monthly.xlsx");
    copyFileSync(MONTHLY, monthly);
    expectSoundPackage(await buildInPlace(monthly), "the first build of the sample");
    expectSoundPackage(await buildInPlace(monthly), "its rebuild");
    const rich = join(tmp(), "rich.xlsm");
    writeFileSync(rich, (await richPackage()).bytes);
    expect(deep(readFileSync(rich))).toEqual([]);
    expectSoundPackage(await buildInPlace(rich), "the first build of the rich package");
    expectSoundPackage(await buildInPlace(rich), "its rebuild");
  });
});
