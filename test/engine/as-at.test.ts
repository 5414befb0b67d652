/** A paper re-issued "as at" an earlier month, and indicators or sections left out of the paper. */
import { analyse } from "../../src/engine/judge/assess";
import { buildCommitteePlan } from "../../src/engine/paper/committee";
import { validateSettings } from "../../src/engine/config";
import { Grid } from "../../src/engine/grid";
import { MONTHLY, byRef, seedGrid } from "../helpers";

let grid: Grid;
beforeAll(async () => {
  grid = await seedGrid(MONTHLY);
});

describe("as at an earlier period", () => {
  test("the latest period is the default, and the paper states it", () => {
    const a = analyse(grid);
    expect(a.allPeriods).toEqual(["May 18", "Jun 18", "Jul 18", "Aug 18", "Sep 18", "Oct 18"]);
    expect(a.reportingPeriod).toBe("October 2018");
  });

  test("cuts the series at the chosen month, takes the value there and compares with the month before", () => {
    const latest = analyse(grid);
    const aug = analyse(grid, { asAt: "Aug 18" });
    expect(aug.reportingPeriod).toBe("Aug 18");
    expect(aug.periods).toEqual(["May 18", "Jun 18", "Jul 18", "Aug 18"]);
    expect(aug.allPeriods).toHaveLength(6);
    const changed = aug.indicators.filter(
      (i, n) => i.series.length && i.value !== latest.indicators[n].value,
    );
    expect(changed.length).toBeGreaterThan(0);
    for (const i of aug.indicators) {
      const known = i.series.filter((v): v is number => v !== null);
      // The value is the chosen month's (or the last before it), never the Current column of October.
      if (known.length) expect(i.value).toBeCloseTo(known[known.length - 1], 10);
      expect(i.numerator).toBeUndefined();
      expect(i.flags.map((f) => f.code)).not.toContain("current-differs-from-latest-period");
      if (i.trend.shortTerm.direction !== "unknown")
        expect(i.trend.shortTerm.reason).not.toMatch(/Oct 18|Sep 18/);
    }
  });

  test("the latest period chosen explicitly reads exactly as no choice at all", () => {
    const a = analyse(grid, { asAt: "oct 18" });
    const b = analyse(grid);
    expect(a.indicators.map((i) => [i.value, i.band, i.trend.direction])).toEqual(
      b.indicators.map((i) => [i.value, i.band, i.trend.direction]),
    );
    expect(byRef(a, "1.1").numerator).toBe(byRef(b, "1.1").numerator);
  });

  test("a period the sheet does not have is said, and the latest used", () => {
    const a = analyse(grid, { asAt: "Mar 17" });
    expect(a.periods).toHaveLength(6);
    expect(a.notes.join(" ")).toMatch(/as at 'Mar 17', which is not a period of sheet 'Scorecard'.*Oct 18/);
  });

  test("the committee sheet says which period it reports", () => {
    const plan = buildCommitteePlan({
      analysis: analyse(grid, { asAt: "Jul 18" }),
      name: "Committee",
      generatedAt: new Date(0),
    }).plan;
    expect(plan.values.flat().join(" ")).toMatch(/Reporting period: Jul 18\./);
    // A sheet that does not state its period reports the latest of its series, and says so.
    const unstated = { ...analyse(grid), reportingPeriod: undefined };
    const latest = buildCommitteePlan({
      analysis: unstated,
      name: "Committee",
      generatedAt: new Date(0),
    }).plan;
    expect(latest.values.flat().join(" ")).toMatch(/Reporting period: Oct 18\./);
  });
});

describe("what goes to committee", () => {
  test("settings keep the choice and reject a malformed one", () => {
    expect(validateSettings({ committee: { excludeIndicators: ["1.1"] } }).settings.committee).toEqual({
      excludeIndicators: ["1.1"],
      excludeSections: [],
    });
    const bad = validateSettings({ committee: { excludeIndicators: "1.1" } });
    expect(bad.settings.committee).toBeUndefined();
    expect(bad.problems[0]).toMatch(/^committee:/);
    expect(validateSettings({ asAt: 7 }).problems[0]).toMatch(/^asAt:/);
  });

  test("excluded indicators and sections are left out of the plan, and the analysis keeps them", () => {
    const all = analyse(grid);
    const section = all.indicators[all.indicators.length - 1].section;
    expect(section).not.toBeNull();
    const a = analyse(grid, { committee: { excludeIndicators: ["1.1"], excludeSections: [section] } });
    expect(a.indicators).toHaveLength(all.indicators.length);
    const plan = buildCommitteePlan({ analysis: a, name: "Committee", generatedAt: new Date(0) }).plan;
    const keys = plan.values
      .slice(plan.commentary.headerRow + 1)
      .map((r) => r[plan.commentary.keyColumn])
      .filter((k): k is string => typeof k === "string");
    const expected = all.indicators.filter((i) => i.key !== "1.1" && i.section !== section).map((i) => i.key);
    expect(keys).toEqual(expected);
    expect(expected.length).toBeLessThan(all.indicators.length - 1);
  });
});
