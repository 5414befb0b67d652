/** Units and polarity from the measure's own wording, and from the council's own words about its figures. */
import { analyse } from "../../src/engine/judge/assess";
import { polarityFromMove, polarityFromRating } from "../../src/engine/judge/polarity";
import { polarityFromWording, unitFromWording } from "../../src/engine/read/measure-wording";
import { gridOf, pct } from "../helpers";

test.each([
  ["Percentage of children seen alone", { unit: "percent" }],
  ["% of referrals within 12 months", { unit: "percent" }],
  ["Single assessments in 45 days (%)", { unit: "percent" }],
  ["Rate of children in need per 10,000 children", { unit: "rate", per: 10000 }],
  ["Children looked after, per 1,000 population", { unit: "rate", per: 1000 }],
  ["Number of children looked after", { unit: "number" }],
  ["Children seen alone", null],
])("unit of '%s'", (title, unit) => {
  expect(unitFromWording(title)).toEqual(unit);
});

test.each([
  ["Overall audit score (lower is better)", "lower"],
  ["The number of children on plans will reduce", "lower"],
  ["Reduce the number of children missing from care", "lower"],
  ["Average time between entering care and adoption", "lower"],
  ["Increase the proportion of care leavers in work", "higher"],
  ["Care leavers in suitable accommodation", null],
])("polarity of '%s'", (title, polarity) => {
  expect(polarityFromWording(title)).toBe(polarity);
});

test("the council's own words read against the figures: an improvement as the figure fell", () => {
  expect(polarityFromMove("Improve", 26, 25)).toBe("lower");
  expect(polarityFromMove("Worsen", 30.8, 25.3)).toBe("higher");
  expect(polarityFromMove("Improved", 5, 5)).toBeNull();
  expect(polarityFromMove("↑", 1, 2)).toBeNull();
  expect(polarityFromRating("R", 0.146, 0.12)).toBe("lower");
  expect(polarityFromRating("Green", 0.9, 0.85)).toBe("higher");
  expect(polarityFromRating("Amber", 0.9, 0.85)).toBeNull();
});

test("'Percentage of' makes whole numbers percentages, unless a figure is above 100", () => {
  const a = analyse(
    gridOf([
      ["Indicator", "2021/22", "2022/23"],
      ["Percentage of empty places within schools", 28, 26],
      ["Percentage of visits recorded", 120, 130],
      ["Children seen alone", pct(0.5), pct(0.6)],
    ]),
  );
  expect(a.indicators.map((i) => [i.unit, i.value])).toEqual([
    ["percent", 0.26],
    ["number", 130],
    ["percent", 0.6],
  ]);
});

test("an up arrow under 'Ideal direction' makes higher better; arrows under 'DoT' are the last direction", () => {
  const a = analyse(
    gridOf([
      ["Indicator", "Ideal direction", "2022/23", "2023/24", "Target", "DoT"],
      ["Children seen alone", "↑", pct(0.7), pct(0.8), pct(0.75), "↑"],
      ["Re-referrals within a year", "↓", pct(0.2), pct(0.22), pct(0.18), "↑"],
    ]),
  );
  expect(a.columns.map((c) => c.role)).toEqual([
    "measure",
    "polarity",
    "period",
    "period",
    "target",
    "previousDirection",
  ]);
  expect(a.indicators.map((i) => [i.polarity, i.polaritySource, i.band])).toEqual([
    ["higher", "polarity column", "green"],
    ["lower", "polarity column", "red"],
  ]);
});
