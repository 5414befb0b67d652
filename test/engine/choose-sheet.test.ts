/** Which sheet is the scorecard, when nobody has said: the engine's choice, the one both hosts use. */
import type { Grid } from "../../src/engine/grid";
import { NoScorecardError, chooseScorecardSheet } from "../../src/engine/read/choose-sheet";
import { syntheticGrid } from "../../scripts/synthetic";
import { gridOf } from "../helpers";

const contents = gridOf(
  [["Children's services performance"], ["Contents"], ["1", "Scorecard"], ["2", "Notes"]],
  "Contents",
);
const notes = gridOf(
  [["Definitions follow the statutory returns."], ["Rates are per 10,000 children."]],
  "Notes",
);
const scorecard = (name: string, n = 12, hidden = false): Grid => ({
  ...syntheticGrid(n, 6, 2, name),
  hidden,
});

test("a contents and a notes sheet first are passed over", () => {
  const c = chooseScorecardSheet([contents, notes, scorecard("Scorecard")]);
  expect(c.grid.sheet).toBe("Scorecard");
  expect(c.index).toBe(2);
  expect(c.why).toMatch(/Using sheet 'Scorecard', the one that reads most like a scorecard/);
});

test("visible sheets before hidden ones, even where the hidden one holds more", () => {
  const c = chooseScorecardSheet([contents, scorecard("Data", 40, true), scorecard("Summary", 12)]);
  expect(c.grid.sheet).toBe("Summary");
});

test("a hidden sheet is read where no visible one gives indicators, and the reason says so", () => {
  const c = chooseScorecardSheet([contents, scorecard("Data", 12, true)]);
  expect(c.grid.sheet).toBe("Data");
  expect(c.why).toMatch(/it is hidden, and no visible sheet reads as one/);
});

test("formulas whose results were never saved are named as the reason", () => {
  const f = { value: null, formula: true };
  const unsaved = gridOf(
    [
      ["Indicator", "Q1", "Q2"],
      ["Visits on time", f, f],
      ["Plans reviewed", f, f],
    ],
    "Summary",
  );
  expect(() => chooseScorecardSheet([contents, unsaved])).toThrow(NoScorecardError);
  expect(() => chooseScorecardSheet([contents, unsaved])).toThrow(
    /Sheet 'Summary' holds formulas whose results were never saved/,
  );
});

test("no sheet reads: every sheet's reason, in one message", () => {
  expect(() => chooseScorecardSheet([contents, notes])).toThrow(
    /No sheet reads as a scorecard\. Sheet 'Contents': .* Sheet 'Notes'/,
  );
  expect(() => chooseScorecardSheet([])).toThrow(/The workbook has no sheets/);
});
