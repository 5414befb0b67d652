/**
 * A thousand generated scorecard workbooks (test/fixtures/corpus/generator.ts) whose reading is known
 * by construction, each read the way `scorecard analyse file.xlsx` reads a workbook: the file host
 * chooses the sheet, the engine reads it. The workbooks are built in memory (ExcelJS, no file I/O);
 * a few go through real .xlsx bytes on disk. A header-blind pass over a further set checks that the
 * rows and titles do not hang on the words.
 */
import fc from "fast-check";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Analysis } from "../../src/engine/judge/assess";
import { blindWorkbook } from "../fixtures/corpus/blind";
import { Generated, generatedArb } from "../fixtures/corpus/generator";
import { packageBytes, workbookOf } from "../fixtures/corpus/write";
import { periodKey } from "./corpus-expectations";
import { analyseBookAsUser, analyseFileAsUser } from "./corpus-check";

const round = (x: number | null) => (x === null ? null : Math.round(x * 1e6) / 1e6);

/** What differs between the reading and the workbook as built; empty when it reads as built. */
function misreadings(a: Analysis, g: Generated, full = true): string[] {
  const out: string[] = [];
  if (a.sheet !== g.sheet) out.push(`read sheet '${a.sheet}', not '${g.sheet}'`);
  const rows = a.indicators.map((i) => i.row).sort((x, y) => x - y);
  const want = g.indicators.map((i) => i.row).sort((x, y) => x - y);
  if (JSON.stringify(rows) !== JSON.stringify(want)) out.push(`indicator rows ${rows} instead of ${want}`);
  if (full && JSON.stringify(a.periods.map(periodKey)) !== JSON.stringify(g.periods.map(periodKey)))
    out.push(`periods ${JSON.stringify(a.periods)} instead of ${JSON.stringify(g.periods)}`);
  for (const w of g.indicators) {
    const i = a.indicators.find((x) => x.row === w.row);
    if (!i) continue;
    if (i.title.trim() !== w.title) out.push(`row ${w.row} titled '${i.title}'`);
    if (!full) continue;
    if (JSON.stringify(i.series.map(round)) !== JSON.stringify(w.series.map(round)))
      out.push(`row ${w.row} series ${JSON.stringify(i.series)} instead of ${JSON.stringify(w.series)}`);
    if (round(i.value) !== round(w.value)) out.push(`row ${w.row} value ${i.value} instead of ${w.value}`);
  }
  return out;
}

function readsAsBuilt(g: Generated, analysis: () => Analysis, full = true): void {
  let a: Analysis;
  try {
    a = analysis();
  } catch (e) {
    throw new Error(
      `refused (${(e as Error).message.split("\n")[0]}) a workbook built as: ${g.story.join("; ")}`,
    );
  }
  const wrong = misreadings(a, g, full);
  if (wrong.length) throw new Error(`${wrong.slice(0, 4).join("; ")} - built as: ${g.story.join("; ")}`);
}

describe("generated scorecard workbooks read as they were built", () => {
  test("1,000 workbooks in memory: sheet, indicator rows, titles, periods, series and current value", () => {
    fc.assert(
      fc.property(generatedArb, (g) => readsAsBuilt(g, () => analyseBookAsUser(workbookOf(g.spec)))),
      { numRuns: 1000, seed: 20260322, endOnFailure: true },
    );
  });

  test("a few through real .xlsx bytes on disk", async () => {
    const dir = mkdtempSync(join(tmpdir(), "scorecard-generated-"));
    try {
      const samples = fc.sample(generatedArb, { numRuns: 6, seed: 7 });
      for (const [k, g] of samples.entries()) {
        const file = join(dir, `generated-${k}.xlsx`);
        writeFileSync(file, await packageBytes(workbookOf(g.spec)));
        const a = await analyseFileAsUser(file);
        readsAsBuilt(g, () => a);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("300 header-blind workbooks: never refused, the same indicator rows and titles", () => {
    fc.assert(
      fc.property(generatedArb, fc.nat(10000), (g, salt) =>
        readsAsBuilt(g, () => analyseBookAsUser(workbookOf(blindWorkbook(g.spec, salt))), false),
      ),
      { numRuns: 300, seed: 11, endOnFailure: true },
    );
  });

  test("the generator itself: every workbook has its measures where it says, and varied shapes", () => {
    const samples = fc.sample(generatedArb, { numRuns: 200, seed: 3 });
    for (const g of samples) for (const i of g.indicators) expect(i.row).toBeGreaterThan(0);
    const stories = samples.map((g) => g.story.join("; "));
    for (const feature of [
      "Contents",
      "(hidden)",
      "(veryHidden)",
      "formula values",
      "one block per indicator",
      "3 table(s)",
    ])
      expect(stories.some((s) => s.includes(feature))).toBe(true);
    for (const form of ["excel-month", "fy-months", "bare-year", "actual-fy", "outturn-fy", "qtr", "fy-dash"])
      expect(stories.some((s) => s.includes(`periods ${form} `))).toBe(true);
  });
});
