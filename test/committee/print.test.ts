/**
 * The paper as printed, read back from the PDF the way a councillor meets it: every sample's committee
 * sheet (every workbook in seeds/, the demo among them, the SPC sample and four corpus layouts) through
 * LibreOffice, then measured with pdftotext -bbox by the rules of print-check.ts: page 1 holds the RAG
 * counts and the areas for focus; every table page but the last carries at least 8 indicators; no page
 * but the summary and the last is more than half blank; no indicator is split across pages; nothing
 * prints below 9 pt; every number printed is one the plan wrote. print-check.test.ts shows the same
 * rules failing on broken layouts.
 */
import { copyFileSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateSettings } from "../../src/engine/config";
import type { Analysis } from "../../src/engine/judge/assess";
import { buildCommitteeSheet } from "../../src/hosts/file/build";
import { renderCommitteeSheet, renderToolsPresent } from "../../src/hosts/file/render";
import { spcSampleWorkbook } from "../../scripts/spc-sample";
import { ROOT, SEEDS, readBook } from "../helpers";
import { Word, pdfWords } from "./pdf-layout";
import { PaperExpected, checkPrint, shownNumber, unplannedNumbers } from "./print-check";

const requireTools = process.env.SCORECARD_REQUIRE_TOOLS === "1";
const lo = renderToolsPresent() || requireTools ? test : test.skip;
const settings = validateSettings(undefined).settings;
jest.setTimeout(240_000);

const SPC_SAMPLE = "spc-sample";

interface Printed {
  words: Word[];
  analysis: Analysis;
  planned: string[];
}

async function render(seed: string): Promise<Printed> {
  const dir = mkdtempSync(join(tmpdir(), "scorecard-print-"));
  const file = join(dir, "scorecard.xlsx");
  if (seed === SPC_SAMPLE) await spcSampleWorkbook().xlsx.writeFile(file);
  else copyFileSync(seed, file);
  const wb = await readBook(file);
  const { analysis, sheetName } = await buildCommitteeSheet(
    wb,
    settings,
    undefined,
    new Date(2018, 10, 30, 9, 30),
  );
  await wb.xlsx.writeFile(file);
  const r = await renderCommitteeSheet(file, join(dir, "render"), 30);
  const planned = plannedText(wb.getWorksheet(sheetName));
  return { words: pdfWords(r.pdf), analysis, planned };
}

/** Every cell of the committee sheet as Excel shows it, with the header and footer. */
function plannedText(ws: ReturnType<Awaited<ReturnType<typeof readBook>>["getWorksheet"]>): string[] {
  const out: string[] = [];
  ws?.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell((cell) => {
      const v = cell.value;
      if (typeof v === "number") out.push(shownNumber(v, cell.numFmt));
      else if (v !== null && v !== undefined) out.push(cell.text);
    }),
  );
  const hf = ws?.headerFooter;
  out.push(hf?.oddHeader ?? "", hf?.oddFooter ?? "");
  return out;
}

function expectedOf(a: Analysis): PaperExpected {
  const count = (band: string) => a.indicators.filter((i) => i.band === band).length;
  return {
    counts: { red: count("red"), amber: count("amber"), green: count("green"), none: count("none") },
    // A long reference may wrap at its space; its first word is enough to find it.
    focus: a.indicators
      .filter((i) => i.band === "red" || i.band === "amber")
      .map((i) => i.ref?.split(/\s+/)[0] ?? i.title.split(/\s+/).slice(0, 2).join(" ")),
    indicators: a.indicators.length,
    sections: a.sections,
  };
}

const corpus = (f: string) => join(ROOT, "test", "fixtures", "corpus", f);
const seeds = readdirSync(SEEDS)
  .filter((f) => f.endsWith(".xlsx"))
  .map((f) => [`seed ${f}`, join(SEEDS, f)]);

describe.each([
  ...seeds,
  ["SPC sample", SPC_SAMPLE],
  // Four layouts of the corpus: benchmarks and arrows, a bilingual sheet, quarters under years, and
  // national and neighbour averages beside comment rows.
  ["corpus benchmarks-and-arrows", corpus("benchmarks-and-arrows.xlsx")],
  ["corpus welsh-bilingual-merged-year", corpus("welsh-bilingual-merged-year.xlsx")],
  ["corpus quarters-under-merged-year", corpus("quarters-under-merged-year.xlsx")],
  ["corpus comment-rows-nat-ave", corpus("comment-rows-nat-ave.xlsx")],
])("the %s paper printed on A4 landscape", (name, seed) => {
  let printed: Printed | undefined;
  beforeAll(async () => {
    if (renderToolsPresent() || requireTools) printed = await render(seed);
  });

  lo("passes every rule of the print check", () => {
    const p = printed as Printed;
    const { problems, figures } = checkPrint(p.words, expectedOf(p.analysis));
    if (process.env.SCORECARD_PRINT_FIGURES) console.log(`${name}: ${JSON.stringify(figures)}`);
    expect(problems).toEqual([]);
    expect(figures.smallestPt).toBeGreaterThanOrEqual(8.95);
  });

  lo("prints every number as the plan wrote it: none cut, none made up by the renderer", () => {
    const p = printed as Printed;
    expect(unplannedNumbers(p.words, p.planned)).toEqual([]);
  });
});
