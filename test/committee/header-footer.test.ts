/**
 * Header and footer text is code to Excel: "&N" is the page count, "&P" the page number, "&D" the
 * date. A title from the source ("Bath & North East Somerset", "B&NES") is written literally, with
 * every ampersand doubled, by both hosts and by the in-memory ExcelJS path; only the plan's own
 * "Page &P of &N" is code.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateSettings } from "../../src/engine/config";
import { buildCommitteeSheet } from "../../src/hosts/file/build";
import { buildWorkbookFile } from "../../src/hosts/file/build-file";
import { unescapeXml } from "../../src/hosts/file/package-parts";
import { modelOfGrid } from "../fake-excel/fake-excel";
import { refreshOn, NOW } from "../office/run-refresh";
import { zipEntries } from "../packages/zip-entries";
import { gridOf, pct } from "../helpers";
import type { Grid } from "../../src/engine/grid";

const settings = validateSettings(undefined).settings;
const TITLE = "B&NES (Bath & North East Somerset) children's scorecard &P&D";

const grid: Grid = gridOf(
  [
    [TITLE],
    ["Ref", "Measure", "Current", "Target"],
    ["1.1", "Visits in time", pct(0.8), pct(0.9)],
    ["1.2", "Plans reviewed", pct(0.95), pct(0.9)],
  ],
  "Scorecard",
);

/**
 * A header/footer string read as Excel reads it: the text of each section (&L, &C, &R), with fields
 * (&P, &N, &D...) shown as {P}, {N}, {D} and formatting codes (&9, &B, &"font") dropped.
 */
function sections(code: string): Record<"L" | "C" | "R", string> {
  const out = { L: "", C: "", R: "" };
  let at: "L" | "C" | "R" = "C";
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch !== "&") {
      out[at] += ch;
      continue;
    }
    const next = code[++i] ?? "";
    if (next === "&") out[at] += "&";
    else if (next === "L" || next === "C" || next === "R") at = next;
    else if ("PNDTFAZG".includes(next)) out[at] += `{${next}}`;
    else if (/\d/.test(next)) while (/\d/.test(code[i + 1] ?? "")) i++;
    else if (next === '"') i = code.indexOf('"', i + 1);
  }
  return out;
}

async function xlsxOf(g: Grid): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(g.sheet);
  g.rows.forEach((row, r) =>
    row.forEach((c, col) => {
      if (c.value === null || typeof c.value === "object") return;
      const cell = ws.getCell(r + 1, col + 1);
      cell.value = c.value;
      if (c.format) cell.numFmt = c.format;
    }),
  );
  const path = join(mkdtempSync(join(tmpdir(), "sc-hf-")), "scorecard.xlsx");
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  return path;
}

function expectLiteralTitle(footer: string, header: string): void {
  const left = sections(footer).L;
  expect(left.startsWith(TITLE.slice(0, 40))).toBe(true);
  expect(left).not.toMatch(/\{[PND]\}/);
  expect(sections(footer).R).toBe("Page {P} of {N}");
  expect(sections(header).C).toMatch(/^Key: /);
}

describe("header and footer text from the source is literal", () => {
  test("the command line's package", async () => {
    const out = await buildWorkbookFile(await xlsxOf(grid), settings, "Scorecard", NOW);
    const parts = zipEntries(Buffer.from(out.bytes));
    const sheet = [...parts.values()].find((p) => p.data.includes("scorecard:committee"));
    const xml = sheet?.data.toString("utf8") ?? "";
    const footer = unescapeXml(/<oddFooter>([^<]*)<\/oddFooter>/.exec(xml)?.[1] ?? "");
    const header = unescapeXml(/<oddHeader>([^<]*)<\/oddHeader>/.exec(xml)?.[1] ?? "");
    expect(footer).toContain("B&&NES");
    expectLiteralTitle(footer, header);
  });

  test("the in-memory ExcelJS path", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await xlsxOf(grid));
    const outcome = await buildCommitteeSheet(wb, settings, "Scorecard", NOW);
    const ws = wb.getWorksheet(outcome.sheetName);
    const hf = ws?.headerFooter ?? {};
    expectLiteralTitle(hf.oddFooter ?? "", hf.oddHeader ?? "");
  });

  test("inside Excel", async () => {
    const model = modelOfGrid(grid);
    await refreshOn(model, settings);
    const c = model.sheet("Committee");
    if (!c) throw new Error("no committee sheet");
    expect(c.footer.left).toContain("B&&NES");
    expectLiteralTitle(`&L${c.footer.left ?? ""}&R${c.footer.right ?? ""}`, `&C${c.footer.header ?? ""}`);
  });
});
