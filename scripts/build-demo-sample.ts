/**
 * The demo's sample: one English local authority's annual children's social care scorecard, thirteen
 * years (2012/13 to 2024/25) long, so that SPC and the XmR charts show. Every figure is the Department
 * for Education's published statistic for that authority (Open Government Licence v3.0); each target is
 * the average of its ten statistical neighbours in 2024/25, the comparison committees most often set,
 * and England's figure stands beside it as a benchmark.
 *
 *   npx tsx scripts/build-demo-sample.ts            seeds/annual-scorecard.xlsx from the committed figures
 *   npx tsx scripts/build-demo-sample.ts --extract  the figures again from the Department's CSVs first
 *
 * --extract reads the CSVs from $DFE_CSC_DIR (by default the project's data/dfe-csc, an unchanged copy
 * of dfe-analytical-services/CSC_outcomes_and_enablers data-raw/) into seeds/annual-scorecard.figures.json;
 * only those figures are committed with the sample, never a second copy of the CSVs.
 */
import ExcelJS from "exceljs";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DemoFigures, extractFigures } from "./demo-figures";

export const SAMPLE = join(__dirname, "..", "seeds", "annual-scorecard.xlsx");
export const FIGURES = join(__dirname, "..", "seeds", "annual-scorecard.figures.json");
/** The Department's CSVs as the project keeps them (data/dfe-csc), or the shared copy they came from. */
export const DFE_CSC_DIR =
  [join(__dirname, "..", "data", "dfe-csc"), "/work/shared/benchmarks/dfe-csc"].find((d) =>
    existsSync(join(d, "sn_model_2025_wide.csv")),
  ) ?? join(__dirname, "..", "data", "dfe-csc");
const FIXED_DATE = new Date(Date.UTC(2025, 11, 1, 9, 0, 0));
const HEADER_ROW = 5;

type Cell = string | number | null;

/** A percentage as a workbook holds it: the fraction, shown to the published decimals. */
function percentCell(c: ExcelJS.Cell, v: number, decimals: number): void {
  c.value = Math.round(v * 10 ** decimals) / 10 ** (decimals + 2);
  c.numFmt = decimals ? `0.${"0".repeat(decimals)}%` : "0%";
}

function put(c: ExcelJS.Cell, v: Cell, unit: string, decimals: number): void {
  if (typeof v === "number" && unit === "percent") percentCell(c, v, decimals);
  else {
    c.value = v;
    if (typeof v === "number") c.numFmt = decimals ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
  }
}

function header(f: DemoFigures): string[] {
  return ["Ref", "Indicator", "Good is", "Num", "Denom", ...f.years, "Target", "England"];
}

function writeIndicators(ws: ExcelJS.Worksheet, f: DemoFigures): void {
  let r = HEADER_ROW + 1;
  let section = "";
  for (const i of f.indicators) {
    if (i.section !== section) {
      section = i.section;
      ws.getCell(r, 1).value = section;
      ws.getCell(r, 1).font = { bold: true };
      r++;
    }
    const row: [number, Cell, string][] = [
      [1, i.ref, "text"],
      [2, i.title, "text"],
      [3, i.goodIs, "text"],
      [4, i.num, "number"],
      [5, i.denom, "number"],
      ...f.years.map((y, n): [number, Cell, string] => [6 + n, i.series[y] ?? null, i.unit]),
      [6 + f.years.length, i.target, i.unit],
      [7 + f.years.length, i.england, i.unit],
    ];
    for (const [col, v, unit] of row)
      if (v !== null && v !== "") put(ws.getCell(r, col), v, unit, i.decimals);
    r++;
  }
}

export function buildDemoWorkbook(f: DemoFigures): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Scorecard demo sample builder";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = wb.addWorksheet("Scorecard");
  ws.getCell("A1").value = `${f.la}: children's social care performance scorecard`;
  ws.getCell("A1").font = { bold: true, size: 14 };
  const latest = f.years[f.years.length - 1];
  ws.getCell("A2").value = `Annual report ${latest}: each year ends on 31 March`;
  ws.getCell("A3").value =
    "Targets: the average of our ten statistical neighbours in the latest year. Num and Denom are the latest year's.";
  header(f).forEach((h, n) => {
    const c = ws.getCell(HEADER_ROW, n + 1);
    c.value = h;
    c.font = { bold: true };
  });
  writeIndicators(ws, f);
  ws.getColumn(2).width = 60;
  const notes = wb.addWorksheet("Notes");
  f.notes.forEach((line, n) => (notes.getCell(n + 1, 1).value = line));
  return wb;
}

async function main(): Promise<void> {
  if (process.argv.includes("--extract") || !existsSync(FIGURES)) {
    const dir = process.env.DFE_CSC_DIR ?? DFE_CSC_DIR;
    const figures = extractFigures(dir);
    // Written as the project's Prettier writes JSON, so lint passes on the committed file.
    // Loaded here, not at the top: the tests import this file, and jest cannot load Prettier's ESM.
    const { format, resolveConfig } = await import("prettier");
    const options = (await resolveConfig(FIGURES)) ?? {};
    writeFileSync(FIGURES, await format(JSON.stringify(figures), { ...options, parser: "json" }));
    console.log(`${FIGURES} from ${dir}`);
  }
  const figures = JSON.parse(readFileSync(FIGURES, "utf8")) as DemoFigures;
  await buildDemoWorkbook(figures).xlsx.writeFile(SAMPLE);
  console.log(SAMPLE);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
