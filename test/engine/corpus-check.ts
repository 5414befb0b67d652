/**
 * Reading a corpus workbook the way a user's `scorecard analyse file.xlsx` does (open it, let the file
 * host choose the sheet, analyse), and comparing the reading with the hand expectations.
 */
import type ExcelJS from "exceljs";
import { analyse, Analysis, Assessment } from "../../src/engine/judge/assess";
import { chooseScorecardSheet } from "../../src/engine/read/choose-sheet";
import { worksheetToGrid } from "../../src/hosts/file/read-grid";
import { chooseSheet } from "../../src/hosts/file/workbook";
import { WorkbookPackage } from "../../src/hosts/file/workbook-package";
import { ExpectedIndicator, ExpectedReading, periodKey } from "./corpus-expectations";

/** No sheet named, no settings: the command line's own path, from the file's bytes. */
export async function analyseFileAsUser(file: string): Promise<Analysis> {
  return analyse((await chooseSheet(WorkbookPackage.open(file))).grid);
}

/**
 * The same for a workbook held in memory: the engine's sheet choice (the one both hosts call) over every
 * sheet's cells, hidden or not. No corpus workbook holds the add-in's own sheets, which the host skips.
 */
export function analyseBookAsUser(wb: ExcelJS.Workbook): Analysis {
  return analyse(chooseScorecardSheet(wb.worksheets.map(worksheetToGrid)).grid);
}

const round = (x: number | null | undefined): number | null =>
  x === null || x === undefined ? null : Math.round(x * 1e6) / 1e6;
const words = (s: string): string => s.replace(/\s+/g, " ").trim();

export function describeIndicators(a: Analysis): string {
  return a.indicators.map((i) => `row ${i.row}: ${i.title.slice(0, 50)}`).join(" | ");
}

function byRow(a: Analysis, e: ExpectedIndicator): Assessment {
  const i = a.indicators.find((x) => x.row === e.row);
  if (!i)
    throw new Error(`no indicator on row ${e.row} ('${e.title}') in '${a.sheet}': ${describeIndicators(a)}`);
  return i;
}

/**
 * The rows, titles and period series: what must hold whatever the header words say. `seriesExcused`
 * lets a reading that says it is unsure read another series where only the words could tell.
 */
export function checkStructure(a: Analysis, e: ExpectedReading, seriesExcused = false): void {
  expect({ sheet: a.sheet }).toEqual({ sheet: e.sheet });
  expect(a.indicators.map((i) => i.row).sort((x, y) => x - y)).toEqual(
    e.indicators.map((i) => i.row).sort((x, y) => x - y),
  );
  if (e.periods && !seriesExcused) expect(a.periods.map(periodKey)).toEqual(e.periods.map(periodKey));
  for (const want of e.indicators) {
    const got = byRow(a, want);
    expect({ row: want.row, title: words(got.title) }).toEqual({ row: want.row, title: words(want.title) });
    if (want.series && !seriesExcused)
      expect({ row: want.row, series: got.series.map(round) }).toEqual({
        row: want.row,
        series: want.series.map(round),
      });
  }
}

export interface Difference {
  row: number;
  field: "value" | "unit" | "polarity" | "band" | "section";
  got: unknown;
  want: unknown;
}

/** Where the reading's value, unit, polarity, band or section differ from what the paper says. */
export function differences(a: Analysis, e: ExpectedReading): Difference[] {
  const out: Difference[] = [];
  for (const want of e.indicators) {
    const got = byRow(a, want);
    const pairs: [Difference["field"], unknown, unknown][] = [
      ["value", round(got.value), want.value === undefined ? undefined : round(want.value)],
      ["unit", got.unit, want.unit],
      ["polarity", got.polarity, want.polarity],
      ["band", got.band, want.band],
      ["section", got.section, want.section],
    ];
    for (const [field, g, w] of pairs)
      if (w !== undefined && g !== w) out.push({ row: want.row, field, got: g, want: w });
  }
  return out;
}

/** Every hand expectation: the structure, then each value, unit, polarity, band and section stated. */
export function checkReading(a: Analysis, e: ExpectedReading): void {
  checkStructure(a, e);
  expect(differences(a, e)).toEqual([]);
}
