/**
 * Column roles without a vocabulary gate: each sheet here has headers no list knows, and each column's
 * role comes from what its cells hold and where it stands, at a confidence that says so.
 */
import { analyse } from "../../src/engine/judge/assess";
import { readLayout } from "../../src/engine/read/layout";
import { CONFIRM_BELOW } from "../../src/engine/read/reading";
import { gridOf, pct } from "../helpers";

const roles = (g: ReturnType<typeof gridOf>) => readLayout(g).columns.map((c) => c.role);

test("the measure is the column of distinct titles left of the figures, the reference the codes beside it", () => {
  const g = gridOf([
    ["Qz", "Wv", "Kp", "Jx"],
    ["CP-1", "Children seen within ten working days", pct(0.8), "Reviewed monthly with the teams."],
    ["CP-2", "Plans reviewed within timescale", pct(0.9), "Reviewed monthly with the teams."],
    ["CP-3", "Visits completed on time", pct(0.7), "Below target; a recovery plan is in place."],
  ]);
  expect(roles(g)).toEqual(["ref", "measure", "current", "commentary"]);
  const l = readLayout(g);
  expect(l.columns[1].confidence).toBeLessThan(CONFIRM_BELOW);
  expect(l.columns[1].evidence).toMatch(/B is Measure because it holds 3 distinct titles in words/);
});

test("counts are found by their arithmetic: Num / Denom = the value", () => {
  const g = gridOf([
    ["Zq", "Ab", "Cd", "Ef", "Gh"],
    ["Assessments on time", 80, 100, pct(0.8), pct(0.9)],
    ["Visits on time", 45, 60, pct(0.75), pct(0.9)],
    ["Plans reviewed", 30, 32, pct(0.938), pct(0.95)],
  ]);
  const l = readLayout(g);
  expect(l.columns.map((c) => c.role)).toEqual(["measure", "numerator", "denominator", "current", "target"]);
  expect(l.columns[1].evidence).toMatch(/3 of 3 rows give the value in D as B \/ C/);
  expect(l.columns[1].confidence).toBeGreaterThanOrEqual(CONFIRM_BELOW);
});

test("a run of periods with a word before each is one series, the latest its current value", () => {
  const g = gridOf([
    ["Indicator", "Actual 2015/16", "Actual 2016/17", "Actual 2017/18", "Target 2017/18"],
    ["Children seen alone", pct(0.7), pct(0.75), pct(0.8), pct(0.85)],
  ]);
  const a = analyse(g);
  expect(a.periods).toEqual(["2015/16", "2016/17", "2017/18"]);
  // No polarity given: higher is assumed, and 80% is more than 5% of the target short of 85%.
  expect(a.indicators[0]).toMatchObject({ value: 0.8, band: "red", polaritySource: "assumed" });
});

test("years of different kinds ('2008/09 Result', '2009/10 Target') are no series", () => {
  const g = gridOf([
    ["Ref", "Title", "2008/09 Result", "2009/10 Target", "Full Year Result"],
    ["NI 61", "Timeliness of placements", pct(0.873), pct(0.85), pct(0.883)],
  ]);
  const a = analyse(g);
  expect(a.periods).toEqual([]);
  expect(a.columns.map((c) => c.role)).toEqual(["ref", "measure", "previous", "target", "current"]);
});

test("a repeat of a series period under other words is another figure, not the series", () => {
  const g = gridOf([
    ["Indicator", "Xq 2016/17", "Xq 2017/18", "Xq 2018/19", "Zv 2018/19"],
    ["Children seen alone", pct(0.7), pct(0.75), pct(0.8), pct(0.85)],
  ]);
  const l = readLayout(g);
  expect(l.series.map((s) => s.col)).toEqual([1, 2, 3]);
  expect(l.columns[4]).toMatchObject({ role: null });
});

test("a header the reader does not know never stops the read: the unknown figures lower the confidence", () => {
  const g = gridOf([
    ["Indicator", "Q1 2023/24", "Q2 2023/24", "Pqrs"],
    ["Children seen alone", pct(0.7), pct(0.75), pct(0.42)],
    ["Visits on time", pct(0.6), pct(0.65), pct(0.13)],
  ]);
  const a = analyse(g);
  expect(a.indicators.map((i) => i.value)).toEqual([0.75, 0.65]);
  expect(a.reading.confidence).toBeLessThan(0.9);
  expect(a.reading.doubts.join(" ")).toMatch(/D holds figures under a header that names no role/);
});

test("one small block per indicator: each block's title is its indicator", () => {
  const g = gridOf([
    ["Number of households in temporary accommodation will reduce."],
    ["", "Q1", "Q2", "Q3"],
    ["", 310, 300, 290],
    [],
    ["The percentage of children re-registered will reduce."],
    ["", "Q1", "Q2", "Q3"],
    ["", pct(0.12), pct(0.1), pct(0.09)],
  ]);
  const a = analyse(g);
  expect(a.indicators.map((i) => [i.title, i.value, i.polarity])).toEqual([
    ["Number of households in temporary accommodation will reduce.", 290, "lower"],
    ["The percentage of children re-registered will reduce.", 0.09, "lower"],
  ]);
});
