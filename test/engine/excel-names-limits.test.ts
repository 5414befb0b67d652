/** Excel's rules for sheet names and cell limits, applied before Excel sees them. */
import {
  clipText,
  fitExcelLimits,
  MAX_CELL_CHARS,
  MAX_ROW_HEIGHT,
} from "../../src/engine/paper/excel-limits";
import {
  chooseCommitteeName,
  placeCommitteeSheet,
  sheetNameProblem,
  validSheetName,
} from "../../src/engine/sheet-name";
import { buildCommitteePlan } from "../../src/engine/paper/committee";
import { analyse } from "../../src/engine/judge/assess";
import { gridOf, pct } from "../helpers";

describe("sheet names", () => {
  test("names that differ only in case are the same sheet", () => {
    const none = () => false;
    expect(chooseCommitteeName("Committee", ["COMMITTEE"], none)).toMatchObject({ name: "Committee (2)" });
    expect(chooseCommitteeName("Committee", ["COMMITTEE"], (n) => n === "COMMITTEE")).toEqual({
      name: "COMMITTEE",
      ours: true,
      renamed: true,
    });
  });

  test("names Excel refuses are made valid", () => {
    expect(sheetNameProblem("History")).toMatch(/reserved/);
    expect(sheetNameProblem("'Paper")).toMatch(/begin or end/);
    expect(sheetNameProblem("a/b")).toMatch(/cannot contain/);
    expect(sheetNameProblem("x".repeat(32))).toMatch(/31/);
    expect(sheetNameProblem("Committee")).toBeNull();
    for (const bad of ["History", "'Paper'", "Q1: scrutiny [draft]", "x".repeat(40) + "'", "   "])
      expect(sheetNameProblem(validSheetName(bad))).toBeNull();
    expect(chooseCommitteeName("history", [], () => false).name).toBe("history (2)");
  });

  test("a marked sheet the analyst renamed is refreshed under its new name; the source never is", () => {
    expect(
      placeCommitteeSheet("Committee", ["Scorecard", "Paper for Dec"], ["Paper for Dec"], "Scorecard"),
    ).toEqual({ name: "Paper for Dec", ours: true, renamed: true });
    expect(placeCommitteeSheet("Committee", ["Scorecard", "Committee"], ["Committee"], "Scorecard")).toEqual({
      name: "Committee",
      ours: true,
      renamed: false,
    });
    expect(placeCommitteeSheet("Committee", ["Scorecard"], ["Scorecard"], "Scorecard")).toMatchObject({
      name: "Committee",
      ours: false,
    });
  });
});

describe("cell limits", () => {
  test("text over 32,767 characters is cut with a visible ellipsis and reported", () => {
    const long = "x".repeat(MAX_CELL_CHARS + 10);
    expect(clipText(long)).toHaveLength(MAX_CELL_CHARS);
    expect(clipText(long).endsWith("…")).toBe(true);
    const grid = gridOf([
      ["Ref", "Measure", "Current", "Target"],
      ["1.1", long, pct(0.8), pct(0.9)],
    ]);
    const r = buildCommitteePlan({ analysis: analyse(grid), name: "C", generatedAt: new Date(2018, 0, 1) });
    expect(r.truncated.length).toBeGreaterThan(0);
    for (const { row, col } of r.truncated) expect(String(r.plan.values[row][col]).endsWith("…")).toBe(true);
    expect(r.plan.values.flat().every((v) => typeof v !== "string" || v.length <= MAX_CELL_CHARS)).toBe(true);
    expect(Math.max(...r.plan.rowHeights)).toBeLessThanOrEqual(MAX_ROW_HEIGHT);
  });

  test("row heights are capped at 409 points", () => {
    const r = buildCommitteePlan({
      analysis: analyse(
        gridOf([
          ["Ref", "Measure", "Current"],
          ["1", "y ".repeat(3000), 5],
        ]),
      ),
      name: "C",
      generatedAt: new Date(2018, 0, 1),
    });
    expect(fitExcelLimits(r.plan).plan.rowHeights.every((h) => h <= MAX_ROW_HEIGHT)).toBe(true);
    expect(r.plan.rowHeights.every((h) => h <= MAX_ROW_HEIGHT)).toBe(true);
  });
});
