/**
 * Header-blind reading (issue 22): every corpus workbook, old and gathered, with each header word and
 * each title or note above its tables replaced by a meaningless token (period labels and dates kept),
 * must still be read with the same indicator rows, titles and period series as the hand expectations,
 * through the same sheet choice as `scorecard analyse file.xlsx`. It must never refuse. What only the
 * words could tell (which numeric column is the target, which column says the polarity) may come out
 * differently, but then the reading must say it is unsure (its level below "high", or the column
 * concerned below the confirmation threshold) rather than be wrong and sure.
 *
 * The tokens change with a salt and contain no vowels, so no word list can learn them.
 */
import type { Analysis } from "../../src/engine/judge/assess";
import { columnLetter } from "../../src/engine/grid";
import { CONFIRM_BELOW } from "../../src/engine/read/reading";
import type { Role } from "../../src/engine/read/roles";
import { Blinder, blindWorkbook } from "../fixtures/corpus/blind";
import type { WorkbookSpec } from "../fixtures/corpus/spec";
import { workbookOf } from "../fixtures/corpus/write";
import { ALL_EXPECTED, ALL_SPECS, specNamed } from "./corpus-expectations";
import { Difference, analyseBookAsUser, checkStructure, differences } from "./corpus-check";

const SALTS = [11, 2026];

/** The columns whose reading decides each field; an unsure one excuses a difference in that field. */
const DECIDES: Record<Difference["field"], Role[]> = {
  value: ["current", "period"],
  unit: ["unit", "current", "period"],
  polarity: ["polarity", "target", "min", "upper"],
  band: ["target", "min", "upper", "polarity", "current", "period"],
  section: [],
};

/** The spec's column ids that hold a target, a polarity or the council's own status, by field. */
const PAPER_COLUMNS: Partial<Record<Difference["field"], string[]>> = {
  band: ["tgt", "qtgt", "tq4", "min", "up", "floor", "pol", "dir", "aim", "trend", "good"],
  polarity: ["pol", "dir", "aim", "trend", "good", "tgt", "qtgt", "min", "up", "floor"],
};

/** Column letters of the spec's columns on the sheet read, by column id. */
function lettersOf(spec: WorkbookSpec, sheet: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const b of spec.sheets.find((s) => s.name === sheet)?.blocks ?? [])
    if ("table" in b)
      b.table.columns.forEach((c, i) =>
        out.set(c.id, [...(out.get(c.id) ?? []), columnLetter((b.left ?? 0) + i)]),
      );
  return out;
}

/**
 * Whether the reading says it is unsure of what decides this field: the sheet's reading below "high",
 * a column read in a role that decides it below the confirmation threshold, or the paper's own column
 * for it (a target, a polarity) left unread or read below the threshold.
 */
function unsure(a: Analysis, field: Difference["field"], letters: Map<string, string[]>): boolean {
  if (a.reading.level !== "high") return true;
  if (
    a.columns.some((c) => c.role !== null && DECIDES[field].includes(c.role) && c.confidence < CONFIRM_BELOW)
  )
    return true;
  const paper = (PAPER_COLUMNS[field] ?? []).flatMap((id) => letters.get(id) ?? []);
  return a.columns.some((c) => paper.includes(c.letter) && (c.role === null || c.confidence < CONFIRM_BELOW));
}

test("every corpus workbook has hand expectations to be held to", () => {
  expect(ALL_EXPECTED.map((e) => e.layout).sort()).toEqual(ALL_SPECS.map((s) => s.name).sort());
});

test("blinding keeps period labels and dates and leaves no header word standing", () => {
  const b = new Blinder(11);
  expect(b.text("Actual 2017/18")).toMatch(/^[B-Z][b-z]{3,} 2017\/18$/);
  expect(b.text("Q2 2021/22")).toBe("Q2 2021/22");
  expect(b.text("Sep\n2018")).toBe("Sep\n2018");
  expect(b.text("Apr-24")).toBe("Apr-24");
  expect(b.text("Target 2018/19")).not.toMatch(/target/i);
  expect(b.text("Value (%)")).not.toMatch(/%|value/i);
  expect(b.text("Ref")).toBe(b.text("Ref"));
  expect(new Blinder(2026).text("Ref")).not.toBe(b.text("Ref"));
});

describe.each(ALL_EXPECTED.map((e) => [e.layout, e] as const))("%s, header-blind", (name, e) => {
  test.each(SALTS)(
    "salt %d: same rows, titles and series; never refused; unsure where it differs",
    (salt) => {
      const blind = blindWorkbook(specNamed(name), salt);
      let a: Analysis | undefined;
      expect(() => {
        a = analyseBookAsUser(workbookOf(blind));
      }).not.toThrow();
      if (!a) return;
      const letters = lettersOf(blind, e.sheet);
      checkStructure(a, e, e.seriesNeedsWords !== undefined && unsure(a, "value", letters));
      const tokens = new Blinder(salt);
      const wrongAndSure = differences(a, e)
        .filter((d) => !(d.field === "section" && d.got === tokens.text(String(d.want))))
        .filter((d) => !unsure(a as Analysis, d.field, letters));
      expect(wrongAndSure).toEqual([]);
    },
  );
});
