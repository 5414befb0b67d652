/**
 * The file host's XmR charts: a sheet of the add-in's own with one native line chart per area for
 * focus, each reading a data block on that sheet. Built from scripts/spc-sample.ts (24 months with a
 * step change, a climb and an outlying last month written into the 000 paper's measures).
 */
import ExcelJS from "exceljs";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { spcSampleWorkbook } from "../scripts/spc-sample";
import { analyse } from "../src/engine/judge/assess";
import { CHARTS_SHEET, chartSheetPlan, isChartsMarker } from "../src/engine/paper/chart-sheet";
import { validateSettings } from "../src/engine/config";
import { columnLetter } from "../src/engine/grid";
import { xmrCharts } from "../src/engine/paper/xmr-chart";
import { buildWorkbookFile } from "../src/hosts/file/build-file";
import { ZipPackage } from "../src/hosts/file/zip-package";
import { pdfText, renderChartsSheet, renderToolsPresent } from "../src/hosts/file/render";
import { readSheets, readRels } from "../src/hosts/file/package-parts";
import { MONTHLY } from "./helpers";
import { zipEntries } from "./packages/zip-entries";
import { spcSampleGrid } from "../scripts/spc-sample";

const settings = validateSettings(undefined).settings;
const NOW = new Date(2018, 10, 30, 9, 30);

function tmp(): string {
  return mkdtempSync(join(tmpdir(), "sc-charts-"));
}

async function sample(dir = tmp()): Promise<string> {
  const file = join(dir, "spc.xlsx");
  await spcSampleWorkbook().xlsx.writeFile(file);
  return file;
}

async function build(file: string, s = settings): Promise<{ file: string; parts: Map<string, Buffer> }> {
  const out = await buildWorkbookFile(file, s, undefined, NOW);
  writeFileSync(file, out.bytes);
  const parts = new Map([...zipEntries(Buffer.from(out.bytes))].map(([k, v]) => [k, v.data]));
  return { file, parts };
}

function text(parts: Map<string, Buffer>, name: string): string {
  const b = parts.get(name);
  if (!b) throw new Error(`no part ${name}`);
  return b.toString("utf8");
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (n) => /ser$|dPt$|twoCellAnchor$|Relationship$|:pt$/.test(n),
});

type Node = Record<string, unknown>;
const at = (n: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Node)[k] : undefined), n);

function sheetsOf(parts: Map<string, Buffer>) {
  return readSheets(text(parts, "xl/workbook.xml"), readRels(text(parts, "xl/_rels/workbook.xml.rels")));
}

/** "'Scorecard charts'!$N$8:$N$31" -> the cells' values read back from the built workbook. */
function cellsAt(ws: ExcelJS.Worksheet, ref: string): unknown[] {
  const m = /!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(ref);
  if (!m) throw new Error(`not a reference: ${ref}`);
  const out: unknown[] = [];
  for (let r = Number(m[2]); r <= Number(m[4] ?? m[2]); r++) out.push(ws.getCell(`${m[1]}${r}`).value);
  return out;
}

describe("XmR charts in the file host", () => {
  test("a chart part per area for focus, well-formed, reading its own data block, alt text from the plan", async () => {
    const expected = xmrCharts(analyse(spcSampleGrid(), settings));
    expect(expected.length).toBeGreaterThanOrEqual(3);
    const { file, parts } = await build(await sample());
    const entry = sheetsOf(parts).find((e) => e.name === CHARTS_SHEET);
    expect(entry).toBeDefined();
    const sheetPart = entry?.part ?? "";
    const sheetXml = text(parts, sheetPart);
    expect(sheetXml).toMatch(/<drawing r:id="rId1"\/><\/worksheet>$/);
    const sheetRels = parser.parse(text(parts, sheetPart.replace(/([^/]+)$/, "_rels/$1.rels")));
    const drawingTarget = String(at(sheetRels, "Relationships", "Relationship", "0", "@Target"));
    const drawingPart = resolve("/xl/worksheets", drawingTarget).slice(1);
    const drawingXml = text(parts, drawingPart);
    expect(XMLValidator.validate(drawingXml)).toBe(true);
    const anchors = at(parser.parse(drawingXml), "xdr:wsDr", "xdr:twoCellAnchor") as Node[];
    expect(anchors).toHaveLength(expected.length);
    const drawingRels = at(
      parser.parse(text(parts, drawingPart.replace(/([^/]+)$/, "_rels/$1.rels"))),
      "Relationships",
      "Relationship",
    ) as Node[];
    const types = text(parts, "[Content_Types].xml");
    expect(types).toContain(`PartName="/${drawingPart}"`);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet(CHARTS_SHEET);
    if (!ws) throw new Error("ExcelJS does not see the charts sheet");
    expect(isChartsMarker(ws.getCell(1, 24).value)).toBe(true);

    anchors.forEach((a, i) => {
      const plan = expected[i];
      const frame = at(a, "xdr:graphicFrame", "xdr:nvGraphicFramePr", "xdr:cNvPr") as Node;
      expect(frame["@descr"]).toBe(plan.description);
      expect(frame["@name"]).toBe(plan.title);
      const rId = at(a, "xdr:graphicFrame", "a:graphic", "a:graphicData", "c:chart", "@r:id");
      const rel = drawingRels.find((r) => r["@Id"] === rId);
      const chartPart = resolve("/xl/drawings", String(rel?.["@Target"])).slice(1);
      expect(types).toContain(`PartName="/${chartPart}"`);
      const xml = text(parts, chartPart);
      expect(XMLValidator.validate(xml)).toBe(true);
      const chart = parser.parse(xml);
      const series = at(chart, "c:chartSpace", "c:chart", "c:plotArea", "c:lineChart", "c:ser") as Node[];
      const names = series.map((s) => at(s, "c:tx", "c:strRef", "c:strCache", "c:pt", "0", "c:v"));
      expect(names).toEqual([
        "Value",
        "Average",
        "Lower limit",
        "Upper limit",
        "Target",
        "Improvement",
        "Concern",
        "Unusual",
      ]);
      const special = new Map(plan.special.map((x) => [x.row, x.variation]));
      const only = (kind: string) => plan.rows.map((r, i) => (special.get(i) === kind ? r[1] : null));
      const plotted = [
        ...[1, 2, 3, 4, 5].map((j) => plan.rows.map((r) => r[j])),
        only("special-cause-improvement"),
        only("special-cause-concern"),
        plan.rows.map((r, i) => (/neutral/.test(special.get(i) ?? "") ? r[1] : null)),
      ];
      series.forEach((s, k) => {
        // The series' name, categories and values are the cells of this chart's block, as the plan has them.
        expect(cellsAt(ws, String(at(s, "c:tx", "c:strRef", "c:f")))).toEqual([names[k]]);
        expect(cellsAt(ws, String(at(s, "c:cat", "c:strRef", "c:f")))).toEqual(plan.rows.map((r) => r[0]));
        expect(cellsAt(ws, String(at(s, "c:val", "c:numRef", "c:f")))).toEqual(plotted[k]);
        expect(String(at(s, "c:val", "c:numRef", "c:f"))).toMatch(/^'Scorecard charts'!/);
      });
      // Special causes are series of their own: marks of their own shape in MDC's colour, no line.
      const mark = (s: Node) => [
        at(s, "c:marker", "c:symbol", "@val"),
        at(s, "c:marker", "c:spPr", "a:solidFill", "a:srgbClr", "@val"),
      ];
      expect(series.slice(5).map(mark)).toEqual([
        ["triangle", "00B0F0"],
        ["diamond", "E46C0A"],
        ["square", "490092"],
      ]);
      for (const s of series.slice(5)) expect(at(s, "c:spPr", "a:ln", "a:noFill")).toBeDefined();
      expect(mark(series[0])).toEqual(["circle", "A6A6A6"]);
      expect(at(series[2], "c:spPr", "a:ln", "a:prstDash", "@val")).toBe("dash");
      expect(at(series[1], "c:spPr", "a:ln", "a:prstDash", "@val")).toBe("solid");
      // One key for the sheet: no legend on any chart.
      expect(at(chart, "c:chartSpace", "c:chart", "c:legend")).toBeUndefined();
    });
    // The block's special-cause column says it in words too.
    const words = ws.getColumn(22).values.filter((v) => v === "Improvement" || v === "Concern");
    expect(words.length).toBe(expected.reduce((n, c) => n + c.special.length, 0));
  });

  test("every part the input had, but the bookkeeping, comes out byte for byte; only our parts are new", async () => {
    const file = await sample();
    const before = zipEntries(readFileSync(file));
    const { parts } = await build(file);
    const bookkeeping = [
      "[Content_Types].xml",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
    ];
    for (const [name, entry] of before) {
      if (bookkeeping.includes(name)) continue;
      expect({ name, same: parts.get(name)?.equals(entry.data) }).toEqual({ name, same: true });
    }
    const added = [...parts.keys()].filter((k) => !before.has(k)).sort();
    for (const k of added)
      expect(k).toMatch(
        /^xl\/(worksheets\/(_rels\/)?sheet\d+\.xml(\.rels)?|charts\/chart\d+\.xml|drawings\/(_rels\/)?drawing\d+\.xml(\.rels)?)$/,
      );
    expect(added.filter((k) => /charts\/chart/.test(k))).toHaveLength(
      xmrCharts(analyse(spcSampleGrid(), settings)).length,
    );
  });

  test("a rebuild replaces the charts, it does not accumulate them", async () => {
    const first = await build(await sample());
    const again = await build(first.file);
    expect([...again.parts.keys()].sort()).toEqual([...first.parts.keys()].sort());
    expect(sheetsOf(again.parts).filter((e) => e.name.startsWith(CHARTS_SHEET))).toHaveLength(1);
    for (const [k, v] of first.parts)
      if (/charts\/|drawings\//.test(k)) expect(again.parts.get(k)?.equals(v)).toBe(true);
  });

  test("parts Excel adds to our charts when the analyst saves (chart style and colours) go with them", async () => {
    const first = await build(await sample());
    const zip = new ZipPackage(readFileSync(first.file));
    const chart = [...first.parts.keys()].find((k) => /^xl\/charts\/chart\d+\.xml$/.test(k)) ?? "";
    const rels = chart.replace(/([^/]+)$/, "_rels/$1.rels");
    zip.write(
      "xl/charts/style1.xml",
      '<?xml version="1.0"?><cs:chartStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" id="227"/>',
    );
    zip.write(
      "xl/charts/colors1.xml",
      '<?xml version="1.0"?><cs:colorStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" meth="cycle" id="10"/>',
    );
    zip.write(
      rels,
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2011/relationships/chartColorStyle" Target="colors1.xml"/>' +
        '<Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/chartStyle" Target="style1.xml"/></Relationships>',
    );
    const types = zip.text("[Content_Types].xml") ?? "";
    zip.write(
      "[Content_Types].xml",
      types.replace(
        "</Types>",
        '<Override PartName="/xl/charts/style1.xml" ContentType="application/vnd.ms-office.chartstyle+xml"/><Override PartName="/xl/charts/colors1.xml" ContentType="application/vnd.ms-office.chartcolorstyle+xml"/></Types>',
      ),
    );
    writeFileSync(first.file, zip.toBuffer());
    const again = await build(first.file);
    expect([...again.parts.keys()].sort()).toEqual([...first.parts.keys()].sort());
    expect(text(again.parts, "[Content_Types].xml")).not.toMatch(/style1|colors1/);
  });

  test("no area for focus with SPC: no charts sheet; an old one of ours is removed cleanly", async () => {
    const dir = tmp();
    const seed = join(dir, "monthly.xlsx");
    copyFileSync(MONTHLY, seed);
    const plain = await build(seed);
    expect(sheetsOf(plain.parts).map((e) => e.name)).not.toContain(CHARTS_SHEET);
    expect([...plain.parts.keys()].filter((k) => /charts\/|drawings\//.test(k))).toEqual([]);

    const withCharts = await build(await sample(dir));
    expect(sheetsOf(withCharts.parts).map((e) => e.name)).toContain(CHARTS_SHEET);
    const fewer = { ...settings, spc: { ...settings.spc, minPoints: 100 } };
    const without = await build(withCharts.file, fewer);
    expect(sheetsOf(without.parts).map((e) => e.name)).not.toContain(CHARTS_SHEET);
    expect([...without.parts.keys()].filter((k) => /charts\/|drawings\//.test(k))).toEqual([]);
    const types = text(without.parts, "[Content_Types].xml");
    expect(types).not.toMatch(/drawing\+xml|chart\+xml/);
    const wbXml = text(without.parts, "xl/workbook.xml");
    // Every print name still points at a sheet that exists.
    const count = sheetsOf(without.parts).length;
    for (const m of wbXml.matchAll(/localSheetId="(\d+)"/g)) expect(Number(m[1])).toBeLessThan(count);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(without.file);
    expect(wb.worksheets.map((w) => w.name)).not.toContain(CHARTS_SHEET);
  });

  test("a foreign sheet named like ours is left alone; ours goes beside it", async () => {
    const dir = tmp();
    const file = join(dir, "spc.xlsx");
    const wb = spcSampleWorkbook();
    const foreign = wb.addWorksheet("scorecard CHARTS");
    foreign.getCell("A1").value = "My own notes";
    await wb.xlsx.writeFile(file);
    const before = zipEntries(Buffer.from(await wb.xlsx.writeBuffer()));
    const { parts } = await build(file);
    const sheets = sheetsOf(parts);
    const mine = sheets.find((e) => e.name === "scorecard CHARTS");
    expect(mine).toBeDefined();
    expect(sheets.map((e) => e.name)).toContain(`${CHARTS_SHEET} (2)`);
    const part = mine?.part ?? "";
    expect(parts.get(part)?.equals(before.get(part)?.data ?? Buffer.alloc(0))).toBe(true);
    expect(parts.has(part.replace(/([^/]+)$/, "_rels/$1.rels"))).toBe(false);
    // A second build finds ours again by its marker and still leaves the foreign one be.
    const again = await build(file);
    expect(
      sheetsOf(again.parts)
        .map((e) => e.name)
        .sort(),
    ).toEqual(sheets.map((e) => e.name).sort());
  });

  test("the layout: charts down the printed page, two to a page; their data blocks to the right", () => {
    const plan = chartSheetPlan(xmrCharts(analyse(spcSampleGrid(), settings)));
    if (!plan) throw new Error("no charts");
    const area = plan.plan.print.printArea;
    for (const p of plan.charts) {
      expect(plan.plan.values[p.headerRow][p.periodColumn]).toBe("Period");
      expect(p.lastRow - p.firstRow + 1).toBe(p.chart.rows.length);
      expect(p.axis.min).toBeLessThanOrEqual(Math.min(...p.chart.rows.map((r) => Math.min(r[1], r[3]))));
      expect(p.axis.max).toBeGreaterThanOrEqual(Math.max(...p.chart.rows.map((r) => Math.max(r[1], r[4]))));
      expect(columnLetter(p.periodColumn)).toBe("M");
      // The chart prints across the page; its data does not print.
      expect([p.anchor.left, p.anchor.right]).toEqual([area.left, area.right]);
      expect(p.anchor.bottom).toBeLessThanOrEqual(area.bottom);
      expect(p.periodColumn).toBeGreaterThan(area.right);
    }
    for (let i = 1; i < plan.charts.length; i++) {
      expect(plan.charts[i].anchor.top).toBeGreaterThan(plan.charts[i - 1].anchor.bottom);
      expect(plan.charts[i].headerRow).toBeGreaterThan(plan.charts[i - 1].lastRow);
    }
    // Every page but the last holds two charts, none cut across a break.
    const starts = [0, ...plan.plan.pageBreaks];
    const perPage = starts.map(
      (top, k) =>
        plan.charts.filter((c) => c.anchor.top >= top && c.anchor.bottom < (starts[k + 1] ?? Infinity))
          .length,
    );
    expect(perPage.reduce((a, b) => a + b, 0)).toBe(plan.charts.length);
    for (const n of perPage.slice(0, -1)) expect(n).toBe(2);
  });
});

const requireTools = process.env.SCORECARD_REQUIRE_TOOLS === "1";
const lo = renderToolsPresent() || requireTools ? test : test.skip;

describe("a real spreadsheet program draws them", () => {
  lo(
    "LibreOffice renders the charts sheet alone: pages with every chart's title, the key, no chart cut across pages",
    async () => {
      const dir = tmp();
      const { file } = await build(await sample(dir));
      const r = await renderChartsSheet(file, join(dir, "render"), 40);
      const charts = xmrCharts(analyse(spcSampleGrid(), settings));
      expect(r.pngs.length).toBeGreaterThanOrEqual(1);
      const texts = r.pngs.map((_, i) => pdfText(r.pdf, i + 1));
      expect(texts[0]).toMatch(/XmR charts: areas for focus/);
      // The one key, at the top of every page, once.
      for (const t of texts) expect(t.match(/blue: special cause improvement/g)).toHaveLength(1);
      // Each chart prints whole on one page, two to a page: its title and its first and last periods.
      for (const c of charts) {
        const page = texts.find((t) => t.includes(c.title.split(":")[0]));
        expect({ title: c.title, found: page !== undefined }).toEqual({ title: c.title, found: true });
        expect(page).toContain(c.rows[0][0]);
        expect(page).toContain(c.rows[c.rows.length - 1][0]);
      }
      expect(r.pngs.length).toBe(Math.ceil(charts.length / 2));
    },
    240000,
  );
});

test("a locked workbook structure refuses a new charts sheet as it refuses a new committee sheet, and the file is unchanged", async () => {
  // First a paper with no charts (too few points asked for), then the analyst locks the structure.
  const { file } = await build(await sample(), { ...settings, spc: { ...settings.spc, minPoints: 1000 } });
  const zip = new ZipPackage(readFileSync(file));
  const wb = zip.text("xl/workbook.xml") ?? "";
  zip.write("xl/workbook.xml", wb.replace(/<sheets>/, '<workbookProtection lockStructure="1"/><sheets>'));
  writeFileSync(file, zip.toBuffer());
  const before = readFileSync(file);
  await expect(buildWorkbookFile(file, settings, undefined, NOW)).rejects.toThrow(
    /protected workbook structure/,
  );
  expect(readFileSync(file).equals(before)).toBe(true);
});
